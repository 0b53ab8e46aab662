import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// Sessions taken from a shared store are marked with its name wherever sessions are listed:
/// `list`, `search`, `actions` and the harvest (never an anonymised one), read with the rows
/// they belong to.
@Suite struct SessionOriginTests {
  static let pulled = SessionID(rawValue: "aaaa" + String(repeating: "1", count: 28))!
  static let local = SessionID(rawValue: "bbbb" + String(repeating: "2", count: 28))!
  static let utc = ReadableTime(timeZone: TimeZone(identifier: "UTC")!)

  /// Two sessions of one programme with a matching note and an action each: `pulled` came
  /// from the store `office`, `local` was written here and pushed to it.
  private func folder() throws -> StoreFixture {
    let store = try StoreFixture()
    for (id, title) in [(Self.pulled, "Taken from the store"), (Self.local, "Written here")] {
      let session = try store.live(Fixtures.setup(title: title), id: id)
      try session.start()
      try session.addNote(.init(text: "Licensing hours keep moving", kind: .theme))
      try session.addNote(.init(text: "Call the licensing team", kind: .action))
      store.clock.advance(by: 3600)
    }
    try store.database.addStore(
      named: "office", url: "postgres://alice@db.example.org/pc", at: store.clock.now())
    let marks = [
      StreamKey(.session, Self.pulled.rawValue): StreamSyncRecord(
        syncedSequence: 4, writtenHere: false),
      StreamKey(.session, Self.local.rawValue): StreamSyncRecord(
        syncedSequence: 4, writtenHere: true),
    ]
    try store.database.recordSync(store: "office", agreed: marks)
    return store
  }

  @Test func listingsAndSearchHitsCarryTheStoreTheirSessionCameFrom() throws {
    let store = try folder()
    let (listings, _) = try store.database.newestSessions(limit: 10)
    #expect(
      Dictionary(uniqueKeysWithValues: listings.map { ($0.id, $0.origin) }) == [
        Self.pulled: "office", Self.local: nil,
      ])
    let list = CommandText.listings(listings, time: Self.utc)
    #expect(list.contains("unfinished, from office"), "\(list)")
    #expect(list.components(separatedBy: "from office").count == 2, "\(list)")
    let json = CommandJSON.listings(listings)
    #expect(json.components(separatedBy: "\"origin\" : \"office\"").count == 2, "\(json)")

    let hits = try store.database.searchNotes("licensing", limit: 10)
    #expect(hits.count == 4)
    #expect(hits.allSatisfy { $0.origin == ($0.session == Self.pulled ? "office" : nil) })
    let text = CommandText.hits(hits, query: "licensing", limit: 10, styled: false, time: Self.utc)
    let lines = text.split(separator: "\n").filter { $0.hasPrefix("aaaa") || $0.hasPrefix("bbbb") }
    #expect(lines.count == 4)
    #expect(lines.allSatisfy { $0.hasSuffix(" · from office") == $0.hasPrefix("aaaa") }, "\(text)")
    #expect(CommandJSON.hits(hits).components(separatedBy: "\"origin\"").count == 3)
  }

  @Test func actionsNameTheStoreInTheSessionsHeading() throws {
    let store = try folder()
    let origins = try store.database.sessionOrigins()
    #expect(origins == [Self.pulled: "office"])
    let text = CommandText.actions(
      try store.database.records().records, origins: origins, time: Self.utc)
    #expect(text.contains("(Alcohol Plan · aaaa1111 · from office)"), "\(text)")
    #expect(text.contains("(Alcohol Plan · bbbb2222)"), "\(text)")
  }

  @Test func theHarvestSaysWhereEachSessionCameFromUnlessAnonymised() throws {
    let store = try folder()
    let sessions = try store.database.programmeSessions(programme: "Alcohol Plan").sessions
    #expect(sessions.map(\.origin) == ["office", nil])
    let markdown = HarvestExport.render(
      sessions: sessions, programme: "Alcohol Plan", as: .markdown,
      timeZone: TimeZone(identifier: "UTC")!)
    #expect(markdown.contains("| Finished | From |"), "\(markdown)")
    #expect(markdown.contains("| Taken from the store | 0 | 2 | 1 (0) | no | store office |"))
    #expect(markdown.contains("| Written here | 0 | 2 | 1 (0) | no | here |"))
    let html = HarvestExport.render(sessions: sessions, programme: "Alcohol Plan", as: .html)
    #expect(html.contains("<th>From</th>") && html.contains("<td>store office</td>"))
    let json = HarvestExport.render(sessions: sessions, programme: "Alcohol Plan", as: .json)
    #expect(json.components(separatedBy: "\"origin\" : \"office\"").count == 2, "\(json)")

    // Sessions all written here keep the table they always had.
    let here = sessions.filter { $0.origin == nil }
    let plain = HarvestExport.render(sessions: here, programme: "Alcohol Plan", as: .markdown)
    #expect(!plain.contains("From |") && !plain.contains("\"origin\""))

    // Anonymised, a store's name (the user's choice, which may name an organisation) is left
    // out of every format.
    for format in [ShareFormat.markdown, .html, .json] {
      let anonymised = try HarvestExport.render(
        try store.database.records().records, programme: "Alcohol Plan", as: format,
        options: ShareOptions(anonymise: true))
      #expect(!anonymised.contains("office") && !anonymised.contains("origin"), "\(format)")
    }
  }

  @Test func aListingLooksUpTheOriginsOfItsOwnRowsOnly() throws {
    let store = try folder()
    let plan = try store.database.writer.read { db in
      try Row.fetchAll(
        db,
        sql:
          "EXPLAIN QUERY PLAN SELECT s.id, \(AppDatabase.origin(ofSession: "s.id")) FROM sessions s"
      ).map { $0["detail"] as String }
    }
    // Each row asks the store table's primary key, never walks it.
    #expect(
      plan.contains { $0.contains("SEARCH o USING PRIMARY KEY (store=? AND kind=? AND id=?)") })
    #expect(!plan.contains { $0.contains("SCAN o") }, "\(plan)")
  }
}
