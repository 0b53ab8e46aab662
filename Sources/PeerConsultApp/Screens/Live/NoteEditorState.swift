import PeerConsultKit

/// The note being written or edited on the live screen.
public struct NoteEditorState: Equatable, Sendable {
  public var line: LineEditor
  public var kind: NoteKind
  /// Participant index of the speaker, or nil for none.
  public var speaker: Int?
  /// Participant index of an action's owner.
  public var owner: Int?
  /// The note being edited, or nil for a new note.
  public var editing: Int?

  public init(
    text: String = "", kind: NoteKind, speaker: Int? = nil, owner: Int? = nil, editing: Int? = nil
  ) {
    line = LineEditor(text, limit: NoteContent.maximumLength)
    self.kind = kind
    self.speaker = speaker
    self.owner = owner
    self.editing = editing
  }

  /// What would be saved.
  public var content: NoteContent {
    NoteContent(
      text: line.string, kind: kind, speaker: speaker, owner: kind == .action ? owner : nil)
  }

  /// Steps through the note kinds.
  public mutating func cycleKind() {
    let all = NoteKind.allCases
    kind = all[((all.firstIndex(of: kind) ?? 0) + 1) % all.count]
  }

  /// Steps the speaker through none and every participant.
  public mutating func cycleSpeaker(count: Int) { speaker = Self.step(speaker, count: count) }

  /// Steps an action's owner through none and every participant.
  public mutating func cycleOwner(count: Int) { owner = Self.step(owner, count: count) }

  private static func step(_ value: Int?, count: Int) -> Int? {
    guard count > 0 else { return nil }
    switch value {
    case nil: return 0
    case let v? where v + 1 < count: return v + 1
    default: return nil
    }
  }
}
