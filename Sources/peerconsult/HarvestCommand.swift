import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult harvest`: a programme's learning, as a briefing.
struct HarvestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "harvest",
    abstract: "Report what a programme learned: themes, what works, blockages and actions.",
    discussion: """
      Organised by the programme's questions: #tags and theme notes with their counts and \
      trends, what works well, blockages, actions agreed and done, the slice across the system \
      (levels and organisations per session and per standing group, who has presented), actions \
      per group and over time (done, dropped, carried forward, overdue) and the evaluation of the \
      model (process reviews, ratings over time). Notes are quoted without who said them. \
      --since and --until (2027-01-15) limit the sessions by the day they were held. With \
      --anonymise, names and organisations are replaced as in `export --anonymise`.
      """)

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("The programme to harvest.", valueName: "P"))
  var programme: String

  @Option(
    help:
      "markdown, html or json (by default as the output file's name ends: .html, .json; else markdown)."
  )
  var format: FormatOption?

  @Option(help: ArgumentHelp("Only sessions held on or after this day.", valueName: "YYYY-MM-DD"))
  var since: String?

  @Option(help: ArgumentHelp("Only sessions held on or before this day.", valueName: "YYYY-MM-DD"))
  var until: String?

  @Flag(
    name: [.customLong("anonymise"), .customLong("anonymize")],
    help: "Replace names and organisations with pseudonyms, for sharing.")
  var anonymise = false

  @OptionGroup var reviewing: ReviewOptions

  @OptionGroup var output: OutputOptions

  /// The days asked for, in this machine's time zone as the report's days are written; a day
  /// that is not one is refused in one line before the data folder is opened.
  private func period() throws -> ReportPeriod {
    do {
      return try ReportPeriod(since: since, until: until, timeZone: .current)
    } catch {
      throw CLIError(error.description)
    }
  }

  func run() throws {
    let format = output.format(self.format) ?? .markdown
    let period = try period()
    guard let database = try data.existingDatabase() else { throw StoreError.noSessions }
    defer { database.closeForExit() }
    let name = try database.resolveProgramme(programme)
    // The sessions a review before sharing reads, named from the listing, which replays
    // nothing; their records are read only by the review step, which may store the
    // facilitator's choices first, and the harvest is read after it. Listed only when a review
    // option was given: otherwise nothing looks at them, and every session was listed for
    // nothing.
    let ids =
      anonymise && reviewing.asked
      ? try database.sessions().filter { $0.programme == name && period.contains($0.createdAt) }
        .map(\.id) : []
    switch try reviewing.check(
      ids, anonymise: anonymise, data: data,
      review: { try database.shareReview(of: ids) })
    {
    case .print(let review):
      try StandardOutput.write(review)
      return
    case .screen:
      try reviewing.showScreen(
        .harvest(programme: name, period: period), heading: "Harvest · \(name)",
        format: format.shareFormat,
        output: output, data: data)
      return
    case .write: break
    }
    let groups = Dictionary(
      try database.groups().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    // Read and written through the output's stream, which refuses a file that exists (without
    // `--force`) before a session is read: a report of a thousand sessions takes a second to
    // make, and was refused only once made.
    var skipped: [StoreError] = []
    try output.stream { write in
      // Read from the tables, notes by kind, without replaying a session; anonymised, the
      // anonymiser learns from the tables what it would learn from the records.
      let read =
        anonymise
        ? try database.anonymisedProgrammeSessions(programme: name, in: period)
        : try database.programmeSessions(programme: name, in: period)
      skipped = read.skipped
      for error in read.skipped { printError(CommandText.skipped(error)) }
      // A piece at a time: an HTML report's long lists are written as they stand, not
      // gathered into one string first.
      if anonymise {
        try HarvestExport.render(
          anonymisedSessions: read.sessions, programme: name, as: format.shareFormat,
          period: period, into: write)
      } else {
        try HarvestExport.render(
          sessions: read.sessions, programme: name, as: format.shareFormat, period: period,
          groups: groups, into: write)
      }
      if let line = CommandText.undecidedSuspects(read.undecidedSuspects) { printError(line) }
      let sessions = CommandText.counted(read.sessions.count, "session")
      return anonymise ? "the anonymised harvest of \(sessions)" : "the harvest of \(sessions)"
    }
    // The rest was written, but a script must not take it for the whole.
    if !skipped.isEmpty { throw ExitCode.failure }
  }
}
