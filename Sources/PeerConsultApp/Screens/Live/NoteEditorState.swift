import PeerConsultKit

/// The note being written or edited on the live screen.
public struct NoteEditorState: Equatable, Sendable {
  /// What the keys do at the moment: write, choose a kind or a person, or answer whether to
  /// discard the text.
  public enum Mode: Equatable, Sendable {
    case writing
    /// The kind row: a kind's first letter picks it; `highlight` is the kind Enter picks.
    case choosingKind(highlight: NoteKind)
    /// Type-ahead for the speaker or an action's owner.
    case choosingPerson(PersonChoice)
    /// "Discard this note?": `y` discards, any other key returns to the text as it was.
    case askingDiscard
  }

  public var line: LineEditor
  public var kind: NoteKind
  /// Participant index of the speaker, or nil for none.
  public var speaker: Int?
  /// Participant index of an action's owner.
  public var owner: Int?
  /// The note being edited, or nil for a new note.
  public var editing: Int?
  /// For a correction, what its note said: Esc closes a correction that says it still, with
  /// nothing to ask.
  public var original: NoteContent?
  public var mode: Mode = .writing
  /// Opened by a character typed (or pasted) with the line closed: Esc on that character
  /// alone closes the line without asking, as on an empty one. A stray key (`h` for help,
  /// `j` from habit) otherwise took Esc and then `y` to put away.
  public var openedByTyping = false

  public init(
    text: String = "", kind: NoteKind, speaker: Int? = nil, owner: Int? = nil, editing: Int? = nil
  ) {
    line = LineEditor(text, limit: NoteContent.maximumLength)
    self.kind = kind
    self.speaker = speaker
    self.owner = owner
    self.editing = editing
  }

  /// The line opened on `note`, to correct it.
  public static func correcting(_ note: Note) -> NoteEditorState {
    var editor = NoteEditorState(
      text: note.text, kind: note.kind, speaker: note.speaker, owner: note.owner,
      editing: note.id)
    editor.original = editor.content
    return editor
  }

  /// What would be saved.
  public var content: NoteContent {
    NoteContent(
      text: line.string, kind: kind, speaker: speaker, owner: kind == .action ? owner : nil)
  }

  /// Whether there is text that Esc would throw away.
  public var hasText: Bool { line.hasText }

  /// Whether Esc would throw something away: a new note's text, a correction's changes (as
  /// saving would store them: spaces at the ends are not a change).
  public var hasChanges: Bool {
    original.map { $0.normalized != content.normalized }
      ?? (openedByTyping ? line.string.count > 1 : hasText)
  }

  /// The keymap context of the mode.
  public var keyContext: KeyContext {
    switch mode {
    case .writing: return .editor
    case .choosingKind: return .kindChoice
    case .choosingPerson: return .personChoice
    case .askingDiscard: return .discardNote
    }
  }

  /// Whether typed text goes somewhere: the note, or a name being looked for.
  public var acceptsText: Bool {
    switch mode {
    // While the kinds are offered, a letter that picks none is typed into the note.
    case .writing, .choosingPerson, .choosingKind: return true
    case .askingDiscard: return false
    }
  }
}

/// Choosing a person by typing the start of their name (``PersonMatcher``).
public struct PersonChoice: Equatable, Sendable {
  public enum Role: Equatable, Sendable {
    case speaker
    /// An action's owner: choosing one makes the note an action.
    case owner
  }

  public var role: Role
  /// What has been typed of the name.
  public var query = LineEditor(limit: 40)
  /// The index, among the people the query matches (then "none"), that Enter picks.
  public var highlight = 0

  public init(role: Role) { self.role = role }
}
