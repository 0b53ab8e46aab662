import Foundation
import GRDB

extension AppDatabase {
  /// Every session's ``ReviewFilterEntry``, newest first (as the listings are ordered): the
  /// review list's filter reads these once it is used, instead of every session's listing.
  /// One table read in its key's order, each text folded when its session was written.
  public func reviewFilterEntries() throws(StoreError) -> [ReviewFilterEntry] {
    try read { db in
      // Read once, in order, and kept as entries: the table's pages (1.7 MB at 10,000
      // sessions) are not read again, so SQLite's cache need not hold them beside the entries.
      let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
      try db.execute(sql: "PRAGMA cache_size = -64")
      defer { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") }
      let statement = try db.makeStatement(
        sql: """
          SELECT session_id, created_at, programme, text, reach FROM review_filter
          ORDER BY created_at DESC, session_rowid DESC
          """)
      // Columns read from the statement by their concrete types: `Row`'s generic subscript
      // looked up each type's conformance at every column of ten thousand rows.
      let sqlite = statement.sqliteStatement
      func text(_ column: CInt) -> String {
        String.fromStatement(sqlite, atUncheckedIndex: column) ?? ""
      }
      let rows = try Row.fetchCursor(statement)
      var entries: [ReviewFilterEntry] = []
      // Programmes repeat: each name is kept once, not once a session.
      var programmes: [String: String] = [:]
      while try rows.next() != nil {
        guard let id = SessionID(rawValue: text(0)) else { continue }
        let read = text(2)
        let programme = programmes[read] ?? read
        programmes[read] = programme
        let folded = text(3)
        // A reach not known (a file edited by hand) is found again from the text.
        let reach = Int64.fromStatement(sqlite, atUncheckedIndex: 4).flatMap {
          FilterText.Reach(rawValue: Int($0))
        }
        entries.append(
          ReviewFilterEntry(
            id: id,
            createdAt: Date(
              millisecondsSince1970: Int64.fromStatement(sqlite, atUncheckedIndex: 1) ?? 0),
            programme: programme,
            text: reach.map { FilterText(folded, reach: $0) } ?? FilterText(folded)))
      }
      return entries
    }
  }

  /// Writes `session`'s row of `review_filter` from its row of `sessions` and `presenters`, its
  /// presenters' names in round order (nothing when it has no row), folded by `fold`.
  static func refreshReviewFilter(
    of session: String, presenters: [String], in db: Database, fold: (String) -> String
  ) throws {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(
          sql: """
            SELECT created_at, rowid, programme, title, protocol_name FROM sessions WHERE id = ?
            """),
        arguments: [session])
    else { return }
    let programme: String = row[2]
    let text = ReviewFilterEntry.text(
      title: row[3], programme: programme, protocolName: row[4], presenters: presenters,
      fold: fold)
    try db.cachedStatement(
      sql: """
        INSERT OR REPLACE INTO review_filter
          (created_at, session_rowid, session_id, programme, text, reach)
        VALUES (?, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      row[0] as Int64, row[1] as Int64, session, programme, text.text, text.reach.rawValue,
    ])
  }
}
