import Foundation

/// A change to a standing group. A group is its own append-only list of events, apart from
/// any session's: its state (``StandingGroup``) is folded from them, so who joined and left,
/// and when, is never lost.
///
/// Events are written and read only through ``GroupEventCodec``, in the database and in
/// exports alike.
public enum GroupEvent: Hashable, Sendable {
  /// Always the first event: the group's name and the programme its meetings belong to.
  case created(name: String, programme: String)
  case renamed(name: String)
  /// The programme its meetings belong to from now on.
  case programmeChanged(programme: String)
  /// Someone joined (or joined again): from now on they are a member.
  case memberJoined(participant: Participant)
  /// The member called `name` left; their earlier meetings keep them.
  case memberLeft(name: String)
  /// A person was erased (``AppDatabase/erasePerson(named:at:)``): the one rewrite of the log
  /// allowed put `pseudonym` where their name and organisation were. It never holds the name.
  case personErased(pseudonym: String)
}

/// A group event as stored: its place in the group's log (from 1) and when it happened.
public struct RecordedGroupEvent: Hashable, Sendable {
  public let sequence: Int
  public let at: Date
  public let event: GroupEvent

  public init(sequence: Int, at: Date, event: GroupEvent) {
    self.sequence = sequence
    self.at = at
    self.event = event
  }
}

/// Why a change to a group was refused, in one line.
public enum GroupError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalid(String)
  /// More than a group takes now (``StandingGroup/checkLimits(of:alike:)``), checked where
  /// changes come in, never in a plain replay.
  case pastLimit(String)
  case notMember(String)
  case alreadyMember(String)
  /// A stored log that does not rebuild: `sequence` names the first bad event.
  case unreplayable(sequence: Int, reason: String)

  public var description: String {
    switch self {
    case .invalid(let reason), .pastLimit(let reason): "Cannot change the group: \(reason)."
    case .notMember(let name): "\(name) is not a member of the group."
    case .alreadyMember(let name): "\(name) is already a member of the group."
    case .unreplayable(let sequence, let reason):
      "The group's history does not rebuild at event \(sequence): \(reason.withoutClosingFullStop)."
    }
  }
}
