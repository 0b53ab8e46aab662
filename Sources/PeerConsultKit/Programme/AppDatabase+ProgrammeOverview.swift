import Foundation
import GRDB

/// Where a session stands in its programme, for counting its tags: its place among the
/// sessions, oldest first, and its standing group.
private struct SessionPlace {
  let position: Int?
  let group: String?
}

extension AppDatabase {
  /// The overview of `programme` (as stored: resolve what a person typed first). Reads the
  /// sessions with their kept counts (`session_summaries`), the tagged notes from the tag
  /// index, the action states' aggregate and only the rating events (through their own
  /// index, schema v11), so its cost follows the programme's sessions, tagged notes, actions
  /// and ratings, never every note or event. Actions are counted at `now`, a due day ending
  /// at midnight in `timeZone`. The standing groups come in ``NaturalOrder``.
  public func programmeOverview(
    _ programme: String, now: Date = Date(), timeZone: TimeZone = .current
  ) throws(StoreError) -> ProgrammeOverview {
    let groups = try groups().filter { $0.programme == programme }
    return try read { db in
      let sessionRows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.title, s.created_at, s.finished_at, s.group_id, g.name AS group_name,
            coalesce(m.notes, 0) AS notes
          FROM sessions s LEFT JOIN groups g ON g.id = s.group_id
          LEFT JOIN session_summaries m ON m.session_id = s.id
          WHERE s.programme = ? ORDER BY s.created_at, s.id
          """, arguments: [programme])
      let ratings = try Self.averageRatings(programme: programme, in: db)
      var places: [String: SessionPlace] = [:]
      var sessions: [ProgrammeOverview.Session] = []
      for row in sessionRows {
        let raw: String = row["id"]
        let id = SessionID(rawValue: raw)
        places[raw] = SessionPlace(
          position: id == nil ? nil : sessions.count, group: row["group_id"])
        guard let id else { continue }
        sessions.append(
          ProgrammeOverview.Session(
            id: id, title: row["title"], createdAt: Date(millisecondsSince1970: row["created_at"]),
            isFinished: row["finished_at"] as Int64? != nil, notes: row["notes"],
            group: row["group_name"], averageRating: ratings[raw]))
      }
      let tags = try Self.tags(
        programme: programme, places: places, sessionCount: sessions.count, in: db)
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
  /// most used first; `places` are the programme's sessions by id.
  private static func tags(
    programme: String, places: [String: SessionPlace], sessionCount: Int,
    in db: Database
  ) throws -> [ProgrammeOverview.Tag] {
    struct Tally {
      var tag = ""
      /// The note that wrote `tag`: the latest by time, then by row.
      var taggedBy = (at: Int64.min, note: Int64.min)
      var notes = 0
      var sessions: Set<Int> = []
      var groups: Set<String> = []
      var first = Int64.max
      var last = Int64.min

      mutating func add(tag: String, note: Int64, at: Int64, position: Int?, group: String?) {
        // Rows come in no particular order: the tag keeps the spelling of its latest note.
        if (at, note) > taggedBy {
          self.tag = tag
          taggedBy = (at, note)
        }
        notes += 1
        if let position { sessions.insert(position) }
        if let group { groups.insert(group) }
        first = min(first, at)
        last = max(last, at)
      }
    }
    var tallies: [String: Tally] = [:]
    // From the tag index to the notes, in that order (CROSS JOIN fixes it): SQLite would
    // otherwise start from the programme's sessions and visit every note of them to find
    // the tenth that carries a tag. The sessions are a list looked up once, not a join.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT t.tag_key, t.tag, n.id, n.session_id, n.created_at
        FROM note_tags t CROSS JOIN notes n ON n.id = t.note_id
        WHERE n.deleted_at IS NULL
          AND n.session_id IN (SELECT id FROM sessions WHERE programme = ?)
        """, arguments: [programme])
    while let row = try rows.next() {
      let key: String = row[0]
      let note: Int64 = row[2]
      let session: String = row[3]
      let at: Int64 = row[4]
      let place = places[session]
      // Changed where it is kept, not copied out and back: a copy of the tally would copy
      // its sets on every row.
      tallies[key, default: Tally()].add(
        tag: row[1], note: note, at: at, position: place?.position, group: place?.group)
    }
    return tallies.map { key, tally in
      (
        key,
        ProgrammeOverview.Tag(
          tag: tally.tag, sessions: tally.sessions.count, groups: tally.groups.count,
          notes: tally.notes,
          firstSeen: Date(millisecondsSince1970: tally.first),
          lastSeen: Date(millisecondsSince1970: tally.last),
          trend: TagTrend.of(carrying: tally.sessions, sessionCount: sessionCount))
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
  /// standing after the session's rating events, as `SessionState` folds them. Read through
  /// `events_ratings` (schema v11), the index of the rating events alone, so a programme's
  /// ratings cost what its ratings are, not every event of its sessions.
  static func standingRatings(programme: String, in db: Database) throws -> [String: [Int: Int]] {
    let processRating = SessionEventType.processRating.rawValue
    let ratingCleared = SessionEventType.ratingCleared.rawValue
    // A payload in the codec's shape gives its fields to SQLite's JSON functions (the names
    // are the codec's own), without a JSONDecoder per event, the larger part of the time.
    // Anything else (0.1.0's shape, a field that is not an integer, a payload that is not
    // JSON) comes with its payload and is decoded by the codec, as before: the same events,
    // or the same error. The types are written out, not bound: SQLite uses a partial index
    // only for a query whose condition is the index's own, and `INDEXED BY` makes a
    // mismatch an error rather than a slow plan.
    let json = "CASE WHEN json_valid(e.payload) THEN e.payload END"
    // An integer both for JSON (not `true`, which SQLite also reads as 1) and for SQLite
    // (not one too large for 64 bits, which it reads as a real).
    func integer(_ field: EventField) -> String {
      "json_type(\(json), '$.\(field.rawValue)') = 'integer' "
        + "AND typeof(json_extract(\(json), '$.\(field.rawValue)')) = 'integer'"
    }
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT session_id, kind, rater, rating,
          CASE WHEN (kind = '\(processRating)' AND rating_ok OR kind = '\(ratingCleared)')
              AND rater_ok
            THEN NULL ELSE payload END AS payload
        FROM (
          SELECT e.session_id, e.seq, e.payload,
            json_extract(\(json), '$.\(EventField.type.rawValue)') AS kind,
            json_extract(\(json), '$.\(EventField.rater.rawValue)') AS rater,
            \(integer(.rater)) AS rater_ok,
            json_extract(\(json), '$.\(EventField.rating.rawValue)') AS rating,
            \(integer(.rating)) AS rating_ok
          FROM sessions s JOIN events e INDEXED BY events_ratings ON e.session_id = s.id
          WHERE s.programme = ? AND e.type IN ('\(processRating)', '\(ratingCleared)'))
        ORDER BY session_id, seq
        """,
      arguments: [programme])
    var standing: [String: [Int: Int]] = [:]
    while let row = try rows.next() {
      let session: String = row[0]
      let event: SessionEvent
      if let payload: String = row[4] {
        event = try SessionEventCodec.event(fromPayload: payload)
      } else if (row[1] as String?) == processRating {
        event = .processRating(participant: row[2], rating: row[3])
      } else {
        event = .ratingCleared(participant: row[2])
      }
      switch event {
      case .processRating(let participant, let rating):
        standing[session, default: [:]][participant] = rating
      case .ratingCleared(let participant): standing[session]?[participant] = nil
      default: break
      }
    }
    return standing
  }
}
