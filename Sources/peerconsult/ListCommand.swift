import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult list`: the sessions, newest first.
struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List sessions, newest first.",
    discussion: "The ID column is enough of each session's id to name it to show or export.")

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Flag(help: "Print JSON (described in Docs/EXPORT-FORMAT.md).")
  var json = false

  func run() throws {
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(json ? "[]" : data.noSessionsYet)
      return
    }
    defer { try? database.close() }
    var listings = try database.sessions()
    if let programme {
      let name = try database.resolveProgramme(programme)
      listings = listings.filter { $0.programme == name }
    }
    if json {
      try StandardOutput.write(CommandJSON.listings(listings))
      return
    }
    guard !listings.isEmpty else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    try StandardOutput.write(CommandText.listings(listings))
  }
}
