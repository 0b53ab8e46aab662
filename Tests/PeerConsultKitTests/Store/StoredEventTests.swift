import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// Events in the database keep their exact stored bytes (``StoredEventFixtures``): what users'
/// databases hold decodes forever, and what is written now is pinned, so that a change to the
/// stored shape fails here first. All of it goes through the database, as the app does.
@Suite struct StoredEventTests {
  @Test(arguments: StoredEventFixtures.release010)
  func aReleasedPayloadDecodesToItsEvent(_ fixture: StoredEventFixture) throws {
    let store = try StoreFixture()
    #expect(try decoded(fixture.json, in: store.database) == fixture.event)
  }

  @Test(arguments: StoredEventFixtures.current)
  func aNewEventIsStoredAsPinned(_ fixture: StoredEventFixture) throws {
    let store = try StoreFixture()
    #expect(try storedPayload(of: fixture.event, in: store.database) == fixture.json)
    #expect(try decoded(fixture.json, in: store.database) == fixture.event)
  }

  /// No pinned payload holds a number with a fraction or an exponent, and one that does is
  /// told (a shared store's peer sending `"speaker":0.99999999999999999`, read as 1).
  @Test func aFractionInAPayloadIsTold() {
    for fixture in StoredEventFixtures.current + StoredEventFixtures.release010 {
      #expect(!SessionEventCodec.holdsFraction(fixture.json), "\(fixture.name)")
    }
    #expect(
      SessionEventCodec.holdsFraction(#"{"type":"ratingCleared","rater":0.99999999999999999}"#))
    #expect(SessionEventCodec.holdsFraction(#"{"rater":1e0,"type":"ratingCleared"}"#))
    #expect(!SessionEventCodec.holdsFraction(#"{"text":"3.5 e5 \" 2.0","done":true}"#))
  }

  /// A new type of event cannot be stored until its shape is pinned here.
  @Test func everyEventTypeHasAPinnedPayload() {
    let pinned = Set(StoredEventFixtures.current.map(\.event.type))
    for type in SessionEventType.allCases {
      #expect(pinned.contains(type), "pin a stored payload of \(type.rawValue)")
    }
    // 0.1.0 knew twelve types of event; a database it wrote may hold any of them.
    #expect(Set(StoredEventFixtures.release010.map(\.event.type)).count == 12)
  }

  /// The database's payloads are the export's events without `seq` and `at`.
  @Test(arguments: StoredEventFixtures.current)
  func aStoredPayloadIsTheExportedEventWithoutItsPlace(_ fixture: StoredEventFixture) throws {
    let recorded = RecordedEvent(sequence: 4, at: Fixtures.start, event: fixture.event)
    let exported = try JSONSerialization.jsonObject(
      with: Data(SessionExport.encode(ExportedEvent(recorded)).utf8))
    var object = try #require(exported as? [String: Any])
    #expect(object.removeValue(forKey: "seq") as? Int == 4)
    #expect(object.removeValue(forKey: "at") as? String == "2027-01-15T08:00:00.000Z")
    // Written again in one form, since dictionaries of bridged values compare unreliably.
    let stored = try JSONSerialization.jsonObject(with: Data(fixture.json.utf8))
    #expect(try canonical(object) == canonical(stored))
  }

  @Test(arguments: [
    #"{"type":"bogus"}"#, #"{"type":3}"#, #"{"type":"noteAdded","note":1}"#, #"{}"#,
    #"{"paused":{},"resumed":{}}"#, #"{"noteAdded":{"id":1}}"#, #"[]"#, #""paused""#, "",
  ])
  func aPayloadThatIsNoEventIsReportedAsDamage(_ payload: String) throws {
    let store = try StoreFixture()
    #expect {
      try decoded(payload, in: store.database)
    } throws: { error in
      guard case .damagedSession(_, let sequence, _) = error as? StoreError else { return false }
      return sequence == 2 && !"\(error)".contains("\n")
    }
  }

  private func canonical(_ object: Any) throws -> String {
    String(
      decoding: try JSONSerialization.data(
        withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
      as: UTF8.self)
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
    let payload = try database.writer.read { db in
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
    try database.writer.write { db in
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
