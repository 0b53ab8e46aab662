import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult harvest`: a programme's learning, as a briefing.
struct HarvestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "harvest",
    abstract: "Gather a programme's themes, what works, blockages and actions into a briefing.",
    discussion: """
      Also the process reviews, who took part by level and organisation, and the sessions over \
      time, for people who were not there. Notes are quoted without who said them. With \
      --anonymise, names and organisations are replaced as in `export --anonymise`.
      """)

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("The programme to harvest.", valueName: "P"))
  var programme: String

  @Option(help: "markdown, html or json.")
  var format: FormatOption = .markdown

  @Flag(
    name: [.customLong("anonymise"), .customLong("anonymize")],
    help: "Replace names and organisations with pseudonyms, for sharing.")
  var anonymise = false

  @OptionGroup var reviewing: ReviewOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    guard let database = try data.existingDatabase() else { throw StoreError.noSessions }
    defer { try? database.close() }
    let name = try database.resolveProgramme(programme)
    // Read after the review step, which may store the facilitator's choices first.
    switch try reviewing.check(
      try database.records(programme: name).records.map(\.id), anonymise: anonymise, data: data,
      records: { try database.records(programme: name).records })
    {
    case .print(let review):
      try StandardOutput.write(review)
      return
    case .screen:
      try reviewing.showScreen(
        .harvest(programme: name), heading: "Harvest · \(name)", format: format.shareFormat,
        output: output, data: data)
      return
    case .write: break
    }
    let read = try database.records(programme: name)
    read.reportSkipped()
    let records = read.records
    if records.isEmpty { try read.failIfSkipped() }
    let text = try HarvestExport.render(
      records, programme: name, as: format.shareFormat,
      options: ShareOptions(anonymise: anonymise))
    try output.write(
      text,
      what:
        "the \(anonymise ? "anonymised " : "")harvest of \(CommandText.counted(records.count, "session"))"
    )
    try read.failIfSkipped()
  }
}
