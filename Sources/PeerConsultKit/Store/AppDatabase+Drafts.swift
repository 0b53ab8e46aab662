import Foundation
import GRDB

extension AppDatabase {
  /// Keeps `draft` as the note being written in `session`, in place of any kept before. It is
  /// not an event, since nobody acknowledged it. It stays until the note is saved or
  /// discarded, or the session left on purpose (``dropDraft(of:)``), or the session is deleted
  /// or a person erased from it.
  public func keepDraft(_ draft: NoteDraft, of session: SessionID, at date: Date)
    throws(StoreError)
  {
    try write(evenWithoutLog: true) { db in
      // The draft this one replaces is zeroed in the file, not left in its free space.
      try db.execute(sql: "PRAGMA secure_delete = ON")
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO note_drafts
            (session_id, text, kind, speaker, owner, editing, base, saved_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          session.rawValue, draft.content.text, draft.content.kind.rawValue,
          draft.content.speaker, draft.content.owner, draft.editing, draft.base,
          date.millisecondsSince1970,
        ])
    }
  }

  /// The note kept as being written in `session`, if any. Reading it leaves it kept: it goes
  /// only once the note is saved or discarded, so a second end before that keeps it still.
  public func draft(of session: SessionID) throws(StoreError) -> NoteDraft? {
    try read { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: """
            SELECT text, kind, speaker, owner, editing, base FROM note_drafts
            WHERE session_id = ?
            """,
          arguments: [session.rawValue])
      else { return nil }
      return NoteDraft(
        content: NoteContent(
          text: row["text"], kind: NoteKind(rawValue: row["kind"]) ?? .other,
          speaker: row["speaker"], owner: row["owner"]),
        editing: row["editing"], base: row["base"])
    }
  }

  /// Forgets the note kept as being written in `session`: saved, discarded, or the session
  /// left on purpose with the note unsaved.
  public func dropDraft(of session: SessionID) throws(StoreError) {
    try write(evenWithoutLog: true) { db in try Self.forgetDraft(of: session, in: db) }
  }

  /// Forgets `session`'s kept draft inside the caller's transaction: alone, or with the note
  /// it was, saved (``append(_:to:resulting:forgettingDraft:)``).
  static func forgetDraft(of session: SessionID, in db: Database) throws {
    // Zeroed in the file: a discarded note's words are not left in its free space.
    try db.execute(sql: "PRAGMA secure_delete = ON")
    try db.cachedStatement(sql: "DELETE FROM note_drafts WHERE session_id = ?")
      .execute(arguments: [session.rawValue])
  }
}
