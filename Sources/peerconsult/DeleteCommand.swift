import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult delete SESSION`: removes a session so that nothing of it is left on disk.
struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete a session, leaving nothing of it in the data folder.",
    discussion: """
      Removes the session's events, notes, search entries and everything kept from them; the \
      database is then rewritten so that no byte of the session stays in the file, its WAL or \
      its free pages. Backups and exports made before are not touched. A session being \
      facilitated in another PeerConsult, or held by another machine on a shared store, is \
      refused. Asks first; --yes answers for scripts.
      """)

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp("A unique prefix of the session's id, or `latest`.", valueName: "SESSION"))
  var session: String

  @Flag(help: "Delete without asking.")
  var yes = false

  func run() throws {
    let database = try data.existingDatabaseForWriting()
    defer { database.closeForExit() }
    let id = try database.resolveSession(session)
    let title = try database.sessions().first { $0.id == id }?.title ?? ""
    if !yes {
      try Confirmation.ask(
        "Delete session \(id.short) (\(title)) for good? It cannot be undone. [y/N] ",
        noTerminal:
          "delete removes a session for good: run it in a terminal to confirm, or add --yes.",
        declined: "Nothing was deleted.")
    }
    let cleared = try data.holdingLeases(on: [id], in: database) {
      try database.deleteSession(id) { SessionLock.isLive($0, in: data.location.dataDirectory) }
    }
    try StandardOutput.line("Deleted session \(id.short) (\(title)).")
    if !cleared { printError(CommandText.notCleared(database.fileURL.path)) }
  }
}
