import Foundation
import GRDB

/// Each action's state as ``ActionLedger`` folds it (status, due date as it stands, whether it
/// was carried, the meetings of its group since it was last followed up), kept in the
/// `action_states` table so that the programme view counts open and overdue actions per group
/// with one aggregate query instead of folding every action of the programme.
///
/// The table is a projection: whenever an event changes what the ledger reads (an action note
/// added, edited, deleted or marked done, a follow-up, a meeting of a group created, finished
/// or restarted, a session deleted), the actions it may change are folded again by
/// `ActionLedger` itself, from the tables, in the event's transaction. The ledger stays the
/// one definition of the states; the table only stores what it says.
enum ActionStates {
  /// The actions one event can change: those agreed at one standing group's meetings of a
  /// programme (a meeting changes the count of meetings since for all of them), or those of
  /// one session outside any group.
  struct Scope: Hashable {
    let programme: String
    let group: String?
    /// The session, for a scope outside any group.
    let session: String?
  }

  /// The scope of the actions agreed in `session`, or nil when it is not stored.
  static func scope(of session: String, in db: Database) throws -> Scope? {
    guard
      let row = try Row.fetchOne(
        db.cachedStatement(sql: "SELECT programme, group_id FROM sessions WHERE id = ?"),
        arguments: [session])
    else { return nil }
    let group: String? = row["group_id"]
    return Scope(programme: row["programme"], group: group, session: group == nil ? session : nil)
  }

  /// Folds the actions of `scopes` again and stores their states.
  static func refresh(_ scopes: Set<Scope>, in db: Database) throws {
    for scope in scopes {
      if let group = scope.group {
        try store(owners: "o.group_id = ?", [group], programme: scope.programme, in: db)
      } else if let session = scope.session {
        try store(owners: "o.id = ?", [session], programme: scope.programme, in: db)
      }
    }
  }

  /// Replaces the states of the actions agreed in the sessions of `programme` that `owners`
  /// (a condition on the sessions table as `o`) selects with those the ledger folds from their
  /// meetings and every meeting of the programme that followed one of them up: all the ledger
  /// reads about those actions. Written as conditions rather than lists of ids, so a
  /// programme of any size is one statement per table.
  private static func store(
    owners: String, _ arguments: StatementArguments, programme: String, in db: Database
  ) throws {
    let mine = try Set(
      String.fetchAll(
        db, sql: "SELECT o.id FROM sessions o WHERE o.programme = ? AND \(owners)",
        arguments: [programme] + arguments))
    try db.execute(
      sql: """
        DELETE FROM action_states WHERE session_id IN (
          SELECT o.id FROM sessions o WHERE o.programme = ? AND \(owners))
        """, arguments: [programme] + arguments)
    guard !mine.isEmpty else { return }
    let meetings = try AppDatabase.actionMeetings(
      where: """
        s.programme = ? AND (s.id IN (SELECT o.id FROM sessions o WHERE \(owners))
          OR s.id IN (
            SELECT f.session_id FROM action_follow_ups f
            JOIN sessions o ON o.id = f.action_session
            WHERE o.programme = ? AND \(owners)))
        """, [programme] + arguments + [programme] + arguments, in: db)
    let insert = try db.cachedStatement(
      sql: """
        INSERT INTO action_states (session_id, note, programme, group_id, agreed_at, due, status,
          status_at, carried, meetings_since, next_meeting_finished)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
    for item in ActionLedger(meetings: meetings).items
    where mine.contains(item.reference.session.rawValue) {
      let (status, statusAt): (String, Date?) =
        switch item.status {
        case .open: ("open", nil)
        case .done(let at): ("done", at)
        case .dropped(let at, _): ("dropped", at)
        }
      try insert.execute(arguments: [
        item.reference.session.rawValue, item.reference.note, programme, item.group?.rawValue,
        item.createdAt.millisecondsSince1970, item.due?.code, status,
        statusAt?.millisecondsSince1970, item.wasCarried, item.meetingsSince,
        item.nextMeetingFinished,
      ])
    }
  }

  /// Open and overdue actions counted per standing group of `programme` (nil: outside any
  /// group) on `today`, from the table in one aggregate query. Overdue is
  /// ``ActionLedger/Item/isOverdue(today:)`` written in SQL: a day that has passed, or a next
  /// meeting that finished (or was followed by another) without it being done or carried.
  static func counts(programme: String, today: CalendarDay, in db: Database) throws
    -> [GroupID?: ActionLedger.Counts]
  {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT group_id, count(*) AS agreed,
          sum(status = 'done') AS done, sum(status = 'dropped') AS dropped,
          sum(status = 'open' AND carried) AS carried,
          sum(status = 'open' AND CASE
            WHEN due = 'next-session'
              THEN meetings_since >= 2 OR (meetings_since = 1 AND next_meeting_finished)
            WHEN due IS NULL THEN 0
            ELSE due < ? END) AS overdue
        FROM action_states WHERE programme = ? GROUP BY group_id
        """, arguments: [today.description, programme])
    var counts: [GroupID?: ActionLedger.Counts] = [:]
    for row in rows {
      var count = ActionLedger.Counts()
      count.agreed = row["agreed"]
      count.done = row["done"]
      count.dropped = row["dropped"]
      count.carried = row["carried"]
      count.overdue = row["overdue"]
      counts[(row["group_id"] as String?).flatMap(GroupID.init(rawValue:))] = count
    }
    return counts
  }

  /// Fills the tables of schema v9 from the events already stored (the migration): each
  /// note's due date from the last event that added or edited it, each session's follow-ups
  /// (the latest per action standing), and the states folded per programme.
  static func fillFromEvents(in db: Database) throws {
    var dues: [(session: String, note: Int, due: String?)] = []
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT session_id, json_extract(payload, '$.note') AS note,
          json_extract(payload, '$.content.due') AS due
        FROM events
        WHERE type IN (?, ?) AND json_valid(payload)
        ORDER BY session_id, seq
        """,
      arguments: [SessionEventType.noteAdded.rawValue, SessionEventType.noteEdited.rawValue])
    while let row = try rows.next() {
      // PeerConsult 0.1.0's payloads name the note `id` and had no due dates.
      guard let note: Int = row["note"] else { continue }
      let due = (row["due"] as String?).flatMap(ActionDue.init(code:))
      dues.append((row["session_id"], note, due?.code))
    }
    for due in dues where due.due != nil {
      try db.execute(
        sql: "UPDATE notes SET due = ? WHERE session_id = ? AND note = ?",
        arguments: [due.due, due.session, due.note])
    }
    // In order, so the latest decision about an action in a session replaces earlier ones.
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO action_follow_ups
          (session_id, action_session, action_note, outcome, text, at)
        SELECT session_id, json_extract(payload, '$.session'), json_extract(payload, '$.note'),
          json_extract(payload, '$.outcome'), json_extract(payload, '$.text'), at
        FROM events
        WHERE type = ? AND json_valid(payload)
          AND json_type(payload, '$.session') = 'text'
          AND json_type(payload, '$.note') = 'integer'
          AND json_extract(payload, '$.outcome') IN ('done', 'carried', 'dropped')
        ORDER BY session_id, seq
        """, arguments: [SessionEventType.actionFollowedUp.rawValue])
    for programme in try String.fetchAll(db, sql: "SELECT DISTINCT programme FROM sessions") {
      try store(owners: "1", [], programme: programme, in: db)
    }
  }
}
