import Foundation
import PeerConsultKit
import TestSupport

/// Realistic sessions for attacks: a built-in protocol or a drill of short phases, three to
/// eight participants from many places, one or two rounds.
enum SessionFactory {
  static let people: [Participant] = [
    Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
    Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    Participant(name: "王小明", organisation: "Police", level: .middle),
    Participant(name: "محمد الفارسي", organisation: "Housing Association", level: .middle),
    Participant(name: "Siobhán Ní Bhriain", organisation: "Fire & Rescue", level: .senior),
    Participant(name: "Ødegård Bjørn", organisation: "Voluntary Sector", level: .frontline),
    Participant(name: "Priya Raghunathan", organisation: "Public Health", level: .senior),
    Participant(name: "José-María Núñez", organisation: "Probation", level: .frontline),
  ]

  /// Seconds-long phases of every speaker and note kind, so waiting reaches overtime.
  static let drill = ConsultingProtocol(
    id: "drill", name: "Drill", description: "Short phases for attacks.",
    opening: [
      Phase(
        name: "Check-in", durationSeconds: 30, speaker: .everyone, guidance: "Say what is on top.",
        rules: ["Confidentiality"], prompts: ["What is on your mind?"], noteKind: .other)
    ],
    round: [
      Phase(
        name: "Presenting", durationSeconds: 45, speaker: .presenter,
        guidance: "The presenter describes the challenge.", rules: ["Listen in silence"],
        prompts: ["What is the challenge?"], noteKind: .insight),
      Phase(
        name: "Questions", durationSeconds: 60, speaker: .group, guidance: "Open questions only.",
        rules: ["No advice"], prompts: ["What have you tried?", "What would success be?"],
        noteKind: .question),
      Phase(
        name: "Actions", durationSeconds: 40, speaker: .presenter, guidance: "Next steps.",
        noteKind: .action),
    ],
    closing: [
      Phase(
        name: "Review", durationSeconds: 30, speaker: .facilitator, guidance: "What helped?",
        noteKind: .worksWell)
    ])

  static func setup(using rng: inout SeededGenerator) -> SessionSetup {
    let protocols = [drill, drill] + BuiltInProtocols.all
    let chosen = protocols.randomElement(using: &rng)!
    let count = Int.random(in: 3...people.count, using: &rng)
    let group = Array(people.shuffled(using: &rng).prefix(count))
    let presenters = Array(
      (0..<count).shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
    return SessionSetup(
      title: ["Alcohol Plan SLG 3", "Night-time economy · 夜", "Ölçüm günü", "Réunion n°4"]
        .randomElement(using: &rng)!,
      programme: ["Alcohol Plan", "Serious Violence Duty", ""].randomElement(using: &rng)!,
      consultingProtocol: chosen, participants: group,
      rounds: presenters.map {
        SessionRound(
          presenter: $0,
          focusQuestion: Bool.random(using: &rng) ? "How do we share ownership?" : nil)
      })
  }
}
