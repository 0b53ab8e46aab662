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
      every meeting of a standing group they were a member of or came to as a guest (those \
      they missed included); a member leaves the group. \
      Each session records the erasure, never the name. The database is then rewritten so that \
      no byte of what was removed stays in the file, its WAL or its free pages. Backups, \
      exports and the copies restore kept, made before, are not touched; it says where \
      restore's copies are. Refused while one of their sessions is being facilitated in \
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
    // The copies `restore` keeps beside the database were made before: they may still hold
    // the person, and "leaving nothing of them in the data folder" is true only once they go.
    let copies = AppDatabase.restoreCopies(in: data.location.dataDirectory)
    if let first = copies.first {
      try StandardOutput.line(
        "\(CommandText.counted(copies.count, "copy", "copies")) that restore kept in the data "
          + "folder (\(first)\(copies.count > 1 ? ", …" : "")) may still hold them: delete "
          + "\(copies.count > 1 ? "them" : "it") if they should go too.")
    }
  }
}
