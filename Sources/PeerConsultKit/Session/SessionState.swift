import Foundation

/// A session as its events have left it: where the group is, how each slot has run, and the
/// transcript. Built only by folding events (``apply(_:at:)``), so a replay of the stored
/// log gives exactly the state the facilitator saw.
public struct SessionState: Hashable, Sendable {
  public internal(set) var setup: SessionSetup
  /// The flattened running order: fixed when the session is created, except that the rounds
  /// still to come can be rearranged (``SessionEvent/roundsRearranged(from:presenters:)``).
  public internal(set) var schedule: [ScheduleSlot]
  public let createdAt: Date
  /// The slot being run, or nil before the start.
  public internal(set) var currentSlot: Int?
  /// When the facilitator paused, or nil while the timer runs.
  public internal(set) var pausedSince: Date?
  /// One entry per schedule slot.
  public internal(set) var timings: [SlotTiming]
  /// Every note ever written, deleted ones included; `notes[i].id == i + 1`. Opened from a
  /// snapshot, a note is decoded only when read (``NoteLog``).
  public internal(set) var notes: NoteLog = []
  /// Process-review ratings (1-5) by participant index; a later rating replaces an earlier one.
  public internal(set) var ratings: [Int: Int] = [:]
  /// The facilitator's choices for suspects before sharing: replace (true) or keep, by the
  /// suspect's text folded (``ShareReview/key(_:)``); the last choice for a text stands.
  public internal(set) var shareChoices: [String: Bool] = [:]
  /// What this meeting decided about actions of the group's earlier meetings; the last
  /// follow-up of an action stands.
  public internal(set) var followUps: [ActionReference: ActionFollowUp] = [:]
  public internal(set) var finishedAt: Date?
  /// The kinds of note the room display shows with `--notes`, in ``NoteKind`` order.
  public internal(set) var roomNoteKinds: [NoteKind] = SessionState.defaultRoomNoteKinds
  /// The focus questions of presenters taken out of the rounds still to come, by participant:
  /// one given back a round later gets theirs again (before, skipping a presenter and then
  /// presenting them after all lost the question).
  public internal(set) var setAsideQuestions: [Int: String] = [:]
  /// Who left before the end, and when, by participant; one back again is taken out
  /// (``SessionEvent/participantLeft(participant:)``).
  public internal(set) var departures: [Int: Date] = [:]
  /// Who joined once the session had begun (a latecomer), and when, by participant: the
  /// minutes say "arrived 14:20" as they say "left 15:40". Those added before the session was
  /// started (while it was ready, the first phase's timer not yet running) were there from
  /// the start; someone added during a check-in phase came late to it.
  public internal(set) var arrivals: [Int: Date] = [:]

  /// What the room sees unless the facilitator chooses otherwise: what the group found, never
  /// the questions and insights said about one presenter's case.
  public static let defaultRoomNoteKinds: [NoteKind] = [.theme, .worksWell, .blockage, .action]

  /// A new session's state; throws if the setup cannot run.
  public init(setup: SessionSetup, createdAt: Date) throws(SessionError) {
    try setup.validate()
    self.setup = setup
    self.createdAt = createdAt
    schedule = setup.schedule
    timings = Array(repeating: SlotTiming(), count: schedule.count)
  }

  /// Rebuilds a session from its stored events, which must begin with ``SessionEvent/created``.
  public static func replay(_ events: [RecordedEvent]) throws(SessionError) -> SessionState {
    guard let first = events.first, case .created(let setup) = first.event else {
      throw .unreplayable(sequence: events.first?.sequence ?? 1, reason: "it does not begin")
    }
    var state: SessionState
    do {
      state = try SessionState(setup: setup, createdAt: first.at)
    } catch {
      throw .unreplayable(sequence: first.sequence, reason: error.description)
    }
    for recorded in events.dropFirst() {
      do {
        try state.apply(recorded.event, at: recorded.at)
      } catch {
        throw .unreplayable(sequence: recorded.sequence, reason: error.description)
      }
    }
    return state
  }

  public var isStarted: Bool { currentSlot != nil }
  public var isPaused: Bool { pausedSince != nil }
  public var isFinished: Bool { finishedAt != nil }
  public var participants: [Participant] { setup.participants }

  /// The slot being run, or nil before the start.
  public var current: ScheduleSlot? { currentSlot.map { schedule[$0] } }

  /// Notes not deleted, in the order written.
  public var visibleNotes: [Note] { notes.filter { !$0.isDeleted } }

  /// How many notes are not deleted, kept as events are applied so that a screen showing the
  /// count of a long transcript does not walk it every frame.
  public var visibleNoteCount: Int { notes.count - deletedNoteCount }
  var deletedNoteCount = 0

  /// The id the next note will get.
  public var nextNoteID: Int { notes.count + 1 }

  /// The note with `id`, deleted or not.
  public func note(_ id: Int) -> Note? {
    // `id > 0` first: an id read from a file may be `Int.min`, where `- 1` would trap.
    id > 0 && notes.indices.contains(id - 1) ? notes[id - 1] : nil
  }
}
