import Foundation

/// One line of the schedule view: a slot's plan against what happened or is expected.
public struct SlotReport: Hashable, Sendable {
  /// Where a slot stands relative to the current one.
  public enum Status: Hashable, Sendable {
    case done, current, upcoming
  }

  public let slot: ScheduleSlot
  public let status: Status
  /// The protocol's planned seconds.
  public let plannedSeconds: Int
  /// Planned seconds with the facilitator's adjustments.
  public let adjustedSeconds: Int
  /// Running seconds used so far.
  public let usedSeconds: TimeInterval
  /// When it first ran; for an upcoming slot, when it is expected to start.
  public let start: Date?
  /// When it was last left; for the current and upcoming slots, when it is expected to end.
  public let end: Date?
}

/// Which part of a protocol a phase belongs to.
public enum ProtocolPart: String, Hashable, Sendable {
  case opening, round, closing

  init(_ part: ScheduleSlot.Part) {
    switch part {
    case .opening: self = .opening
    case .round: self = .round
    case .closing: self = .closing
    }
  }
}

/// Time one protocol phase used across the session against its plan.
public struct PhaseUsage: Hashable, Sendable {
  struct Key: Hashable {
    let part: ProtocolPart
    let phaseIndex: Int
  }

  public let part: ProtocolPart
  public let phaseIndex: Int
  public let name: String
  /// How many times it ran: once, or once per round.
  public internal(set) var occurrences: Int
  /// The protocol's planned seconds over all occurrences.
  public internal(set) var plannedSeconds: Int
  /// Planned seconds over all occurrences with the facilitator's adjustments: what the time
  /// used is held against, as the summary screen does.
  public internal(set) var adjustedSeconds: Int
  public internal(set) var usedSeconds: TimeInterval
  /// Whether an occurrence ran longer than its adjusted plan (whole seconds, as every view
  /// shows them): one round over and another under is an overrun the total would hide.
  public internal(set) var ranOver: Bool
  /// The rounds, from 0, in which it ran over; empty outside the rounds.
  public internal(set) var roundsOver: [Int]

  /// Used seconds as every view shows them: the running total rounded to whole seconds.
  public var wholeUsedSeconds: Int { Int(usedSeconds.rounded()) }

  /// The rounds in which it ran over, for a reader ("round 2", "rounds 1, 2 and 4"); nil when
  /// it did not run over, "" for a phase outside the rounds that did.
  public var roundsOverText: String? {
    guard ranOver else { return nil }
    let rounds = roundsOver.map { String($0 + 1) }
    guard let last = rounds.last else { return "" }
    return rounds.count == 1
      ? "round \(last)" : "rounds \(rounds.dropLast().joined(separator: ", ")) and \(last)"
  }
}

/// How long one presenter's round ran.
public struct PresenterAirtime: Hashable, Sendable {
  /// The round number from 0.
  public let round: Int
  /// The presenter's participant index.
  public let presenter: Int
  public let usedSeconds: TimeInterval
  /// The protocol's planned seconds for a round.
  public let plannedSeconds: Int
}
