import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult import`: merges JSON exports into the data folder.
struct ImportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "import",
    abstract: "Import sessions from JSON exports, as when merging several facilitators' laptops.",
    discussion: """
      Every file is read and checked before anything is written, and then everything is \
      written at once: if one file is refused, nothing is imported. A session already in the \
      data folder is left as it is, so importing a file twice changes nothing; a later export of \
      a session adds what happened since.
      """)

  @OptionGroup var data: DataOptions

  @Argument(
    help: ArgumentHelp(
      "Files written by `peerconsult export --format json`.", valueName: "FILE"))
  var files: [String]

  func run() throws {
    guard !files.isEmpty else { throw CLIError("Name at least one file to import.") }
    let urls = files.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
    // Read and checked before the data folder is opened, so a refused file creates nothing;
    // then read again and written, a session at a time, in one transaction.
    let checked = try SessionImport.check(urls)
    let database = try data.database()
    defer { try? database.close() }
    let outcomes = try SessionImport.write(checked, into: database)
    try StandardOutput.write(CommandText.imported(outcomes.sessions, groups: outcomes.groups))
  }
}
