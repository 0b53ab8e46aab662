import Foundation
import GRDB

extension AppDatabase {
  /// The meetings of `programme` (as stored) as ``ActionLedger`` folds them, read from the
  /// tables without replaying a session or reading the event log: the sessions and their
  /// action notes (with their due dates) from the projections, and the follow-ups from theirs.
  /// The ledger folded from them equals the one folded from the replayed records.
  public func actionMeetings(programme: String) throws(StoreError) -> [ActionLedger.Meeting] {
    try read { db in try Self.actionMeetings(programme: programme, in: db) }
  }

  static func actionMeetings(programme: String, in db: Database) throws -> [ActionLedger.Meeting] {
    try actionMeetings(where: "s.programme = ?", [programme], in: db)
  }

  /// The meetings of the sessions `condition` (on the sessions table as `s`) selects.
  static func actionMeetings(
    where condition: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [ActionLedger.Meeting] {
    let sessions = try Row.fetchAll(
      db,
      sql: """
        SELECT s.id, s.title, s.programme, s.created_at, s.finished_at, s.group_id
        FROM sessions s WHERE \(condition) ORDER BY s.created_at, s.id
        """, arguments: arguments)
    var actions: [String: [ActionLedger.Meeting.Action]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT n.session_id, n.note, n.text, n.created_at, n.done_at, n.due,
          p.name AS owner_name
        FROM notes n JOIN sessions s ON s.id = n.session_id
        LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.owner
        WHERE \(condition) AND n.kind = 'action' AND n.deleted_at IS NULL
        ORDER BY n.session_id, n.note
        """, arguments: arguments)
    while let row = try rows.next() {
      let session: String = row["session_id"]
      actions[session, default: []].append(
        ActionLedger.Meeting.Action(
          note: row["note"], text: row["text"], ownerName: row["owner_name"],
          createdAt: Date(millisecondsSince1970: row["created_at"]),
          due: (row["due"] as String?).flatMap(ActionDue.init(code:)),
          doneAt: (row["done_at"] as Int64?).map(Date.init(millisecondsSince1970:))))
    }
    let followUps = try Self.followUps(where: condition, arguments, in: db)
    return sessions.compactMap { row in
      let raw: String = row["id"]
      guard let id = SessionID(rawValue: raw) else { return nil }
      return ActionLedger.Meeting(
        id: id, title: row["title"], programme: row["programme"],
        createdAt: Date(millisecondsSince1970: row["created_at"]),
        group: (row["group_id"] as String?).flatMap(GroupID.init(rawValue:)),
        isFinished: row["finished_at"] as Int64? != nil, followUps: followUps[raw] ?? [:],
        actions: actions[raw] ?? [])
    }
  }

  /// The follow-ups recorded in the sessions `condition` (on the sessions table as `s`)
  /// selects, the latest per action standing, as ``SessionState`` folds them, by session id.
  static func followUps(
    where condition: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [String: [ActionReference: ActionFollowUp]] {
    var followUps: [String: [ActionReference: ActionFollowUp]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT f.session_id, f.action_session, f.action_note, f.outcome, f.text, f.at
        FROM action_follow_ups f JOIN sessions s ON s.id = f.session_id
        WHERE \(condition)
        """, arguments: arguments)
    // Columns by position, in the order selected: a name is looked up at every access, and
    // a programme of a thousand sessions has a follow-up for most of its actions.
    while let row = try rows.next() {
      guard let session = SessionID(rawValue: row[1]),
        let outcome = FollowUpOutcome(name: row[3], text: row[4])
      else { continue }
      followUps[row[0], default: [:]][ActionReference(session: session, note: row[2])] =
        ActionFollowUp(outcome: outcome, at: Date(millisecondsSince1970: row[5]))
    }
    return followUps
  }
}
