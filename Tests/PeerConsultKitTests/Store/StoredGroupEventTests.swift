import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// A group's events keep their exact stored bytes, as a session's do.
@Suite struct StoredGroupEventTests {
  @Test(arguments: StoredGroupEventFixtures.current)
  func aGroupEventIsStoredAsPinned(_ fixture: StoredGroupEventFixture) throws {
    let database = try AppDatabase.inMemory()
    let id = GroupID.random()
    var events = [RecordedGroupEvent(sequence: 1, at: Fixtures.start, event: fixture.event)]
    if case .created = fixture.event {
    } else {
      events = [
        RecordedGroupEvent(
          sequence: 1, at: Fixtures.start, event: .created(name: "G", programme: "")),
        RecordedGroupEvent(sequence: 2, at: Fixtures.start, event: fixture.event),
      ]
    }
    try database.appendGroupEvents([(id, events)])
    let payload = try database.writer.read { db in
      try String.fetchOne(
        db, sql: "SELECT payload FROM group_events WHERE group_id = ? AND seq = ?",
        arguments: [id.rawValue, events.count])
    }
    #expect(payload == fixture.json)
    #expect(try database.groupEvents(of: id).last?.event == fixture.event)
  }

  @Test func everyGroupEventTypeHasAPinnedPayload() {
    let pinned = Set(StoredGroupEventFixtures.current.map(\.event.type))
    for type in GroupEventType.allCases {
      #expect(pinned.contains(type), "pin a stored payload of \(type.rawValue)")
    }
  }

  @Test func aPayloadThatIsNoGroupEventIsReportedAsDamage() throws {
    let database = try AppDatabase.inMemory()
    let group = try database.createGroup(name: "G", programme: "", members: [], at: Fixtures.start)
    try database.writer.write { db in
      try db.execute(
        sql: "INSERT INTO group_events (group_id, seq, at, type, payload) VALUES (?, 2, 0, 'x', ?)",
        arguments: [group.id.rawValue, #"{"type":"bogus"}"#])
    }
    #expect {
      try database.group(group.id)
    } throws: { error in
      guard case .damagedGroup(_, let sequence, _) = error as? StoreError else { return false }
      return sequence == 2
    }
  }
}
