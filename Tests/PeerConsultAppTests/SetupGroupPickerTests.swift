import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The new-session form starts from a standing group: ↑↓ or type-ahead picks it, Enter takes
/// its members (least recent presenter first, with the reason) and programme.
@Suite struct SetupGroupPickerTests {
  static let north = SetupState.GroupChoice(
    id: GroupID(rawValue: "0123456789abcdef0123456789abcdef")!, name: "North SLG",
    programme: "Alcohol Plan",
    members: [
      Participant(name: "Ben O'Neill", organisation: "NHS Devon", level: .frontline),
      Participant(name: "Chloé Dubois", organisation: "Devon & Cornwall Police", level: .middle),
      Participant(name: "Asha Kaur", organisation: "City Council", level: .senior),
    ],
    reasons: ["never presented", "last presented 2027-01-15", "last presented 2027-02-12"])
  static let south = SetupState.GroupChoice(
    id: GroupID(rawValue: "fedcba9876543210fedcba9876543210")!, name: "South Housing",
    programme: "Housing First",
    members: [Participant(name: "Dev Rao", organisation: "Shelter", level: .middle)],
    reasons: ["never presented"])

  private func form() -> SetupState {
    SetupState(
      protocols: BuiltInProtocols.all, previousProgrammes: SetupFixture.previousProgrammes,
      standingGroups: [Self.north, Self.south])
  }

  @Test func theFormOpensOnTheGroupsAndTypeAheadPicksOneAt80x24() {
    var state = form()
    #expect(state.focus == .standingGroup)
    SetupFixture.type("sou", into: &state)
    #expect(state.groupMatches.map(\.name) == ["South Housing"])
    #expect(state.pickedGroup?.name == "South Housing")
    SetupFixture.press(.backspace, .backspace, .backspace, into: &state)
    #expect(state.pickedGroup == nil)
    SetupFixture.press(.down, .down, into: &state)
    #expect(state.pickedGroup?.name == "South Housing")
    SetupFixture.press(.up, into: &state)
    #expect(state.pickedGroup?.name == "North SLG")
    expectGolden(SetupFixture.frame(state, width: 80, height: 24), "setup-group-picker-80x24")
  }

  @Test func takingAGroupFillsMembersProgrammeAndSaysWhyAt120x40() throws {
    var state = form()
    SetupFixture.add(["Guest Person; Visitors; other"], to: &state)
    state.focus = .standingGroup
    SetupFixture.press(.down, .enter, into: &state)
    #expect(state.focus == .title)
    #expect(
      state.members.map(\.participant.name) == [
        "Ben O'Neill", "Chloé Dubois", "Asha Kaur", "Guest Person",
      ])
    #expect(state.programme.string == "Alcohol Plan")
    SetupFixture.type("North SLG, March", into: &state)
    expectGolden(SetupFixture.frame(state, width: 120, height: 40), "setup-group-picker-120x40")
    guard case .start(let setup) = SetupFixture.press(.control("g"), into: &state) else {
      Issue.record("the form did not start")
      return
    }
    #expect(setup.group == Self.north.id)
    #expect(setup.presenters == [0, 1, 2, 3])
  }

  /// A field read, not typed in, shows its start: the group's long name showed its end
  /// ("…ms Learning Group 2027") once taken, as while it was typed. A presenter's reason fits
  /// 80 columns.
  @Test func aLongNameShowsItsStartOnceLeftAndItsEndWhileTyped() {
    let long = SetupState.GroupChoice(
      id: Self.north.id, name: "North Central Night-Time Economy Systems Learning Group 2027",
      programme: "Alcohol Plan", members: Self.north.members, reasons: Self.north.reasons)
    var state = SetupState(
      protocols: BuiltInProtocols.all, previousProgrammes: SetupFixture.previousProgrammes,
      standingGroups: [long])
    SetupFixture.press(.down, .enter, into: &state)
    #expect(state.focus == .title)
    SetupFixture.type(
      "A title much longer than the field it is typed in, to the end of it", into: &state)
    SetupFixture.press(.tab, into: &state)
    let lines = SetupFixture.frame(state).lines
    #expect(lines[1].hasPrefix("   Group      North Central Night-Tim… 3 members"), "\(lines[1])")
    #expect(
      lines[2].hasPrefix(
        "   Title      A title much longer than the field it is typed in, to the end of… "),
      "\(lines[2])")
    // The reason a member presents where they do, whole at 80 columns.
    #expect(lines.contains { $0.contains("Chloé Dubois") && $0.contains("(last 2027-01-15)") })
    state.focus = .standingGroup
    #expect(SetupFixture.frame(state).lines[1].hasPrefix(" ▸ Group      …"))
  }

  /// Another group taken instead replaces the first one's members and programme; guests
  /// typed in stay. The first group's stayed, and the meeting went into its programme.
  @Test func anotherGroupTakenReplacesTheFirstOnesMembersAndProgramme() throws {
    var state = form()
    SetupFixture.press(.down, .enter, into: &state)
    #expect(state.chosenGroup?.name == "North SLG" && state.programme.string == "Alcohol Plan")
    SetupFixture.add(["Guest Person; Visitors; other"], to: &state)
    state.focus = .standingGroup
    SetupFixture.press(.control("u"), into: &state)
    SetupFixture.type("south", into: &state)
    SetupFixture.press(.enter, into: &state)
    #expect(state.chosenGroup?.name == "South Housing")
    #expect(state.members.map(\.participant.name) == ["Dev Rao", "Guest Person"])
    #expect(state.programme.string == "Housing First")
  }

  @Test func withoutGroupsTheFormIsAsBeforeAndNamesNoGroup() throws {
    var state = SetupFixture.empty()
    #expect(state.focus == .title)
    SetupFixture.press(.backTab, into: &state)
    #expect(state.focus == .start)
    SetupFixture.press(.tab, into: &state)
    #expect(state.focus == .title)
    // Emptying the field and Enter makes the session a one-off again.
    var grouped = form()
    SetupFixture.press(.enter, into: &grouped)
    #expect(grouped.chosenGroup == nil && grouped.focus == .title)
    grouped.focus = .standingGroup
    SetupFixture.type("north", into: &grouped)
    SetupFixture.press(.enter, into: &grouped)
    #expect(grouped.chosenGroup?.name == "North SLG")
    grouped.focus = .standingGroup
    for _ in 0..<12 { SetupFixture.press(.backspace, into: &grouped) }
    SetupFixture.press(.enter, into: &grouped)
    #expect(grouped.chosenGroup == nil)
    #expect(grouped.members.count == 3)
  }
}

extension SetupGroupPickerTests {
  /// The form's groups come from the store, each with its members in the order their
  /// meetings suggest.
  @Test func theServicesOfferEachGroupWithItsSuggestedOrder() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let database = try AppDatabase.inMemory()
    let group = try database.createGroup(
      name: "North SLG", programme: "Alcohol Plan", members: LiveFixture.participants,
      at: clock.now())
    let meeting = try LiveSession.create(
      SessionSetup(
        title: "North 1", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0], group: group.id),
      store: database, clock: clock)
    try meeting.start()
    try meeting.next()
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pc-\(UUID())")
    let services = AppServices(
      location: DataLocation(
        dataDirectory: folder, protocolsDirectory: folder.appendingPathComponent("p")),
      clock: clock, openStore: { database }, openReader: { database })
    guard case .setupLoaded(_, _, _, nil, let groups) = services.perform(.loadSetup) else {
      Issue.record("the form's data did not load")
      return
    }
    #expect(groups.map(\.name) == ["North SLG"])
    // Zoë presented at the first meeting, so the others come first.
    #expect(groups.first?.members.map(\.name) == ["Amira O'Neill", "王小明", "Zoë Müller"])
    #expect(groups.first?.reasons.first == "never presented")
  }
}
