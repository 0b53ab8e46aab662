import Foundation

/// An action of an earlier session, named across sessions: the session it was agreed in and
/// its note id there.
public struct ActionReference: Hashable, Comparable, Sendable {
  public let session: SessionID
  public let note: Int

  public init(session: SessionID, note: Int) {
    self.session = session
    self.note = note
  }

  public static func < (lhs: ActionReference, rhs: ActionReference) -> Bool {
    (lhs.session, lhs.note) < (rhs.session, rhs.note)
  }
}

/// What a later meeting of the group decided about an action from last time.
public enum FollowUpOutcome: Hashable, Sendable {
  case done
  /// Still open, carried to the next meeting, with what was said about it (may be empty).
  case carried(note: String)
  /// Given up, with the reason.
  case dropped(reason: String)

  /// The name written in the event log and the export.
  public var name: String {
    switch self {
    case .done: "done"
    case .carried: "carried"
    case .dropped: "dropped"
    }
  }

  /// The note or the reason, or nil when done.
  public var text: String? {
    switch self {
    case .done: nil
    case .carried(let note): note
    case .dropped(let reason): reason
    }
  }

  /// The outcome called `name`, with `text`; nil for an unknown name.
  public init?(name: String, text: String?) {
    switch name {
    case "done": self = .done
    case "carried": self = .carried(note: text ?? "")
    case "dropped": self = .dropped(reason: text ?? "")
    default: return nil
    }
  }

  /// The longest note or reason taken: a line or two said in the room.
  public static let maximumTextLength = 500
}

/// A follow-up as a session holds it: the outcome and when it was recorded.
public struct ActionFollowUp: Hashable, Sendable {
  public let outcome: FollowUpOutcome
  public let at: Date
}
