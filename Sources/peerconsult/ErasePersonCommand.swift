import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult erase-person NAME`: a person's name, organisation and mentions replaced by a
/// permanent pseudonym in every session, with nothing of them left on disk.
struct ErasePersonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "erase-person",
    abstract: "Erase a person from every session, leaving nothing of them in the data folder.",
    discussion: """
      Their name becomes a permanent pseudonym ([Erased person 1]) and their organisation \
      [erased organisation] in every session they took part in, and mentions of both in \
      titles, focus questions and every version of every note are replaced too, there and in \
      every meeting of a standing group they were a member of (those they missed included). \
      Each session records the erasure, never the name. The database is then rewritten so that no byte of \
      what was removed stays in the file, its WAL or its free pages. Backups and exports made \
      before are not touched. Refused while one of their sessions is being facilitated in \
      another PeerConsult, or held by another machine on a shared store. Asks first; --yes \
      answers for scripts.
      """)

  @OptionGroup var data: DataOptions

  @Argument(help: ArgumentHelp("The person's name, as the sessions list it.", valueName: "NAME"))
  var name: String

  @Flag(help: "Erase without asking.")
  var yes = false

  func run() throws {
    let database = try data.existingDatabaseForWriting()
    defer { database.closeForExit() }
    if !yes {
      try Confirmation.ask(
        "Erase \(name) from every session they took part in and their standing groups' "
          + "meetings? It cannot be undone. [y/N] ",
        noTerminal:
          "erase-person rewrites sessions for good: run it in a terminal to confirm, or add --yes.",
        declined: "Nothing was erased.")
    }
    let erasure = try data.holdingLeases(
      on: try database.sessions(toErase: name), in: database
    ) {
      try database.erasePerson(named: name, at: Date()) {
        SessionLock.isLive($0, in: data.location.dataDirectory)
      }
    }
    try StandardOutput.line(
      "Erased \(name) from \(CommandText.counted(erasure.sessions.count, "session"))"
        + (erasure.groups.isEmpty
          ? "" : " and \(CommandText.counted(erasure.groups.count, "standing group"))")
        + ": "
        + "they are now \(erasure.pseudonym).")
    if !erasure.cleared { printError(CommandText.notCleared(database.fileURL.path)) }
  }
}
