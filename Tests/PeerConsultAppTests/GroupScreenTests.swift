import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// `a` (attendance) on the live screen: a latecomer joins as on the form, an absent presenter is skipped,
/// and the presenters still to come are reordered; each change is stored at once.
@Suite struct GroupScreenTests {
  private var group: (LiveFixture) -> GroupState? {
    { $0.runner.state.screen as? GroupState }
  }

  /// Moves the pick to `person`'s row, as the arrows do.
  /// Opens who is here (`w`): the session as it opened, its presenters to come, and someone
  /// who presents nothing.
  private func whoIsHere(_ f: LiveFixture) throws -> (
    before: SessionState, presenters: [Int], someoneElse: Int
  ) {
    f.press(.character("w"))
    let before = try #require(group(f)?.session)
    let presenters = before.presentersToCome
    let someoneElse = try #require(before.participants.indices.first { !presenters.contains($0) })
    return (before, presenters, someoneElse)
  }

  private func pick(_ person: Int, _ f: LiveFixture) throws {
    let row = try #require(group(f)?.rows.firstIndex(of: person))
    while let selection = group(f)?.selection, selection != row {
      f.press(selection < row ? .down : .up)
    }
  }

  /// Typed over who is here, "The plan failed" skipped a presenter at the space, marked her
  /// gone at "l" and opened the latecomer field at "a"; over the ratings, "The 3 things" rated
  /// someone 3. The sentence is a note on the live screen, and the room is as it was.
  @Test func aSentenceTypedOverWhoIsHereOrTheRatingsIsANote() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    let before = try #require(group(f)?.session)
    f.type("The plan failed")
    let live = try #require(f.live)
    #expect(live.editor?.line.string == "The plan failed")
    #expect(live.session.presentersToCome == before.presentersToCome)
    #expect(live.session.departures.isEmpty)
    f.press(.escape)
    f.type("y")
    f.press(.character("r"))
    #expect(f.live?.ratingSelection != nil)
    f.type("The 3 things")
    #expect(f.live?.ratingSelection == nil)
    #expect(f.live?.editor?.line.string == "The 3 things")
    #expect(f.live?.session.ratings.isEmpty == true)
  }

  /// A key of the live screen pressed over who is here, the schedule or the ratings does
  /// nothing there: `+` to add a minute while looking at the schedule opened a note of "+".
  @Test func aLiveKeyOverAPanelOpensNoNote() throws {
    let f = try LiveFixture()
    let before = try #require(f.live?.session)
    for panel: Character in ["w", "s", "r"] {
      f.press(.character(panel))
      for key: Character in ["+", "-", "n", "p", "e", "d", "x", "m", "g"] {
        f.press(.character(key))
        #expect(f.live?.editor == nil, "\(key) over \(panel)")
      }
      #expect(
        f.runner.state.screen is GroupState || f.live?.showSchedule == true
          || f.live?.ratingSelection != nil, "\(panel) still shown")
      f.press(.escape)
    }
    let after = try #require(f.live?.session)
    #expect(after.currentSlot == before.currentSlot && after.notes.isEmpty)
    #expect(after.timings == before.timings)
  }

  /// Tab in the latecomer field offers a standing group's members; a session of no group says
  /// so rather than doing nothing.
  @Test func tabOutsideAStandingGroupSaysWhatItIsFor() throws {
    let f = try LiveFixture()
    f.press(.character("w"), .character("a"))
    f.type("Dev")
    // The footer offers Tab only where it has someone to fill in.
    #expect(f.text.contains("Esc cancel"), "\(f.text)")
    #expect(!f.text.contains("Tab"), "\(f.text)")
    f.press(.tab)
    #expect(
      f.runner.state.notice?.text
        == "Tab fills in a member of a standing group: type the person in full.")
    #expect(group(f)?.field?.string == "Dev")
  }

  @Test func aLatecomerJoinsAndPresentsLastAt80x24() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    #expect(group(f) != nil)
    f.press(.character("a"))
    // Typing here is text: `q` does not leave.
    f.type("Dev O'Brien; Licensing; boss")
    f.press(.enter)
    #expect(f.runner.state.notice?.text.contains("level 'boss' is not senior") == true)
    for _ in 0..<4 { f.press(.backspace) }
    f.type("middle")
    f.press(.enter)
    #expect(
      f.runner.state.notice?.text
        == "Dev O'Brien joined: they can speak and own actions now; Space has them present.")
    // Added twice, said as what it is, not as a setup refused.
    f.press(.character("a"))
    f.type("dev o'brien; Council; senior")
    f.press(.enter)
    #expect(
      f.runner.state.notice?.text.contains(
        "Dev O'Brien is already in the session: add someone else, or tell two people of one "
          + "name apart (an initial).") == true, "\(String(describing: f.runner.state.notice))")
    // Alike but for case and an apostrophe: one person added twice, refused.
    f.press(.escape, .character("a"))
    f.type("Dev OBrien; Licensing; middle")
    f.press(.enter)
    #expect(
      f.runner.state.notice?.text.hasSuffix(
        "Dev OBrien looks like Dev O'Brien, already in the session: add someone else, or "
          + "tell two people apart (an initial).") == true)
    f.press(.escape)
    // Dev is the last row, below the two presenters to come and Amira.
    f.press(.down, .down, .down, .character(" "))
    let state = try #require(group(f))
    #expect(state.session.setup.presenters == [0, 2, 3])
    expectGolden(f.screen, "group-latecomer-80x24")
    f.press(.escape)
    let live = try #require(f.live)
    #expect(live.session.participants.map(\.name).last == "Dev O'Brien")
    #expect(live.session.setup.presenters == [0, 2, 3])
    let stored = try f.services.store().loadSession(live.sessionID)
    #expect(stored.setup.presenters == [0, 2, 3])
  }

  @Test func anAbsentPresenterIsSkippedAndAnotherMovedEarlier() throws {
    let f = try LiveFixture()
    f.press(.character("s"))
    #expect(f.text.contains("R2 Powerful questions · 王小明"))
    f.press(.escape, .character("w"))
    // 王小明 presents first; Zoë is absent and skipped.
    f.press(.down, .character("["))
    #expect(group(f)?.session.presentersToCome == [2, 0])
    #expect(group(f)?.selection == 0)
    f.press(.down, .character(" "))
    #expect(group(f)?.session.presentersToCome == [2])
    // The last presenter cannot be skipped.
    f.press(.up, .character(" "))
    #expect(f.runner.state.notice?.text == "A session keeps at least one presenter.")
    f.press(.character("q"), .character("s"))
    #expect(f.text.contains("R1 Presenting · 王小明"))
    #expect(!f.text.contains("Zoë Müller"))
  }
  /// The session runs on while `w` is open: its phase's end rings there, once, and not again
  /// back on the live screen.
  @Test func aPhaseEndingWhileWhoIsHereIsOpenStillRings() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    f.advance(119)
    #expect(f.terminal.bells == 0)
    f.advance(1)
    #expect(group(f) != nil)
    #expect(f.terminal.bells == 1 && f.terminal.flashes == 1)
    f.press(.escape)
    f.advance(1)
    #expect(f.live != nil)
    #expect(f.terminal.bells == 1)
  }

  /// Ctrl-C on `w` asks the live screen's question, and `y` leaves the session resumable; it
  /// asked whether to quit PeerConsult, and `y` ended the program. Asked over `w`, `n` stays
  /// there.
  @Test func ctrlCOverWhoIsHereLeavesTheSessionResumable() throws {
    let f = try LiveFixture()
    f.press(.character("w"), .control("c"))
    #expect(f.text.contains("Leave the session? It stays unfinished and can be resumed. y/n"))
    f.press(.character("n"))
    #expect(f.runner.state.screen is GroupState)
    // A latecomer half typed: the question says it is not kept, and `n` comes back to it.
    f.press(.character("a"))
    f.type("Sam Patel; Lic")
    f.press(.control("c"))
    #expect(f.text.contains("The person being typed is not kept. y/n"), "\(f.text)")
    f.press(.character("n"))
    #expect((f.runner.state.screen as? GroupState)?.field?.string == "Sam Patel; Lic")
    f.press(.escape)
    f.press(.control("c"), .character("y"))
    #expect(f.runner.state.screen is HomeState)
  }

  /// `a` follows up a standing group's earlier actions; a session of no group has none, and
  /// says so rather than showing an empty list.
  @Test func actionsFromLastTimeBelongToAStandingGroupsMeeting() throws {
    let f = try LiveFixture()
    f.press(.character("a"))
    #expect(f.live != nil)
    #expect(
      f.runner.state.notice?.text
        == "Only a standing group's meeting follows up actions from earlier meetings.")
  }

  /// Those whose rounds have begun are listed too, so that each of "N people" is somewhere:
  /// before, the screen said "3 people" and listed two once the first round began.
  @Test func whoPresentedIsListedToo() throws {
    let f = try LiveFixture()
    var presses = 0
    while (f.live?.session.roundsBegun ?? 0) < 1, presses < 20 {
      f.press(.character("n"))
      presses += 1
    }
    let live = try #require(f.live)
    let first = live.session.participants[live.session.setup.presenters[0]].name
    f.press(.character("w"))
    #expect(f.text.contains("Presented or presenting"), "\(f.text)")
    #expect(f.text.contains("R1 \(first)"), "\(f.text)")
    // The commonest early leaver, a presenter going after their round, can be marked so
    // (they could not be picked); they do not present again.
    let rows = try #require(group(f)?.rows)
    let presenter = live.session.setup.presenters[0]
    #expect(rows.last == presenter)
    for _ in rows.dropLast() { f.press(.down) }
    f.press(.character(" "))
    #expect(f.runner.state.notice?.text == "\(first) has presented: only l (left early) applies.")
    f.press(.character("l"))
    #expect(group(f)?.session.departures[presenter] != nil)
    #expect(f.text.contains("R1 \(first) · ") && f.text.contains(" · left "), "\(f.text)")
    // The ratings panel says so, rather than "not rated", which a facilitator waits on.
    f.press(.escape, .character("r"))
    #expect(f.text.contains("left early"), "\(f.text)")
  }

  /// `l` marks the picked person as gone before the end, with the time, and back again; a
  /// presenter still to come who leaves no longer presents.
  @Test func someoneWhoLeavesEarlyIsMarkedAndCanComeBackAt80x24() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    let rows = try #require(group(f)?.rows)
    let other = try #require(rows.last)
    let name = try #require(group(f)?.session.participants[other].name)
    f.press(.down, .down, .character("l"))
    #expect(
      f.runner.state.notice?.text == "\(name) left; l again if they come back.",
      "\(String(describing: f.runner.state.notice))")
    #expect(group(f)?.session.departures[other] != nil)
    #expect(f.text.contains("3 people · 1 left early · projected end"), "\(f.text)")
    expectGolden(f.screen, "group-left-early-80x24")
    // Someone gone cannot be given a round until they are back.
    f.press(.character(" "))
    #expect(f.runner.state.notice?.text == "\(name) has left: l marks them back first.")
    f.press(.character("l"))
    #expect(f.runner.state.notice?.text == "\(name) is back; Space has them present.")
    #expect(group(f)?.session.departures.isEmpty == true)
    // A presenter to come who leaves is taken out of the rounds.
    let first = rows[0]
    let presenter = try #require(group(f)?.session.participants[first].name)
    f.press(.up, .up, .character("l"))
    #expect(
      f.runner.state.notice?.text
        == "\(presenter) left and no longer presents; l again if they come back.")
    #expect(group(f)?.session.presentersToCome.contains(first) == false)
    f.press(.escape)
    let live = try #require(f.live)
    let stored = try f.services.store().loadSession(live.sessionID)
    #expect(stored.departures.keys.sorted() == [first])
  }

  /// `l` on a presenter still to come took them out of the rounds, and `l` again (a slip of
  /// the key, or back from the corridor) left them out: they present where they were to, with
  /// their focus question, unless the rounds to come changed in between.
  @Test func aPresenterMarkedBackAtOnceKeepsTheirRound() throws {
    let f = try LiveFixture()
    let (before, presenters, someoneElse) = try whoIsHere(f)
    #expect(presenters.count == 2)
    let first = presenters[0]
    let name = before.participants[first].name
    let round = before.roundsBegun
    let question = before.setup.rounds[round].focusQuestion
    #expect(question != nil)
    f.press(.character("l"))
    #expect(group(f)?.session.presentersToCome == [presenters[1]])
    f.press(.character("l"))
    #expect(
      f.runner.state.notice?.text == "\(name) is back and presents in round \(round + 1) again.",
      "\(String(describing: f.runner.state.notice))")
    let after = try #require(group(f)?.session)
    #expect(after.presentersToCome == presenters)
    #expect(after.departures.isEmpty)
    #expect(after.setup.rounds[round].focusQuestion == question)
    let stored = try f.services.store().loadSession(try #require(group(f)?.live.sessionID))
    #expect(stored.presentersToCome == presenters)
    // Back from the corridor: marked gone, the live screen shown, then who is here again.
    f.press(.character("l"), .escape, .character("w"))
    #expect(group(f)?.session.presentersToCome == [presenters[1]])
    try pick(first, f)
    f.press(.character("l"))
    #expect(group(f)?.session.presentersToCome == presenters)
    // Once the rounds to come changed in between (someone else given a round), back is back.
    f.press(.character("l"))
    try pick(someoneElse, f)
    f.press(.character(" "))
    #expect(group(f)?.session.presentersToCome == [presenters[1], someoneElse])
    try pick(first, f)
    f.press(.character("l"))
    #expect(f.runner.state.notice?.text == "\(name) is back; Space has them present.")
    #expect(group(f)?.session.presentersToCome == [presenters[1], someoneElse])
    #expect(group(f)?.session.departures.isEmpty == true)
  }

  /// A presenter and someone who presents nothing step out together and come back in either
  /// order: the presenter still gets their round back. Marking the other one cleared it.
  @Test func aPresenterKeepsTheirRoundWhenSomeoneElseStepsOutToo() throws {
    let f = try LiveFixture()
    let (before, presenters, someoneElse) = try whoIsHere(f)
    let first = presenters[0]
    let name = before.participants[first].name
    let round = before.roundsBegun
    for backFirst in [someoneElse, first] {
      try pick(first, f)
      f.press(.character("l"))
      try pick(someoneElse, f)
      f.press(.character("l"))
      #expect(group(f)?.session.departures.count == 2)
      try pick(backFirst, f)
      f.press(.character("l"))
      try pick(backFirst == first ? someoneElse : first, f)
      f.press(.character("l"))
      #expect(group(f)?.session.departures.isEmpty == true)
      #expect(group(f)?.session.presentersToCome == presenters, "back first: \(backFirst)")
      let notice = f.runner.state.notice?.text ?? ""
      #expect(
        backFirst == first
          ? notice.hasSuffix("is back; Space has them present.")
          : notice == "\(name) is back and presents in round \(round + 1) again.", "\(notice)")
    }
  }

  /// A presenter back after the rounds to come changed is not given their old round later,
  /// when a reorder happens to bring the old order back.
  @Test func aPresenterBackWithoutTheirRoundIsNotRestoredLater() throws {
    let f = try LiveFixture()
    let (_, presenters, someoneElse) = try whoIsHere(f)
    let first = presenters[0]
    f.press(.character("l"))
    try pick(someoneElse, f)
    f.press(.character(" "))
    try pick(first, f)
    f.press(.character("l"))
    #expect(group(f)?.leftPresenter == nil)
    // Given a round again by hand, the other's taken away and moved first: the old order,
    // said as a change of the presenters to come, not as a return.
    f.press(.character(" "))
    try pick(someoneElse, f)
    f.press(.character(" "))
    try pick(first, f)
    f.press(.character("["))
    #expect(group(f)?.session.presentersToCome == presenters)
    #expect(
      f.runner.state.notice?.text == "Presenters to come changed; the schedule follows.",
      "\(String(describing: f.runner.state.notice))")
  }

  /// Review's list of who took part (`w` on a transcript) says when someone left early, as
  /// the minutes' attendee list does.
  /// `f` gives the picked presenter a focus question (one added during the session had none)
  /// or restates theirs; empty takes it away; someone not presenting is told how.
  @Test func aPresentersFocusQuestionIsGivenAndRestatedFromWhoIsHere() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    // 王小明, second to present, has none.
    f.press(.down, .character("f"))
    #expect(group(f)?.keyContext == .focusQuestion)
    // Typing here is text: `q` does not leave.
    f.type("How do I get custody suites and A&E to talk?")
    expectGolden(f.screen, "group-focus-question-80x24")
    #expect(group(f)?.typedHereNotKept == "The focus question being typed")
    f.press(.enter)
    #expect(
      f.runner.state.notice?.text
        == "王小明's focus question for round 2 saved.")
    #expect(group(f)?.field == nil)
    let stored = try f.services.store().loadSession(try #require(group(f)?.live.sessionID))
    #expect(stored.setup.rounds[1].focusQuestion == "How do I get custody suites and A&E to talk?")
    // Amira does not present.
    f.press(.down, .character("f"))
    #expect(group(f)?.field == nil)
    #expect(
      f.runner.state.notice?.text == "Amira O'Neill does not present: Space has them present first."
    )
    // Zoë's opens on hers; emptied, it is taken away; Esc before Enter keeps it.
    f.press(.up, .up, .character("f"))
    #expect(group(f)?.field?.string == "How do we share ownership?")
    f.press(.escape)
    #expect(group(f)?.field == nil && group(f)?.keyContext == .group)
    f.press(.character("f"), .control("u"), .enter)
    #expect(f.runner.state.notice?.text == "Zoë Müller has no focus question in round 1.")
    f.press(.escape)
    let live = try #require(f.live)
    #expect(
      live.session.setup.rounds.map(\.focusQuestion) == [
        nil, "How do I get custody suites and A&E to talk?",
      ])
  }

  /// A long organisation gives way to the level and the times, in the live list and review's
  /// people; a round not begun is still to present there.
  @Test func aLongOrganisationLeavesTheTimesInView() throws {
    let f = try LiveFixture()
    f.advance(10 * 60)
    f.press(.character("w"), .character("a"))
    f.type("Priya Ramanathan-Clarke; Leeds Teaching Hospitals NHS Trust; frontline")
    f.press(.enter)
    let rows = try #require(group(f)?.rows)
    for _ in rows.dropLast() { f.press(.down) }
    f.advance(5 * 60)
    f.press(.character("l"))
    let line = try #require(f.screen.lines.first { $0.contains("Priya") })
    #expect(
      line.contains("Priya Ramanathan-Clarke · Lee… · frontline · arrived 08:10 · left 08:15"),
      "\(line)")
    #expect(f.screen.lines.allSatisfy { $0.displayWidth <= 80 })
    let session = try #require(group(f)?.session)
    let utc = TimeZone(identifier: "UTC")!
    var state = AppState(
      screen: TranscriptState(
        sessionID: try #require(group(f)?.live.sessionID), session: session, screenWidth: 80,
        timeZone: utc, back: ReviewState(sessions: [], programmes: [])),
      width: 80, height: 24)
    state.timeZone = utc
    _ = App.update(&state, .key(.character("w")))
    let text = App.render(state).grid.lines
    #expect(
      text.contains {
        $0.contains("Leeds Teaching") && $0.contains("frontline · arrived 08:10 · left 08:15")
      },
      "\(text.joined(separator: "\n"))")
    #expect(
      text.contains { $0.contains("senior · presents round 1") }, "\(text.joined(separator: "\n"))")
  }

  @Test func reviewsPeopleSayWhoLeftEarlyAndWhoCameLateAndWhen() throws {
    let f = try LiveFixture()
    f.advance(25 * 60)
    f.press(.character("w"))
    let rows = try #require(group(f)?.rows)
    let other = try #require(rows.last)
    for _ in rows.dropLast() { f.press(.down) }
    f.press(.character("l"))
    f.advance(5 * 60)
    f.press(.character("a"))
    f.type("Dev O'Brien; Licensing; middle")
    f.press(.enter)
    let session = try #require(group(f)?.session)
    let arrivedAt = try #require(session.arrivals[session.participants.count - 1])
    // The live list says it too.
    let arrivedText = LiveScreen.time(arrivedAt, TimeZone(identifier: "UTC")!)
    #expect(
      f.text.contains("Dev O'Brien · Licensing · middle · arrived \(arrivedText)"), "\(f.text)")
    f.press(.escape)
    let live = try #require(f.live)
    let utc = TimeZone(identifier: "UTC")!
    var state = AppState(
      screen: TranscriptState(
        sessionID: live.sessionID, session: live.session, screenWidth: 80, timeZone: utc,
        back: ReviewState(sessions: [], programmes: [])),
      width: 80, height: 24)
    state.timeZone = utc
    _ = App.update(&state, .key(.character("w")))
    let text = App.render(state).grid.lines.joined(separator: "\n")
    let leftAt = try #require(live.session.departures[other])
    let time = ReadableTime(timeZone: utc).time(leftAt)
    let person = live.session.participants[other]
    #expect(
      text.contains("\(person.organisation) · \(person.level.rawValue) · left \(time)"),
      "\(text)")
    let arrived = ReadableTime(timeZone: utc).time(arrivedAt)
    #expect(text.contains("Licensing · middle · arrived \(arrived)"), "\(text)")
  }
}
