import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// Standing groups in the store: their own logs, names unique, history kept.
@Suite struct StandingGroupTests {
  let asha = Participant(name: "Asha", organisation: "Council", level: .senior)
  let ben = Participant(name: "Ben", organisation: "NHS", level: .frontline)

  @Test func membersJoinAndLeaveWithTheirHistoryKept() throws {
    let store = try StoreFixture()
    let group = try store.database.createGroup(
      name: "North SLG", programme: "Alcohol Plan", members: [asha], at: store.clock.now())
    store.clock.advance(by: 3600)
    try store.database.changeGroup(group.id, .memberJoined(participant: ben), at: store.clock.now())
    store.clock.advance(by: 3600)
    try store.database.changeGroup(group.id, .memberLeft(name: "Asha"), at: store.clock.now())
    try store.database.changeGroup(
      group.id, .memberJoined(participant: asha), at: store.clock.now())
    let stored = try store.reopen().group(group.id)
    #expect(stored.members.map(\.name) == ["Ben", "Asha"])
    #expect(stored.memberships.map(\.name) == ["Asha", "Ben", "Asha"])
    #expect(stored.memberships[0].leftAt == Fixtures.start.addingTimeInterval(7200))
    #expect(try store.database.groupEvents(of: group.id).count == 5)
  }

  /// A group keeps a bounded number of stays, and finds a member by name without reading
  /// every stay: a file of twenty thousand joins took minutes to read at every look.
  @Test func aGroupKeepsABoundedNumberOfMembersOverItsLife() throws {
    let id = GroupID(rawValue: String(repeating: "ab", count: 16))!
    var group = try StandingGroup(
      id: id, name: "North SLG", programme: "", createdAt: Fixtures.start)
    for number in 0..<StandingGroup.maximumMemberships {
      let person = Participant(name: "Person \(number)", organisation: "O", level: .other)
      try group.apply(.memberJoined(participant: person), at: Fixtures.start)
      if number % 2 == 0 { try group.apply(.memberLeft(name: person.name), at: Fixtures.start) }
    }
    #expect(group.members.count == StandingGroup.maximumMemberships / 2)
    #expect(group.member(named: "person 1")?.name == "Person 1")
    #expect(group.member(named: "Person 0") == nil)
    #expect(throws: GroupError.alreadyMember("PERSON 3")) {
      try group.apply(
        .memberJoined(participant: Participant(name: "PERSON 3", organisation: "", level: .other)),
        at: Fixtures.start)
    }
    // A new member is refused where changes come in; a group stored past the limit (before
    // it was set) still replays.
    #expect(throws: GroupError.self) {
      try group.checkLimits(of: .memberJoined(participant: asha))
    }
    try group.apply(.memberJoined(participant: asha), at: Fixtures.start)
    #expect(group.memberships.count == StandingGroup.maximumMemberships + 1)
    // As is a member whose organisation has more other names than one takes now, and one
    // whose name only looks like a member's (refused when typed).
    let many = Participant(
      name: "Cleo", organisation: "O", organisationAliases: (1...11).map { "O\($0)" },
      level: .other)
    var small = try StandingGroup(id: id, name: "South", programme: "", createdAt: Fixtures.start)
    try small.apply(.memberJoined(participant: many), at: Fixtures.start)
    #expect(throws: GroupError.self) { try small.checkLimits(of: .memberJoined(participant: many)) }
    let alike = Participant(name: "cleo!", organisation: "O", level: .other)
    try small.checkLimits(of: .memberJoined(participant: alike))
    #expect(throws: GroupError.self) {
      try small.checkLimits(of: .memberJoined(participant: alike), alike: true)
    }
  }

  @Test func refusedChangesLeaveTheLogAsItWas() throws {
    let store = try StoreFixture()
    let database = store.database
    let group = try database.createGroup(
      name: "North SLG", programme: "", members: [asha], at: store.clock.now())
    _ = try database.createGroup(name: "South", programme: "", members: [], at: store.clock.now())
    #expect(throws: GroupError.alreadyMember("ASHA")) {
      try database.changeGroup(
        group.id,
        .memberJoined(participant: Participant(name: "ASHA", organisation: "X", level: .other)),
        at: store.clock.now())
    }
    #expect(throws: GroupError.notMember("Ben")) {
      try database.changeGroup(group.id, .memberLeft(name: "Ben"), at: store.clock.now())
    }
    #expect(throws: StoreError.groupNameTaken("nörth slg")) {
      try database.createGroup(name: "nörth slg", programme: "", members: [], at: store.clock.now())
    }
    #expect(throws: StoreError.groupNameTaken("SOUTH")) {
      try database.changeGroup(group.id, .renamed(name: "SOUTH"), at: store.clock.now())
    }
    #expect(throws: GroupError.self) {
      try database.changeGroup(group.id, .renamed(name: "Bad\u{1B}[2J"), at: store.clock.now())
    }
    #expect(try database.groupEvents(of: group.id).count == 2)
    #expect(try database.group(group.id).name == "North SLG")
  }

  @Test func aGroupIsNamedByItsNameItsStartOrItsID() throws {
    let store = try StoreFixture()
    let north = try store.database.createGroup(
      name: "Nörth SLG", programme: "", members: [], at: store.clock.now())
    let south = try store.database.createGroup(
      name: "South SLG", programme: "", members: [], at: store.clock.now())
    #expect(try store.database.resolveGroup("north slg") == north.id)
    #expect(try store.database.resolveGroup("sou") == south.id)
    #expect(try store.database.resolveGroup(String(north.id.rawValue.prefix(6))) == north.id)
    #expect(throws: StoreError.noSuchGroup("East", known: ["Nörth SLG", "South SLG"])) {
      try store.database.resolveGroup("East")
    }
  }

  @Test func aSessionRecordsItsGroupAndTheGroupListsItsMeetings() throws {
    let store = try StoreFixture()
    let group = try store.database.createGroup(
      name: "North", programme: "Alcohol Plan", members: Fixtures.participants,
      at: store.clock.now())
    var setup = Fixtures.setup()
    setup.group = group.id
    store.clock.advance(by: 60)
    let first = try store.live(setup)
    store.clock.advance(by: 60)
    _ = try store.live()
    store.clock.advance(by: 60)
    let second = try store.live(setup)
    #expect(try store.database.sessions(inGroup: group.id) == [first.id, second.id])
    #expect(try store.database.record(of: first.id).state.setup.group == group.id)
    let listing = try #require(try store.database.groups().first)
    #expect(listing.sessionCount == 2 && listing.lastMet == second.state.createdAt)
  }

  /// A version 4 database (before groups) holding a session opens, the session belongs to no
  /// group, and groups can be added.
  @Test func aVersion4DatabaseGainsGroups() throws {
    let store = try StoreFixture()
    let folder = store.folder.path("old")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    let queue = try DatabaseQueue(path: folder.appendingPathComponent(AppDatabase.fileName).path)
    queue.writeWithoutTransaction { $0.add(tokenizer: NoteTokenizer.self) }
    try AppDatabase.migrator.migrate(queue, upTo: "v4")
    let created = try #require(
      StoredEventFixtures.current.first { $0.name == "created, from a built-in protocol" })
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO sessions (id, created_at, updated_at, last_seq, title, programme,
            protocol_id, protocol_name)
          VALUES ('0123456789abcdef0123456789abcdef', 1800000000000, 1800000000000, 1, 'Tiny',
            '', 'tiny', 'Tiny');
          INSERT INTO events (session_id, seq, at, type, payload)
          VALUES ('0123456789abcdef0123456789abcdef', 1, 1800000000000, 'created', ?);
          """, arguments: [created.json])
    }
    try queue.close()
    let old = try AppDatabase(directory: folder)
    #expect(
      old.upgradeNotice
        == "Upgraded the data folder's database to schema v\(AppDatabase.schemaVersion).")
    let id = try #require(SessionID(rawValue: "0123456789abcdef0123456789abcdef"))
    #expect(try old.record(of: id).state.setup == StoredEventFixtures.builtInSetup)
    #expect(try old.groups().isEmpty)
    let group = try old.createGroup(
      name: "North", programme: "", members: [], at: store.clock.now())
    #expect(try old.groups().map(\.name) == ["North"])
    #expect(try old.sessions(inGroup: group.id).isEmpty)
  }
}

/// Erasing a person reaches the standing groups they were in, and no byte of their name stays.
@Suite struct GroupErasureTests {
  /// Erased, a member who had not left the group leaves it: a walk-through found "[Erased
  /// person 1]" offered as the next meeting's presenter.
  @Test func anErasedMemberIsGoneFromTheGroupsLogToo() throws {
    let store = try StoreFixture()
    let priya = Participant(
      name: "Priya Patel", organisation: "Devon Police", organisationAliases: ["DP"], level: .middle
    )
    let group = try store.database.createGroup(
      name: "Priya's circle", programme: "", members: Fixtures.participants + [priya],
      at: store.clock.now())
    try store.database.changeGroup(
      group.id, .memberLeft(name: "Priya Patel"), at: store.clock.now())
    let alone = try store.database.createGroup(
      name: "Only Priya", programme: "", members: [priya], at: store.clock.now())
    let erasure = try store.database.erasePerson(named: "priya patel", at: store.clock.now())
    #expect(erasure.sessions.isEmpty && erasure.groups == [group.id, alone.id].sorted())
    let rewritten = try store.database.group(group.id)
    #expect(rewritten.memberships.last?.name == "[Erased person 1]")
    #expect(rewritten.memberships.last?.participant.organisation == "[erased organisation]")
    #expect(rewritten.name == "[Erased person 1]'s circle")
    #expect(
      try store.database.groupEvents(of: group.id).last?.event
        == .personErased(pseudonym: "[Erased person 1]"))
    // A member still leaves: an erased person is no one's next presenter.
    #expect(try store.database.group(alone.id).members.isEmpty)
    #expect(
      try store.database.groupEvents(of: alone.id).suffix(2).map(\.event) == [
        .memberLeft(name: "[Erased person 1]"), .personErased(pseudonym: "[Erased person 1]"),
      ])
    #expect(
      try store.database.groupEvents(of: group.id).filter {
        $0.event == .memberLeft(name: "[Erased person 1]")
      }.count == 1)
    try store.database.close()
    let bytes = try Data(contentsOf: store.file)
    #expect(bytes.range(of: Data("Priya".utf8)) == nil)
    #expect(bytes.range(of: Data("Devon Police".utf8)) == nil)
  }

  /// A meeting of the group that the erased member missed is rewritten too: its carry note on
  /// their action, its drop reason and its notes named them and their organisation, and
  /// stayed. A one-off session they were not in is left as it is, as the guide says.
  @Test func theMeetingsTheyMissedAreRewrittenTooAndOneOffSessionsAreNot() throws {
    let store = try StoreFixture()
    let database = store.database
    let priya = Participant(name: "Priya Patel", organisation: "Devon Police", level: .middle)
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan", members: Fixtures.participants + [priya],
      at: store.clock.now())
    var setup = Fixtures.setup(title: "North 1")
    setup.group = group.id
    setup.participants = Fixtures.participants + [priya]
    let first = try store.live(setup)
    try first.start()
    let action = try first.addNote(
      NoteContent(text: "Bring the figures", kind: .action, owner: 3))
    let other = try first.addNote(
      NoteContent(text: "Ask licensing", kind: .action, owner: 0))
    try first.finish()
    store.clock.advance(by: 3600)
    // Priya sent apologies to the second meeting.
    setup.title = "North 2"
    setup.participants = Fixtures.participants
    let second = try store.live(setup)
    try second.followUp(
      ActionReference(session: first.id, note: action.id),
      .carried(note: "Priya Patel is on leave; Devon Police figures due"))
    try second.followUp(
      ActionReference(session: first.id, note: other.id),
      .dropped(reason: "Priya said licensing is done"))
    try second.start()
    try second.addNote(NoteContent(text: "Priya's team at Devon Police agreed", kind: .theme))
    let alone = try store.live(Fixtures.setup(title: "Alone"))
    try alone.start()
    try alone.addNote(NoteContent(text: "Priya Patel came up", kind: .other))

    #expect(try database.sessions(toErase: "Priya Patel") == [first.id, second.id])
    let erasure = try database.erasePerson(named: "Priya Patel", at: store.clock.now())
    #expect(erasure.sessions == [first.id, second.id])
    let events = try database.events(of: second.id)
    let payloads = try events.map { try SessionEventCodec.payload(of: $0.event) }.joined()
    #expect(!payloads.contains("Priya") && !payloads.contains("Devon Police"))
    #expect(payloads.contains("[Erased person 1] is on leave; [erased organisation] figures due"))
    #expect(payloads.contains("[Erased person 1] said licensing is done"))
    #expect(payloads.contains("[Erased person 1]'s team at [erased organisation] agreed"))
    #expect(events.last?.event == .personErased(pseudonym: "[Erased person 1]"))
    // Its people are as they were.
    #expect(
      try database.loadSession(second.id).participants.map(\.name) == ["Asha", "Ben", "Chloé"])
    #expect(
      try database.loadSession(alone.id).visibleNotes.map(\.text) == ["Priya Patel came up"])
  }

  /// A guest at one meeting of a group (a latecomer, no member) was erased from that meeting
  /// alone: the next meeting's "Invite Grace Hope" stayed, and, nobody knowing her name any
  /// more, the programme's anonymised harvest printed it as written. Every meeting of a group
  /// they came to is rewritten now, as a member's are.
  @Test func aGuestIsErasedFromEveryMeetingOfTheGroupTheyCameTo() throws {
    let store = try StoreFixture()
    let database = store.database
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan", members: Fixtures.participants,
      at: store.clock.now())
    var setup = Fixtures.setup(title: "North 1")
    setup.group = group.id
    setup.participants = Fixtures.participants
    let first = try store.live(setup)
    try first.start()
    try first.addParticipant(
      Participant(
        name: "Grace Hope", organisation: "Harbour Centre", organisationAliases: ["HC"],
        level: .frontline))
    try first.addNote(NoteContent(text: "Grace Hope joined us", kind: .other))
    try first.finish()
    store.clock.advance(by: 3600)
    setup.title = "North 2"
    let second = try store.live(setup)
    try second.start()
    try second.addNote(
      NoteContent(
        text: "Invite Grace Hope (Harbour Centre) to co-design the rota with HC", kind: .action))
    let alone = try store.live(Fixtures.setup(title: "Alone"))
    try alone.start()
    try alone.addNote(NoteContent(text: "Grace Hope came up", kind: .other))

    #expect(try database.sessions(toErase: "Grace Hope") == [first.id, second.id])
    let erasure = try database.erasePerson(named: "Grace Hope", at: store.clock.now())
    #expect(erasure.sessions == [first.id, second.id])
    #expect(
      try database.loadSession(second.id).visibleNotes.map(\.text) == [
        "Invite [Erased person 1] ([erased organisation]) to co-design the rota with "
          + "[erased organisation]"
      ])
    #expect(
      try database.loadSession(alone.id).visibleNotes.map(\.text) == ["Grace Hope came up"])
  }
}
