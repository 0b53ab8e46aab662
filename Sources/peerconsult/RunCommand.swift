import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit

/// `peerconsult run`: set up a session from the command line and go straight to the live screen.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Start a session from the command line, straight to the live screen.",
    discussion: """
      Every participant is given as "Name;Organisation;level" (level: senior, middle, \
      frontline or other); the organisation's other names may follow it, each after a "|" \
      ("Devon & Cornwall Police|DCP"), so an anonymised export replaces them too. Without --presenter, every participant presents once, in the \
      order given. Leaving the session or its summary exits with status 0.

      Example:
        peerconsult run --protocol slg --title "SLG 3" --programme "Alcohol Plan" \\
          --participant "Zoë Müller;City Council;senior" \\
          --participant "Amira O'Neill;NHS Trust;frontline"
      """)

  @Option(
    help: ArgumentHelp(
      "A protocol id (see `peerconsult protocols`) or a YAML file.", valueName: "ID|FILE"))
  var `protocol`: String = BuiltInProtocols.defaultID

  @Option(help: "The session's title.")
  var title: String

  @Option(help: "The programme the session belongs to, e.g. \"Alcohol Plan\".")
  var programme: String?

  @Option(
    help: ArgumentHelp(
      "A standing group (see `peerconsult groups`): its members take part, and "
        + "--participant adds guests. Presenters are suggested from who presented least recently.",
      valueName: "NAME"))
  var group: String?

  @Option(
    name: .customLong("participant"),
    help: ArgumentHelp(
      "A participant, \"Name;Organisation;level\". Repeat for each.", valueName: "SPEC"))
  var participants: [String] = []

  @Option(
    name: .customLong("absent"),
    help: ArgumentHelp(
      "A member of --group who sent apologies: left out of this meeting. Repeat for each.",
      valueName: "NAME"))
  var absent: [String] = []

  @Option(
    name: .customLong("presenter"),
    help: ArgumentHelp("A presenter's name, in round order. Repeat for each.", valueName: "NAME"))
  var presenters: [String] = []

  @OptionGroup var data: DataOptions

  func run() throws {
    let setup = try makeSetup()
    let location = data.location
    let status = try InteractiveTerminal.run(location: location) { _ in .startSession(setup) }
    if status != 0 { throw ExitCode(status) }
  }

  /// The session described by the arguments; each mistake is one clear line.
  func makeSetup() throws -> SessionSetup {
    let library = ProtocolLibrary.load(from: data.location.protocolsDirectory)
    let chosen: ConsultingProtocol
    do { chosen = try library.resolve(self.protocol) } catch { throw CLIError("\(error)") }
    let standing = try self.group.map(standingGroup)
    guard absent.isEmpty || standing != nil else {
      throw CLIError(
        "--absent is for a standing group's members who sent apologies: give it with --group, "
          + "or leave out a participant by not giving them.")
    }
    var group = standing?.group.members ?? []
    // Members who sent apologies are not in the meeting, as Del leaves them out of the form:
    // listed as attending, they were offered as speakers and counted as taking part. A name
    // given twice is still one member away.
    if let standing {
      for name in absent {
        guard let member = try Self.position(of: name, in: standing.group.members, "--absent")
        else {
          let members = standing.group.members.map { CommandText.quoted($0.name) }
          throw CLIError(
            "--absent \"\(CommandText.quoted(name))\" is not a member of "
              + "\(CommandText.quoted(standing.group.name)) (members: "
              + "\(members.joined(separator: ", "))).")
        }
        group.removeAll { $0 == standing.group.members[member] }
      }
    }
    guard !participants.isEmpty || !group.isEmpty else {
      throw CLIError(
        standing == nil
          ? "No participants: add --participant \"Name;Organisation;level\" for each member."
          : absent.isEmpty
            ? "The group has no members: add guests with --participant, or members with "
              + "`peerconsult groups join`."
            : "Every member is absent: add guests with --participant, or run the meeting "
              + "another day.")
    }
    let members = group.count
    group += try participants.map(parseParticipant)
    // One person given twice, alike but for case, accents, apostrophes or script ("Zoe
    // Muller" beside Zoë Müller), as the form and `w` refuse; among a group's own members
    // (stored before this was refused) it is left alone, so their meeting still runs.
    for guest in group.indices.dropFirst(members) {
      if let twin = group[..<guest].firstLookingAlike(group[guest]) {
        throw CLIError(
          "\"\(CommandText.quoted(group[guest].name))\" looks like \"\(CommandText.quoted(twin.name))\", "
            + "given already: give each person once, or tell two people apart (an initial).")
      }
    }
    var order: [Int] = []
    for name in presenters {
      guard let index = try Self.position(of: name, in: group, "--presenter") else {
        let names = group.map { CommandText.quoted($0.name) }.joined(separator: ", ")
        throw CLIError(
          "--presenter \"\(CommandText.quoted(name))\" is not a participant "
            + "(participants: \(names)).")
      }
      order.append(index)
    }
    if order.isEmpty {
      // A group's members in the order suggested (least recent presenter first), then guests.
      let suggested =
        standing.map {
          PresenterSuggestion(members: Array(group.prefix(members)), records: $0.records).order
        } ?? []
      order = suggested + group.indices.filter { !suggested.contains($0) }
    }
    let setup = SessionSetup(
      title: title, programme: programme ?? standing?.group.programme ?? "",
      consultingProtocol: chosen, participants: group, presenters: order,
      group: standing?.group.id)
    // Refused here, before the terminal is taken, with the field named.
    do {
      try setup.validate()
      try setup.validateTypedText()
    } catch { throw CLIError("\(error)") }
    return setup
  }

  /// The place in `people` of the person `name` picks: their name but for case, else the one
  /// name holding it as whole words, accents and apostrophes aside (``NameFilter``), so "Zoe
  /// Muller" and "Will" are Zoë Müller and Will Rose. Not the start of a word, as `search
  /// --speaker` takes it: "Sam" left out Samira Khan, and the meeting began without her. Nil
  /// when it picks nobody; refused, naming them, when it picks several.
  private static func position(of name: String, in people: [Participant], _ option: String)
    throws -> Int?
  {
    let wanted = name.trimmingCharacters(in: .whitespaces).lowercased()
    guard !wanted.isEmpty else { return nil }
    if let exact = people.firstIndex(where: { $0.name.lowercased() == wanted }) { return exact }
    let filter = NameFilter(name)
    let matching = people.indices.filter { filter.matchesWholeWords(people[$0].name) }
    guard matching.count <= 1 else {
      let names = matching.map { "\"\(CommandText.quoted(people[$0].name))\"" }
      throw CLIError(
        "\(option) \"\(CommandText.quoted(name))\" could be "
          + "\(names.joined(separator: " or ")): give the whole name.")
    }
    return matching.first
  }

  /// The standing group called `name`, with its meetings, from which the presenter order of
  /// its members is suggested (``PresenterSuggestion``).
  private func standingGroup(_ name: String) throws -> (
    group: StandingGroup, records: [SessionRecord]
  ) {
    guard let database = try data.existingDatabase() else {
      throw StoreError.noSuchGroup(name, known: [])
    }
    defer { database.closeForExit() }
    let group = try database.group(try database.resolveGroup(name))
    let read = try database.records(of: try database.sessions(inGroup: group.id))
    read.reportSkipped()
    return (group, read.records)
  }
}
