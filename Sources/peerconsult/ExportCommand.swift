import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult export`: sessions as Markdown, HTML or JSON, anonymised if asked.
struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Export sessions as Markdown, HTML or JSON.",
    discussion: """
      Markdown is for reading and pasting; HTML is one page that prints well; JSON holds \
      everything, every edit included, and is what `peerconsult import` reads \
      (Docs/EXPORT-FORMAT.md). With --anonymise, people become [Participant A] and \
      organisations [Organisation 1], also inside notes, and the attendee list is left out: read \
      the result before you share it, or add --review to see every replacement and every \
      suspect (a word that may be a name) first: on a terminal, a screen where you choose \
      and write; otherwise a list. Files are written readable by you only.
      """)

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp(
      "Sessions to export: unique prefixes of their ids, or `latest`.", valueName: "SESSION"))
  var sessions: [String] = []

  @Option(help: ArgumentHelp("Export every session of this programme.", valueName: "P"))
  var programme: String?

  @Flag(help: "Export every session.")
  var all = false

  @Option(
    help: "markdown, html or json (by default as the output file's name ends: .md, .html, .json).")
  var format: FormatOption?

  @Flag(
    name: [.customLong("anonymise"), .customLong("anonymize")],
    help: "Replace names and organisations with pseudonyms, for sharing.")
  var anonymise = false

  @OptionGroup var reviewing: ReviewOptions

  @OptionGroup var output: OutputOptions

  func run() throws {
    guard !sessions.isEmpty || programme != nil || all else {
      throw CLIError(
        "Name the sessions to export (an id prefix, or latest), or use --programme P or --all.")
    }
    guard let format = output.format(self.format) else {
      throw CLIError(
        "Say which format: --format markdown, html or json, or -o a file ending .md, .html or .json."
      )
    }
    guard let database = try data.existingDatabase() else { throw StoreError.noSessions }
    defer { database.closeForExit() }
    var ids: [SessionID] = []
    if all {
      ids = try database.sessions().map(\.id)
    } else {
      ids = try sessions.map(database.resolveSession)
      if let programme {
        let name = try database.resolveProgramme(programme)
        ids += try database.sessions().filter { $0.programme == name }.map(\.id)
      }
    }
    var seen = Set<SessionID>()
    let unique = ids.filter { seen.insert($0).inserted }
    // Read after the review step, which may store the facilitator's choices first.
    switch try reviewing.check(
      unique, anonymise: anonymise, data: data,
      review: { try database.shareReview(of: unique) })
    {
    case .print(let review):
      try StandardOutput.write(review)
      return
    case .screen:
      let listings = try database.sessions()
      let heading =
        unique.count == 1
        ? listings.first { $0.id == unique[0] }?.title ?? unique[0].short
        : "\(unique.count) sessions"
      try reviewing.showScreen(
        .sessions(unique), heading: heading, format: format.shareFormat, output: output,
        data: data)
      return
    case .write: break
    }
    try stream(unique, as: format, from: database)
  }

  /// Writes `sessions` one at a time (``SessionExport/stream(_:from:as:anonymise:timeZone:to:)``),
  /// so that `export --all` takes the memory of one session, not of every one; anonymised and
  /// HTML exports read them twice (who was there and how many, then each to write).
  private func stream(_ sessions: [SessionID], as format: FormatOption, from database: AppDatabase)
    throws
  {
    var read = SessionRecords()
    try output.stream(
      { write in
        let streamed = try SessionExport.stream(
          sessions, from: database, as: format.shareFormat, anonymise: anonymise, to: write)
        read.skipped = streamed.skipped
        read.reportSkipped()
        if let line = CommandText.undecidedSuspects(streamed.undecidedSuspects) { printError(line) }
        return streamed.written == 0
          ? nil
          : CommandText.counted(streamed.written, anonymise ? "anonymised session" : "session")
      })
    guard read.skipped.count < sessions.count else {
      try read.failIfSkipped()
      throw StoreError.noSessions
    }
    try read.failIfSkipped()
  }
}
