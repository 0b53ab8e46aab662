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
    guard !parsed.isEmpty else { return [] }
    var conditions = ["n.deleted_at IS NULL"]
    var arguments: [String: (any DatabaseValueConvertible)?] = [
      "open": String(HighlightedText.open), "close": String(HighlightedText.close),
      "limit": limit,
    ]
    let pattern = parsed.ftsPattern
    if let pattern {
      conditions.append("notes_fts MATCH :pattern")
      arguments["pattern"] = pattern
    }
    for (number, tag) in parsed.tags.enumerated() {
      // A tag key holds only letters, digits and '-', so it needs no escaping in a GLOB.
      let test = tag.isPrefix ? "tag_key GLOB :tag\(number)" : "tag_key = :tag\(number)"
      conditions.append("n.id IN (SELECT note_id FROM note_tags WHERE \(test))")
      arguments["tag\(number)"] = tag.isPrefix ? tag.key + "*" : tag.key
    }
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
    // Tags alone have no rank: the newest notes come first.
    let ranked = """
      SELECT n.id AS id, \(pattern == nil ? "0" : "notes_fts.rank") AS score,
        n.created_at AS created_at
      FROM \(pattern == nil ? "notes n" : "notes_fts JOIN notes n ON n.id = notes_fts.rowid")
      \(programme == nil ? "" : "JOIN sessions s ON s.id = n.session_id")
      WHERE \(conditions.joined(separator: " AND "))
      ORDER BY score, n.created_at DESC
      LIMIT :limit
      """
    let marked =
      pattern == nil
      ? "n.text AS marked, NULL AS marked_snippet"
      : """
      highlight(notes_fts, 0, :open, :close) AS marked,
      snippet(notes_fts, 0, :open, :close, '…', 24) AS marked_snippet
      """
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          WITH hits AS (\(ranked))
          SELECT n.session_id, n.note, n.created_at, n.kind, s.title, s.programme, sl.round,
            sl.phase, p.name AS speaker, \(marked)
          FROM hits
          \(pattern == nil ? "" : "JOIN notes_fts ON notes_fts.rowid = hits.id AND notes_fts MATCH :pattern")
          JOIN notes n ON n.id = hits.id
          JOIN sessions s ON s.id = n.session_id
          JOIN slots sl ON sl.session_id = n.session_id AND sl.slot = n.slot
          LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.speaker
          ORDER BY hits.score, hits.created_at DESC
          """, arguments: StatementArguments(arguments))
    }
    return rows.compactMap { row in
      guard let session = SessionID(rawValue: row["session_id"]) else { return nil }
      let text = HighlightedText(marked: row["marked"]).marking(parsed.tags)
      let snippet: HighlightedText =
        if let marked: String = row["marked_snippet"] {
          HighlightedText(marked: marked).marking(parsed.tags)
        } else {
          text.excerpt()
        }
      return NoteSearchHit(
        session: session, sessionTitle: row["title"], programme: row["programme"],
        noteID: row["note"], createdAt: Date(millisecondsSince1970: row["created_at"]),
        kind: NoteKind(rawValue: row["kind"]) ?? .other, round: row["round"], phase: row["phase"],
        speaker: row["speaker"], text: text, snippet: snippet)
    }
  }
}
