import Foundation
import GRDB

extension AppDatabase {
  /// Every `#tag` in notes not deleted, in one programme or all: the most used first (by
  /// sessions, then notes), then by name. Read from the tag index, so the cost follows the
  /// number of tagged notes, not of all notes.
  public func tagCounts(programme: String? = nil) throws(StoreError) -> [TagCount] {
    try read { db in
      // The form the tag was last written in, as a reader expects to see it named.
      try Row.fetchAll(
        db,
        sql: """
          SELECT t.tag_key, MAX(n.created_at) AS last_seen, MIN(n.created_at) AS first_seen,
            count(*) AS notes, count(DISTINCT n.session_id) AS sessions,
            (SELECT w.tag FROM note_tags w JOIN notes wn ON wn.id = w.note_id
              \(programme == nil ? "" : "JOIN sessions ws ON ws.id = wn.session_id")
              WHERE w.tag_key = t.tag_key AND wn.deleted_at IS NULL
                \(programme == nil ? "" : "AND ws.programme = :programme")
              ORDER BY wn.created_at DESC, wn.id DESC LIMIT 1) AS tag
          FROM note_tags t
          JOIN notes n ON n.id = t.note_id
          \(programme == nil ? "" : "JOIN sessions s ON s.id = n.session_id")
          WHERE n.deleted_at IS NULL \(programme == nil ? "" : "AND s.programme = :programme")
          GROUP BY t.tag_key
          ORDER BY sessions DESC, notes DESC, t.tag_key
          """, arguments: StatementArguments(programme.map { ["programme": $0] } ?? [:])
      ).map { row in
        TagCount(
          tag: row["tag"], key: row["tag_key"], notes: row["notes"], sessions: row["sessions"],
          firstSeen: Date(millisecondsSince1970: row["first_seen"]),
          lastSeen: Date(millisecondsSince1970: row["last_seen"]))
      }
    }
  }
}
