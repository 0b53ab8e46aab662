import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct LiveScreenRenderTests {
  @Test func openingEveryoneSpeaksAt80x24() throws {
    let f = try LiveFixture()
    expectGolden(f.screen, "live-opening-80x24")
  }

  @Test func presenterSpeaksWithFocusQuestionAt120x40() throws {
    let f = try LiveFixture(width: 120, height: 40)
    f.press(.character("n"))
    f.advance(75)
    expectGolden(f.screen, "live-presenter-120x40")
  }

  @Test func groupSpeaksWithNotesAt80x24() throws {
    let f = try LiveFixture()
    f.press(.character("n"), .character("n"))
    f.press(.enter)
    f.type("What have you already tried?")
    // Shift-Tab, the start of Amira's name, Enter: she is the speaker.
    f.press(.backTab)
    f.type("am")
    f.press(.enter, .enter)
    f.advance(30)
    f.press(.enter)
    f.type("Have you tried a joint licensing panel?")
    f.press(.enter)
    expectGolden(f.screen, "live-group-notes-80x24")
  }

  @Test func facilitatorSpeaksInTheClosing() throws {
    let f = try LiveFixture()
    for _ in 0..<5 { f.press(.character("n")) }
    #expect(f.text.contains("Speaks now: the facilitator"))
    #expect(f.text.contains("Process review · phase 1 of 1 · closing"))
  }

  @Test func pausedAmberRedAndOvertime() throws {
    let f = try LiveFixture()
    f.press(.character(" "))
    f.advance(500)
    expectGolden(f.screen, "live-paused-80x24")
    #expect(f.text.contains("02:00 left of 02:00"))
    f.press(.character(" "))
    f.advance(97)  // 23 s left of 120: 19%, amber
    #expect(f.text.contains("00:23 left"))
    #expect(timerStyle(f) == Theme.amber)
    f.advance(18)  // 5 s left: red
    #expect(timerStyle(f) == Theme.red)
    f.advance(70)
    #expect(f.text.contains("+01:05 over of 02:00"))
    expectGolden(f.screen, "live-overtime-80x24")
  }

  private func timerStyle(_ f: LiveFixture) -> Style {
    // The big digits start at column 1 of the body's third row.
    f.screen[1, 3].style
  }

  @Test func editorShowsKindSpeakerAndAdviceFlag() throws {
    let f = try LiveFixture(width: 120, height: 40)
    f.press(.character("n"), .character("n"), .enter)
    f.type("You should talk to licensing")
    expectGolden(f.screen, "live-editor-120x40")
    #expect(f.text.contains("advice or question?"))
    // The text cursor stands just after the typed text on the editor's line.
    let lines = f.screen.lines
    let row = try #require(lines.firstIndex { $0.contains("Note ▸ You should talk to licensing") })
    let end = try #require(lines[row].range(of: "licensing")?.upperBound)
    let cursor = try #require(f.terminal.cursor)
    #expect(cursor.y == row)
    #expect(cursor.x == lines[row][..<end].count)
  }

  @Test func scheduleShowsEveryPhaseAndAirtime() throws {
    let f = try LiveFixture()
    f.advance(100)
    f.press(.character("n"))
    f.advance(200)
    f.press(.character("s"))
    expectGolden(f.screen, "live-schedule-80x24")
    f.press(.escape)
    #expect(f.live?.showSchedule == false)
  }

  @Test func helpOverlayListsLiveAndEditorKeys() throws {
    let f = try LiveFixture(width: 120, height: 40)
    f.press(.character("?"))
    expectGolden(f.screen, "live-help-120x40")
    for binding in Keymap.bindings(for: .live) {
      #expect(f.text.contains(binding.help), "help lacks \(binding.help)")
    }
  }
}

@Suite struct LiveScreenBehaviourTests {
  @Test func typingNeverTriggersACommand() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("n p q s ? + - x d e m")
    #expect(f.live?.session.currentSlot == 0)
    #expect(f.runner.state.overlay == nil)
    #expect(f.live?.editor?.line.string == "n p q s ? + - x d e m")
    f.press(.enter)
    #expect(f.live?.editor == nil)
    #expect(f.live?.session.visibleNotes.map(\.text) == ["n p q s ? + - x d e m"])
  }

  @Test func escOnAnEmptyNoteClosesIt() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("  ")
    f.press(.escape)
    #expect(f.live?.editor == nil)
    #expect(f.live?.session.visibleNotes.isEmpty == true)
  }

  /// A paste with the note line closed is a note: the line opens with it, before the start
  /// too (which it does not start), and over the schedule, which closes for it.
  @Test func aPasteWithTheNoteLineClosedOpensItWithThePaste() throws {
    let f = try LiveFixture()
    f.runner.handle(.paste("Sam: the levy\nis unfair"))
    #expect(f.live?.editor?.line.string == "Sam: the levy is unfair")
    // Asked whether to discard the note, the line takes no text: the paste is dropped, and
    // the question stays (any key would have answered it).
    f.press(.escape)
    f.runner.handle(.paste("not an answer"))
    #expect(f.live?.editor?.mode == .askingDiscard)
    #expect(f.live?.editor?.line.string == "Sam: the levy is unfair")
    f.press(.character("y"))
    // Over the schedule, the paste is a note too: the schedule closes for it.
    f.press(.character("s"))
    #expect(f.live?.showSchedule == true)
    f.runner.handle(.paste("a note all the same"))
    #expect(f.live?.showSchedule == false)
    #expect(f.live?.editor?.line.string == "a note all the same")
    let ready = try LiveFixture(started: false)
    ready.runner.handle(.paste("Apologies from Sam"))
    #expect(ready.live?.editor?.line.string == "Apologies from Sam")
    #expect(ready.live?.session.isStarted == false)
    #expect(
      ready.runner.state.notice?.text.contains("saving this note starts the first phase") == true)
    // "Note saved." does not stay under a note just pasted, which is not saved yet.
    let saved = try LiveFixture()
    saved.press(.enter)
    saved.type("A first note")
    saved.press(.enter)
    #expect(saved.runner.state.notice?.text == "Note saved.")
    saved.runner.handle(.paste("A second note, pasted"))
    #expect(saved.live?.editor?.line.string == "A second note, pasted")
    #expect(saved.runner.state.notice == nil)
  }

  /// A correction asks before throwing its changes away, in words that do not sound like
  /// deleting the note; opened and left unchanged, Esc closes it with nothing to ask.
  @Test func escOnACorrectionAsksOnlyWhenSomethingChanged() throws {
    let f = try LiveFixture()
    f.writeNote("Sam said so")
    f.press(.character("e"), .escape)
    #expect(f.live?.editor == nil)
    f.press(.character("e"), .tab, .character("t"), .escape)
    #expect(f.text.contains("Discard these changes? y discards (the note stays)"))
    #expect(!f.text.contains("Discard this note?"))
    f.press(.character("y"))
    #expect(f.live?.editor == nil && f.live?.session.visibleNotes.first?.kind == .other)
    // Put back as it was, it has nothing to discard either.
    f.press(.character("e"))
    f.type("!")
    f.press(.backspace, .escape)
    #expect(f.live?.editor == nil)
    // Saved with a space more, it stores nothing, and says so rather than "updated".
    f.press(.character("e"))
    f.type(" ")
    f.press(.enter)
    #expect(f.runner.state.notice == LiveScreen.nothingToSaveNotice)
    #expect(f.live?.session.visibleNotes.first?.history.isEmpty == true)
    f.press(.character("e"))
    f.type(" again")
    f.press(.enter)
    #expect(f.runner.state.notice == LiveScreen.noteUpdatedNotice)
  }

  @Test func escOnANoteWithTextAsksAndOnlyYDiscards() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("draft")
    f.press(.left)
    f.press(.escape)
    #expect(f.text.contains("Discard this note?"))
    // Any other key (here `n`, which is not typed) returns to the text as it was.
    f.press(.character("n"))
    #expect(f.live?.editor?.line.string == "draft")
    #expect(f.live?.editor?.line.cursor == 4)
    #expect(!f.text.contains("Discard this note?"))
    for key in [Key.escape, .enter, .control("c"), .tab] {
      f.press(.escape, key)
      #expect(f.live?.editor?.line.string == "draft", "after Esc, \(key)")
      #expect(f.live?.editor?.mode == .writing)
    }
    f.press(.escape, .character("y"))
    #expect(f.live?.editor == nil)
    #expect(f.live?.session.visibleNotes.isEmpty == true)
  }

  @Test func noteKeepsKindSpeakerAndOwner() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Draft a joint licensing letter")
    // Ctrl-S, "a", Enter: Amira speaks. Ctrl-O, "z", Enter: Zoë owns it, which makes the
    // note an action.
    f.press(.control("s"))
    f.type("a")
    f.press(.enter, .control("o"))
    f.type("z")
    f.press(.enter)
    #expect(f.live?.editor?.kind == .action)
    f.press(.enter)
    let note = try #require(f.live?.session.visibleNotes.last)
    #expect(note.kind == .action)
    #expect(note.speaker == 1)
    #expect(note.owner == 0)
    f.press(.character("x"))
    #expect(f.live?.session.visibleNotes.last?.isDone == true)
  }

  /// An action saved without an owner says so while the room can still agree one, and how
  /// to give it one.
  @Test func anActionSavedWithNoOwnerSaysHowToGiveItOne() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Ask the council for the levy figures")
    f.press(.tab)
    f.type("a")
    #expect(f.live?.editor?.kind == .action)
    f.press(.enter)
    #expect(f.runner.state.notice == LiveScreen.ownerlessActionNotice)
    #expect(f.text.contains("Action saved with no owner: e, then Ctrl-O, gives it one."))
    f.press(.character("e"), .control("o"))
    f.type("z")
    f.press(.enter, .enter)
    let note = try #require(f.live?.session.visibleNotes.last)
    #expect(note.kind == .action && note.owner == 0)
    #expect(f.runner.state.notice == LiveScreen.noteUpdatedNotice)
    // With an owner from the start, a plain "Note saved.".
    f.press(.enter)
    f.type("Share the rota")
    f.press(.control("o"))
    f.type("a")
    f.press(.enter, .enter)
    #expect(f.runner.state.notice?.text == "Note saved.")
  }

  /// Enter on a search for a speaker that matches no one (a name the keyboard cannot type)
  /// closes the search and says so: the words typed next go into the note. Before, the search
  /// stayed open, the question typed next went into it, and Esc threw it away.
  @Test func enterOnASpeakerSearchMatchingNoOneGoesBackToTheNote() throws {
    let f = try LiveFixture()
    f.press(.enter, .control("s"))
    f.type("mar")
    f.press(.enter)
    #expect(f.live?.editor?.keyContext == .editor)
    #expect(f.runner.state.notice?.text.hasPrefix("No name has a part starting “mar”") == true)
    f.type("What would a good night look like?")
    f.press(.enter)
    let note = try #require(f.live?.session.visibleNotes.last)
    #expect(note.text == "What would a good night look like?")
    #expect(note.speaker == nil)
    // The same for an owner, the speaker picked before unchanged.
    f.press(.enter, .control("s"))
    f.type("a")
    f.press(.enter, .control("o"))
    f.type("qqq")
    f.press(.enter)
    f.type("Ask the council")
    f.press(.enter)
    let second = try #require(f.live?.session.visibleNotes.last)
    #expect(second.text == "Ask the council" && second.speaker == 1 && second.owner == nil)
    // Typed on into the search without Enter, the words go into the note with the Enter that
    // closes it, rather than away.
    f.press(.enter)
    f.type("Who ")
    f.press(.control("s"))
    f.type("mar what would a good night look like?")
    f.press(.enter)
    #expect(f.live?.editor?.line.string == "Who mar what would a good night look like?")
    #expect(f.runner.state.notice?.text.hasSuffix("it went into the note.") == true)
  }

  @Test func editAndDeleteTheLatestOrPickedNote() throws {
    let f = try LiveFixture()
    for text in ["first", "second"] {
      f.press(.enter)
      f.type(text)
      f.press(.enter)
    }
    f.press(.up, .up, .character("e"))
    #expect(f.live?.editor?.editing == 1)
    f.press(.control("u"))
    f.type("first, corrected")
    f.press(.enter)
    #expect(f.live?.session.note(1)?.text == "first, corrected")
    #expect(f.live?.session.note(1)?.history.count == 1)
    f.press(.down, .down, .character("d"))
    #expect(f.runner.state.overlay != nil)
    f.press(.enter)
    #expect(f.live?.session.visibleNotes.map(\.text) == ["first, corrected"])
    #expect(f.live?.session.note(2)?.isDeleted == true)
  }

  @Test func pauseNextPreviousAndMinutes() throws {
    let f = try LiveFixture()
    f.advance(30)
    f.press(.character(" "))
    f.advance(600)
    #expect(f.text.contains("PAUSED"))
    #expect(f.text.contains("01:30 left"))
    f.press(.character(" "), .character("+"))
    #expect(f.text.contains("02:30 left of 03:00"))
    f.press(.character("-"), .character("-"))
    #expect(f.text.contains("00:30 left of 01:00"))
    f.press(.enter)
    f.type("kept")
    f.press(.enter, .character("n"), .character("n"), .character("p"), .character("p"))
    #expect(f.live?.session.currentSlot == 0)
    #expect(f.live?.session.visibleNotes.map(\.text) == ["kept"])
  }

  @Test func bellAndFlashOnceAtZeroUnlessMuted() throws {
    let f = try LiveFixture()
    f.advance(119)
    #expect(f.terminal.bells == 0)
    f.advance(1)
    #expect(f.terminal.bells == 1)
    #expect(f.terminal.flashes == 1)
    f.advance(5)
    #expect(f.terminal.bells == 1)
    f.press(.character("n"), .character("m"))
    f.advance(400)
    #expect(f.terminal.bells == 1)
  }

  @Test func waitsExactlyUntilTheNextSecond() throws {
    let f = try LiveFixture()
    f.advance(0.25)
    // The next second of the display is 0.75 s away (rounded up to whole milliseconds).
    let wait = try #require(f.runner.waitMilliseconds())
    #expect((750...755).contains(wait))
    f.press(.character(" "))
    #expect(f.runner.waitMilliseconds() == nil)
  }

  @Test func quitAsksThenLeavesResumable() throws {
    let f = try LiveFixture()
    f.advance(30)
    f.press(.enter)
    f.type("Before leaving")
    f.press(.enter)
    f.press(.character("q"))
    #expect(f.runner.state.overlay != nil)
    f.press(.character("n"))
    #expect(f.live != nil)
    let left = try #require(f.live)
    f.press(.character("q"), .character("y"))
    guard f.runner.state.screen is HomeState else {
      Issue.record("did not return home")
      return
    }
    // Resumed later, the session carries on where it was left: same phase, its note, its
    // timer running on from the same start, and new notes are saved.
    f.advance(10)
    let resumed = AppRunner(terminal: f.terminal, services: f.services, state: f.runner.state)
    resumed.perform(.resume(left.sessionID))
    guard let live = resumed.state.screen as? LiveState else {
      Issue.record("resuming did not show the live screen")
      return
    }
    #expect(live.sessionID == left.sessionID)
    #expect(live.session.current == left.session.current)
    #expect(live.session.visibleNotes.map(\.text) == ["Before leaving"])
    #expect(!live.session.isFinished && !live.session.isPaused)
    // 120 s planned, 30 s before leaving and 10 s away: the phase's clock never stopped.
    let remaining = try #require(live.session.remaining(at: f.clock.now()))
    #expect(abs(remaining - 80) < 0.001)
    resumed.handle(.key(.enter))
    for c in "After resuming" { resumed.handle(.key(.character(c))) }
    resumed.handle(.key(.enter))
    #expect(resumed.state.notice?.text == "Note saved.")
    guard let after = resumed.state.screen as? LiveState else {
      Issue.record("the live screen was left")
      return
    }
    #expect(after.session.visibleNotes.map(\.text) == ["Before leaving", "After resuming"])
    let exiting = try LiveFixture(leavesProgram: true)
    #expect(exiting.press(.character("q"), .character("y")) == 0)
  }

  @Test func nextPastTheLastPhaseShowsTheSummary() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Shared data dashboard")
    f.press(.control("o"))
    f.type("zo")
    f.press(.enter, .enter)
    for _ in 0..<6 { f.press(.character("n")) }
    guard let summary = f.runner.state.screen as? SummaryState else {
      Issue.record("no summary")
      return
    }
    #expect(summary.session.isFinished)
    #expect(f.text.contains("Shared data dashboard → Zoë Müller"))
    #expect(f.press(.character("q")) == nil)
    guard f.runner.state.screen is HomeState else {
      Issue.record("q on the summary did not return home")
      return
    }
  }

  @Test func failedSaveKeepsTheNoteInTheEditor() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type(String(repeating: "x", count: 10))
    f.store.failNextAppend = true
    f.press(.enter)
    #expect(f.live?.editor?.line.string == String(repeating: "x", count: 10))
    #expect(f.runner.state.notice?.tone == .error)
    f.press(.enter)
    #expect(f.live?.editor == nil)
    #expect(f.live?.session.visibleNotes.count == 1)
  }
}

@Suite struct NoteLimitTests {
  @Test func textPastTheLimitIsRefusedOutLoudAndTheRestIsSaved() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type(String(repeating: "a", count: NoteContent.maximumLength - 1) + "bcd")
    #expect(f.live?.editor?.line.text.count == NoteContent.maximumLength)
    #expect(f.text.contains("A note holds up to 10,000 characters; the rest was not added."))
    f.press(.enter)
    #expect(f.runner.state.notice?.text == "Note saved.")
    #expect(f.live?.session.visibleNotes.last?.text.hasSuffix("ab") == true)
  }
}

@Suite struct ProcessRatingTests {
  @Test func ratingsAreStoredAndSummarised() throws {
    let f = try LiveFixture()
    for _ in 0..<5 { f.press(.character("n")) }
    f.press(.character("r"))
    expectGolden(f.screen, "live-ratings-80x24")
    f.press(.character("4"), .down, .character("5"))
    #expect(f.live?.session.ratings == [0: 4, 1: 5])
    #expect(f.text.contains("★★★★★"))
    f.press(.escape)
    #expect(f.live?.ratingSelection == nil)
    f.press(.character("n"))
    #expect(f.text.contains("more rows below"))
    f.press(.pageDown)
    #expect(f.text.contains("Process rating: average 4.5 out of 5, from 2 people"))
  }

  @Test func digitsStayOnThePickedPersonAndBackspaceClears() throws {
    let f = try LiveFixture()
    f.press(.character("r"))
    #expect(f.text.contains("─ Rating Zoë Müller · 1-5 rate · ⌫ clear"))
    f.press(.character("2"), .character("4"))
    #expect(f.live?.session.ratings == [0: 4])
    #expect(f.live?.ratingSelection == 0)
    f.press(.down)
    #expect(f.text.contains("─ Rating Amira O'Neill"))
    f.press(.backspace)
    #expect(f.runner.state.notice?.text == "Amira O'Neill has no rating to clear.")
    f.press(.up, .backspace)
    #expect(f.live?.session.ratings.isEmpty == true)
    // A digit that is no rating says so; it did nothing without a word.
    f.press(.character("6"))
    #expect(
      f.runner.state.notice?.text == "A rating is 1 (poor) to 5 (excellent); Backspace clears one.")
    #expect(f.live?.session.ratings.isEmpty == true)
    let stored = try f.services.store().loadSession(try #require(f.live?.sessionID))
    #expect(stored.ratings.isEmpty)
    // q closes the panel, as it leaves the schedule, rather than doing nothing.
    f.press(.character("q"))
    #expect(f.live?.ratingSelection == nil)
    #expect(f.runner.state.overlay == nil)
  }

  @Test func digitsRateOnlyInThePanel() throws {
    let f = try LiveFixture()
    f.press(.character("4"))
    #expect(f.live?.session.ratings.isEmpty == true)
  }
}

@Suite struct PasteTests {
  @Test func aPasteGoesIntoTheNoteAndNeverActsAsKeys() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.runner.handle(.paste("first line\nq\nn then more"))
    #expect(f.live?.editor?.line.string == "first line q n then more")
    #expect(f.live?.session.currentSlot == 0)
    #expect(f.runner.state.overlay == nil)
  }

  @Test func aPasteWithNoOpenNoteIsIgnored() throws {
    let f = try LiveFixture()
    f.runner.handle(.paste("nnnnq"))
    #expect(f.live?.session.currentSlot == 0)
    #expect(f.runner.state.overlay == nil)
  }
}

@Suite struct SummaryRenderTests {
  /// A finished session with notes of every summary section and one rating.
  private func finished(width: Int, height: Int) throws -> LiveFixture {
    let f = try LiveFixture(width: width, height: height)
    /// Tab and a kind's letter choose the kind; Ctrl-O and a name's start, the owner.
    func note(_ text: String, kind: Character? = nil, owner: String? = nil) {
      f.press(.enter)
      f.type(text)
      if let kind {
        f.press(.tab)
        f.type(String(kind))
      }
      if let owner {
        f.press(.control("o"))
        f.type(owner)
        f.press(.enter)
      }
      f.press(.enter)
    }
    note("Licensing and public health rarely meet", kind: "t")
    note("The night-time economy forum works well", kind: "w")
    note("No shared data on alcohol-related admissions", kind: "b")
    note("Draft a joint data-sharing agreement", owner: "ami")
    f.advance(150)
    for _ in 0..<5 { f.press(.character("n")) }
    note("Equal airtime helped; we ran over in questions")
    f.press(.character("r"), .character("4"), .escape)
    f.press(.character("n"))
    return f
  }

  @Test func summaryAt80x24() throws {
    let f = try finished(width: 80, height: 24)
    expectGolden(f.screen, "summary-80x24")
  }

  @Test func summaryAt120x40() throws {
    let f = try finished(width: 120, height: 40)
    expectGolden(f.screen, "summary-120x40")
    #expect(f.text.contains("Draft a joint data-sharing agreement → Amira O'Neill"))
    #expect(f.text.contains("Process rating: average 4.0 out of 5, from 1 person"))
  }

  @Test func summaryScrolls() throws {
    let f = try finished(width: 80, height: 24)
    let before = f.screen.line(2)
    f.press(.pageDown)
    #expect(f.screen.line(2) != before)
  }
}

@Suite struct LiveAt120x40Tests {
  @Test func pausedAndOvertimeUseTheRoom() throws {
    let f = try LiveFixture(width: 120, height: 40)
    f.press(.character(" "))
    expectGolden(f.screen, "live-paused-120x40")
    f.press(.character(" "))
    f.advance(200)
    expectGolden(f.screen, "live-overtime-120x40")
    #expect(f.screen[1, 3].style == Theme.red)
  }
}

@Suite struct LongGuidanceTests {
  @Test func builtInGuidanceFitsAndMarksWhatIsCut() throws {
    let small = try LiveFixture(consultingProtocol: BuiltInProtocols.systemsLearningGroup)
    small.press(.character("n"), .character("n"))
    expectGolden(small.screen, "live-slg-questions-80x24")
    // The transcript keeps its rows: its rule line is still on screen.
    #expect(small.text.contains("─ Transcript"))
    let large = try LiveFixture(
      width: 120, height: 40, consultingProtocol: BuiltInProtocols.systemsLearningGroup)
    large.press(.character("n"), .character("n"))
    expectGolden(large.screen, "live-slg-questions-120x40")
    // At 120x40 the whole guidance shows: nothing is cut.
    let guidance = BuiltInProtocols.systemsLearningGroup.round[1].guidance
    let lastWord = String(guidance.split(separator: " ").last ?? "")
    #expect(large.text.contains(lastWord))
  }

  @Test func fitMarksTheCut() {
    #expect(LiveScreen.fit(["a", "b", "c"], rows: 2, width: 10) == ["a", "b…"])
    #expect(LiveScreen.fit(["a", "b"], rows: 2, width: 10) == ["a", "b"])
    #expect(LiveScreen.fit(["abcdefghij", "x"], rows: 1, width: 10) == ["abcdefghi…"])
    #expect(LiveScreen.fit(["a"], rows: 0, width: 10).isEmpty)
  }
}

/// Picking a note in the live transcript keeps it in view without hiding the rest.
@Suite struct TranscriptSelectionTests {
  @Test func anOlderNotePickedKeepsTheNewerOnesInViewBelowIt() throws {
    let f = try LiveFixture()
    for number in 1...5 { f.writeNote("note number \(number)") }
    f.press(.up, .up, .up)  // the newest, then two back: note 3
    let picked = try #require(f.live?.selectedNote)
    #expect(f.live?.session.notes.first { $0.id == picked }?.text == "note number 3")
    let text = f.text
    for number in 1...5 {
      #expect(text.contains("note number \(number)"), "note \(number) is hidden:\n\(text)")
    }
  }
}
