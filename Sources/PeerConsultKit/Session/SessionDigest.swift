import Foundation

/// A session read once for every view of it: the summary screen, the Markdown, HTML and plain
/// text exports, the JSON export's derived part, the programme harvest and the command line's
/// listings all take what they show from here, so they cannot disagree about a count, a name
/// or an average.
///
/// Computed from a ``SessionState`` at one moment, which fixes the time used by a phase still
/// running. Deleted notes are kept in ``notes`` (the JSON export carries them) and left out of
/// everything else.
public struct SessionDigest: Hashable, Sendable {
  /// Someone in the group.
  public struct Person: Hashable, Sendable {
    /// The participant index, from 0.
    public let index: Int
    public let participant: Participant
    /// The round they present in, from 0; the last one if they present more than once.
    public let presentsRound: Int?
    /// When they left, if they left before the end and did not come back.
    public var leftAt: Date? = nil
    /// When they joined, if they came once the session had begun.
    public var arrivedAt: Date? = nil

    public var name: String { participant.name }
  }

  /// A presenter's round and the airtime the group gave it.
  public struct Round: Hashable, Sendable {
    /// The round number, from 0.
    public let index: Int
    /// The presenter's participant index.
    public let presenter: Int
    public let presenterName: String
    public let focusQuestion: String?
    /// Running seconds used by the round's phases.
    public let usedSeconds: TimeInterval
    /// The protocol's planned seconds for a round.
    public let plannedSeconds: Int
    /// Whether any of its phases has run: a round planned but never reached was not presented.
    public let hasStarted: Bool
    /// Whether one of its phases is the one running or paused now (``SessionState/roundUnderWay``).
    public var isUnderWay = false
  }

  /// A note with the slot it was written in and the names of the people it refers to.
  public struct Entry: Hashable, Sendable {
    public let note: Note
    public let slot: ScheduleSlot
    public let speakerName: String?
    public let ownerName: String?

    public var text: String { note.text }
    public var kind: NoteKind { note.kind }
  }

  /// One schedule slot: a phase as it ran in the opening, a round or the closing.
  public struct Phase: Hashable, Sendable {
    public let slot: ScheduleSlot
    /// The protocol's planned seconds.
    public let plannedSeconds: Int
    /// Planned seconds with the facilitator's adjustments.
    public let adjustedSeconds: Int
    /// Running seconds used, rounded to whole seconds as every view shows them.
    public let usedSeconds: Int
    /// When it first ran, if it has.
    public let startedAt: Date?
    /// When the facilitator last left it, if they have.
    public let endedAt: Date?
    /// The notes written in it and not deleted, in the order written.
    public let notes: [Entry]

    public var name: String { slot.phase.name }
    /// Whether it ran longer than its adjusted plan.
    public var ranOver: Bool { usedSeconds > adjustedSeconds }
  }

  /// The opening, one round or the closing, with every one of its phases.
  public struct Part: Hashable, Sendable {
    public let part: ScheduleSlot.Part
    /// The presenter's name, in a round.
    public let presenterName: String?
    /// The presenter's focus question, in a round that has one.
    public let focusQuestion: String?
    public let phases: [Phase]

    /// Whether any phase of it has a note.
    public var hasNotes: Bool { phases.contains { !$0.notes.isEmpty } }
  }

  /// One participant's rating of the process (1-5).
  public struct Rating: Hashable, Sendable {
    public let participant: Int
    public let name: String
    public let rating: Int
  }

  public let id: SessionID
  public let setup: SessionSetup
  public let createdAt: Date
  public let finishedAt: Date?
  /// The moment the digest speaks for: times used are computed at it.
  public let asOf: Date
  public let people: [Person]
  public let rounds: [Round]
  /// The transcript: each part of the schedule in running order with its phases.
  public let parts: [Part]
  /// Every note ever written, deleted ones included, in the order written.
  public let notes: [Entry]
  /// Actions with their owners and done state, in the order written.
  public let actions: [Entry]
  public let themes: [Entry]
  public let insights: [Entry]
  public let worksWell: [Entry]
  public let blockages: [Entry]
  public let feedback: [Entry]
  /// Every note written in the closing phases: what helped and what got in the way.
  public let processReview: [Entry]
  /// Ratings in participant order.
  public let ratings: [Rating]
  /// The mean rating, or nil when nobody rated.
  public let averageRating: Double?
  /// Time used per protocol phase against its plan, a round phase summed over all rounds.
  public let phaseUsage: [PhaseUsage]
  /// What this meeting decided about its standing group's earlier actions, by action.
  public let followUps: [ActionReference: ActionFollowUp]
  /// Those actions as the earlier meetings agreed them, for the minutes; empty unless the
  /// caller read them (``AppDatabase/earlierActions(followedUpIn:)``).
  public var earlierActions: [EarlierAction] = []
  /// The members of its standing group who were not there, for the minutes; empty unless the
  /// caller read them (``StandingGroup/absentMembers(from:)``), and never read for an
  /// anonymised export, which leaves out who was there.
  public var absentMembers: [Participant] = []
  /// The places of the participants who were no members of its standing group (guests), for
  /// the minutes; empty unless the caller read the group (``StandingGroup/guests(in:)``),
  /// and never for an anonymised export.
  public var guests: Set<Int> = []
  /// The name of its standing group, for the minutes; nil unless the caller read it, and
  /// never for an anonymised export, which calls the group `[Group 1]` in its text.
  public var groupName: String?

  /// Sets what the minutes say of `group`, the standing group `state`'s meeting was of: its
  /// name, the members who were not there and the guests who were.
  public mutating func describe(_ group: StandingGroup, meeting state: SessionState) {
    groupName = group.name
    absentMembers = group.absentMembers(from: state)
    guests = group.guests(in: state)
  }

  /// The digest of `state` at `asOf`.
  public init(id: SessionID, state: SessionState, at asOf: Date) {
    self.id = id
    setup = state.setup
    createdAt = state.createdAt
    finishedAt = state.finishedAt
    self.asOf = asOf
    let participants = state.participants
    func name(_ index: Int) -> String { Self.name(index, in: state) }

    var presents: [Int: Int] = [:]
    for (number, round) in state.setup.rounds.enumerated() { presents[round.presenter] = number }
    people = participants.enumerated().map {
      Person(
        index: $0.offset, participant: $0.element, presentsRound: presents[$0.offset],
        leftAt: state.departures[$0.offset], arrivedAt: state.arrivals[$0.offset])
    }
    let startedRounds = state.roundsStarted
    let underWay = state.roundUnderWay
    rounds = state.airtime(at: asOf).map { airtime in
      Round(
        index: airtime.round, presenter: airtime.presenter,
        presenterName: name(airtime.presenter),
        focusQuestion: state.setup.rounds[airtime.round].focusQuestion,
        usedSeconds: airtime.usedSeconds, plannedSeconds: airtime.plannedSeconds,
        hasStarted: startedRounds.contains(airtime.round), isUnderWay: airtime.round == underWay)
    }

    notes = state.notes.map { Entry($0, of: state) }
    let visible = notes.filter { !$0.note.isDeleted }
    func ofKind(_ kind: NoteKind) -> [Entry] { visible.filter { $0.kind == kind } }
    actions = ofKind(.action)
    themes = ofKind(.theme)
    insights = ofKind(.insight)
    worksWell = ofKind(.worksWell)
    blockages = ofKind(.blockage)
    feedback = ofKind(.feedback)
    processReview = visible.filter { $0.slot.part == .closing }

    var bySlot: [Int: [Entry]] = [:]
    for entry in visible { bySlot[entry.slot.index, default: []].append(entry) }
    var parts: [Part] = []
    var phases: [Phase] = []
    for slot in state.schedule {
      let timing = state.timings[slot.index]
      phases.append(
        Phase(
          slot: slot, plannedSeconds: slot.phase.durationSeconds,
          adjustedSeconds: state.plannedSeconds(ofSlot: slot.index),
          usedSeconds: Int(timing.elapsed(at: asOf).rounded()), startedAt: timing.firstStartedAt,
          endedAt: timing.lastEndedAt, notes: bySlot[slot.index] ?? []))
      if slot.phaseIndex == slot.phaseCount - 1 {
        parts.append(
          Part(
            part: slot.part, presenterName: slot.presenter.map(name),
            focusQuestion: slot.focusQuestion, phases: phases))
        phases = []
      }
    }
    self.parts = parts

    ratings = state.ratings.sorted { $0.key < $1.key }.map {
      Rating(participant: $0.key, name: name($0.key), rating: $0.value)
    }
    averageRating =
      ratings.isEmpty
      ? nil : Double(ratings.reduce(0) { $0 + $1.rating }) / Double(ratings.count)
    phaseUsage = state.phaseUsage(at: asOf)
    followUps = state.followUps
  }

  /// The name of participant `index` of `state`, or "?" for one it does not have.
  static func name(_ index: Int, in state: SessionState) -> String {
    state.participants.indices.contains(index) ? state.participants[index].name : "?"
  }

  /// The digest of `record` at the moment it speaks for.
  public init(_ record: SessionRecord) {
    self.init(id: record.id, state: record.state, at: record.asOf)
  }

  public var title: String { setup.title }
  public var programme: String { setup.programme }
  public var consultingProtocol: ConsultingProtocol { setup.consultingProtocol }
  /// Notes not deleted.
  public var visibleNotes: [Entry] { notes.filter { !$0.note.isDeleted } }
  /// Every schedule slot in running order.
  public var phases: [Phase] { parts.flatMap(\.phases) }
}

extension SessionDigest.Entry {
  /// `note` of `state` with its slot and the names of the people it refers to.
  init(_ note: Note, of state: SessionState) {
    self.init(
      note: note, slot: state.schedule[note.slot],
      speakerName: note.speaker.map { SessionDigest.name($0, in: state) },
      ownerName: note.owner.map { SessionDigest.name($0, in: state) })
  }
}
