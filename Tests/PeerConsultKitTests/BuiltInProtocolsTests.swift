import Testing

@testable import PeerConsultKit

@Suite struct BuiltInProtocolsTests {
  @Test func idsAreUniqueAndTheDefaultComesFirst() {
    let ids = BuiltInProtocols.all.map(\.id)
    #expect(
      ids == [
        "slg", "troika", "wise-crowds", "consultancy", "tuning", "action-learning", "case-clinic",
      ])
    #expect(Set(ids).count == ids.count)
    #expect(BuiltInProtocols.defaultID == "slg")
    #expect(BuiltInProtocols.all.first?.id == BuiltInProtocols.defaultID)
    #expect(BuiltInProtocols.protocolWithID("tuning")?.name == "Tuning Protocol")
    #expect(BuiltInProtocols.protocolWithID("nope") == nil)
  }

  @Test(arguments: BuiltInProtocols.all)
  func everyPhaseCarriesGuidanceRulesAndPrompts(_ consultingProtocol: ConsultingProtocol) {
    #expect(!consultingProtocol.name.isEmpty)
    #expect(!consultingProtocol.description.isEmpty)
    #expect(!consultingProtocol.round.isEmpty)
    #expect(consultingProtocol.source == .builtIn)
    for part in ConsultingProtocol.Part.allCases {
      for phase in consultingProtocol.phases(in: part) {
        let label = "\(consultingProtocol.id) \(part) \(phase.name)"
        #expect(!phase.name.isEmpty, "\(label)")
        #expect(phase.durationSeconds > 0, "\(label)")
        #expect(phase.durationSeconds % 60 == 0, "\(label): built-ins are in whole minutes")
        #expect(!phase.guidance.isEmpty, "\(label)")
        #expect(!phase.rules.isEmpty, "\(label)")
        #expect(!phase.prompts.isEmpty, "\(label)")
        #expect(!phase.rules.contains { $0.isEmpty }, "\(label)")
        #expect(!phase.prompts.contains { $0.isEmpty }, "\(label)")
        // Text must survive being shown on one terminal line per item.
        #expect(!(phase.rules + phase.prompts + [phase.name]).contains { $0.contains("\n") })
      }
    }
  }

  @Test func systemsLearningGroupFollowsTheProgrammeDesign() {
    let slg = BuiltInProtocols.systemsLearningGroup
    func shape(_ phases: [Phase]) -> [String] {
      phases.map { "\($0.name)|\($0.durationSeconds / 60)|\($0.speaker)|\($0.noteKind.rawValue)" }
    }
    #expect(shape(slg.opening) == ["Check-in|10|everyone|other"])
    #expect(
      shape(slg.round) == [
        "Presenting a challenge|10|presenter|other",
        "Powerful questions|15|group|question",
        "Sense-making|15|group|insight",
        "Feedback|10|everyone|feedback",
      ])
    // The process review's notes are about the process first: kind "other" unless the
    // facilitator gives one (works-well put "Got in the way: …" under what works well).
    #expect(shape(slg.closing) == ["Process review|10|everyone|other"])
  }

  /// Per-round (or per-session) minutes the method's community publishes.
  @Test func timingsStayWithinThePublishedRanges() {
    func minutes(_ seconds: Int) -> Int { seconds / 60 }
    #expect((8...12).contains(minutes(BuiltInProtocols.troikaConsulting.roundSeconds)))
    #expect(minutes(BuiltInProtocols.wiseCrowds.roundSeconds) == 15)
    #expect((45...55).contains(minutes(BuiltInProtocols.consultancy.totalSeconds(rounds: 1))))
    #expect((45...60).contains(minutes(BuiltInProtocols.tuning.totalSeconds(rounds: 1))))
    #expect((30...35).contains(minutes(BuiltInProtocols.actionLearningSet.roundSeconds)))
    #expect(minutes(BuiltInProtocols.caseClinic.roundSeconds) == 15 + 3 + 10 + 20 + 8)
  }

  @Test func phasesWhereTheGroupAsksQuestionsRuleOutAdvice() {
    for consultingProtocol in BuiltInProtocols.all {
      for phase in consultingProtocol.round where phase.noteKind == .question {
        #expect(
          phase.rules.contains { $0.localizedCaseInsensitiveContains("advice") },
          "\(consultingProtocol.id) \(phase.name)")
      }
    }
  }

  @Test func partsListTheirPhasesInOrder() {
    let slg = BuiltInProtocols.systemsLearningGroup
    #expect(ConsultingProtocol.Part.allCases == [.opening, .round, .closing])
    #expect(slg.phases(in: .opening) == slg.opening)
    #expect(slg.phases(in: .round) == slg.round)
    #expect(slg.phases(in: .closing) == slg.closing)
    #expect(slg.seconds(in: .opening) == 10 * 60)
    #expect(slg.seconds(in: .round) == slg.roundSeconds)
    #expect(
      slg.totalSeconds(rounds: 3)
        == slg.seconds(in: .opening) + 3 * slg.seconds(in: .round) + slg.seconds(in: .closing))
  }
}
