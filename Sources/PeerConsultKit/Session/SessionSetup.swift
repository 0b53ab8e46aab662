import Foundation
import TextLayout

/// Everything decided before a session starts. The protocol is copied in full, so a later
/// change to a protocol file never alters a session already held.
public struct SessionSetup: Hashable, Sendable {
  public var title: String
  /// The shared programme the group works on ("Alcohol Plan"); groups sessions for the harvest.
  public var programme: String
  public var consultingProtocol: ConsultingProtocol
  public var participants: [Participant]
  /// One round per presenter, in the order they present.
  public var rounds: [SessionRound]
  /// The standing group this session is a meeting of, if any.
  public var group: GroupID?

  public init(
    title: String, programme: String, consultingProtocol: ConsultingProtocol,
    participants: [Participant], rounds: [SessionRound], group: GroupID? = nil
  ) {
    self.title = title
    self.programme = programme
    self.consultingProtocol = consultingProtocol
    self.participants = participants
    self.rounds = rounds
    self.group = group
  }

  /// A setup whose presenters are participant indices in round order, without focus questions.
  public init(
    title: String, programme: String, consultingProtocol: ConsultingProtocol,
    participants: [Participant], presenters: [Int], group: GroupID? = nil
  ) {
    self.init(
      title: title, programme: programme, consultingProtocol: consultingProtocol,
      participants: participants, rounds: presenters.map { SessionRound(presenter: $0) },
      group: group)
  }

  /// The presenters' participant indices, in round order.
  public var presenters: [Int] { rounds.map(\.presenter) }

  /// Throws the first reason this setup cannot run; warnings about the group's slice are
  /// in ``GroupSlice`` and never block.
  public func validate() throws(SessionError) {
    guard !title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalidSetup("the session needs a title")
    }
    guard !consultingProtocol.round.isEmpty else {
      throw .invalidSetup("protocol \(consultingProtocol.id) has no round phases")
    }
    let phases = consultingProtocol.opening + consultingProtocol.round + consultingProtocol.closing
    if let phase = phases.first(where: { $0.durationSeconds < 1 }) {
      throw .invalidSetup("phase \"\(phase.name)\" must last at least one second")
    }
    // Protocol files and the built-ins allow no more; longer ones could only be crafted.
    if let phase = phases.first(where: { $0.durationSeconds > PhaseDuration.maximumSeconds }) {
      throw .invalidSetup("phase \"\(phase.name)\" must last at most 24 hours")
    }
    var names = Set<String>()
    for participant in participants {
      try Self.validateNewParticipant(participant, existing: names)
      names.insert(participant.name.lowercased())
    }
    guard !rounds.isEmpty else { throw .invalidSetup("the session needs at least one presenter") }
    var seen = Set<Int>()
    for round in rounds {
      guard participants.indices.contains(round.presenter) else {
        throw .invalidSetup("presenter \(round.presenter.counted) is not a participant")
      }
      guard seen.insert(round.presenter).inserted else {
        throw .invalidSetup(
          "\(participants[round.presenter].name) presents twice; each presenter has one round")
      }
    }
  }

  /// Throws when `participant` cannot join a group whose lowercased names are `existing`.
  static func validateNewParticipant(_ participant: Participant, existing: Set<String>)
    throws(SessionError)
  {
    let name = participant.name.trimmingCharacters(in: .whitespacesAndNewlines)
    guard !name.isEmpty else { throw .invalidSetup("a participant needs a name") }
    // Names pick speakers and owners, so two people with one name would be ambiguous.
    guard !existing.contains(participant.name.lowercased()) else {
      throw .invalidSetup("two participants are called \(participant.name); tell them apart")
    }
  }
}

/// One presenter's turn: the protocol's round phases, once.
public struct SessionRound: Hashable, Sendable {
  /// The presenter's index in ``SessionSetup/participants``.
  public var presenter: Int
  /// The question the presenter brings, if they framed one.
  public var focusQuestion: String?

  public init(presenter: Int, focusQuestion: String? = nil) {
    self.presenter = presenter
    self.focusQuestion = focusQuestion
  }

  /// Whether `question` shows nothing: blanks, or characters of no width (a zero-width space
  /// pasted from a document), which would head a round with an empty "Focus question:".
  public static func showsNothing(_ question: String) -> Bool {
    question.filter { !$0.isWhitespace }.displayWidth == 0
  }
}
