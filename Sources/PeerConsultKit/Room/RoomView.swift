import Foundation

/// What the room may see of a session at one moment: the phase, who speaks, the time, the
/// rules and prompt, and the notes the facilitator shares, never who said them.
///
/// The room display (`peerconsult follow`, on a screen or as lines) shows only this, so what
/// reaches a projector is decided here, in one place, and tested without a terminal.
public struct RoomView: Hashable, Sendable {
  /// Where the session stands.
  public enum Stage: Hashable, Sendable {
    /// Created, its first phase waiting for the facilitator's start.
    case ready
    case running
    case paused
    case finished
  }

  /// A note as the room sees it: its kind and text, no speaker, no owner.
  public struct SharedNote: Hashable, Sendable {
    public let kind: NoteKind
    public let text: String
  }

  /// How many shared notes a view keeps: more than any screen shows at once.
  public static let sharedNoteLimit = 30

  public let title: String
  public let stage: Stage
  /// The phase showing: the current one, or the first while ready.
  public let slot: ScheduleSlot
  /// The phase's place in the whole schedule, from 1, and the schedule's length.
  public let position: Int
  public let phaseCount: Int
  /// The round's number from 1, in a round.
  public let round: Int?
  public let roundCount: Int
  /// Who speaks in the phase, in words ("the group").
  public let speaks: String
  /// The presenter's name, in a round.
  public let presenter: String?
  public let focusQuestion: String?
  public let rules: [String]
  /// The prompt showing now, rotating as on the live screen.
  public let prompt: String?
  public let timer: PhaseTimer
  /// The latest notes of the kinds shared with the room, oldest first.
  public let sharedNotes: [SharedNote]
  /// Once finished: the session's themes and actions, in the order written.
  public let summary: [SharedNote]

  /// The view of `session` at `now`; nil for a session with no phase at all.
  public init?(_ session: SessionState, at now: Date) {
    guard let slot = session.current ?? session.schedule.first else { return nil }
    title = session.setup.title
    if session.isFinished {
      stage = .finished
    } else if !session.isStarted {
      stage = .ready
    } else {
      stage = session.isPaused ? .paused : .running
    }
    self.slot = slot
    position = slot.index + 1
    phaseCount = session.schedule.count
    round = slot.round.map { $0 + 1 }
    roundCount = session.setup.rounds.count
    speaks = Self.speaks(slot.phase.speaker)
    presenter = slot.presenter.flatMap {
      session.participants.indices.contains($0) ? session.participants[$0].name : nil
    }
    focusQuestion = slot.focusQuestion.flatMap { $0.isEmpty ? nil : $0 }
    rules = slot.phase.rules
    timer = session.timer(ofSlot: slot.index, at: now)
    prompt = slot.phase.prompt(afterRunning: timer.elapsed)
    let shown = Set(session.roomNoteKinds)
    var shared: [SharedNote] = []
    // From the newest back, only as far as the view keeps: a frame costs the same however
    // long the transcript.
    for note in session.notes.reversed() where !note.isDeleted && shown.contains(note.kind) {
      shared.append(SharedNote(kind: note.kind, text: note.text))
      if shared.count == Self.sharedNoteLimit { break }
    }
    sharedNotes = shared.reversed()
    summary =
      session.isFinished
      ? session.visibleNotes.filter { $0.kind == .theme || $0.kind == .action }.map {
        SharedNote(kind: $0.kind, text: $0.text)
      } : []
  }

  /// "the presenter", "the group", …: who speaks, without a name.
  public static func speaks(_ speaker: Speaker) -> String {
    switch speaker {
    case .presenter: "the presenter"
    case .group: "the group"
    case .everyone: "everyone"
    case .facilitator: "the facilitator"
    }
  }

  /// "Phase 3 of 8: Powerful questions".
  public var phaseHeading: String { "Phase \(position) of \(phaseCount): \(slot.phase.name)" }

  /// "round 1 of 3", in a round.
  public var roundText: String? { round.map { "round \($0) of \(roundCount)" } }

  /// The line that says a phase has begun: "Phase 3 of 8: Powerful questions, the group
  /// speaks, 10:00".
  public var phaseLine: String {
    "\(phaseHeading), \(speaks) speaks, \(timer.display)"
  }
}
