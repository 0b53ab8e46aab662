import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// The counts and presenters listings read from each session's row (schema v17) are what
/// replaying each session's events gives, after every kind of write: notes added, edited into
/// and out of actions, deleted, actions done and undone, presenters rearranged, sessions
/// imported, deleted, and people erased. Each write path that forgot the row would leave a
/// count or a name behind here.
@Suite struct SessionSummaryTests {
  /// The counts and presenters of every stored session as listed, beside the same from a
  /// replay.
  private func expectSummariesMatchReplay(
    _ database: AppDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let listings = try database.sessions()
    let stored = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? -1
    }
    #expect(
      stored == listings.count, "\(step): every session listed", sourceLocation: sourceLocation)
    for listing in listings {
      let state = try database.loadSession(listing.id)
      let notes = state.visibleNotes
      let actions = notes.filter(\.isAction)
      let listed: [Int] = [listing.noteCount, listing.actionCount, listing.actionsDone]
      let replayed: [Int] = [notes.count, actions.count, actions.filter(\.isDone).count]
      #expect(
        listed == replayed,
        "\(step): \(listing.title)", sourceLocation: sourceLocation)
      #expect(
        listing.presenters == state.setup.presenters.map { state.participants[$0].name },
        "\(step): \(listing.title)'s presenters", sourceLocation: sourceLocation)
    }
  }

  @Test func theSummariesEqualAReplayAfterEveryKindOfWrite() throws {
    let store = try StoreFixture()
    let database = store.database
    try expectSummariesMatchReplay(database, "empty")
    let first = try store.live(Fixtures.setup(title: "First"))
    try first.start()
    try expectSummariesMatchReplay(database, "created")
    let action = try first.addNote(.init(text: "Call the council", kind: .action, owner: 0))
    try first.addNote(.init(text: "Night buses", kind: .theme))
    let other = try first.addNote(.init(text: "Ask Chloé", kind: .other))
    try expectSummariesMatchReplay(database, "notes added")
    try first.setActionDone(action.id, true)
    try expectSummariesMatchReplay(database, "action done")
    try first.editNote(other.id, to: .init(text: "Ask Chloé to call", kind: .action, owner: 2))
    try first.setActionDone(other.id, true)
    try expectSummariesMatchReplay(database, "edited into an action and done")
    try first.editNote(other.id, to: .init(text: "Chloé called", kind: .insight, speaker: 2))
    try expectSummariesMatchReplay(database, "edited out of an action")
    try first.setActionDone(action.id, false)
    try expectSummariesMatchReplay(database, "action undone")
    try first.deleteNote(action.id)
    try expectSummariesMatchReplay(database, "action deleted")
    try first.rearrangePresenters([2, 0])
    try expectSummariesMatchReplay(database, "presenters rearranged")
    try first.finish()

    // Import: the same events through the path import writes with, into another folder.
    let elsewhere = try StoreFixture()
    try elsewhere.database.appendInOneTransaction([(first.id, try database.events(of: first.id))])
    try expectSummariesMatchReplay(elsewhere.database, "imported")

    let second = try store.live(Fixtures.setup(title: "Second"))
    try second.start()
    try second.addNote(.init(text: "Asha's plan", kind: .action, owner: 0))
    try second.addNote(.init(text: "Ben agrees", kind: .insight, speaker: 1))
    try expectSummariesMatchReplay(database, "second session")
    _ = try database.erasePerson(named: "Asha", at: store.clock.now())
    try expectSummariesMatchReplay(database, "person erased")
    try database.deleteSession(first.id)
    try expectSummariesMatchReplay(database, "session deleted")
    #expect(try database.sessions().map(\.title) == ["Second"])
  }

  /// A database of schema v16 (counts in `session_summaries`, presenters only in the rounds)
  /// upgraded to v17 lists the same counts and presenters as a replay, even for a session
  /// whose summary row was lost: made here from a v17 file by taking v17's columns and
  /// triggers away and putting v16's table and triggers back.
  @Test func theUpgradeToV17CarriesTheCountsAndWritesThePresenters() throws {
    let store = try StoreFixture()
    let first = try store.live(Fixtures.setup(title: "First"))
    try first.start()
    let action = try first.addNote(.init(text: "Call the council", kind: .action, owner: 0))
    try first.setActionDone(action.id, true)
    try first.addNote(.init(text: "Night buses", kind: .theme))
    let gone = try first.addNote(.init(text: "Gone", kind: .other))
    try first.deleteNote(gone.id)
    try first.rearrangePresenters([2, 0])
    let second = try store.live(Fixtures.setup(title: "Second"))
    try second.start()
    try second.addNote(.init(text: "Asha's plan", kind: .action, owner: 0))
    let v6 = AppDatabase.schemaV6
    let triggers = try #require(
      v6.range(of: "CREATE TRIGGER session_summaries_session_insert").map { start in
        v6[
          start
            .lowerBound..<(v6.range(of: "CREATE INDEX notes_by_created")?.lowerBound
            ?? start.lowerBound)]
      })
    try store.database.writer.writeWithoutTransaction { db in
      try db.execute(
        sql: """
          DROP TRIGGER session_counts_note_insert; DROP TRIGGER session_counts_note_delete;
          DROP TRIGGER session_counts_note_update;
          CREATE TABLE session_summaries (
            session_id TEXT PRIMARY KEY NOT NULL,
            notes INTEGER NOT NULL DEFAULT 0,
            actions INTEGER NOT NULL DEFAULT 0,
            actions_done INTEGER NOT NULL DEFAULT 0
          ) WITHOUT ROWID;
          INSERT INTO session_summaries SELECT id, note_count, action_count, actions_done
            FROM sessions;
          -- One summary lost, as a file edited by hand could: the upgrade counts again.
          DELETE FROM session_summaries WHERE session_id = '\(first.id.rawValue)';
          ALTER TABLE sessions DROP COLUMN note_count;
          ALTER TABLE sessions DROP COLUMN action_count;
          ALTER TABLE sessions DROP COLUMN actions_done;
          ALTER TABLE sessions DROP COLUMN presenters;
          \(triggers)
          DELETE FROM grdb_migrations WHERE identifier = 'v17';
          PRAGMA user_version = 16;
          """)
    }
    try store.database.close()
    let reopened = try store.reopen()
    #expect(
      try reopened.writer.read { db in try Int.fetchOne(db, sql: "PRAGMA user_version") } == 17)
    try expectSummariesMatchReplay(reopened, "upgraded from v16")
    let listings = try reopened.sessions()
    #expect(listings.map(\.noteCount) == [1, 2])
    let people = Fixtures.participants.map(\.name)
    #expect(listings.first { $0.title == "First" }?.presenters == [people[2], people[0]])
    #expect(listings.first { $0.title == "Second" }?.presenters == [people[1], people[0]])
    // The upgraded file's counts are kept from then on, as a new file's are.
    let resumed = try LiveSession.resume(second.id, store: reopened, clock: store.clock)
    try resumed.addNote(.init(text: "Ben agrees", kind: .insight, speaker: 1))
    try expectSummariesMatchReplay(reopened, "a note after the upgrade")
  }
}
