import ArgumentParser
import Foundation
import PeerConsultKit

/// `peerconsult groups`: standing groups, which meet again and again over a programme.
struct GroupsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "groups",
    abstract: "List, show, add and change standing groups.",
    discussion: """
      A standing group keeps its members (with their organisations, levels and the \
      organisations' other names) from one meeting to the next. Start a meeting of one with \
      `peerconsult run --group NAME`, or pick it on the new-session form.
      """,
    subcommands: [List.self, Show.self, Add.self, Rename.self, Join.self, Leave.self],
    defaultSubcommand: List.self
  )
}

extension GroupsCommand {
  /// `groups list`.
  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "list", abstract: "List the standing groups.")

    @OptionGroup var data: DataOptions

    func run() throws {
      guard let database = try data.existingDatabase() else {
        try StandardOutput.write(CommandText.groupList([]))
        return
      }
      defer { database.closeForExit() }
      let listings = try database.groups()
      let groups = try listings.map { ($0, try database.group($0.id).members.count) }
      try StandardOutput.write(CommandText.groupList(groups, width: outputColumns))
    }
  }

  /// `groups show NAME`.
  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show",
      abstract: "Show a group: members and who left, meetings, next presenters, open actions.")

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The group's name or a prefix of its id.", valueName: "GROUP"))
    var group: String

    func run() throws {
      guard let database = try data.existingDatabase() else {
        throw StoreError.noSuchGroup(group, known: [])
      }
      defer { database.closeForExit() }
      let id = try database.resolveGroup(group)
      let read = try database.records(of: try database.sessions(inGroup: id))
      read.reportSkipped()
      try StandardOutput.write(
        CommandText.group(try database.group(id), meetings: read.records, width: outputColumns))
      try read.failIfSkipped()
    }
  }

  /// `groups add NAME --participant …`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Add a standing group with its members.",
      discussion: """
        Example:
          peerconsult groups add "North SLG" --programme "Alcohol Plan" \\
            --participant "Zoë Müller;City Council;senior" \\
            --participant "Amira O'Neill;NHS Trust|Trust;frontline"
        """)

    @OptionGroup var data: DataOptions

    @Argument(help: "The group's name.")
    var name: String

    @Option(help: "The programme its meetings belong to.")
    var programme: String = ""

    @Option(
      name: .customLong("participant"),
      help: ArgumentHelp(
        "A member, \"Name;Organisation;level\". Repeat for each.", valueName: "SPEC"))
    var participants: [String] = []

    func run() throws {
      let members = try participants.map(parseParticipant)
      let database = try data.database()
      defer { database.closeForExit() }
      let group = try database.createGroup(
        name: name, programme: programme, members: members, at: Date())
      try StandardOutput.line(
        "Added the group \(group.name) (\(group.id.short)) with "
          + "\(CommandText.counted(group.members.count, "member")).")
    }
  }

  /// `groups rename NAME NEW`.
  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "rename", abstract: "Rename a standing group.")

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The group's name or a prefix of its id.", valueName: "GROUP"))
    var group: String

    @Argument(help: "Its new name.")
    var newName: String

    func run() throws {
      let database = try data.existingDatabaseForWriting()
      defer { database.closeForExit() }
      let changed = try database.changeGroup(
        try database.resolveGroup(group), .renamed(name: newName), at: Date())
      try StandardOutput.line("Renamed the group to \(changed.name).")
    }
  }

  /// `groups join NAME --participant …`.
  struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "join",
      abstract: "Add members to a standing group (their earlier meetings are unchanged).")

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The group's name or a prefix of its id.", valueName: "GROUP"))
    var group: String

    @Option(
      name: .customLong("participant"),
      help: ArgumentHelp(
        "A new member, \"Name;Organisation;level\". Repeat for each.", valueName: "SPEC"))
    var participants: [String] = []

    func run() throws {
      guard !participants.isEmpty else {
        throw CLIError("No one to add: give --participant \"Name;Organisation;level\".")
      }
      let members = try participants.map(parseParticipant)
      let database = try data.existingDatabaseForWriting()
      defer { database.closeForExit() }
      let id = try database.resolveGroup(group)
      for member in members {
        try database.changeGroup(id, .memberJoined(participant: member), at: Date())
        try StandardOutput.line("\(member.name) joined the group.")
      }
    }
  }

  /// `groups leave NAME --member NAME`.
  struct Leave: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "leave",
      abstract: "Record that members left a standing group (their history is kept).")

    @OptionGroup var data: DataOptions

    @Argument(help: ArgumentHelp("The group's name or a prefix of its id.", valueName: "GROUP"))
    var group: String

    @Option(
      name: .customLong("member"),
      help: ArgumentHelp("A member's name. Repeat for each.", valueName: "NAME"))
    var members: [String] = []

    func run() throws {
      guard !members.isEmpty else { throw CLIError("No one leaves: give --member NAME.") }
      let database = try data.existingDatabaseForWriting()
      defer { database.closeForExit() }
      let id = try database.resolveGroup(group)
      for member in members {
        // Recorded under the name as the group holds it, however it was typed.
        guard let name = try database.group(id).member(named: member)?.name else {
          throw GroupError.notMember(member)
        }
        try database.changeGroup(id, .memberLeft(name: name), at: Date())
        try StandardOutput.line("\(name) left the group.")
      }
    }
  }
}

/// The participant `spec` describes, or a refusal naming it.
func parseParticipant(_ spec: String) throws -> Participant {
  do { return try Participant.parse(spec) } catch {
    throw CLIError("--participant \"\(spec)\": \(error)")
  }
}
