import Foundation

/// What a note says and about whom: the part a writer chooses and may later edit.
public struct NoteContent: Hashable, Sendable {
  /// The longest note text accepted, in characters: several pasted paragraphs. What is typed,
  /// imported or read from a shared store is held to it.
  public static let maximumLength = 10_000

  /// The longest note text a session's events may hold once written: an anonymised copy of a
  /// note of ``maximumLength`` is longer, each name replaced by a longer pseudonym ("Al" by
  /// "[Participant O, senior]", at most fourteen times as long), and was cut to fit, its end
  /// lost. No more than this is ever read, whatever a file holds.
  public static let maximumStoredLength = 160_000

  public var text: String
  public var kind: NoteKind
  /// The participant index of who said it, or nil for the group or nobody in particular.
  public var speaker: Int?
  /// For an action: the participant index of who will do it.
  public var owner: Int?
  /// Set when the note was saved: it reads like advice dressed as a question, in a phase for
  /// questions ("⚑ advice?"). Kept with the note, so it shows wherever the note does.
  public var looksLikeAdvice: Bool
  /// For an action: when it is due, as its text says (``ActionDue/find(in:writtenAt:timeZone:)``),
  /// set when the note is saved.
  public var due: ActionDue?

  public init(
    text: String, kind: NoteKind, speaker: Int? = nil, owner: Int? = nil,
    looksLikeAdvice: Bool = false, due: ActionDue? = nil
  ) {
    self.text = text
    self.kind = kind
    self.speaker = speaker
    self.owner = owner
    self.looksLikeAdvice = looksLikeAdvice
    self.due = due
  }

  /// The content as it is stored: text trimmed of surrounding blank space and lines, and no
  /// owner or due date unless it is an action, so switching an action to another kind drops
  /// them.
  public var normalized: NoteContent {
    var content = self
    content.text = text.trimmingCharacters(in: .whitespacesAndNewlines)
    if kind != .action {
      content.owner = nil
      content.due = nil
    }
    return content
  }

  /// Throws unless this content can be stored in a group of `participantCount` (its text up to
  /// ``maximumStoredLength``: what is typed is held to ``maximumLength`` where it comes in).
  func validate(participantCount: Int) throws(SessionError) {
    guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .emptyNote
    }
    guard text.count <= Self.maximumStoredLength else {
      throw .noteTooLong(maximum: Self.maximumStoredLength)
    }
    for index in [speaker, owner].compactMap(\.self) where !(0..<participantCount).contains(index) {
      throw .noSuchParticipant(index)
    }
    if owner != nil && kind != .action { throw .ownerWithoutAction }
    if due != nil && kind != .action { throw .dueWithoutAction }
  }
}

/// A note in a session's transcript, with its whole history: edits keep earlier versions and a
/// delete keeps the text.
public struct Note: Identifiable, Hashable, Sendable {
  /// Numbered from 1 within the session, in the order written.
  public let id: Int
  public let createdAt: Date
  /// The schedule slot it was written in.
  public let slot: Int
  public internal(set) var content: NoteContent
  public internal(set) var isDone = false
  public internal(set) var doneAt: Date?
  public internal(set) var editedAt: Date?
  /// Earlier versions, oldest first.
  public internal(set) var history: [NoteRevision] = []
  /// When it was deleted; a deleted note keeps its text for the record.
  public internal(set) var deletedAt: Date?

  public var text: String { content.text }
  public var kind: NoteKind { content.kind }
  public var speaker: Int? { content.speaker }
  public var owner: Int? { content.owner }
  public var due: ActionDue? { content.due }
  public var isDeleted: Bool { deletedAt != nil }
  public var isAction: Bool { content.kind == .action }
}

/// A version of a note that a later edit replaced.
public struct NoteRevision: Hashable, Sendable {
  public let content: NoteContent
  /// When the edit that replaced it was made.
  public let replacedAt: Date
}
