import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// The counts listings read from `session_summaries` are what replaying each session's events
/// gives, after every kind of write: notes added, edited into and out of actions, deleted,
/// actions done and undone, sessions imported, deleted, and people erased. Each write path
/// that forgot the summary would leave a count behind here.
@Suite struct SessionSummaryTests {
  /// The counts of every stored session as listed, beside the same counts from a replay.
  private func expectSummariesMatchReplay(
    _ database: AppDatabase, _ step: String, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let listings = try database.sessions()
    let stored = try database.writer.read { db in
      try Int.fetchOne(db, sql: "SELECT count(*) FROM session_summaries") ?? -1
    }
    #expect(
      stored == listings.count, "\(step): one summary per session", sourceLocation: sourceLocation)
    for listing in listings {
      let state = try database.loadSession(listing.id)
      let notes = state.visibleNotes
      let actions = notes.filter(\.isAction)
      let listed: [Int] = [listing.noteCount, listing.actionCount, listing.actionsDone]
      let replayed: [Int] = [notes.count, actions.count, actions.filter(\.isDone).count]
      #expect(
        listed == replayed,
        "\(step): \(listing.title)", sourceLocation: sourceLocation)
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
}
