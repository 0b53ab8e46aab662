import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

@Suite struct AppDatabaseSessionsTests {
  private func id(_ prefix: String) -> SessionID {
    SessionID(rawValue: prefix + String(repeating: "0", count: 32 - prefix.count))!
  }

  @Test func listingsShowNewestFirstWithPresentersAndCounts() throws {
    let store = try StoreFixture()
    let older = try store.live(Fixtures.setup(title: "Older", programme: "Alcohol Plan"))
    try older.start()
    try older.addNote(.init(text: "Act", kind: .action, owner: 0))
    try older.addNote(.init(text: "Act too", kind: .action, owner: 1))
    try older.addNote(.init(text: "Theme", kind: .theme))
    try older.addNote(.init(text: "Gone", kind: .action))
    try older.deleteNote(4)
    try older.setActionDone(1, true)
    try older.finish()
    store.clock.advance(by: 60)
    _ = try store.live(Fixtures.setup(title: "Newer", programme: "Night Economy"))

    let listings = try store.database.sessions()
    #expect(listings.map(\.title) == ["Newer", "Older"])
    let listing = listings[1]
    #expect(listing.id == older.id && listing.programme == "Alcohol Plan")
    #expect(listing.protocolName == "Mini" && listing.presenters == ["Ben", "Asha"])
    #expect(listing.noteCount == 3 && listing.actionCount == 2 && listing.actionsDone == 1)
    #expect(listing.isFinished && listing.finishedAt == older.state.finishedAt)
    #expect(listing.createdAt == Fixtures.start && listing.updatedAt == older.state.finishedAt)
    #expect(try store.database.unfinishedSessions().map(\.title) == ["Newer"])
    #expect(try store.database.unfinishedAtAGlance().count == 1)
  }

  @Test func theNewestSessionsArePagedWithTheirPresentersAndATotal() throws {
    let store = try StoreFixture()
    for number in 1...5 {
      let setup = Fixtures.setup(
        title: "Session \(number)", programme: number % 2 == 0 ? "Night Economy" : "Alcohol Plan")
      _ = try store.live(setup)
      store.clock.advance(by: 60)
    }
    let page = try store.database.newestSessions(limit: 2)
    #expect(page.listings.map(\.title) == ["Session 5", "Session 4"])
    #expect(page.total == 5)
    #expect(page.listings.allSatisfy { $0.presenters == ["Ben", "Asha"] })
    #expect(page.listings == Array(try store.database.sessions().prefix(2)))
    let programme = try store.database.newestSessions(limit: 10, programme: "Night Economy")
    #expect(programme.listings.map(\.title) == ["Session 4", "Session 2"] && programme.total == 2)
    let none = try store.database.newestSessions(limit: 3, programme: "Nobody's")
    #expect(none.listings.isEmpty && none.total == 0)
  }

  /// The review list's filter reads, for every listed session, its id, start, programme and
  /// the words a listing is found by; then lists the sessions it shows by their ids.
  @Test func filterEntriesHoldAListingsWordsAndListingsAreReadByID() throws {
    let store = try StoreFixture()
    for number in 1...4 {
      _ = try store.live(
        Fixtures.setup(title: "Séance \(number)", programme: number == 2 ? "" : "Night Economy"))
      store.clock.advance(by: 60)
    }
    let listings = try store.database.sessions()
    let entries = try store.database.reviewFilterEntries()
    #expect(entries.map(\.id) == listings.map(\.id))
    for (entry, listing) in zip(entries, listings) {
      #expect(entry.createdAt == listing.createdAt && entry.programme == listing.programme)
      #expect(entry.text == Self.filterText(of: listing), "\(entry.text)")
    }
    let unknown = id("ff")
    let chosen = try store.database.sessions([listings[3].id, unknown, listings[1].id])
    #expect(chosen == [listings[1], listings[3]])
    #expect(try store.database.sessions([]).isEmpty)
  }

  /// The text the review list's filter finds `listing` by, folded as a listing's is.
  private static func filterText(of listing: SessionListing) -> FilterText {
    FilterText(
      HaystackFolder.folded(
        ([listing.title, listing.programme, listing.protocolName] + listing.presenters)
          .joined(separator: " ")))
  }

  /// The filter's text follows the presenters as they are rearranged, and goes with its
  /// session.
  @Test func theFilterTextIsKeptWithTheSessionsPresenters() throws {
    let store = try StoreFixture()
    let session = try store.live(Fixtures.setup(title: "Ødegård's Plan"))
    try session.addParticipant(Participant(name: "Zoë Bjørn", organisation: "NHS", level: .senior))
    try session.rearrangePresenters([3, 1])
    let listing = try #require(try store.database.sessions().first)
    #expect(listing.presenters == ["Zoë Bjørn", "Ben"])
    let entry = try #require(try store.database.reviewFilterEntries().first)
    #expect(entry.text == Self.filterText(of: listing))
    #expect(entry.text.text.hasPrefix("ødegard's plan") && entry.text.text.hasSuffix(" ben"))
    try store.database.deleteSession(session.id)
    #expect(try store.database.reviewFilterEntries().isEmpty)
  }

  /// A page is read through the index on `created_at`, stopping at its limit: no sort of every
  /// session, so `list` costs the same at ten sessions and at ten thousand.
  @Test func aPageOfSessionsIsReadInIndexOrderWithoutSortingThemAll() throws {
    let store = try StoreFixture()
    let sql =
      "SELECT s.id "
      + AppDatabase.chosenSessions(where: "1", order: "s.created_at DESC, s.rowid DESC", limit: 50)
    let plan = try store.database.read { db in
      try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("sessions_by_created") }, "\(plan)")
    #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
  }

  @Test func reopeningAFinishedSessionMakesItUnfinishedAgain() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.finish()
    #expect(try store.database.unfinishedSessions().isEmpty)
    #expect(try store.database.unfinishedAtAGlance().count == 0)
    try session.previous()
    #expect(try store.database.unfinishedSessions().map(\.id) == [session.id])
  }

  @Test func aSessionIsNamedByLatestOrAUniquePrefix() throws {
    let store = try StoreFixture()
    #expect(throws: StoreError.noSessions) { try store.database.resolveSession("latest") }
    _ = try store.live(id: id("ab12"))
    store.clock.advance(by: 1)
    _ = try store.live(id: id("ab34"))
    store.clock.advance(by: 1)
    _ = try store.live(id: id("cd"))
    #expect(try store.database.resolveSession("latest") == id("cd"))
    #expect(try store.database.resolveSession(" LATEST ") == id("cd"))
    #expect(try store.database.resolveSession("ab1") == id("ab12"))
    #expect(try store.database.resolveSession("AB3") == id("ab34"))
    #expect(try store.database.resolveSession(id("cd").rawValue) == id("cd"))
    #expect(throws: StoreError.ambiguousSession(prefix: "ab", matches: [id("ab12"), id("ab34")])) {
      try store.database.resolveSession("ab")
    }
    for unknown in ["ef", "", "a*", "zz", "ab12%", String(repeating: "a", count: 33)] {
      #expect(throws: StoreError.noSuchSession(unknown)) {
        try store.database.resolveSession(unknown)
      }
    }
  }

  @Test func resolutionMessagesAreOneClearLine() {
    let ambiguous = StoreError.ambiguousSession(
      prefix: "ab", matches: [id("ab1"), id("ab2"), id("ab3"), id("ab4")])
    #expect(
      ambiguous.description
        == "\"ab\" matches 4 sessions (ab100000, ab200000, ab300000, ...): type more of the id.")
    #expect(StoreError.noSuchSession("x\ny").description.contains("\"x y\""))
  }

  @Test func programmesAreListedMostRecentlyUsedFirst() throws {
    let store = try StoreFixture()
    // A name that begins another, one session in no programme, and two names whose newest
    // sessions start at the same moment (then in order of their names).
    let programmes = [
      "Alcohol Plan", "Night Economy", "Alcohol Plan", "", "Alcohol", "Zebra", "Night Economy",
    ]
    for (number, programme) in programmes.enumerated() {
      _ = try store.live(Fixtures.setup(programme: programme))
      if number != 4 { store.clock.advance(by: 10) }
    }
    #expect(
      try store.database.programmeNames() == ["Night Economy", "Alcohol", "Zebra", "Alcohol Plan"])
    #expect(try StoreFixture().database.programmeNames().isEmpty)
  }

  /// What every start of the review list, the new-session form and home asks is answered from
  /// the indexes, without reading a row of `sessions`: the same time at ten sessions and at
  /// ten thousand.
  @Test func whatAStartAsksOfTheSessionsIsReadFromTheirIndexes() throws {
    let store = try StoreFixture()
    func plan(_ sql: String) throws -> [String] {
      try store.database.read { db in
        try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql).map { $0["detail"] as String }
      }
    }
    let names = try plan(AppDatabase.programmeNamesSQL)
    let reads = names.filter { $0.contains("sessions") }
    #expect(reads.count == 3, "\(names)")
    #expect(
      reads.allSatisfy { $0.contains("USING COVERING INDEX sessions_by_programme_created") },
      "\(names)")
    let unfinished = try plan("SELECT count(*) FROM sessions WHERE finished_at IS NULL")
    #expect(unfinished.contains { $0.contains("sessions_unfinished") }, "\(unfinished)")
    let listed = try plan(
      "SELECT s.id "
        + AppDatabase.chosenSessions(
          where: "s.finished_at IS NULL", order: "s.updated_at DESC, s.rowid DESC", limit: nil))
    #expect(listed.contains { $0.contains("sessions_unfinished") }, "\(listed)")
    #expect(!listed.contains { $0.contains("TEMP B-TREE") }, "\(listed)")
  }

  @Test func theSetupComesBackWithoutAReplay() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.addParticipant(Participant(name: "Dev", organisation: "X", level: .other))
    #expect(try store.database.setup(of: session.id) == Fixtures.setup())
  }
}
