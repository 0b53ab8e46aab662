import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult restore FILE`: every session from a backup, the current ones kept aside.
struct RestoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "restore",
    abstract: "Replace every session with those of a backup, keeping the current ones aside.",
    discussion: """
      The backup is checked first: a damaged file, another program's database or a backup \
      from a newer PeerConsult is refused. The current database is copied beside it as \
      peerconsult.sqlite.before-restore-<time> before anything changes. Asks first; --yes \
      answers for scripts. Refused while a session is running in another window: leave it \
      there (q) first.
      """)

  @OptionGroup var data: DataOptions

  @Argument(help: ArgumentHelp("A file written by `peerconsult backup`.", valueName: "FILE"))
  var file: String

  @Flag(help: "Restore without asking.")
  var yes = false

  func run() throws {
    let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
    let incoming = try AppDatabase.checkBackup(url)
    let folder = data.location.dataDirectory
    let database = try data.database()
    defer { database.closeForExit() }
    let sessions = try database.sessions()
    // A session running elsewhere would go on saving into the restored database, its notes
    // since the backup no longer there, while its screen still showed them. Asked again after
    // the question, which may wait.
    try Self.refuseWhileLive(sessions.map(\.id), in: folder)
    let current = sessions.count
    if !yes {
      try Confirmation.ask(
        "Replace the \(CommandText.counted(current, "session")) in \(folder.path) with the "
          + "\(CommandText.counted(incoming, "session")) of \(url.path)? [y/N] ",
        noTerminal:
          "restore replaces every session: run it in a terminal to confirm, or add --yes.",
        declined: "Nothing was restored.")
    }
    // Read again: a session may have been started while the question waited.
    try Self.refuseWhileLive(try database.sessions().map(\.id), in: folder)
    let aside = folder.appendingPathComponent(AppDatabase.restoreCopyName(Self.timestamp()))
    try database.restore(from: url, keepingCurrentAt: aside)
    try StandardOutput.line(
      "Restored \(CommandText.counted(incoming, "session")) from \(url.path); the database as it was "
        + "is kept as \(aside.path).")
  }

  /// Refuses, changing nothing, when one of `sessions` is live in another program.
  private static func refuseWhileLive(_ sessions: [SessionID], in folder: URL) throws {
    if let live = sessions.first(where: { SessionLock.isLive($0, in: folder) }) {
      throw StoreError.openElsewhere(live)
    }
  }

  /// The time in the aside file's name, to the millisecond so that two restores in one second
  /// keep both: sortable, and free of characters shells mind.
  private static func timestamp() -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.dateFormat = "yyyyMMdd-HHmmss-SSS"
    return formatter.string(from: Date())
  }
}
