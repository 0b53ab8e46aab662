import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct SetupScreenTests {
  private typealias F = SetupFixture

  // MARK: Typing

  @Test func printableKeysGoIntoTheFieldAndNeverActAsCommands() {
    var state = F.empty()
    let text = "q?jk n p+-s e d m y Zoë 日本"
    #expect(F.type(text, into: &state) == .stay)
    #expect(state.title.string == text)
    #expect(state.focus == .title)
    state.focus = .newParticipant
    F.type("Asha; Council; senior?", into: &state)
    #expect(state.newParticipant.string == "Asha; Council; senior?")
    #expect(state.members.isEmpty)
  }

  @Test func printableKeysDoNothingInFieldsWithoutText() {
    var state = F.filled()
    for field in [SetupState.Field.consultingProtocol, .group, .start] {
      state.focus = field
      let before = state
      #expect(F.type("qjk ?+-xy", into: &state) == .stay)
      #expect(state == before, "\(field) changed on printable keys")
    }
  }

  @Test func lineEditingKeysEditTheFocusedFieldOnly() {
    var state = F.filled()
    state.focus = .title
    F.press(.home, .delete, .control("d"), .end, .backspace, into: &state)
    #expect(state.title.string == "ght-time economy: who owns the problem")
    #expect(state.members.count == 5, "Del in a text field removed a participant")
  }

  @Test func tabVisitsEveryFieldInOrderAndWraps() {
    var state = F.empty()
    var seen: [SetupState.Field] = [state.focus]
    // With no standing groups to start from, the group field is passed over.
    let fields = SetupState.Field.allCases.filter { $0 != .standingGroup }
    for _ in fields {
      F.press(.tab, into: &state)
      seen.append(state.focus)
    }
    #expect(seen == fields + [.title])
    F.press(.backTab, into: &state)
    #expect(state.focus == .start)
  }

  @Test func arrowsMoveBetweenPlainFieldsWithoutWrapping() {
    var state = F.empty()
    F.press(.up, into: &state)
    #expect(state.focus == .title)
    F.press(.down, into: &state)
    #expect(state.focus == .programme)
    state.focus = .newParticipant
    F.press(.down, into: &state)
    #expect(state.focus == .group)
  }

  // MARK: Participants

  @Test func addingParticipantsClearsTheLineAndMakesThemPresentInOrder() {
    var state = F.empty()
    F.add(Array(F.group.prefix(3)), to: &state)
    #expect(
      state.members.map(\.participant) == [
        Participant(name: "Asha Kaur", organisation: "City Council", level: .senior),
        Participant(name: "Ben O'Neill", organisation: "NHS Devon", level: .frontline),
        Participant(name: "Chloé Dubois", organisation: "Devon & Cornwall Police", level: .middle),
      ])
    #expect(state.newParticipant.isEmpty)
    #expect(state.addError == nil)
    #expect(state.selection == 2)
    #expect(state.presenterIndices == [0, 1, 2])
    #expect(state.focus == .newParticipant)
    F.press(.enter, into: &state)
    #expect(state.focus == .group, "Enter on an empty line goes on to the group")
  }

  @Test func aBadLineShowsWhyAndKeepsTheText() {
    var state = F.withParseError()
    let typed = "Chloé Dubois; Devon & Cornwall Police; midle"
    #expect(state.newParticipant.string == typed)
    #expect(
      state.addError
        == "Chloé Dubois's level 'midle' is not senior, middle, frontline or other (did you mean middle?)"
    )
    #expect(state.members.count == 2)
    // Fixing the level and pressing Enter adds them and clears the error.
    F.press(.backspace, .backspace, .backspace, .backspace, .backspace, into: &state)
    F.type("middle", into: &state)
    F.press(.enter, into: &state)
    #expect(state.addError == nil)
    #expect(state.members.last?.participant.level == .middle)
  }

  @Test func clearingTheLineClearsItsError() {
    var state = F.empty()
    F.add(["Asha; Council"], to: &state)
    #expect(state.addError?.contains("has 2 parts, not 3") == true)
    F.press(.control("u"), into: &state)
    #expect(state.addError == nil)
  }

  /// The error was about the line as it was: "level 'boss'" stayed under the line corrected
  /// to "frontline".
  @Test func changingTheLineClearsItsError() {
    var state = F.empty()
    F.add(["Kofi Mensah; Shelter; boss"], to: &state)
    #expect(state.addError?.contains("level 'boss'") == true)
    F.press(.left, into: &state)
    #expect(state.addError != nil, "moving the cursor changes nothing")
    F.press(.end, .backspace, into: &state)
    #expect(state.addError == nil)
  }

  /// Names alike but for accents, case or an apostrophe are one person added twice, far more
  /// often than two people.
  @Test func aNameLikeOneInTheGroupIsRefused() {
    var state = F.empty()
    F.add(
      ["Amira O'Neill; NHS Trust; frontline", "Amira ONeill; NHS Trust; frontline"], to: &state)
    #expect(state.members.count == 1)
    #expect(
      state.addError
        == "Amira ONeill looks like Amira O'Neill, already in the group; add an initial or "
        + "surname to tell them apart")
    #expect(
      Participant(name: "Zoe Muller", organisation: "", level: .other).looksAlike(
        Participant(name: "Zoë  Müller", organisation: "X", level: .senior)))
    #expect(
      !Participant(name: "Zoë Müller", organisation: "", level: .other).looksAlike(
        Participant(name: "Zoë M. Müller", organisation: "", level: .other)))
  }

  @Test func aSecondPersonWithTheSameNameIsRefused() {
    var state = F.empty()
    F.add(["Asha Kaur; City Council; senior", "asha kaur; NHS Devon; middle"], to: &state)
    #expect(state.members.count == 1)
    #expect(state.addError?.contains("asha kaur is already in the group") == true)
    #expect(state.newParticipant.string == "asha kaur; NHS Devon; middle")
  }

  @Test func deleteRemovesTheSelectedParticipantInTheGroupList() {
    var state = F.empty()
    F.add(F.group, to: &state)
    F.press(.tab, .up, .up, into: &state)
    #expect(state.selection == 2)
    F.press(.delete, into: &state)
    #expect(
      state.members.map(\.participant.name) == [
        "Asha Kaur", "Ben O'Neill", "山田 花子", "Siobhán Ó Briain",
      ])
    #expect(state.selection == 2)
    F.press(.down, .control("d"), into: &state)
    #expect(state.members.map(\.participant.name) == ["Asha Kaur", "Ben O'Neill", "山田 花子"])
    #expect(state.selection == 2, "the selection stays on the last row")
    for _ in 0..<5 { F.press(.delete, into: &state) }
    #expect(state.members.isEmpty)
    #expect(F.press(.delete, .up, into: &state) == .stay)
  }

  @Test func reorderingMovesTheSelectedParticipantAndTheirRound() {
    var state = F.empty()
    F.add(Array(F.group.prefix(3)), to: &state)
    F.press(.tab, into: &state)
    F.press(.control("p"), .control("p"), .control("p"), into: &state)
    #expect(state.members.map(\.participant.name) == ["Chloé Dubois", "Asha Kaur", "Ben O'Neill"])
    #expect(state.selection == 0)
    F.press(.control("n"), into: &state)
    #expect(state.members.map(\.participant.name) == ["Asha Kaur", "Chloé Dubois", "Ben O'Neill"])
    #expect(state.round(of: 1) == 2)
    // Reordering keys do nothing outside the group list.
    state.focus = .title
    F.press(.control("p"), .control("t"), into: &state)
    #expect(state.members.map(\.participant.name) == ["Asha Kaur", "Chloé Dubois", "Ben O'Neill"])
    #expect(state.presenterIndices == [0, 1, 2])
  }

  // MARK: Presenters and focus questions

  @Test func excludedParticipantsDoNotPresentAndKeepTheirQuestion() throws {
    var state = F.filled()
    #expect(state.presenterIndices == [0, 1, 2, 3])
    #expect(state.round(of: 4) == nil)
    state.focus = .group
    state.selection = 1
    F.press(.control("t"), into: &state)
    #expect(state.presenterIndices == [0, 2, 3])
    #expect(state.round(of: 2) == 2)
    let setup = try state.sessionSetup()
    #expect(setup.presenters == [0, 2, 3])
    F.press(.control("t"), into: &state)
    #expect(state.members[1].focusQuestion.string == "How do I get licensing on board?")
    #expect(try state.sessionSetup().rounds[1].focusQuestion == "How do I get licensing on board?")
  }

  /// A question of zero-width characters (pasted from a document) shows nothing: the round has
  /// none, rather than an empty "Focus question:" on the live screen and in the minutes.
  @Test func aFocusQuestionThatShowsNothingIsNone() throws {
    var state = F.filled()
    state.members[1].focusQuestion = LineEditor("\u{200B}\u{2060} ", limit: 500)
    #expect(try state.sessionSetup().rounds[1].focusQuestion == nil)
  }

  @Test func focusQuestionsFollowThePresentersAndSkipTheExcluded() {
    var state = F.empty()
    F.type("T", into: &state)
    F.add(Array(F.group.prefix(3)), to: &state)
    F.press(.tab, .up, .control("t"), into: &state)  // Ben (index 1) does not present
    F.press(.tab, into: &state)
    #expect(state.focus == .focusQuestion)
    #expect(state.selection == 2, "entering from Ben moves on to the next presenter")
    F.press(.up, into: &state)
    #expect(state.selection == 0, "Ben is skipped")
    F.type("First?", into: &state)
    F.press(.enter, into: &state)
    #expect(state.selection == 2)
    F.type("Second?", into: &state)
    F.press(.enter, into: &state)
    #expect(state.focus == .start, "Enter on the last presenter goes on to Start")
    #expect(state.members.map(\.focusQuestion.string) == ["First?", "", "Second?"])
  }

  @Test func typingAFocusQuestionWithNoPresentersIsSwallowed() {
    var state = F.empty()
    state.focus = .focusQuestion
    let before = state
    #expect(F.type("Why?", into: &state) == .stay)
    #expect(state == before)
  }

  // MARK: Protocol and programme

  @Test func arrowsChooseTheProtocolAndStopAtTheEnds() throws {
    var state = F.filled()
    #expect(state.selectedProtocol?.id == BuiltInProtocols.defaultID)
    state.focus = .consultingProtocol
    F.press(.up, into: &state)
    #expect(state.protocolIndex == 0)
    F.press(.down, .down, into: &state)
    #expect(try state.sessionSetup().consultingProtocol == BuiltInProtocols.all[2])
    for _ in 0..<10 { F.press(.down, into: &state) }
    #expect(state.protocolIndex == BuiltInProtocols.all.count - 1)
    #expect(state.focus == .consultingProtocol)
  }

  @Test func leftAndRightChooseTheProtocolAsItsArrowsShow() throws {
    var state = F.filled()
    state.focus = .consultingProtocol
    F.press(.right, .right, into: &state)
    #expect(state.protocolIndex == 2)
    F.press(.left, into: &state)
    #expect(state.protocolIndex == 1)
    for _ in 0..<5 { F.press(.left, into: &state) }
    #expect(state.protocolIndex == 0)
    #expect(state.focus == .consultingProtocol)
    // In a text field they still move the cursor.
    state.focus = .title
    let title = state.title
    F.press(.left, into: &state)
    #expect(state.protocolIndex == 0 && state.title.string == title.string)
  }

  @Test func theProtocolRowShowsRoundAndTotalTimeForThePresenters() {
    let state = F.filled()
    let lines = F.frame(state).lines
    let slg = BuiltInProtocols.all[0]
    let total = PhaseDuration.display(slg.totalSeconds(rounds: 4))
    #expect(
      lines.contains {
        $0.contains("\(PhaseDuration.display(slg.roundSeconds)) a round · 4 rounds: \(total)")
      })
  }

  @Test func previousProgrammesAreSuggestedAndPickedWithArrows() {
    var state = F.empty()
    state.focus = .programme
    #expect(state.programmeSuggestions == F.previousProgrammes)
    F.type("NIGHT-TIME", into: &state)
    #expect(state.programmeSuggestions == ["Night-time Economy"])
    F.press(.down, into: &state)
    #expect(state.programme.string == "Night-time Economy")
    F.press(.down, into: &state)
    #expect(state.programme.string == "NIGHT-TIME", "past the last suggestion is what was typed")
    F.press(.up, into: &state)
    #expect(state.programme.string == "Night-time Economy")
    F.press(.control("u"), into: &state)
    F.type("housing", into: &state)
    #expect(state.matchingPreviousProgramme == nil)
    F.type(" first", into: &state)
    #expect(state.matchingPreviousProgramme == "Housing First")
  }

  @Test func suggestionsIgnoreAccentsAndRepeats() {
    var state = SetupState(
      protocols: BuiltInProtocols.all,
      previousProgrammes: ["Santé mentale", "  ", "santé mentale", "Alcohol Plan"])
    #expect(state.previousProgrammes == ["Santé mentale", "Alcohol Plan"])
    state.focus = .programme
    F.type("sante", into: &state)
    #expect(state.programmeSuggestions == ["Santé mentale"])
  }

  @Test func aProgrammeMatchingAPreviousOneTakesItsSpelling() throws {
    var state = F.filled()
    state.focus = .programme
    F.press(.control("u"), into: &state)
    F.type("  alcohol PLAN ", into: &state)
    #expect(try state.sessionSetup().programme == "Alcohol Plan")
    F.press(.control("u"), into: &state)
    F.type(" Serious Violence Duty ", into: &state)
    #expect(try state.sessionSetup().programme == "Serious Violence Duty")
  }

  @Test func theProgrammeMayStayEmpty() throws {
    var state = F.filled()
    state.focus = .programme
    F.press(.control("u"), into: &state)
    #expect(try state.sessionSetup().programme == "")
  }

  // MARK: Slice

  @Test func theSliceWarnsOnOneLevelOrOneOrganisationOnly() {
    var state = F.empty()
    F.add(["A; Council; senior"], to: &state)
    #expect(state.sliceWarning == nil, "one person is not yet a group")
    F.add(["B; Council; senior"], to: &state)
    #expect(state.sliceWarning == "Not a slice across the system: all senior, all from Council")
    F.add(["C; NHS; senior"], to: &state)
    #expect(state.sliceWarning == "Not a slice across levels: everyone is senior")
    F.add(["D; NHS; frontline"], to: &state)
    #expect(state.sliceWarning == nil)
    var sameOrganisation = F.empty()
    F.add(["A; Police; other", "B; Police; middle"], to: &sameOrganisation)
    #expect(
      sameOrganisation.sliceWarning == "Not a slice across organisations: everyone is from Police")
    var unplaced = F.empty()
    F.add(["A; Police; other", "B; NHS; Other"], to: &unplaced)
    #expect(unplaced.sliceWarning == "Not a slice across levels: everyone is of level other")
  }

  @Test func theWarningNeverBlocksAStart() {
    var state = F.oneLevelOneOrganisation()
    #expect(state.sliceWarning != nil)
    guard case .start(let setup) = F.press(.control("g"), into: &state) else {
      Issue.record("a one-level group could not start")
      return
    }
    #expect(setup.slice.isSingleLevel && setup.slice.isSingleOrganisation)
  }

  // MARK: Start and cancel

  @Test func startProducesExactlyTheSetupEntered() {
    var state = F.filled()
    let expected = SessionSetup(
      title: "Night-time economy: who owns the problem?", programme: "Alcohol Plan",
      consultingProtocol: BuiltInProtocols.all[0],
      participants: [
        Participant(name: "Ben O'Neill", organisation: "NHS Devon", level: .frontline),
        Participant(name: "Asha Kaur", organisation: "City Council", level: .senior),
        Participant(name: "Chloé Dubois", organisation: "Devon & Cornwall Police", level: .middle),
        Participant(name: "山田 花子", organisation: "Hoe Community Trust", level: .frontline),
        Participant(name: "Siobhán Ó Briain", organisation: "City Council", level: .senior),
      ],
      rounds: [
        SessionRound(presenter: 0, focusQuestion: "Where does the late-night levy go?"),
        SessionRound(presenter: 1, focusQuestion: "How do I get licensing on board?"),
        SessionRound(presenter: 2),
        SessionRound(presenter: 3),
      ])
    #expect(F.press(.control("g"), into: &state) == .start(expected))
    state.focus = .start
    #expect(F.press(.enter, into: &state) == .start(expected), "Enter on Start starts too")
  }

  @Test func startWithoutATitleIsRefusedAndSendsFocusThere() {
    var state = F.filled()
    state.focus = .title
    F.press(.control("u"), .tab, .tab, into: &state)
    let before = state.members
    #expect(F.press(.control("g"), into: &state) == .stay)
    #expect(state.startRefused)
    #expect(state.focus == .title)
    #expect(state.members == before, "nothing is lost")
    #expect(
      F.frame(state).lines.contains { $0.contains("Cannot start: the session needs a title") })
  }

  @Test func startWithoutPeopleOrPresentersIsRefused() {
    var state = F.empty()
    F.type("Night-time economy", into: &state)
    #expect(
      F.frame(state).lines.contains {
        $0.contains("To start, the session needs at least one presenter")
      })
    #expect(F.press(.control("g"), into: &state) == .stay)
    #expect(state.focus == .newParticipant)
    F.add(["Asha; Council; senior"], to: &state)
    F.press(.tab, .control("t"), into: &state)
    state.focus = .start
    #expect(F.press(.enter, into: &state) == .stay)
    #expect(state.focus == .group)
    #expect(
      F.frame(state).lines.contains {
        $0.contains("Cannot start: the session needs at least one presenter")
      })
    F.press(.control("t"), into: &state)
    #expect(F.frame(state).lines.contains { $0.contains("Ready: 1 round, 1 h 10 min planned") })
  }

  @Test func aTypedButUnaddedPersonStopsAStart() {
    var state = F.filled()
    state.focus = .newParticipant
    F.type("Dev Patel; Plymouth Hospitals; middle", into: &state)
    state.focus = .start
    #expect(F.press(.enter, into: &state) == .stay)
    #expect(state.focus == .newParticipant)
    #expect(state.newParticipant.string == "Dev Patel; Plymouth Hospitals; middle")
    #expect(
      F.frame(state).lines.contains {
        $0.contains("Cannot start: add the typed person first (Enter)")
      })
    F.press(.enter, into: &state)
    guard case .start(let setup) = F.press(.control("g"), into: &state) else {
      Issue.record("did not start once the person was added")
      return
    }
    #expect(setup.participants.last?.name == "Dev Patel")
    #expect(setup.presenters == [0, 1, 2, 3, 5])
  }

  @Test func withoutProtocolsStartIsRefusedWithAReason() {
    var state = SetupState(protocols: [])
    F.type("T", into: &state)
    F.add(["Asha; Council; senior"], to: &state)
    #expect(F.press(.control("g"), into: &state) == .stay)
    let lines = F.frame(state).lines
    #expect(lines.contains { $0.contains("no protocols available") })
    #expect(
      lines.contains { $0.contains("Cannot start: no protocols; check the protocols folder") })
  }

  @Test func pastingSeveralLinesAddsEachPerson() {
    var state = F.empty()
    state.focus = .newParticipant
    // A paste arrives as keys; each newline is an Enter.
    for character in "Asha; Council; senior\nBen; NHS; frontline\n" {
      F.press(character == "\n" ? .enter : .character(character), into: &state)
    }
    #expect(state.members.map(\.participant.name) == ["Asha", "Ben"])
    #expect(state.newParticipant.isEmpty)
  }

  @Test func escOnAnEmptyFormCancelsAtOnce() {
    var state = F.empty()
    #expect(F.press(.escape, into: &state) == .cancel)
  }

  @Test func escOnAFilledFormAsksForASecondEsc() {
    var state = F.filled()
    #expect(F.press(.escape, into: &state) == .stay)
    #expect(state.confirmingCancel)
    #expect(F.frame(state).lines.contains { $0.contains("Esc again discards this setup") })
    // Any other key keeps the form and only answers, as every question's other keys do: it
    // was typed into the field too, a `y` meant as yes included, and Enter started.
    F.type("y", into: &state)
    #expect(!state.confirmingCancel)
    #expect(state.members[0].focusQuestion.string == "Where does the late-night levy go?")
    F.press(.escape, into: &state)
    #expect(F.press(.enter, into: &state) == .stay)
    #expect(!state.confirmingCancel)
    F.type("!", into: &state)
    #expect(state.members[0].focusQuestion.string == "Where does the late-night levy go?!")
    // A paste there clears the question and is taken whole: its start was taken as the
    // answer and lost.
    F.press(.escape, into: &state)
    _ = state.update(.text(" Ask them"), ScreenEnvironment(now: Date(timeIntervalSince1970: 0)))
    #expect(!state.confirmingCancel)
    #expect(state.members[0].focusQuestion.string == "Where does the late-night levy go?! Ask them")
    F.press(.escape, into: &state)
    #expect(F.press(.escape, into: &state) == .cancel)
  }

  // MARK: Rendering details

  @Test func theCursorIsInTheFocusedTextFieldOnly() {
    var state = F.empty()
    F.type("Zoë 日本", into: &state)
    var grid = Grid(width: 80, height: 24)
    let area = Rect(x: 0, y: 1, width: 80, height: 21)
    let cursor = SetupScreen.render(state, into: &grid, area: area)
    #expect(cursor?.x == 14 + "Zoë 日本".displayWidth)
    #expect(cursor?.y == 1)
    state.focus = .group
    #expect(SetupScreen.render(state, into: &grid, area: area) == nil)
  }

  @Test func aLargeGroupScrollsToKeepTheSelectionInView() {
    var state = F.empty()
    F.add((1...12).map { "Person \($0); Org \($0 % 3); middle" }, to: &state)
    state.focus = .group
    let lines = F.frame(state).lines
    #expect(lines.contains { $0.contains("▸  12   Person 12") })
    #expect(lines.contains { $0.contains("6–12 of 12") })
    #expect(!lines.contains { $0.contains("Person 1 ") })
  }

  @Test func tinyAreasStayInsideTheirArea() {
    let state = F.filled()
    let outside = Cell("#")
    for (width, height) in [(0, 0), (1, 1), (20, 5), (80, 3), (200, 60)] {
      // The area sits inside a larger grid filled with a marker, so a cell drawn outside
      // the area shows as a marker overwritten.
      var grid = Grid(width: width + 4, height: height + 4, fill: outside)
      let area = Rect(x: 2, y: 2, width: width, height: height)
      grid.fill(area)
      _ = SetupScreen.render(state, into: &grid, area: area)
      for y in 0..<grid.height {
        for x in 0..<grid.width
        where !((2..<2 + width).contains(x) && (2..<2 + height).contains(y)) {
          #expect(grid[x, y] == outside, "\(width)x\(height): drew at (\(x),\(y))")
        }
      }
      // An area large enough shows the form.
      if width >= 80 && height >= 24 {
        #expect(grid.lines.joined().contains("Night-time economy"), "\(width)x\(height)")
      }
    }
  }

  // MARK: Keymap

  @Test func everySetupKeyIsInTheKeymapAndNoneIsPrintable() {
    let bindings = Keymap.bindings(for: .setup)
    #expect(
      bindings.allSatisfy { $0.keys.allSatisfy { if case .character = $0 { false } else { true } } }
    )
    let handled: [Key] = [
      .tab, .backTab, .enter, .control("g"), .up, .down, .control("t"), .control("p"),
      .control("n"), .delete, .control("d"), .escape, .function(1),
    ]
    for key in handled {
      #expect(Keymap.action(for: key, in: .setup) != nil, "\(key) is handled but not in the keymap")
    }
  }

  @Test func theFooterShowsTheMainKeysAt80Columns() {
    let footer = F.frame(F.empty()).line(23)
    for binding in Keymap.footer(for: .setup) {
      #expect(
        footer.contains("\(binding.keys[0]) \(binding.label)"), "footer lacks \(binding.label)")
    }
  }

  /// The form's own keys show at once; the text fields' section scrolls into view.
  @Test func theHelpOverlayListsEverySetupKeyWithoutScrolling() {
    var grid = F.frame(F.empty())
    HelpOverlay.render(
      context: .setup, scroll: 0, into: &grid, area: Rect(x: 0, y: 1, width: 80, height: 21))
    expectGolden(grid, "setup-help-80x24")
    for binding in Keymap.bindings(for: .setup) {
      #expect(grid.lines.contains { $0.contains(binding.help) }, "help lacks '\(binding.help)'")
    }
  }
}
