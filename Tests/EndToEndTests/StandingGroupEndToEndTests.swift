import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Two meetings of one standing group through the real binary in a real terminal: an action
/// agreed at the first is marked done in the second's opening step.
@Suite(needsTmux) struct StandingGroupEndToEndTests {
  /// A data folder under `root` with the group North SLG of the Alcohol Plan, of `members`
  /// ("Name;Organisation;level"), and the drill protocol's file beside it.
  static func northGroup(in root: URL, _ members: [String]) throws -> (data: URL, drill: URL) {
    let data = root.appendingPathComponent("data")
    let drill = root.appendingPathComponent("drill.yaml")
    try SessionEndToEndTests.drill.write(to: drill, atomically: true, encoding: .utf8)
    let added = try SpawnedCommand(
      ["groups", "add", "North SLG", "--programme", "Alcohol Plan"]
        + members.flatMap { ["--participant", $0] } + ["--data-dir", data.path], in: root)
    #expect(added.status == 0, "\(added.stderr)")
    return (data, drill)
  }

  @Test func anActionFromTheFirstMeetingIsMarkedDoneInTheSecond() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e-group")
    let root = scratch.url
    let (data, drill) = try Self.northGroup(
      in: root, ["Zoë Müller;City Council;senior", "Amira O'Neill;NHS Trust;frontline"])

    // The first meeting: nothing open yet, so it opens on the session; one action is agreed.
    let first = try TmuxSession(
      ["run", "--group", "north", "--title", "North 1", "--protocol", drill.path], dataDir: data)
    first.waitFor("No actions open from the group's earlier meetings.")
    try first.startWhenReady()
    try first.send("n")
    first.waitFor("Presenting · phase 1 of 2")
    try first.send("Enter")
    first.waitFor("Note ▸")
    try first.type("Draft the licensing letter by next session")
    try first.send("C-o", "a", "m", "Enter", "Enter")
    first.waitFor("Note saved.")
    try first.send("q")
    first.waitFor("Leave the session?")
    try first.send("y")
    #expect(first.waitForExit() == 0)

    // The second meeting opens on last time's action: d marks it done.
    let second = try TmuxSession(
      ["run", "--group", "North SLG", "--title", "North 2", "--protocol", drill.path],
      dataDir: data)
    second.waitFor("Actions from last time · North 2")
    second.waitFor("[ ] Draft the licensing letter by next session")
    #expect(second.capture().contains("Amira O'Neill · due this meeting"))
    try second.send("d")
    second.waitFor("[✓] Draft the licensing letter by next session")
    try second.send("Enter")
    second.waitFor("Space starts the first phase")
    try second.send("q")
    second.waitFor("Leave the session?")
    try second.send("y")
    #expect(second.waitForExit() == 0)

    let database = try #require(try AppDatabase.openForReading(directory: data))
    let group = try database.resolveGroup("north")
    let meetings = try database.records(of: try database.sessions(inGroup: group)).records
    #expect(meetings.map(\.state.setup.title) == ["North 1", "North 2"])
    let action = ActionReference(session: meetings[0].id, note: 1)
    #expect(meetings[1].state.followUps[action]?.outcome == .done)
    // The follow-up is the second meeting's event; the first meeting's log is as it was left.
    #expect(meetings[0].state.note(1)?.isDone == false)
    #expect(meetings[0].state.followUps.isEmpty)
    try database.close()
    let listed = try SpawnedCommand(
      ["actions", "--group", "north", "--data-dir", data.path], in: root)
    #expect(
      listed.stdout.contains("[x] Draft the licensing letter by next session (Amira O'Neill; done"))
    let open = try SpawnedCommand(
      ["actions", "--group", "north", "--open", "--data-dir", data.path], in: root)
    #expect(open.stdout == "No actions match.\n")
  }
}

extension StandingGroupEndToEndTests {
  /// The groups commands say what they did, and refuse a mistake in one line.
  @Test func groupsAreAddedChangedListedAndRefusedInOneLine() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e-groups")
    let root = scratch.url
    let data = ["--data-dir", root.appendingPathComponent("data").path]
    func run(_ arguments: [String]) throws -> SpawnedCommand {
      try SpawnedCommand(arguments + data, in: root)
    }
    #expect(try run(["groups"]).stdout.hasPrefix("No groups yet"))
    let added = try run([
      "groups", "add", "North SLG", "--programme", "Alcohol Plan", "--participant",
      "Zoë Müller;City Council;senior",
    ])
    #expect(added.stdout.hasPrefix("Added the group North SLG ("))
    #expect(added.stdout.hasSuffix(") with 1 member.\n"))
    let again = try run(["groups", "add", "NORTH slg"])
    #expect(again.status == 1)
    #expect(
      again.stderr == "Error: A group called \"NORTH slg\" exists already: choose another name.\n")
    #expect(
      try run(["groups", "join", "north", "--participant", "Sam Patel;Police;middle"]).status == 0)
    #expect(try run(["groups", "leave", "north", "--member", "zoe müller"]).status == 1)
    #expect(
      try run(["groups", "leave", "north", "--member", "ZOË MÜLLER"]).stdout
        == "Zoë Müller left the group.\n")
    #expect(
      try run(["groups", "rename", "north", "Nord"]).stdout == "Renamed the group to Nord.\n")
    let shown = try run(["groups", "show", "nord"])
    #expect(shown.stdout.contains("Members:\n  Sam Patel; Police; middle"))
    #expect(shown.stdout.contains("Left:\n  Zoë Müller; City Council; senior"))
    let missing = try run(["groups", "show", "south"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "Error: No group is called \"south\" (groups: Nord).\n")
    let listed = try run(["groups", "list"]).stdout
    #expect(listed.contains("Nord  Alcohol Plan  1        0         never"))
  }
}

extension StandingGroupEndToEndTests {
  /// A member who sends apologies was listed as attending the meeting `run --group` started
  /// (the form can take them out with Del; the command could not): `--absent` leaves them out,
  /// and a name that is no member, or `--absent` without a group, is refused in one line.
  /// A name is taken as `search --speaker` takes it: "zoe muller" is Zoë Müller, where the
  /// walk-through's was refused.
  @Test func anAbsentMemberIsLeftOutOfTheMeeting() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e-absent")
    let root = scratch.url
    let (data, drill) = try Self.northGroup(
      in: root,
      [
        "Zoë Müller;City Council;senior", "Amira O'Neill;NHS Trust;frontline",
        "Sam Patel;Police;middle",
      ])
    let unknown = try SpawnedCommand(
      [
        "run", "--group", "north", "--title", "North 1", "--absent", "Zoe Miller",
        "--data-dir", data.path,
      ], in: root)
    #expect(unknown.status != 0)
    #expect(
      unknown.stderr
        == "Error: --absent \"Zoe Miller\" is not a member of North SLG (members: Zoë Müller, "
        + "Amira O'Neill, Sam Patel).\n")
    // The start of a word picks nobody: "Am" left out Amira without a word.
    let start = try SpawnedCommand(
      [
        "run", "--group", "north", "--title", "North 1", "--absent", "Am", "--data-dir",
        data.path,
      ], in: root)
    #expect(start.status != 0)
    #expect(start.stderr.hasPrefix("Error: --absent \"Am\" is not a member of North SLG"))
    // A name that could be two people is refused, naming both.
    let either = try SpawnedCommand(
      [
        "run", "--group", "north", "--title", "North 1", "--participant", "Sam Lee;Fire;middle",
        "--presenter", "sam", "--data-dir", data.path,
      ], in: root)
    #expect(either.status != 0)
    #expect(
      either.stderr
        == "Error: --presenter \"sam\" could be \"Sam Patel\" or \"Sam Lee\": give the whole "
        + "name.\n")
    let alone = try SpawnedCommand(
      [
        "run", "--title", "One-off", "--participant", "Zoë Müller;City Council;senior",
        "--absent", "Zoë Müller", "--data-dir", data.path,
      ], in: root)
    #expect(alone.status != 0)
    #expect(
      alone.stderr
        == "Error: --absent is for a standing group's members who sent apologies: give it with "
        + "--group, or leave out a participant by not giving them.\n")

    let meeting = try TmuxSession(
      [
        "run", "--group", "north", "--title", "North 1", "--protocol", drill.path,
        // Accents aside, as `search --speaker` takes it; given twice, still one member.
        "--absent", "zoe muller", "--absent", "Zoë Müller",
      ], dataDir: data)
    meeting.waitFor("No actions open from the group's earlier meetings.")
    try meeting.startWhenReady()
    try meeting.send("q")
    meeting.waitFor("Leave the session?")
    try meeting.send("y")
    #expect(meeting.waitForExit() == 0)
    let database = try #require(try AppDatabase.openForReading(directory: data))
    let group = try database.resolveGroup("north")
    let stored = try database.records(of: try database.sessions(inGroup: group)).records
    #expect(stored.first?.state.participants.map(\.name) == ["Amira O'Neill", "Sam Patel"])
    try database.close()
  }
}
