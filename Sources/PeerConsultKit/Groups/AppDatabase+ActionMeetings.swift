import Foundation
import GRDB

extension AppDatabase {
  /// The meetings of `programme` (as stored) as ``ActionLedger`` folds them, read from the
  /// tables without replaying a session: the sessions and their action notes from the
  /// projections, and of the event log only the follow-ups and the events that set a due date
  /// (a due date is stored with the note's event, not in a table). The ledger folded from
  /// them equals the one folded from the replayed records.
  public func actionMeetings(programme: String) throws(StoreError) -> [ActionLedger.Meeting] {
    try read { db in try Self.actionMeetings(programme: programme, in: db) }
  }

  static func actionMeetings(programme: String, in db: Database) throws -> [ActionLedger.Meeting] {
    let sessions = try Row.fetchAll(
      db,
      sql: """
        SELECT id, title, created_at, finished_at, group_id FROM sessions
        WHERE programme = ? ORDER BY created_at, id
        """, arguments: [programme])
    var actions: [String: [ActionLedger.Meeting.Action]] = [:]
    let dues = try Self.actionDues(programme: programme, in: db)
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT n.session_id, n.note, n.text, n.created_at, n.done_at, p.name AS owner_name
        FROM notes n JOIN sessions s ON s.id = n.session_id
        LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.owner
        WHERE s.programme = ? AND n.kind = 'action' AND n.deleted_at IS NULL
        ORDER BY n.session_id, n.note
        """, arguments: [programme])
    while let row = try rows.next() {
      let session: String = row["session_id"]
      let note: Int = row["note"]
      actions[session, default: []].append(
        ActionLedger.Meeting.Action(
          note: note, text: row["text"], ownerName: row["owner_name"],
          createdAt: Date(millisecondsSince1970: row["created_at"]),
          due: dues[session]?[note],
          doneAt: (row["done_at"] as Int64?).map(Date.init(millisecondsSince1970:))))
    }
    let followUps = try Self.followUps(programme: programme, in: db)
    return sessions.compactMap { row in
      let raw: String = row["id"]
      guard let id = SessionID(rawValue: raw) else { return nil }
      return ActionLedger.Meeting(
        id: id, title: row["title"], programme: programme,
        createdAt: Date(millisecondsSince1970: row["created_at"]),
        group: (row["group_id"] as String?).flatMap(GroupID.init(rawValue:)),
        isFinished: row["finished_at"] as Int64? != nil, followUps: followUps[raw] ?? [:],
        actions: actions[raw] ?? [])
    }
  }

  /// Each session's follow-ups of `programme`, the latest per action standing, as
  /// ``SessionState`` folds them, by session id. Read with SQLite's JSON functions, without
  /// decoding whole events.
  static func followUps(programme: String, in db: Database) throws
    -> [String: [ActionReference: ActionFollowUp]]
  {
    var followUps: [String: [ActionReference: ActionFollowUp]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, e.at, json_extract(e.payload, '$.session') AS action_session,
          json_extract(e.payload, '$.note') AS note, json_extract(e.payload, '$.outcome') AS outcome,
          json_extract(e.payload, '$.text') AS text
        FROM events e JOIN sessions s ON s.id = e.session_id
        WHERE s.programme = ? AND e.type = ? AND json_valid(e.payload)
        ORDER BY e.session_id, e.seq
        """, arguments: [programme, SessionEventType.actionFollowedUp.rawValue])
    while let row = try rows.next() {
      // A payload that says less belongs to a damaged session, which every reader of records
      // reports; here it is passed over rather than failing the whole programme.
      guard let session = (row["action_session"] as String?).flatMap(SessionID.init(rawValue:)),
        let note: Int = row["note"], let name: String = row["outcome"],
        let outcome = FollowUpOutcome(name: name, text: row["text"])
      else { continue }
      followUps[row["session_id"], default: [:]][ActionReference(session: session, note: note)] =
        ActionFollowUp(outcome: outcome, at: Date(millisecondsSince1970: row["at"]))
    }
    return followUps
  }

  /// Each note's due date as its last added or edited content gives it, by session and note
  /// id; notes that never had one are absent. Only the events that may set or clear one are
  /// read: additions whose payload holds a `"due":` key (a note's text cannot hold one
  /// unescaped) and edits.
  static func actionDues(programme: String, in db: Database) throws
    -> [String: [Int: ActionDue]]
  {
    var dues: [String: [Int: ActionDue]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, json_extract(e.payload, '$.note') AS note,
          json_extract(e.payload, '$.content.due') AS due
        FROM events e JOIN sessions s ON s.id = e.session_id
        WHERE s.programme = ? AND json_valid(e.payload)
          AND ((e.type = ? AND instr(e.payload, '"due":') > 0) OR e.type = ?)
        ORDER BY e.session_id, e.seq
        """,
      arguments: [
        programme, SessionEventType.noteAdded.rawValue, SessionEventType.noteEdited.rawValue,
      ])
    while let row = try rows.next() {
      // PeerConsult 0.1.0's payloads name the note `id` inside the case's object and had no
      // due dates: they have no `note` here and are passed over.
      guard let note: Int = row["note"] else { continue }
      dues[row["session_id"], default: [:]][note] = (row["due"] as String?).flatMap(
        ActionDue.init(code:))
    }
    return dues
  }
}
