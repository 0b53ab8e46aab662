import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// The `action_states` table (``ActionStates``) over the groups issue's programme
/// (``GroupedProgramme``): after whatever writes events or removes sessions, every row says
/// what ``ActionLedger`` folds from the replayed records, and the programme view's counts read
/// from it are the ledger's.
@Suite struct ActionStatesTests {
  static let seed = SeededGenerator.seed(17)
  static let utc = GroupedProgramme.utc
  static let programme = GroupedProgramme.programme

  /// One action's state as the table holds it, or as the ledger's item says it.
  struct State: Hashable, CustomStringConvertible {
    let session: String
    let note: Int
    let group: String?
    let agreedAt: Int64
    let due: String?
    let status: String
    let statusAt: Int64?
    let carried: Bool
    let meetingsSince: Int
    let nextMeetingFinished: Bool

    var description: String {
      "\(session.prefix(6))#\(note) \(status) due \(due ?? "-") since \(meetingsSince)"
        + "\(nextMeetingFinished ? "f" : "") \(carried ? "carried" : "")"
    }
  }

  /// The table's rows for `programme`.
  static func table(_ database: AppDatabase) throws -> Set<State> {
    try Set(
      database.writer.read { db in
        try Row.fetchAll(
          db, sql: "SELECT * FROM action_states WHERE programme = ?", arguments: [programme]
        ).map { row in
          State(
            session: row["session_id"], note: row["note"], group: row["group_id"],
            agreedAt: row["agreed_at"], due: row["due"], status: row["status"],
            statusAt: row["status_at"], carried: row["carried"],
            meetingsSince: row["meetings_since"], nextMeetingFinished: row["next_meeting_finished"])
        }
      })
  }

  /// What the ledger folds from every session of `programme` replayed, as rows.
  static func replayed(_ database: AppDatabase) throws -> (Set<State>, ActionLedger) {
    let ledger = ActionLedger(try database.records(programme: programme).records)
    let states = ledger.items.map { item in
      let (status, at): (String, Date?) =
        switch item.status {
        case .open: ("open", nil)
        case .done(let at): ("done", at)
        case .dropped(let at, _): ("dropped", at)
        }
      return State(
        session: item.reference.session.rawValue, note: item.reference.note,
        group: item.group?.rawValue, agreedAt: item.createdAt.millisecondsSince1970,
        due: item.due?.code, status: status, statusAt: at?.millisecondsSince1970,
        carried: item.wasCarried, meetingsSince: item.meetingsSince,
        nextMeetingFinished: item.nextMeetingFinished)
    }
    return (Set(states), ledger)
  }

  /// Expects the table to hold exactly the replayed ledger's states, and the programme view
  /// to count what the ledger counts, per group and in all, at `now`.
  static func expectTableIsTheLedger(
    _ database: AppDatabase, now: Date, _ comment: Comment,
    at location: SourceLocation = #_sourceLocation
  ) throws {
    let (expected, ledger) = try replayed(database)
    let table = try table(database)
    let onlyTable = table.subtracting(expected)
    let onlyReplayed = expected.subtracting(table)
    #expect(
      table == expected,
      "\(comment): only in the table \(onlyTable), only replayed \(onlyReplayed)",
      sourceLocation: location)
    let overview = try database.programmeOverview(programme, now: now, timeZone: utc)
    #expect(
      overview.actions == ActionLedger.Counts(ledger.items, at: now, timeZone: utc), comment,
      sourceLocation: location)
    var groups: [GroupID: ActionLedger.Counts] = [:]
    for item in ledger.items {
      if let group = item.group {
        groups[group, default: .init()].add(item, at: now, timeZone: utc)
      }
    }
    #expect(overview.groupActions == groups, comment, sourceLocation: location)
  }

  /// Appends `event` to `session`'s log, after its last event.
  static func append(_ event: SessionEvent, to session: SessionID, in store: StoreFixture) throws {
    store.clock.advance(by: 60)
    let last = try store.database.load(session).lastSequence
    try store.database.append(
      RecordedEvent(sequence: last + 1, at: store.clock.now(), event: event), to: session)
  }

  @Test func theTableIsTheLedgerOfTheGeneratedProgramme() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let table = try Self.table(programme.store.database)
    #expect(table.count == programme.actions.count)
    // Every kind of state is there, so the comparison is not vacuous.
    #expect(Set(table.map(\.status)) == ["open", "done", "dropped"])
    #expect(table.contains(where: \.carried) && table.contains { $0.meetingsSince >= 2 })
    try Self.expectTableIsTheLedger(programme.store.database, now: programme.now, "as generated")
  }

  @Test func editsFollowUpsAndDoneMarksKeepTheTableTrue() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let store = programme.store
    let now = programme.now
    let open = programme.actions.filter { $0.value.status == "open" }.keys.sorted()
    let first = try #require(open.first)
    // An action edited into a theme is no action any more; another given a day.
    try Self.append(
      .noteEdited(id: first.note, content: NoteContent(text: "A theme now", kind: .theme)),
      to: first.session, in: store)
    try Self.expectTableIsTheLedger(store.database, now: now, "after an edit to a theme")
    let second = open[1]
    try Self.append(
      .noteEdited(
        id: second.note,
        content: NoteContent(
          text: "Call back by 2020-01-01", kind: .action, owner: 0,
          due: .day(CalendarDay(iso: "2020-01-01")!))),
      to: second.session, in: store)
    try Self.expectTableIsTheLedger(store.database, now: now, "after an edit of a due date")
    // The group's last meeting follows up one agreed before it; another is marked done in
    // its own session.
    let third = try #require(
      open.dropFirst(2).first { reference in
        programme.actions[reference].map { programme.meetings[$0.group].last != reference.session }
          ?? false
      })
    let group = try #require(programme.actions[third]?.group)
    let last = try #require(programme.meetings[group].last)
    try Self.append(
      .actionFollowedUp(action: third, outcome: .dropped(reason: "Overtaken")), to: last,
      in: store)
    #expect(
      try Self.table(store.database).contains {
        $0.session == third.session.rawValue && $0.note == third.note && $0.status == "dropped"
      })
    try Self.expectTableIsTheLedger(store.database, now: now, "after a follow-up")
    try Self.append(.actionDone(id: open[3].note, done: true), to: open[3].session, in: store)
    try Self.expectTableIsTheLedger(store.database, now: now, "after marking one done")
    try Self.append(.noteDeleted(id: open[4].note), to: open[4].session, in: store)
    try Self.expectTableIsTheLedger(store.database, now: now, "after deleting one")
    // A finished meeting started again is unfinished: its group's next-session actions wait.
    let restarted = programme.meetings[0][3]
    try Self.append(.phaseStarted(slot: 0), to: restarted, in: store)
    try Self.expectTableIsTheLedger(store.database, now: now, "after a restart")
    // New meetings of a group count for its open actions: two unfinished ones make an action
    // due at the next meeting late, then the first finishing does as well.
    func meeting(_ number: Int) throws -> LiveSession {
      store.clock.advance(by: 7 * 24 * 3600)
      return try LiveSession.create(
        SessionSetup(
          title: "Meeting \(number)", programme: Self.programme,
          consultingProtocol: Fixtures.consultingProtocol,
          participants: try store.database.group(programme.groups[1]).members, presenters: [0],
          group: programme.groups[1]), store: store.database, clock: store.clock)
    }
    let ninth = try meeting(9)
    try ninth.start()
    _ = try ninth.addNote(
      NoteContent(text: "Bring figures", kind: .action, owner: 0, due: .nextSession))
    try Self.expectTableIsTheLedger(store.database, now: now, "after a new meeting")
    let tenth = try meeting(10)
    try Self.expectTableIsTheLedger(store.database, now: now, "after the next meeting began")
    _ = try meeting(11)
    let late = try Self.table(store.database).filter {
      $0.session == ninth.id.rawValue && $0.status == "open" && $0.meetingsSince == 2
        && !$0.nextMeetingFinished
    }
    #expect(late.count == 1, "an action late by two meetings")
    try Self.expectTableIsTheLedger(store.database, now: now, "after two more meetings")
    try tenth.finish()
    try Self.expectTableIsTheLedger(store.database, now: now, "after the next one finished")
  }

  @Test func deletingAndErasingKeepTheTableTrue() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let store = programme.store
    // A meeting that followed actions up, and agreed some, goes.
    let gone = programme.meetings[2][3]
    #expect(programme.actions.keys.contains { $0.session == gone })
    try store.database.deleteSession(gone)
    #expect(try Self.table(store.database).allSatisfy { $0.session != gone.rawValue })
    try Self.expectTableIsTheLedger(store.database, now: programme.now, "after a deletion")
    _ = try store.database.erasePerson(named: programme.memberNames[0], at: store.clock.now())
    try Self.expectTableIsTheLedger(store.database, now: programme.now, "after an erasure")
    // A sync replaces a log with a version erased elsewhere: the same events here.
    let session = programme.meetings[1][5]
    try store.database.replaceLog(of: session, with: try store.database.events(of: session))
    try Self.expectTableIsTheLedger(store.database, now: programme.now, "after a replaced log")
  }

  @Test func importedSessionsInAnyOrderMakeTheSameTable() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let target = try StoreFixture()
    // One file per session, newest first: follow-ups arrive before the actions they name.
    let records = try programme.records().reversed()
    for (number, record) in records.enumerated() {
      let file = try target.folder.write(
        "session-\(number).json", try SessionExport.render([record], as: .json))
      _ = try SessionImport.run([file], into: target.database)
    }
    #expect(try Self.table(target.database) == Self.table(programme.store.database))
    try Self.expectTableIsTheLedger(target.database, now: programme.now, "imported")
  }

  @Test func theMigrationFillsTheTablesFromTheEvents() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let store = programme.store
    let before = try Self.table(store.database)
    // Back to schema v8, as a file written before this version.
    try store.database.writer.write { db in
      try db.execute(
        sql: """
          DELETE FROM grdb_migrations WHERE identifier = 'v9';
          DROP TABLE action_states; DROP TABLE action_follow_ups;
          ALTER TABLE notes DROP COLUMN due;
          PRAGMA user_version = 8;
          """)
    }
    try store.database.close()
    let upgraded = try store.reopen()
    #expect(try Self.table(upgraded) == before)
    try Self.expectTableIsTheLedger(upgraded, now: programme.now, "migrated")
  }
}
