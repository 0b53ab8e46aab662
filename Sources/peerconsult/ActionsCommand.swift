import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult actions`: the actions agreed in sessions, with owners and whether done.
struct ActionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions", abstract: "List the actions agreed in sessions, newest session first.",
    discussion: """
      An action's state follows it across a standing group's meetings: done, carried forward \
      or dropped at a later meeting. Its due date comes from its text: "by Friday", \
      "by 2027-01-15", "next session".
      """)

  @OptionGroup var data: DataOptions

  @Option(help: ArgumentHelp("Only the sessions of this programme.", valueName: "P"))
  var programme: String?

  @Option(
    help: ArgumentHelp(
      "Only actions this person owns: a name, a word of it or a word's start, in any case, "
        + "accents optional.",
      valueName: "NAME"))
  var owner: String?

  @Option(help: ArgumentHelp("Only the meetings of this standing group.", valueName: "G"))
  var group: String?

  @Flag(help: "Only actions neither done nor dropped.")
  var open = false

  @Flag(
    help: """
      Only open actions that are late: their day has passed, or they were due at a group's \
      next meeting and it went by without them being done or carried forward.
      """)
  var overdue = false

  func validate() throws {
    if let owner, owner.allSatisfy(\.isWhitespace) {
      throw CLIError("--owner needs a name, or the start of one.")
    }
  }

  func run() throws {
    guard let database = try data.existingDatabase() else {
      try StandardOutput.line(data.noSessionsYet)
      return
    }
    defer { database.closeForExit() }
    let programme = try self.programme.map(database.resolveProgramme)
    var read = try database.records(programme: programme)
    if let group {
      let meetings = Set(try database.sessions(inGroup: try database.resolveGroup(group)))
      read.records = read.records.filter { meetings.contains($0.id) }
    }
    read.reportSkipped()
    try StandardOutput.write(
      CommandText.wrapped(
        CommandText.actions(
          read.records, owner: owner, openOnly: open, overdueOnly: overdue,
          origins: try database.sessionOrigins()),
        width: outputColumns))
    try read.failIfSkipped()
  }
}
