import Foundation

@testable import PeerConsultKit

/// Small hand-built protocols and setups with seconds-long phases.
enum Fixtures {
  static let checkIn = Phase(name: "Check-in", durationSeconds: 60, speaker: .everyone)
  static let present = Phase(
    name: "Presenting", durationSeconds: 100, speaker: .presenter, noteKind: .insight)
  static let questions = Phase(
    name: "Questions", durationSeconds: 120, speaker: .group, noteKind: .question)
  static let sense = Phase(
    name: "Sense-making", durationSeconds: 90, speaker: .group, noteKind: .theme)
  static let review = Phase(
    name: "Process review", durationSeconds: 60, speaker: .everyone, noteKind: .feedback)

  /// One opening phase, three round phases, one closing phase.
  static let consultingProtocol = ConsultingProtocol(
    id: "mini", name: "Mini", description: "A short test protocol.", opening: [checkIn],
    round: [present, questions, sense], closing: [review])

  static let participants = [
    Participant(name: "Asha", organisation: "Council", level: .senior),
    Participant(name: "Ben", organisation: "NHS", level: .frontline),
    Participant(name: "Chloé", organisation: "Police", level: .middle),
  ]

  /// Two rounds: Ben then Asha; Ben brings a focus question.
  static func setup(title: String = "Night-time economy", programme: String = "Alcohol Plan")
    -> SessionSetup
  {
    SessionSetup(
      title: title, programme: programme, consultingProtocol: consultingProtocol,
      participants: participants,
      rounds: [
        SessionRound(presenter: 1, focusQuestion: "How do I get licensing on board?"),
        SessionRound(presenter: 0),
      ])
  }

  static let start = Date(timeIntervalSince1970: 1_800_000_000)
}
