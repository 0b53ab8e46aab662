import Foundation
import GRDB

extension AppDatabase {
  /// Notes matching `query` (see ``NoteSearchQuery``), best matches first; deleted notes are
  /// left out. Accents are ignored, so `creme` finds "crème". Narrow to one session or one
  /// programme if given.
  public func searchNotes(
    _ query: String, session: SessionID? = nil, programme: String? = nil, limit: Int = 50
  ) throws(StoreError) -> [NoteSearchHit] {
    guard let pattern = NoteSearchQuery(query).ftsPattern else { return [] }
    var conditions = ["notes_fts MATCH :pattern", "n.deleted_at IS NULL"]
    var arguments: [String: (any DatabaseValueConvertible)?] = [
      "pattern": pattern, "open": String(HighlightedText.open),
      "close": String(HighlightedText.close), "limit": limit,
    ]
    if let session {
      conditions.append("n.session_id = :session")
      arguments["session"] = session.rawValue
    }
    if let programme {
      conditions.append("s.programme = :programme")
      arguments["programme"] = programme
    }
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT n.session_id, n.note, n.created_at, n.kind, s.title, s.programme, sl.round,
            sl.phase, p.name AS speaker,
            highlight(notes_fts, 0, :open, :close) AS marked,
            snippet(notes_fts, 0, :open, :close, '…', 24) AS marked_snippet
          FROM notes_fts
          JOIN notes n ON n.id = notes_fts.rowid
          JOIN sessions s ON s.id = n.session_id
          JOIN slots sl ON sl.session_id = n.session_id AND sl.slot = n.slot
          LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.speaker
          WHERE \(conditions.joined(separator: " AND "))
          ORDER BY notes_fts.rank, n.created_at DESC
          LIMIT :limit
          """, arguments: StatementArguments(arguments))
    }
    return rows.compactMap { row in
      guard let session = SessionID(rawValue: row["session_id"]) else { return nil }
      return NoteSearchHit(
        session: session, sessionTitle: row["title"], programme: row["programme"],
        noteID: row["note"], createdAt: Date(millisecondsSince1970: row["created_at"]),
        kind: NoteKind(rawValue: row["kind"]) ?? .other, round: row["round"], phase: row["phase"],
        speaker: row["speaker"], text: HighlightedText(marked: row["marked"]),
        snippet: HighlightedText(marked: row["marked_snippet"]))
    }
  }
}
