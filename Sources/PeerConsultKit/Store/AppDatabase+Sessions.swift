import Foundation
import GRDB

extension AppDatabase {
  /// Every session, newest first.
  public func sessions() throws(StoreError) -> [SessionListing] {
    try listings()
  }

  /// The newest `limit` sessions (of `programme`, when given), newest first, and how many
  /// there are in all: `peerconsult list` reads only the rows it shows, through the index on
  /// `created_at`, so it takes the same time at ten sessions and at ten thousand.
  public func newestSessions(limit: Int, programme: String? = nil) throws(StoreError)
    -> (listings: [SessionListing], total: Int)
  {
    let condition = programme == nil ? "1" : "s.programme = ?"
    let arguments: StatementArguments = programme.map { [$0] } ?? []
    let listings = try listings(where: condition, arguments: arguments, limit: max(0, limit))
    let total = try read { db in
      try Int.fetchOne(
        db, sql: "SELECT count(*) FROM sessions s WHERE \(condition)", arguments: arguments)
    }
    return (listings, total ?? listings.count)
  }

  /// The sessions `ids` names that are listed, newest first (as every listing is ordered):
  /// the review list's filter lists the sessions it shows of those it found.
  public func sessions(_ ids: [SessionID]) throws(StoreError) -> [SessionListing] {
    guard !ids.isEmpty else { return [] }
    return try listings(
      where: "s.id IN (SELECT value FROM json_each(?))", arguments: [Self.jsonArray(of: ids)])
  }

  /// `ids` as one JSON array for `json_each`, not a parameter per id: a list scrolled far down
  /// asks for thousands. An id is hexadecimal digits, which need no escaping.
  static func jsonArray(of ids: [SessionID]) -> String {
    "[" + ids.map { "\"\($0.rawValue)\"" }.joined(separator: ",") + "]"
  }

  /// Sessions not finished, most recently written first: the ones to offer for resuming.
  public func unfinishedSessions() throws(StoreError) -> [SessionListing] {
    try listings(where: "s.finished_at IS NULL", order: "s.updated_at DESC, s.rowid DESC")
  }

  /// How many sessions are not finished, and the few touched last with when, newest first,
  /// counted without listing them: the home screen shows the number at every start, whatever
  /// the size of the data folder, and starts on Resume when a session was left unfinished a
  /// short while ago (a crash, a lid closed, a break) and is not running in another window.
  public func unfinishedAtAGlance(latest: Int = 3) throws(StoreError) -> (
    count: Int, latest: [(id: SessionID, touched: Date)]
  ) {
    try read { db in
      let count =
        try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions WHERE finished_at IS NULL") ?? 0
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT id, updated_at FROM sessions WHERE finished_at IS NULL
          ORDER BY updated_at DESC, rowid DESC LIMIT ?
          """, arguments: [latest])
      let touched = rows.compactMap { row -> (id: SessionID, touched: Date)? in
        guard let id = SessionID(rawValue: row[0]) else { return nil }
        return (id, Date(millisecondsSince1970: row[1]))
      }
      return (count, touched)
    }
  }

  /// The session named by a command-line argument: `latest` (the newest session) or a unique
  /// prefix of its id, in any case.
  public func resolveSession(_ argument: String) throws(StoreError) -> SessionID {
    let wanted = argument.trimmingSpaces.lowercased()
    if wanted == "latest" {
      let newest = try read { db in
        try String.fetchOne(db, sql: "SELECT id FROM sessions ORDER BY created_at DESC, rowid DESC")
      }
      guard let newest, let id = SessionID(rawValue: newest) else { throw .noSessions }
      return id
    }
    guard !wanted.isEmpty, wanted.count <= 32, wanted.allSatisfy(\.isHexDigit) else {
      throw .noSuchSession(argument)
    }
    // Hex digits only, so the prefix cannot carry GLOB syntax.
    let matches = try read { db in
      try String.fetchAll(
        db, sql: "SELECT id FROM sessions WHERE id GLOB ? ORDER BY id LIMIT 10",
        arguments: [wanted + "*"])
    }.compactMap(SessionID.init(rawValue:))
    switch matches.count {
    case 0: throw .noSuchSession(argument)
    case 1: return matches[0]
    default: throw .ambiguousSession(prefix: argument, matches: matches)
    }
  }

  /// The programmes sessions were recorded in, the most recently used first (by the newest
  /// session's start; names in order when two tie). The review list and the new-session form
  /// ask at every start, so this reads a few entries of `sessions_by_programme_created` per
  /// programme instead of every session: it steps from one name to the next, then into each
  /// name's newest session.
  public func programmeNames() throws(StoreError) -> [String] {
    try read { db in try String.fetchAll(db, sql: Self.programmeNamesSQL) }
  }

  /// The query of ``programmeNames()``; `programme > ''` leaves out sessions in no programme,
  /// as every programme name sorts after the empty one.
  static let programmeNamesSQL = """
    WITH RECURSIVE named(name) AS (
      SELECT min(programme) FROM sessions WHERE programme > ''
      UNION ALL
      SELECT (SELECT min(programme) FROM sessions WHERE programme > named.name)
      FROM named WHERE named.name IS NOT NULL
    )
    SELECT name FROM named WHERE name IS NOT NULL
    ORDER BY (SELECT max(created_at) FROM sessions WHERE programme = named.name) DESC, name
    """

  /// The setup a session was created with, without replaying it.
  public func setup(of session: SessionID) throws(StoreError) -> SessionSetup {
    let first = try read { db in
      try String.fetchOne(
        db, sql: "SELECT payload FROM events WHERE session_id = ? AND seq = 1",
        arguments: [session.rawValue])
    }
    guard let first else { throw .noSuchSession(session.rawValue) }
    guard
      case .created(let setup) = try? SessionEventCodec.event(fromPayload: first)
    else { throw .damagedSession(session, sequence: 1, reason: "it does not begin with a setup") }
    return setup
  }

  /// The listings of the sessions `condition` selects (every session when nil).
  private func listings(
    where condition: String? = nil, arguments: StatementArguments = [],
    order: String = "s.created_at DESC, s.rowid DESC", limit: Int? = nil
  ) throws(StoreError) -> [SessionListing] {
    try read { db in
      // Each listing is its session's row (schema v17: counts and presenters kept on it), so
      // a page of the newest sessions reads neighbouring rows. Columns named and read by
      // position, from a cursor: the review list reads every session once its filter is used,
      // and looking each column up by its name, in rows copied into an array first, was a
      // third of reading ten thousand.
      // A standing group's later meeting may have marked an action done (a follow-up, in
      // its own log): a meeting's actions done are then the ledger's, kept in
      // `action_states`, as review shows them. A session outside any group has no later
      // meetings, and its row's count is the same.
      let rows = try Row.fetchCursor(
        db,
        sql: """
          SELECT s.id, s.created_at, s.updated_at, s.finished_at, s.title, s.programme,
            s.protocol_name, s.note_count, s.action_count,
            CASE WHEN s.group_id IS NULL THEN s.actions_done ELSE (
              SELECT count(*) FROM action_states a WHERE a.session_id = s.id AND a.status = 'done'
            ) END,
            s.presenters,
            \(Self.origin(ofSession: "s.id"))
          \(Self.chosenSessions(where: condition ?? "1", order: order, limit: limit))
          """, arguments: arguments)
      var listings: [SessionListing] = []
      while let row = try rows.next() {
        guard let id = SessionID(rawValue: row[0]) else { continue }
        listings.append(
          SessionListing(
            id: id, createdAt: Date(millisecondsSince1970: row[1]),
            updatedAt: Date(millisecondsSince1970: row[2]),
            finishedAt: (row[3] as Int64?).map(Date.init(millisecondsSince1970:)),
            title: row[4], programme: row[5], protocolName: row[6],
            presenters: PresenterList.decoded(row[10]), noteCount: row[7], actionCount: row[8],
            actionsDone: row[9], origin: row[11]))
      }
      return listings
    }
  }

  /// Writes `session`'s presenters' names on its row, in round order, from its rounds and
  /// participants as they now are: at its creation and when its rounds are rearranged, in
  /// the event's transaction. Returns the names.
  static func refreshPresenters(of session: String, in db: Database) throws -> [String] {
    let names = try presenterNames(db, of: "?", arguments: [session])[session] ?? []
    try db.cachedStatement(sql: "UPDATE sessions SET presenters = ? WHERE id = ?").execute(
      arguments: [PresenterList.encoded(names), session])
    return names
  }

  /// The FROM, WHERE, ORDER BY and LIMIT of a listing.
  static func chosenSessions(where condition: String, order: String, limit: Int?) -> String {
    "FROM sessions s WHERE \(condition) ORDER BY \(order)" + (limit.map { " LIMIT \($0)" } ?? "")
  }

  /// Presenters' names by session id, in round order: of the sessions `sessions` (a query of
  /// their ids, or `?` for one) selects, or of all.
  static func presenterNames(
    _ db: Database, of sessions: String? = nil, arguments: StatementArguments = []
  ) throws -> [String: [String]] {
    var names: [String: [String]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.session_id, p.name FROM rounds r
        JOIN participants p ON p.session_id = r.session_id AND p.idx = r.presenter
        \(sessions.map { "WHERE r.session_id IN (\($0))" } ?? "")
        ORDER BY r.session_id, r.round
        """, arguments: sessions == nil ? [] : arguments)
    while let row = try rows.next() { names[row[0] as String, default: []].append(row[1]) }
    return names
  }
}
