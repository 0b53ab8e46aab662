import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult import`: merges JSON exports into the data folder.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import sessions from JSON exports, as when merging several facilitators' laptops.",
    discussion: """
      Every session is checked as it is written, and everything is written at once: if one \
      file is refused, nothing is imported and the data folder is left as it was. A session \
      already in the data folder is left as it is, so importing a file twice changes nothing; \
      a later export of a session adds what happened since.
      """)

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp(
      "Files written by `peerconsult export --format json`.", valueName: "FILE"))
  var files: [String]

  func run() throws {
    guard !files.isEmpty else { throw CLIError("Name at least one file to import.") }
    let urls = files.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
    // Each session is decoded once, in the one transaction, where it can be without a refused
    // file creating or changing anything (SessionImport.run says how).
    let folder = data.location.dataDirectory
    var openedInPlace = false
    let result = try SessionImport.run(urls, intoFolder: folder) { database in
      openedInPlace = true
      _ = data.warningAboutTheFolder(of: announcingUpgrade(database))
    }
    if !openedInPlace, let warning = AppDatabase.folderPermissionWarning(for: folder) {
      printError("Warning: \(warning)")
    }
    let imported = result.sessions.filter {
      if case .added = $0.change { true } else if case .extended = $0.change { true } else { false }
    }.map(\.session)
    // A later meeting imported without the meetings it followed up is said to be so; the
    // import is committed, so a failure to look leaves the report without it.
    var missing: [SessionID: Int] = [:]
    if !imported.isEmpty, let database = try? AppDatabase.openForReading(directory: folder) {
      defer { database.closeForExit() }
      missing = (try? database.meetingsMissing(followedUpIn: imported)) ?? [:]
    }
    try StandardOutput.write(
      CommandText.imported(result.sessions, groups: result.groups, missingMeetings: missing))
  }
}
