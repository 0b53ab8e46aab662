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
      print(json ? "[]" : data.noSessionsYet)
      return
    }
    defer { try? database.close() }
    var listings = try database.sessions()
    if let programme {
      let name = try database.resolveProgramme(programme)
      listings = listings.filter { $0.programme == name }
    }
    if json {
      print(CommandJSON.listings(listings), terminator: "")
      return
    }
    guard !listings.isEmpty else {
      print(data.noSessionsYet)
      return
    }
    print(CommandText.listings(listings), terminator: "")
  }
}
