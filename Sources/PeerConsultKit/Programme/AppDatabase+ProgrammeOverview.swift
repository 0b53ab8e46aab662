import Foundation
import GRDB

extension AppDatabase {
  /// The overview of `programme` (as stored: resolve what a person typed first). Reads the
  /// sessions with their kept counts (`sessions.note_count`), the programme's tag uses
  /// (`tag_uses`, schema v12), the action states' aggregate (through a covering index, v12)
  /// and only the rating events (through their own index, v11), so its cost follows the
  /// programme's sessions, tag uses, actions and ratings, never every note or event. Actions are counted at `now`, a due day ending
  /// at midnight in `timeZone`. The standing groups come in ``NaturalOrder``.
  public func programmeOverview(
    _ programme: String, now: Date = Date(), timeZone: TimeZone = .current
  ) throws(StoreError) -> ProgrammeOverview {
    let groups = try groups().filter { $0.programme == programme }
    return try read { db in
      let sessionRows = try Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.title, s.created_at, s.finished_at, g.name AS group_name,
            s.note_count AS notes
          FROM sessions s LEFT JOIN groups g ON g.id = s.group_id
          WHERE s.programme = ? ORDER BY s.created_at, s.id
          """, arguments: [programme])
      let ratings = try Self.averageRatings(programme: programme, in: db)
      // Each session's place among the programme's sessions, oldest first, for the tags' trends.
      var positions: [String: Int] = [:]
      var sessions: [ProgrammeOverview.Session] = []
      for row in sessionRows {
        let raw: String = row["id"]
        guard let id = SessionID(rawValue: raw) else { continue }
        positions[raw] = sessions.count
        sessions.append(
          ProgrammeOverview.Session(
            id: id, title: row["title"], createdAt: Date(millisecondsSince1970: row["created_at"]),
            isFinished: row["finished_at"] as Int64? != nil, notes: row["notes"],
            group: row["group_name"], averageRating: ratings[raw]))
      }
      let tags = try Self.tags(
        programme: programme, positions: positions, sessionCount: sessions.count, in: db)
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
  /// most used first; `positions` are the places of the programme's sessions by id.
  private static func tags(
    programme: String, positions: [String: Int], sessionCount: Int,
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
    // One range of `tag_uses` (schema v12), which keeps each use of a tag in a note not
    // deleted with its session, group and time, stored by programme: the rows lie together
    // instead of on most of `notes`' pages, as they did read through `note_tags`.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT tag_key, tag, note_id, session_id, created_at, group_id
        FROM tag_uses WHERE programme = ?
        """, arguments: [programme])
    while let row = try rows.next() {
      let key: String = row[0]
      let note: Int64 = row[2]
      let session: String = row[3]
      let at: Int64 = row[4]
      // Changed where it is kept, not copied out and back: a copy of the tally would copy
      // its sets on every row.
      tallies[key, default: Tally()].add(
        tag: row[1], note: note, at: at, position: positions[session], group: row[5])
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
  /// standing after the session's rating events, as `SessionState` folds them. Read from
  /// `rating_events` (schema v12), the rating events' fields taken out of their JSON when
  /// they were stored, so a programme's ratings cost what its ratings are, not every event of
  /// its sessions nor a JSON parse of each rating.
  static func standingRatings(programme: String, in db: Database) throws -> [String: [Int: Int]] {
    let processRating = SessionEventType.processRating.rawValue
    // An event whose fields were not in the codec's shape (0.1.0's, a field that is not an
    // integer, a payload that is not JSON) kept its payload and is decoded by the codec, as
    // before: the same events, or the same error.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.session_id, r.kind, r.rater, r.rating, r.payload
        FROM sessions s JOIN rating_events r ON r.session_id = s.id
        WHERE s.programme = ? ORDER BY r.session_id, r.seq
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
