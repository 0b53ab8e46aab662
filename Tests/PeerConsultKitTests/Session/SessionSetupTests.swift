import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct SessionSetupTests {
  @Test func scheduleRunsOpeningThenEachRoundThenClosing() {
    let schedule = Fixtures.setup().schedule
    #expect(schedule.count == 1 + 2 * 3 + 1)
    #expect(schedule.map(\.index) == Array(0..<8))
    #expect(
      schedule.map(\.phase.name) == [
        "Check-in", "Presenting", "Questions", "Sense-making", "Presenting", "Questions",
        "Sense-making", "Process review",
      ])
    #expect(
      schedule.map(\.part) == [
        .opening, .round(0), .round(0), .round(0), .round(1), .round(1), .round(1), .closing,
      ])
    #expect(schedule.map(\.presenter) == [nil, 1, 1, 1, 0, 0, 0, nil])
    #expect(schedule.map(\.round) == [nil, 0, 0, 0, 1, 1, 1, nil])
    #expect(schedule[5].phaseIndex == 1 && schedule[5].phaseCount == 3)
    #expect(schedule[0].phaseIndex == 0 && schedule[0].phaseCount == 1)
    #expect(schedule[2].focusQuestion == "How do I get licensing on board?")
    #expect(schedule[4].focusQuestion == nil)
  }

  @Test func presentersAreParticipantIndicesInRoundOrder() {
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: Fixtures.participants, presenters: [2, 0, 1])
    #expect(setup.presenters == [2, 0, 1])
    #expect(setup.rounds.allSatisfy { $0.focusQuestion == nil })
    #expect(throws: Never.self) { try setup.validate() }
  }

  /// Ways to break a good setup.
  enum Breakage: CaseIterable, Sendable {
    case noTitle, noPresenter, presenterNotInGroup, presentsTwice, sameNameTwice, noName
    case noRoundPhases, zeroSecondPhase

    func apply(to setup: inout SessionSetup) {
      switch self {
      case .noTitle: setup.title = "  "
      case .noPresenter: setup.rounds = []
      case .presenterNotInGroup: setup.rounds = [SessionRound(presenter: 3)]
      case .presentsTwice: setup.rounds = [.init(presenter: 0), .init(presenter: 0)]
      case .sameNameTwice: setup.participants.append(setup.participants[0])
      case .noName: setup.participants[2].name = " "
      case .noRoundPhases: setup.consultingProtocol.round = []
      case .zeroSecondPhase: setup.consultingProtocol.closing[0].durationSeconds = 0
      }
    }
  }

  @Test(arguments: Breakage.allCases)
  func invalidSetupsAreRefused(breakage: Breakage) {
    var setup = Fixtures.setup()
    breakage.apply(to: &setup)
    #expect(throws: SessionError.self) { try setup.validate() }
  }

  @Test func duplicateNamesDifferingOnlyInCaseAreRefused() {
    var setup = Fixtures.setup()
    setup.participants.append(Participant(name: "asha", organisation: "NHS", level: .other))
    #expect {
      try setup.validate()
    } throws: { error in
      (error as? SessionError)?.description.contains("asha") == true
    }
  }

  @Test func setupSurvivesEncodingWithTheWholeProtocol() throws {
    var setup = Fixtures.setup()
    setup.consultingProtocol.source = .file(path: "/home/a/.config/peerconsult/protocols/mini.yaml")
    setup.consultingProtocol.round[1].rules = ["No advice"]
    setup.consultingProtocol.round[1].prompts = ["What would success look like?"]
    let payload = try SessionEventCodec.payload(of: .created(setup: setup))
    #expect(try SessionEventCodec.event(fromPayload: payload) == .created(setup: setup))
  }

  @Test func sliceCountsLevelsAndOrganisations() {
    let slice = Fixtures.setup().slice
    #expect(slice.levels.map(\.value) == [.senior, .middle, .frontline])
    #expect(slice.levels.map(\.count) == [1, 1, 1])
    #expect(slice.organisations.map(\.value) == ["Council", "NHS", "Police"])
    #expect(!slice.isSingleLevel && !slice.isSingleOrganisation)
  }

  @Test func sliceWarnsWhenTheGroupIsAllOneLevelOrOneOrganisation() {
    let group = [
      Participant(name: "A", organisation: "NHS", level: .middle),
      Participant(name: "B", organisation: "NHS ", level: .middle),
      Participant(name: "C", organisation: "NHS", level: .middle),
    ]
    let slice = GroupSlice(group)
    #expect(slice.isSingleLevel && slice.isSingleOrganisation)
    #expect(slice.organisations == [.init(value: "NHS", count: 3)])
    #expect(!GroupSlice([group[0]]).isSingleLevel)
    let mixed = GroupSlice(group + [Participant(name: "D", organisation: "Police", level: .senior)])
    #expect(!mixed.isSingleLevel && !mixed.isSingleOrganisation)
    #expect(mixed.organisations.map(\.value) == ["NHS", "Police"])
  }

  @Test func sessionIDsAreRandomHexWithShortPrefixes() throws {
    let id = SessionID.random()
    #expect(id.rawValue.count == 32 && id.rawValue.allSatisfy(\.isHexDigit))
    #expect(id.rawValue == id.rawValue.lowercased())
    #expect(id.short == String(id.rawValue.prefix(8)))
    #expect(id != SessionID.random())
    #expect(
      SessionID(rawValue: "ABCDEF0123456789ABCDEF0123456789")?.rawValue
        == "abcdef0123456789abcdef0123456789")
    #expect(SessionID(rawValue: "abc") == nil)
    #expect(SessionID(rawValue: String(repeating: "g", count: 32)) == nil)
    let decoded = try JSONDecoder().decode(SessionID.self, from: JSONEncoder().encode(id))
    #expect(decoded == id)
    #expect(throws: DecodingError.self) {
      try JSONDecoder().decode(SessionID.self, from: Data("\"xyz\"".utf8))
    }
  }
}
