import Foundation
import GRDB

extension AppDatabase {
  /// Keeps `draft` as the note being written in `session`, in place of any kept before. It is
  /// not an event: it was never acknowledged, and it goes when the session is next opened
  /// live (``takeDraft(of:)``), deleted or a person is erased from it.
  public func keepDraft(_ draft: NoteDraft, of session: SessionID, at date: Date)
    throws(StoreError)
  {
    try write { db in
      try db.execute(
        sql: """
          INSERT OR REPLACE INTO note_drafts
            (session_id, text, kind, speaker, owner, editing, saved_at)
          VALUES (?, ?, ?, ?, ?, ?, ?)
          """,
        arguments: [
          session.rawValue, draft.content.text, draft.content.kind.rawValue,
          draft.content.speaker, draft.content.owner, draft.editing,
          date.millisecondsSince1970,
        ])
    }
  }

  /// The note kept as being written in `session`, removed in the same transaction: the screen
  /// that takes it holds it from then on, and keeps it again if the program is ended again.
  public func takeDraft(of session: SessionID) throws(StoreError) -> NoteDraft? {
    try write { db in
      guard
        let row = try Row.fetchOne(
          db,
          sql: "SELECT text, kind, speaker, owner, editing FROM note_drafts WHERE session_id = ?",
          arguments: [session.rawValue])
      else { return nil }
      try db.execute(
        sql: "DELETE FROM note_drafts WHERE session_id = ?", arguments: [session.rawValue])
      let kind = NoteKind(rawValue: row["kind"]) ?? .other
      return NoteDraft(
        content: NoteContent(
          text: row["text"], kind: kind, speaker: row["speaker"], owner: row["owner"]),
        editing: row["editing"])
    }
  }
}
