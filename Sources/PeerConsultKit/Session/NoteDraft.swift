import Foundation

/// The note a facilitator is writing, kept at pauses in typing and when the program is ended
/// (its terminal closed, a signal from outside), so that nothing typed is lost with the window
/// or the power: a new note's content, or a correction of the note `editing`.
public struct NoteDraft: Equatable, Sendable {
  public var content: NoteContent
  /// The note being corrected, or nil for a new note.
  public var editing: Int?
  /// For a correction, the note's text as it stood when the draft was kept: a note changed
  /// since (corrected in review meanwhile) is not overwritten by the draft.
  public var base: String?

  public init(content: NoteContent, editing: Int? = nil, base: String? = nil) {
    self.content = content
    self.editing = editing
    self.base = base
  }
}

extension NoteDraft {
  /// Whether the draft says what `note` says: its words, kind, speaker and owner. A
  /// correction that changes only the kind or who spoke is a correction all the same.
  public func says(whatIsIn note: Note) -> Bool {
    content.text == note.text && content.kind == note.kind && content.speaker == note.speaker
      && content.owner == note.owner
  }
}
