import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult backup FILE`: a consistent copy of every session, even while one runs.
struct BackupCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "backup",
    abstract: "Copy every session into one file, even while a session is running.",
    discussion: """
      The copy holds everything saved when the backup starts; notes saved meanwhile go into \
      the next one. The file is readable by you only; `peerconsult restore FILE` brings it \
      back.
      """)

  @OptionGroup var data: DataOptions

  @Argument(help: ArgumentHelp("The backup file to write.", valueName: "FILE"))
  var file: String

  @Flag(help: "Replace the file if it already exists.")
  var force = false

  func run() throws {
    guard let database = try data.existingDatabase() else {
      throw CLIError("\(data.noSessionsYet) Nothing to back up.")
    }
    defer { database.closeForExit() }
    let url = URL(fileURLWithPath: (file as NSString).expandingTildeInPath)
    try database.backup(to: url, replacing: force)
    let sessions = try AppDatabase.checkBackup(url)
    try StandardOutput.line(
      "Backed up \(CommandText.counted(sessions, "session")) to \(url.path) (readable by you only)."
    )
  }
}
