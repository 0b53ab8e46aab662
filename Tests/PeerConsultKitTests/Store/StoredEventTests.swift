import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// Events in the database keep their exact stored bytes (``StoredEventFixtures``): what users'
/// databases hold decodes forever, and what is written now is pinned, so that a change to the
/// stored shape fails here first. Both go through the database itself, as the app does.
@Suite struct StoredEventTests {
  @Test(arguments: StoredEventFixtures.release010)
  func aReleasedPayloadDecodesToItsEvent(_ fixture: StoredEventFixture) throws {
    let store = try StoreFixture()
    #expect(try decoded(fixture.json, in: store.database) == fixture.event)
  }

  @Test(arguments: StoredEventFixtures.release010)
  func aNewEventIsStoredAsPinned(_ fixture: StoredEventFixture) throws {
    let store = try StoreFixture()
    #expect(try storedPayload(of: fixture.event, in: store.database) == fixture.json)
  }

  /// The payload `append` writes for `event`, appended to a new session (after a setup unless it
  /// is one, since only a session's first event may be its creation).
  private func storedPayload(of event: SessionEvent, in database: AppDatabase) throws -> String {
    let session = SessionID.random()
    var sequence = 1
    if case .created = event {
    } else {
      try database.append(
        RecordedEvent(
          sequence: 1, at: Fixtures.start,
          event: .created(setup: StoredEventFixtures.builtInSetup)),
        to: session)
      sequence = 2
    }
    try database.append(
      RecordedEvent(sequence: sequence, at: Fixtures.start, event: event), to: session)
    let payload = try database.pool.read { db in
      try String.fetchOne(
        db, sql: "SELECT payload FROM events WHERE session_id = ? AND seq = ?",
        arguments: [session.rawValue, sequence])
    }
    return try #require(payload)
  }

  /// The event that `events(of:)` reads from a stored `payload`, put straight into the table
  /// after a session's first event.
  private func decoded(_ payload: String, in database: AppDatabase) throws -> SessionEvent {
    let session = SessionID.random()
    try database.append(
      RecordedEvent(
        sequence: 1, at: Fixtures.start, event: .created(setup: StoredEventFixtures.builtInSetup)),
      to: session)
    try database.pool.write { db in
      try db.execute(
        sql:
          "INSERT INTO events (session_id, seq, at, type, payload) VALUES (?, 2, ?, 'stored', ?)",
        arguments: [session.rawValue, Fixtures.start.millisecondsSince1970, payload])
    }
    let events = try database.events(of: session)
    #expect(events.map(\.sequence) == [1, 2])
    return try #require(events.last).event
  }
}
