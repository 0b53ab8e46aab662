import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult search`: notes across sessions, best matches first.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search", abstract: "Search the notes of every session.",
    discussion: """
      Case and accents are ignored (creme finds crème). Every word must match; put a phrase in \
      quotes ('"night time"') and end a word with * to match words starting with it (licen*). \
      Deleted notes are not searched. Best matches come first; with --newest, the newest notes. \
      A search matching more than 200 notes ranks the 200 of them stored last; --newest is \
      exact whatever the number. --speaker keeps the notes a person said (their whole name, or \
      a whole part of it); with it alone, all their notes, newest first.
      """)

  /// How many notes a search shows unless `--limit` says.
  static let defaultLimit = 50

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp("What to find (may be left out with --speaker).", valueName: "QUERY"))
  var query: String?

  @Option(
    help: ArgumentHelp(
      "Only notes said by this person: their name, or a whole part of it.", valueName: "NAME"))
  var speaker: String?

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Option(
    help: ArgumentHelp(
      "Only notes of this kind: \(NoteKind.names).",
      valueName: "K"))
  var kind: String?

  // Unconditional, so that "--limit -1" is refused as a number, not as a missing value.
  @Option(parsing: .unconditional, help: "Show at most this many notes.")
  var limit = defaultLimit

  @Flag(help: "Newest notes first, instead of best matches first.")
  var newest = false

  @Flag(help: "Print JSON (described in Docs/EXPORT-FORMAT.md).")
  var json = false

  /// Refuses what cannot be searched for, before the data folder is opened.
  private func check() throws {
    if let speaker {
      guard !speaker.allSatisfy(\.isWhitespace) else {
        throw CLIError("--speaker needs a name: --speaker \"Priya Patel\", or a part of it.")
      }
      guard speaker.count <= SessionSetup.maximumNameLength else {
        throw CLIError(
          "--speaker is \(speaker.count) characters long; no name is longer than "
            + "\(SessionSetup.maximumNameLength).")
      }
      guard query != nil else { return try checkLimitAndKind() }
    }
    guard let query else {
      throw CLIError(
        "Nothing to search for: type a word, a \"phrase\", a #tag or the start of a word*, "
          + "or give --speaker NAME.")
    }
    guard !NoteSearchQuery(query).isEmpty else {
      throw CLIError(
        "Nothing to search for in \"\(CommandText.quoted(query))\": "
          + "type a word, a \"phrase\", a #tag or the start of a word*.")
    }
    guard !NoteSearchQuery(query).hasTooManyTags else {
      throw CLIError(
        "A search takes at most \(NoteSearchQuery.maximumTags) #tags together: search for fewer.")
    }
    try checkLimitAndKind()
  }

  /// Refuses a limit or a kind of note that cannot be.
  private func checkLimitAndKind() throws {
    guard limit > 0 else { throw CLIError("--limit must be 1 or more.") }
    if let kind, NoteKind(rawValue: kind.lowercased()) == nil {
      throw CLIError(
        "There is no note kind \"\(CommandText.quoted(kind))\"; the kinds are "
          + NoteKind.names + ".")
    }
  }

  func run() throws {
    try check()
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(json ? "[]" : data.noSessionsYet)
      return
    }
    defer { database.closeForExit() }
    let programme = try self.programme.map(database.resolveProgramme)
    let kind = self.kind.flatMap { NoteKind(rawValue: $0.lowercased()) }
    // A person's notes without words to rank come newest first.
    let order: NoteSearchOrder = newest || query == nil ? .newest : .best
    let hits = try database.searchNotes(
      query ?? "", programme: programme, kind: kind, speaker: speaker, order: order, limit: limit)
    if json {
      try StandardOutput.write(CommandJSON.hits(hits))
      return
    }
    // "No notes match said by Grace" read as a slip.
    if hits.isEmpty, let speaker {
      try StandardOutput.line(
        "No notes said by \(speaker)" + (query.map { " match \($0)." } ?? "."))
      return
    }
    let text = CommandText.hits(
      hits, query: query ?? "", limit: limit, styled: stylesOutput, order: order,
      width: outputColumns)
    try stylesOutput ? StandardOutput.writeStyled(text) : StandardOutput.write(text)
  }

}
