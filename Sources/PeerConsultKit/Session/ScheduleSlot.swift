/// One phase as it runs in a session: the protocol's phases flattened into opening phases,
/// then each round's phases with its presenter, then closing phases.
public struct ScheduleSlot: Hashable, Sendable {
  /// Which part of the session a slot belongs to.
  public enum Part: Hashable, Sendable {
    case opening
    /// A presenter's round, numbered from 0.
    case round(Int)
    case closing
  }

  /// Position in the whole schedule, from 0.
  public let index: Int
  public let part: Part
  /// Position of the phase within its part, from 0 ("phase i of n").
  public let phaseIndex: Int
  /// Number of phases in this part.
  public let phaseCount: Int
  public let phase: Phase
  /// The presenter's participant index, in a round.
  public let presenter: Int?
  /// The presenter's focus question, in a round that has one.
  public let focusQuestion: String?

  /// The round number from 0, in a round.
  public var round: Int? {
    if case .round(let number) = part { return number }
    return nil
  }
}

extension SessionSetup {
  /// Every slot of the session in running order.
  public var schedule: [ScheduleSlot] {
    var slots: [ScheduleSlot] = []
    func append(_ phases: [Phase], _ part: ScheduleSlot.Part, _ round: SessionRound?) {
      for (offset, phase) in phases.enumerated() {
        slots.append(
          ScheduleSlot(
            index: slots.count, part: part, phaseIndex: offset, phaseCount: phases.count,
            phase: phase, presenter: round?.presenter, focusQuestion: round?.focusQuestion))
      }
    }
    append(consultingProtocol.opening, .opening, nil)
    for (number, round) in rounds.enumerated() {
      append(consultingProtocol.round, .round(number), round)
    }
    append(consultingProtocol.closing, .closing, nil)
    return slots
  }
}
