import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult actions`: the actions agreed in sessions, with owners and whether done.
struct ActionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions", abstract: "List the actions agreed in sessions, newest session first.")

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Option(
    help: ArgumentHelp(
      "Only actions this person owns: a name or part of one, in any case, accents optional.",
      valueName: "NAME"))
  var owner: String?

  @Flag(help: "Only actions not done yet.")
  var open = false

  func run() throws {
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    defer { try? database.close() }
    let programme = try self.programme.map(database.resolveProgramme)
    let read = try database.records(programme: programme)
    read.reportSkipped()
    try StandardOutput.write(CommandText.actions(read.records, owner: owner, openOnly: open))
    try read.failIfSkipped()
  }
}
