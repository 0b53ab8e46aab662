import Foundation
import GRDB

extension AppDatabase {
  /// The overview of `programme` (as stored: resolve what a person typed first). Reads the
  /// sessions, notes, tag and action-state tables and only the rating events, so its cost
  /// follows the programme's sessions and tagged notes, not every event. Actions are counted at `now`, a
  /// due day ending at midnight in `timeZone`.
  public func programmeOverview(
    _ programme: String, now: Date = Date(), timeZone: TimeZone = .current
  ) throws(StoreError) -> ProgrammeOverview {
    let groups = try groups().filter { $0.programme == programme }
    return try read { db in
      let sessionRows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.title, s.created_at, s.finished_at, g.name AS group_name,
            (SELECT count(*) FROM notes n WHERE n.session_id = s.id AND n.deleted_at IS NULL)
              AS notes
          FROM sessions s LEFT JOIN groups g ON g.id = s.group_id
          WHERE s.programme = ? ORDER BY s.created_at, s.id
          """, arguments: [programme])
      let ratings = try Self.averageRatings(programme: programme, in: db)
      var position: [String: Int] = [:]
      var sessions: [ProgrammeOverview.Session] = []
      for row in sessionRows {
        let raw: String = row["id"]
        guard let id = SessionID(rawValue: raw) else { continue }
        position[raw] = sessions.count
        sessions.append(
          ProgrammeOverview.Session(
            id: id, title: row["title"], createdAt: Date(millisecondsSince1970: row["created_at"]),
            isFinished: row["finished_at"] as Int64? != nil, notes: row["notes"],
            group: row["group_name"], averageRating: ratings[raw]))
      }
      let tags = try Self.tags(programme: programme, positions: position, in: db)
      // Each action's state as the ledger folded it is kept in a table (``ActionStates``):
      // counting them is one aggregate query, not a fold of the programme's every action.
      let counts = try ActionStates.counts(
        programme: programme, today: CalendarDay(now, in: timeZone), in: db)
      var actions = ActionLedger.Counts()
      var groupActions: [GroupID: ActionLedger.Counts] = [:]
      for (group, count) in counts {
        actions.merge(count)
        if let group { groupActions[group] = count }
      }
      return ProgrammeOverview(
        programme: programme, groups: groups, sessions: sessions, tags: tags,
        actions: actions, groupActions: groupActions)
    }
  }

  /// Each tag of the programme with its sessions, notes, first and last use and trend, the
  /// most used first; `positions` are the sessions' places in the programme, oldest first.
  private static func tags(programme: String, positions: [String: Int], in db: Database) throws
    -> [ProgrammeOverview.Tag]
  {
    struct Tally {
      var tag = ""
      var notes = 0
      var sessions: Set<Int> = []
      var groups: Set<String> = []
      var first = Int64.max
      var last = Int64.min
    }
    var tallies: [String: Tally] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT t.tag_key, t.tag, n.session_id, n.created_at, s.group_id
        FROM note_tags t
        JOIN notes n ON n.id = t.note_id
        JOIN sessions s ON s.id = n.session_id
        WHERE s.programme = ? AND n.deleted_at IS NULL
        ORDER BY n.created_at, n.id
        """, arguments: [programme])
    while let row = try rows.next() {
      let key: String = row["tag_key"]
      let at: Int64 = row["created_at"]
      var tally = tallies[key] ?? Tally()
      // Rows come oldest first, so the last one read names the tag as last written.
      tally.tag = row["tag"]
      tally.notes += 1
      if let place = positions[row["session_id"]] { tally.sessions.insert(place) }
      if let group: String = row["group_id"] { tally.groups.insert(group) }
      tally.first = min(tally.first, at)
      tally.last = max(tally.last, at)
      tallies[key] = tally
    }
    return tallies.map { key, tally in
      (
        key,
        ProgrammeOverview.Tag(
          tag: tally.tag, sessions: tally.sessions.count, groups: tally.groups.count,
          notes: tally.notes,
          firstSeen: Date(millisecondsSince1970: tally.first),
          lastSeen: Date(millisecondsSince1970: tally.last),
          trend: TagTrend.of(carrying: tally.sessions, sessionCount: positions.count))
      )
    }
    .sorted { a, b in
      (b.1.sessions, b.1.notes, a.0) < (a.1.sessions, a.1.notes, b.0)
    }
    .map(\.1)
  }

  /// The mean rating of each rated session of the programme, by session id.
  private static func averageRatings(programme: String, in db: Database) throws -> [String: Double]
  {
    try standingRatings(programme: programme, in: db).compactMapValues { ratings in
      ratings.isEmpty ? nil : Double(ratings.values.reduce(0, +)) / Double(ratings.count)
    }
  }

  /// The ratings of each session of the programme by participant, by session id: those
  /// standing after the session's rating events, as `SessionState` folds them.
  static func standingRatings(programme: String, in db: Database) throws -> [String: [Int: Int]] {
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, e.payload FROM events e JOIN sessions s ON s.id = e.session_id
        WHERE s.programme = ? AND e.type IN (?, ?)
        ORDER BY e.session_id, e.seq
        """,
      arguments: [
        programme, SessionEventType.processRating.rawValue, SessionEventType.ratingCleared.rawValue,
      ])
    var standing: [String: [Int: Int]] = [:]
    while let row = try rows.next() {
      let session: String = row["session_id"]
      switch try SessionEventCodec.event(fromPayload: row["payload"]) {
      case .processRating(let participant, let rating):
        standing[session, default: [:]][participant] = rating
      case .ratingCleared(let participant): standing[session]?[participant] = nil
      default: break
      }
    }
    return standing
  }
}
