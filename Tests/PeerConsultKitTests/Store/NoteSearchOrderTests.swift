import Foundation
import GRDB
import Synchronization
import Testing

@testable import PeerConsultKit

/// Search's two orders, on both of their paths: every match ordered (below the candidate
/// bound), and a word at the bound, whose newest matches are found by walking the notes by time.
@Suite struct NoteSearchOrderTests {
  /// Notes written at the given minutes past the fixture's start, in the order given, so that
  /// ids (the order of writing) and times differ: an import stores an older session last.
  private func seeded() throws -> (StoreFixture, [String: Int64]) {
    let store = try StoreFixture()
    let older = try store.live(Fixtures.setup(title: "Older"))
    try older.start()
    store.clock.advance(by: 60)
    try older.addNote(.init(text: "licensing licensing licensing", kind: .other))
    store.clock.advance(by: 60)
    try older.addNote(.init(text: "licensing and a great many other words besides", kind: .other))
    // Written elsewhere later, imported here after a newer session: its notes get higher ids
    // but older times.
    let elsewhere = try StoreFixture()
    let imported = try elsewhere.live(Fixtures.setup(title: "Imported"))
    try imported.start()
    try imported.addNote(.init(text: "licensing licensing, imported", kind: .other))
    store.clock.advance(by: 3_600)
    let newer = try store.live(Fixtures.setup(title: "Newer"))
    try newer.start()
    try newer.addNote(.init(text: "the licensing forum met", kind: .other))
    store.clock.advance(by: 60)
    try newer.addNote(.init(text: "nothing about it", kind: .other))
    try newer.addNote(.init(text: "licensing, at last", kind: .other))
    try store.database.appendInOneTransaction(
      [(imported.id, try elsewhere.database.events(of: imported.id))])
    let times = try store.database.writer.read { db in
      try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT text, created_at FROM notes").map {
          ($0["text"] as String, $0["created_at"] as Int64)
        })
    }
    return (store, times)
  }

  private func texts(
    _ store: StoreFixture, _ query: String, order: NoteSearchOrder, limit: Int = 50,
    bound: Int = AppDatabase.searchCandidateBound, ranked: Int = AppDatabase.searchRankedCandidates
  ) throws -> [String] {
    try store.database.searchNotes(
      query, session: nil, programme: nil, kind: nil, order: order, limit: limit, bound: bound,
      ranked: ranked
    ).map(\.text.text)
  }

  @Test func newestFirstOrdersByTimeNotByWhenStored() throws {
    let (store, times) = try seeded()
    let expected = [
      "licensing, at last", "the licensing forum met",
      "licensing and a great many other words besides", "licensing licensing licensing",
      "licensing licensing, imported",
    ]
    #expect(expected.map { times[$0]! } == expected.map { times[$0]! }.sorted(by: >))
    #expect(try texts(store, "licensing", order: .newest) == expected)
    // At the bound (0: always), reading batches in stored order until the newest read are
    // newer than every note not read gives the same order, cut to the limit: the imported
    // note, stored last, is read first and shown last.
    #expect(try texts(store, "licensing", order: .newest, bound: 0) == expected)
    #expect(
      try texts(store, "licensing", order: .newest, limit: 2, bound: 0) == [
        "licensing, at last", "the licensing forum met",
      ])
  }

  @Test func bestFirstRanksEveryMatchBelowTheBoundAndTheNewestAtIt() throws {
    let (store, _) = try seeded()
    // bm25: three times in a short note beats twice, which beats once in a long one.
    let all = try texts(store, "licensing", order: .best)
    #expect(
      Array(all.prefix(2)) == ["licensing licensing licensing", "licensing licensing, imported"])
    #expect(all.last == "licensing and a great many other words besides")
    #expect(Set(all).count == 5)
    // At the bound, the three matches stored last are ranked among themselves: the imported
    // note (stored last, though written first) and the newer session's two; the older
    // session's notes, stored first, are not among them.
    let bounded = try texts(store, "licensing", order: .best, limit: 3, bound: 2, ranked: 3)
    #expect(
      bounded == ["licensing licensing, imported", "licensing, at last", "the licensing forum met"])
  }

  @Test func cjkTermsOfOneToThreeCharactersAreFoundInEitherOrderThroughTheIndex() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "駅前の居酒屋で飲酒の相談", kind: .other))
    store.clock.advance(by: 60)
    try session.addNote(.init(text: "酒は飲まない", kind: .other))
    store.clock.advance(by: 60)
    try session.addNote(.init(text: "居酒を屋で", kind: .other))
    for bound in [AppDatabase.searchCandidateBound, 0] {
      for order in NoteSearchOrder.allCases {
        #expect(
          try texts(store, "酒", order: order, bound: bound).sorted()
            == ["居酒を屋で", "酒は飲まない", "駅前の居酒屋で飲酒の相談"])
        #expect(try texts(store, "飲酒", order: order, bound: bound) == ["駅前の居酒屋で飲酒の相談"])
        #expect(try texts(store, "居酒屋", order: order, bound: bound) == ["駅前の居酒屋で飲酒の相談"])
      }
      #expect(try texts(store, "酒", order: .newest, bound: bound).first == "居酒を屋で")
    }
    // Through the index: the matches are read from the FTS table in its own order, each
    // joined to its note by rowid, with no sort and no scan of the notes.
    let search = NoteSearch(
      pattern: "\"居酒屋\"", filters: "n.deleted_at IS NULL AND n.kind = :kind",
      arguments: ["kind": "other"], order: .newest, limit: 50, bound: 1, ranked: 50)
    for below in [false, true] {
      let plan = try store.database.writer.read { db in
        try Row.fetchAll(
          db, sql: "EXPLAIN QUERY PLAN \(search.matchesSQL(below: below, count: 50))",
          arguments: ["pattern": "\"居酒屋\"", "below": 10, "kind": "other"]
        ).map { $0["detail"] as String }
      }
      #expect(plan.contains { $0.contains("SCAN notes_fts VIRTUAL TABLE INDEX") }, "\(plan)")
      #expect(plan.contains { $0.contains("SEARCH n USING INTEGER PRIMARY KEY") }, "\(plan)")
      #expect(!plan.contains { $0.contains("TEMP B-TREE") || $0.hasPrefix("SCAN n ") }, "\(plan)")
    }
  }
}

/// What newest first asks of the index at the bound.
@Suite struct NoteSearchNewestBatchTests {
  /// A session in memory whose notes `write` adds, then newest first of `query` at a bound of
  /// 10, with every statement the search ran.
  private func tracedNewest(
    _ query: String, limit: Int,
    writing write: (LiveSession, ManualClock) throws -> Void
  ) throws -> (texts: [String], asked: [String]) {
    let database = try AppDatabase.inMemory()
    let clock = ManualClock(Fixtures.start)
    let session = try LiveSession.create(
      Fixtures.setup(), id: .random(), store: database, clock: clock)
    try session.start()
    try write(session, clock)
    let statements = Mutex<[String]>([])
    database.writer.writeWithoutTransaction { db in
      db.trace { event in statements.withLock { $0.append("\(event)") } }
    }
    let hits = try database.searchNotes(
      query, session: nil, programme: nil, kind: nil, order: .newest, limit: limit, bound: 10,
      ranked: 10)
    return (hits.map(\.text.text), statements.withLock { $0 })
  }

  @Test func newestFirstAtTheBoundReadsOneBatchWithoutCountingTheMatches() throws {
    let (texts, asked) = try tracedNewest("\"the partnership\"", limit: 5) { session, clock in
      for number in 0..<12 {
        clock.advance(by: 60)
        try session.addNote(.init(text: "the partnership met \(number)", kind: .other))
        try session.addNote(.init(text: "partnership, the other \(number)", kind: .other))
      }
    }
    #expect(texts == (7..<12).reversed().map { "the partnership met \($0)" })
    // Counting the matches up to the bound would read the position lists of most notes of
    // both words, more than the batch of the newest itself.
    #expect(!asked.contains { $0.contains("count(*)") && $0.contains("notes_fts") }, "\(asked)")
    #expect(asked.filter { $0.contains("FROM notes_fts JOIN notes n") }.count == 1, "\(asked)")
  }

  @Test func newestFirstReadsARareWordsOtherMatchesInsteadOfProvingNothingNewerIsUnread() throws {
    let (texts, asked) = try tracedNewest("dairsen", limit: 2) { session, clock in
      // Three matches, each after more other notes than the sparse span allows for two.
      for number in 0..<3 {
        for _ in 0..<(2 * NoteSearch.sparseSpan + 10) {
          try session.addNote(.init(text: "nothing to see", kind: .other))
        }
        clock.advance(by: 60)
        try session.addNote(.init(text: "dairsen \(number)", kind: .other))
      }
    }
    #expect(texts == ["dairsen 2", "dairsen 1"])
    // The first batch, then the rest of the matches (one), and no scan of the notes by time.
    #expect(asked.filter { $0.contains("FROM notes_fts JOIN notes n") }.count == 2, "\(asked)")
    #expect(!asked.contains { $0.contains("notes_by_created") }, "\(asked)")
  }
}
