import Foundation
import GRDB

extension AppDatabase {
  /// Notes matching `query` (see ``NoteSearchQuery``), best matches first; deleted notes are
  /// left out. Accents and apostrophes are ignored, so `creme` finds "crème" and `darcy`
  /// "D'Arcy"; Chinese, Japanese and Korean terms of any length are found inside text
  /// (``NoteTokenizer``). Narrow to one session or one
  /// programme if given.
  public func searchNotes(
    _ query: String, session: SessionID? = nil, programme: String? = nil, limit: Int = 50
  ) throws(StoreError) -> [NoteSearchHit] {
    let parsed = NoteSearchQuery(query)
    guard let pattern = parsed.ftsPattern else { return [] }
    var conditions = ["n.deleted_at IS NULL"]
    var arguments: [String: (any DatabaseValueConvertible)?] = [
      "open": String(HighlightedText.open), "close": String(HighlightedText.close),
      "limit": limit,
    ]
    conditions.append("notes_fts MATCH :pattern")
    arguments["pattern"] = pattern
    if let session {
      conditions.append("n.session_id = :session")
      arguments["session"] = session.rawValue
    }
    if let programme {
      conditions.append("s.programme = :programme")
      arguments["programme"] = programme
    }
    // The matches are ranked and cut to the limit first, with only the joins the filters
    // need; the details, highlights and snippets are then made for the notes shown alone. A
    // common word matches thousands of notes, and highlighting them all cost most of the time.
    let ranked = """
      SELECT n.id AS id, notes_fts.rank AS score, n.created_at AS created_at
      FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
      \(programme == nil ? "" : "JOIN sessions s ON s.id = n.session_id")
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY notes_fts.rank, n.created_at DESC
      LIMIT :limit
      """
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          WITH hits AS (\(ranked))
          SELECT n.session_id, n.note, n.created_at, n.kind, s.title, s.programme, sl.round,
            sl.phase, p.name AS speaker,
            highlight(notes_fts, 0, :open, :close) AS marked,
            snippet(notes_fts, 0, :open, :close, '…', 24) AS marked_snippet
          FROM hits
          JOIN notes_fts ON notes_fts.rowid = hits.id AND notes_fts MATCH :pattern
          JOIN notes n ON n.id = hits.id
          JOIN sessions s ON s.id = n.session_id
          JOIN slots sl ON sl.session_id = n.session_id AND sl.slot = n.slot
          LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.speaker
          ORDER BY hits.score, hits.created_at DESC
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
