import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct AppDatabaseEventTests {
  @Test func eventsComeBackExactlyAsStored() throws {
    let store = try StoreFixture()
    let session = try store.live()
    store.clock.advance(by: 0.0004)  // below the stored precision
    try session.start()
    store.clock.advance(by: 12.3456)
    try session.addNote(.init(text: "Crème — \"quoted\"\n🍺", kind: .action, speaker: 0, owner: 2))
    let events = try store.database.events(of: session.id)
    #expect(events.map(\.sequence) == [1, 2, 3])
    #expect(events.map(\.event.typeName) == ["created", "phaseStarted", "noteAdded"])
    #expect(events[2].at == Fixtures.start + 12.346)
    #expect(try SessionState.replay(events) == session.state)
    #expect(try store.database.loadSession(session.id) == session.state)
  }

  @Test func aRestartedProgramResumesTheSameSlotNotesPauseAndTime() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    store.clock.advance(by: 30)
    try session.next()
    store.clock.advance(by: 40)
    try session.addNote(.init(text: "Before the battery died", kind: .insight, speaker: 1))
    try session.togglePause()
    store.clock.advance(by: 900)

    let restarted = try store.reopen()
    let resumed = try LiveSession.resume(
      try restarted.resolveSession("latest"), store: restarted, clock: store.clock)
    #expect(resumed.state == session.state)
    #expect(resumed.state.currentSlot == 1 && resumed.state.isPaused)
    #expect(resumed.state.visibleNotes.map(\.text) == ["Before the battery died"])
    #expect(resumed.timer()?.remaining == 60)
    try resumed.togglePause()
    store.clock.advance(by: 10)
    try resumed.addNote(.init(text: "After", kind: .insight))
    #expect(resumed.timer()?.remaining == 50)
    #expect(try restarted.loadSession(session.id) == resumed.state)
  }

  @Test func aPhaseThatRanOutWhileTheProgramWasDeadShowsOvertime() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.next()
    store.clock.advance(by: 100 + 125)
    let resumed = try LiveSession.resume(session.id, store: try store.reopen(), clock: store.clock)
    #expect(resumed.timer()?.display == "+02:05")
    #expect(resumed.timer()?.band() == .overtime)
  }

  /// A second writer takes in what the first stored (issue 14, item 7); the start it would
  /// repeat is then refused for what it is, and nothing more is stored.
  @Test func aSecondWriterOfOneSessionTakesInTheFirstsEventsAndStoresNothingWrong() throws {
    let store = try StoreFixture()
    let first = try store.live()
    let second = try LiveSession.resume(first.id, store: try store.reopen(), clock: store.clock)
    try first.start()
    #expect(throws: SessionError.alreadyInSlot(0)) { try second.start() }
    #expect(second.state == first.state)
    #expect(try store.database.loadSession(first.id) == first.state)
    #expect(
      throws: StoreError.conflict(session: first.id),
      performing: { try LiveSession.create(Fixtures.setup(), id: first.id, store: store.database) })
  }

  @Test func unknownSessionsAreNamedInTheError() throws {
    let store = try StoreFixture()
    let id = SessionID.random()
    #expect(throws: StoreError.noSuchSession(id.rawValue)) { try store.database.events(of: id) }
    #expect(throws: StoreError.noSuchSession(id.rawValue)) {
      try store.database.append(
        RecordedEvent(sequence: 2, at: Fixtures.start, event: .paused), to: id)
    }
    #expect(throws: StoreError.noSuchSession(id.rawValue)) { try store.database.setup(of: id) }
  }

  @Test func anUndecodableEventIsReportedBySequence() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try store.database.writer.write { db in
      try db.execute(
        sql: "UPDATE events SET payload = '{\"bogus\":{}}' WHERE session_id = ? AND seq = 1",
        arguments: [session.id.rawValue])
    }
    #expect {
      try store.database.loadSession(session.id)
    } throws: { error in
      guard case .damagedSession(let id, let sequence, _) = error as? StoreError else {
        return false
      }
      return id == session.id && sequence == 1 && !"\(error)".contains("\n")
    }
  }

  @Test(arguments: [11, 12] as [UInt64])
  func aRandomSessionReplaysAndItsTablesMatchItsState(seed: UInt64) throws {
    let store = try StoreFixture()
    let session = try store.live()
    var random = SeededGenerator(seed: seed)
    for _ in 0..<800 {
      store.clock.advance(by: Double(Int.random(in: 0...20_000, using: &random)) / 997)
      do { try RandomCommand.run(on: session, using: &random) } catch is SessionError {}
    }
    let loaded = try store.reopen().loadSession(session.id)
    #expect(loaded == session.state)
    try expectTablesMatch(session.state, id: session.id, in: store.database)
  }

  /// The query tables say what the state says.
  private func expectTablesMatch(_ state: SessionState, id: SessionID, in database: AppDatabase)
    throws
  {
    let rows = try database.writer.read { db in
      try Row.fetchAll(
        db, sql: "SELECT * FROM notes WHERE session_id = ? ORDER BY note", arguments: [id.rawValue])
    }
    #expect(rows.count == state.notes.count)
    for (row, note) in zip(rows, state.notes) {
      #expect(row["note"] == note.id && row["slot"] == note.slot)
      #expect(row["text"] == note.text && row["kind"] == note.kind.rawValue)
      #expect(row["speaker"] == note.speaker && row["owner"] == note.owner)
      #expect((row["done_at"] as Int64?) == note.doneAt?.millisecondsSince1970)
      #expect((row["deleted_at"] as Int64?) == note.deletedAt?.millisecondsSince1970)
      #expect((row["edited_at"] as Int64?) == note.editedAt?.millisecondsSince1970)
    }
    let listing = try #require(try database.sessions().first { $0.id == id })
    #expect(listing.isFinished == state.isFinished)
    #expect(listing.finishedAt == state.finishedAt)
    #expect(listing.noteCount == state.visibleNotes.count)
    #expect(listing.actionsDone == state.visibleNotes.count { $0.isAction && $0.isDone })
    let people = try database.writer.read { db in
      try String.fetchAll(
        db, sql: "SELECT name FROM participants WHERE session_id = ? ORDER BY idx",
        arguments: [id.rawValue])
    }
    #expect(people == state.participants.map(\.name))
    let indexed = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM notes_fts")
    }
    #expect(indexed == state.notes.count)
    // FTS5 checks its index against the notes table (it needs the writer, changes nothing).
    try database.writer.write { db in
      try db.execute(sql: "INSERT INTO notes_fts (notes_fts, rank) VALUES ('integrity-check', 1)")
    }
  }
}
