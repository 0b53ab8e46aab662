import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// The tables of schema v12 that the programme view reads, `tag_uses` (its tags) and
/// `rating_events` (its ratings), give what replaying each stored session's events gives,
/// after every kind of write: tagged notes added, edited (tags added, removed, respelled),
/// deleted; ratings given, changed and taken back; sessions imported, extended by an import,
/// their logs replaced as a sync does after an erasure elsewhere, people erased, sessions
/// deleted; and a database upgraded from v11 fills them from what is already stored. A write
/// path that forgot a table (or a trigger that kept it wrongly) leaves a row behind here.
@Suite struct OverviewTablesTests {
  /// One use of a tag as the programme view counts it.
  private struct Use: Hashable, CustomStringConvertible {
    let programme: String
    let key: String
    let tag: String
    let session: String
    let note: Int
    let group: String?
    let at: Int64

    var description: String { "\(programme)/\(key)(\(tag)) \(session.prefix(6))#\(note) \(at)" }
  }

  /// The uses derived from the replayed sessions: each tag of each note not deleted.
  private func replayedUses(_ database: AppDatabase) throws -> Set<Use> {
    var uses: Set<Use> = []
    for listing in try database.sessions() {
      let state = try database.loadSession(listing.id)
      for note in state.visibleNotes {
        for tag in NoteTag.distinct(in: note.text) {
          uses.insert(
            Use(
              programme: state.setup.programme, key: tag.key, tag: tag.text,
              session: listing.id.rawValue, note: note.id, group: state.setup.group?.rawValue,
              at: note.createdAt.millisecondsSince1970))
        }
      }
    }
    return uses
  }

  /// Each programme's standing ratings by session as read from `rating_events`, beside the
  /// same from the replayed sessions (sessions with no rating standing left out of both).
  private func expectRatingsMatchReplay(
    _ database: AppDatabase, _ step: String, sourceLocation: SourceLocation
  ) throws {
    var replayed: [String: [String: [Int: Int]]] = [:]
    for listing in try database.sessions() {
      let state = try database.loadSession(listing.id)
      replayed[state.setup.programme, default: [:]][listing.id.rawValue] =
        state.ratings.isEmpty ? nil : state.ratings
    }
    for (programme, ratings) in replayed {
      let stored = try database.writer.read { db in
        try AppDatabase.standingRatings(programme: programme, in: db).filter { !$0.value.isEmpty }
      }
      #expect(stored == ratings, "\(step): \(programme)'s ratings", sourceLocation: sourceLocation)
    }
  }

  private func expectTablesMatchReplay(
    _ database: AppDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    try expectRatingsMatchReplay(database, step, sourceLocation: sourceLocation)
    let (stored, count) = try database.writer.read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT u.programme, u.tag_key, u.tag, u.session_id, n.note, u.group_id, u.created_at
          FROM tag_uses u JOIN notes n ON n.id = u.note_id
          """)
      let uses = rows.map { row in
        Use(
          programme: row[0], key: row[1], tag: row[2], session: row[3], note: row[4],
          group: row[5], at: row[6])
      }
      return (Set(uses), try Int.fetchOne(db, sql: "SELECT count(*) FROM tag_uses") ?? -1)
    }
    let replayed = try replayedUses(database)
    #expect(
      stored == replayed,
      "\(step): stored \(stored.subtracting(replayed)), replayed \(replayed.subtracting(stored))",
      sourceLocation: sourceLocation)
    #expect(count == replayed.count, "\(step): one row per use", sourceLocation: sourceLocation)
  }

  @Test func theTagUsesEqualAReplayAfterEveryKindOfWrite() throws {
    let store = try StoreFixture()
    let database = store.database
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan", members: [], at: store.clock.now())
    var grouped = Fixtures.setup(title: "First")
    grouped.group = group.id
    let first = try store.live(grouped)
    try first.start()
    let licensing = try first.addNote(.init(text: "Talk to #Licensing and #buses", kind: .theme))
    let action = try first.addNote(
      .init(text: "Call the council #licensing #asha", kind: .action, owner: 0))
    try first.addNote(.init(text: "No tag here", kind: .other))
    try first.rateProcess(participant: 0, rating: 4)
    try first.rateProcess(participant: 1, rating: 2)
    try expectTablesMatchReplay(database, "tagged notes added, ratings given")
    #expect(try replayedUses(database).count == 4)

    try first.editNote(licensing.id, to: .init(text: "Talk to #LICENSING, #trains", kind: .theme))
    try expectTablesMatchReplay(database, "tags respelled, removed and added")
    try first.editNote(licensing.id, to: .init(text: "Talk to nobody", kind: .theme))
    try expectTablesMatchReplay(database, "every tag edited out")
    try first.editNote(licensing.id, to: .init(text: "Back to #buses", kind: .insight))
    try expectTablesMatchReplay(database, "a tag edited back in")
    try first.deleteNote(action.id)
    try expectTablesMatchReplay(database, "a tagged note deleted")
    try first.rateProcess(participant: 0, rating: 5)
    try first.clearRating(participant: 1)
    try expectTablesMatchReplay(database, "a rating changed, one taken back")
    try first.finish()

    // Import, as `import` and a sync's pull write: part of the log, then the rest of it (an
    // extended session), into another folder.
    let events = try database.events(of: first.id)
    let elsewhere = try StoreFixture()
    try elsewhere.database.appendInOneTransaction([(first.id, Array(events.prefix(4)))])
    try expectTablesMatchReplay(elsewhere.database, "imported in part")
    try elsewhere.database.appendInOneTransaction([(first.id, Array(events.dropFirst(4)))])
    try expectTablesMatchReplay(elsewhere.database, "extended by an import")
    // A sync replaces a log erased elsewhere with the store's version of it.
    try elsewhere.database.replaceLog(of: first.id, with: Array(events.prefix(5)))
    try expectTablesMatchReplay(elsewhere.database, "log replaced by a sync")

    let second = try store.live(Fixtures.setup(title: "Second", programme: "Night Economy"))
    try second.start()
    try second.addNote(.init(text: "Asha's plan #asha #buses", kind: .action, owner: 0))
    try second.addNote(.init(text: "Ben agrees #trust", kind: .insight, speaker: 1))
    try second.rateProcess(participant: 0, rating: 3)
    try expectTablesMatchReplay(database, "a session of another programme")
    _ = try database.erasePerson(named: "Asha", at: store.clock.now())
    try expectTablesMatchReplay(database, "person erased")
    try database.deleteSession(first.id)
    try expectTablesMatchReplay(database, "session deleted")
    #expect(!(try replayedUses(database)).isEmpty)
    #expect(try database.loadSession(second.id).ratings == [0: 3])
  }

  @Test func theUpgradeToV12FillsTheTableFromTheNotesStored() throws {
    let store = try StoreFixture()
    var setup = Fixtures.setup(title: "First")
    setup.group = try store.database.createGroup(
      name: "North", programme: "Alcohol Plan", members: [], at: store.clock.now()
    ).id
    let session = try store.live(setup)
    try session.start()
    try session.addNote(.init(text: "Talk to #Licensing and #buses", kind: .theme))
    let gone = try session.addNote(.init(text: "Gone #buses", kind: .theme))
    try session.deleteNote(gone.id)
    try session.rateProcess(participant: 0, rating: 4)
    try session.rateProcess(participant: 2, rating: 1)
    try session.clearRating(participant: 2)
    try store.database.writer.write { db in
      try db.execute(
        sql: """
          DROP TABLE tag_uses; DROP TRIGGER tag_uses_tag_insert; DROP TRIGGER tag_uses_tag_delete;
          DROP TRIGGER tag_uses_tag_update; DROP TRIGGER tag_uses_note_update;
          DROP TRIGGER tag_uses_note_delete; DROP TRIGGER tag_uses_session_update; DROP VIEW tag_use_rows;
          DROP TABLE rating_events; DROP TRIGGER rating_events_insert;
          DROP TRIGGER rating_events_delete; DROP TRIGGER rating_events_update;
          DROP VIEW rating_event_fields;
          CREATE INDEX events_ratings ON events (session_id, seq)
            WHERE type IN ('processRating', 'ratingCleared');
          DELETE FROM grdb_migrations WHERE identifier = 'v12';
          PRAGMA user_version = 11;
          """)
    }
    let reopened = try store.reopen()
    #expect(
      try reopened.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 12)
    try expectTablesMatchReplay(reopened, "upgraded from v11")
    #expect(try replayedUses(reopened).count == 2)
    #expect(try reopened.loadSession(session.id).ratings == [0: 4])
  }
}
