import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult list`: the newest sessions, newest first.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List sessions, newest first.",
    discussion: """
      The ID column is enough of each session's id to name it to show or export. The newest \
      \(defaultLimit) are listed, with a line saying how many more there are; --json lists \
      every session unless --limit is given.
      """)

  /// How many sessions a plain `list` shows: a screenful or two, read without visiting the
  /// rest, however many years of sessions the folder holds.
  static let defaultLimit = 50

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  // Unconditional, so that "--limit -1" is refused as a number below 1, not as a missing
  // value followed by an unknown option.
  @Option(
    parsing: .unconditional,
    help: ArgumentHelp("List the newest N sessions (default \(defaultLimit)).", valueName: "N"))
  var limit: Int?

  @Flag(help: "List every session.")
  var all = false

  @Flag(help: "Print JSON (described in Docs/EXPORT-FORMAT.md).")
  var json = false

  func run() throws {
    // Refused in one line, as every other refusal (a validation error would add the usage).
    if let limit, limit < 1 { throw CLIError("--limit must be 1 or more.") }
    if all && limit != nil { throw CLIError("--all and --limit cannot go together.") }
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(json ? "[]" : data.noSessionsYet)
      return
    }
    defer { database.closeForExit() }
    let name = try programme.map { try database.resolveProgramme($0) }
    let everything = all || (json && limit == nil)
    let (listings, total) = try database.newestSessions(
      limit: everything ? Int.max : limit ?? Self.defaultLimit, programme: name)
    if json {
      try StandardOutput.write(CommandJSON.listings(listings))
      return
    }
    guard !listings.isEmpty else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    try StandardOutput.write(CommandText.listings(listings, width: outputColumns))
    if total > listings.count {
      try StandardOutput.line(CommandText.moreSessions(shown: listings.count, total: total))
    }
  }
}
