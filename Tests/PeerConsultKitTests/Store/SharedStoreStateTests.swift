import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// What the data folder keeps for a shared store (schema v7): programmes as records with ids,
/// attachments, and each log's mark of what a store holds.
@Suite struct SharedStoreStateTests {
  @Test func everyProgrammeGetsARecordWithAnIdOnceAndAttachesToOneStore() throws {
    let store = try StoreFixture()
    _ = try store.live(Fixtures.setup(programme: "Alcohol Plan"))
    _ = try store.live(Fixtures.setup(programme: "Alcohol Plan"))
    _ = try store.database.createGroup(
      name: "North", programme: "Night Economy", members: [], at: store.clock.now())
    _ = try store.live(Fixtures.setup(programme: ""))
    let programmes = try store.database.writer.read { db in
      try Row.fetchAll(db, sql: "SELECT id, name FROM programmes ORDER BY name")
    }
    #expect(programmes.map { $0["name"] as String } == ["Alcohol Plan", "Night Economy"])
    #expect(programmes.allSatisfy { ($0["id"] as String).count == 32 })

    try store.database.attach(
      programme: "Alcohol Plan", to: "office", serverID: "server-id", at: store.clock.now())
    try store.database.attach(
      programme: "Alcohol Plan", to: "office", serverID: "server-id", at: store.clock.now())
    #expect(throws: StoreError.attachedElsewhere(programme: "Alcohol Plan", store: "office")) {
      try store.database.attach(
        programme: "Alcohol Plan", to: "home", serverID: "other", at: store.clock.now())
    }
    #expect(try store.database.attachments().map(\.programme) == ["Alcohol Plan"])
    let logs = try store.database.streams(ofProgrammes: ["Alcohol Plan"])
    #expect(logs.count == 2 && logs.keys.allSatisfy { $0.kind == .session })
  }

  @Test func theMigrationGivesExistingProgrammesIds() throws {
    let store = try StoreFixture()
    _ = try store.live(Fixtures.setup(programme: "Alcohol Plan"))
    try store.database.writer.write { db in
      try db.execute(sql: "DELETE FROM programmes")
      try db.execute(
        sql:
          "DELETE FROM grdb_migrations WHERE identifier IN ('v7', 'v8', 'v9', 'v10', 'v11', 'v12', 'v13', 'v14', 'v15', 'v16')"
      )
      try db.execute(
        sql: """
          DROP TABLE programmes; DROP TABLE stores; DROP TABLE store_attachments;
          DROP TABLE store_streams; DROP TABLE store_syncs; DROP TABLE session_snapshots;
          DROP TABLE action_states; DROP TABLE action_follow_ups; ALTER TABLE notes DROP COLUMN due;
          DROP TABLE rating_events; DROP TRIGGER rating_events_insert;
          DROP TRIGGER rating_events_delete; DROP TRIGGER rating_events_update;
          DROP VIEW rating_event_fields; DROP TABLE tag_uses; DROP TRIGGER tag_uses_tag_insert;
          DROP TRIGGER tag_uses_tag_delete; DROP TRIGGER tag_uses_tag_update;
          DROP TRIGGER tag_uses_note_update; DROP TRIGGER tag_uses_note_delete;
          DROP TRIGGER tag_uses_session_update; DROP VIEW tag_use_rows;
          DROP INDEX events_not_json; DROP INDEX events_phases;
          DROP INDEX events_share_choices; DROP INDEX events_people;
          DROP INDEX sessions_by_programme_created; DROP INDEX sessions_unfinished;
          DROP TRIGGER review_filter_session_delete; DROP TABLE review_filter;
          CREATE INDEX sessions_by_programme ON sessions (programme);
          PRAGMA user_version = 5;
          """)
    }
    try store.database.close()
    let upgraded = try store.reopen()
    let names = try upgraded.writer.read {
      try String.fetchAll($0, sql: "SELECT name FROM programmes")
    }
    #expect(names == ["Alcohol Plan"])
    // v16 writes the filter's text of the sessions there are.
    #expect(try upgraded.reviewFilterEntries().map(\.programme) == ["Alcohol Plan"])
  }
}
