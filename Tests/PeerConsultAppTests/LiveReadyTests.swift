import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A new session opens ready, not running: set-up, check-in chatter and latecomers cost no
/// phase time until Space starts the first phase.
@Suite struct LiveReadyTests {
  @Test func aNewSessionWaitsForSpaceAt80x24() throws {
    let f = try LiveFixture(started: false)
    f.advance(300)
    let live = try #require(f.live)
    #expect(!live.session.isStarted)
    #expect(f.text.contains("02:00 left of 02:00"))
    #expect(f.text.contains("Space starts the first phase"))
    #expect(f.screen.lines.last?.contains("Space start ") == true)
    expectGolden(f.screen, "live-ready-80x24")
    f.press(.character(" "))
    #expect(f.live?.session.isStarted == true)
    f.advance(30)
    #expect(f.text.contains("01:30 left of 02:00"))
    #expect(f.screen.lines.last?.contains("Space pause ") == true)
  }

  /// `n` before the start starts the first phase, as Space does, and says so: someone
  /// pressing it to skip the check-in found themselves timing it, unsaid.
  @Test func nBeforeTheStartStartsTheFirstPhaseAndSaysSo() throws {
    let f = try LiveFixture(started: false)
    f.press(.character("n"))
    #expect(f.live?.session.isStarted == true)
    #expect(f.live?.session.currentSlot == 0)
    #expect(
      f.runner.state.notice?.text
        == "The first phase has started; n moves on to the next, Space pauses.")
    f.press(.character("n"))
    #expect(f.live?.session.currentSlot == 1)
    #expect(f.runner.state.notice?.text.hasPrefix("The first phase") != true)
  }

  /// Enter before the start opens the note line, so what is typed next is the note, not keys
  /// (`n` would start the timer and a second `n` move on a phase); saving it starts the first
  /// phase, as Space would have, and files the note there. The line says so before Enter.
  @Test func aNoteWrittenBeforeTheStartIsTypedAndSavingItStartsTheFirstPhase() throws {
    let f = try LiveFixture(started: false)
    f.advance(45)
    f.press(.enter)
    f.type("Apologies: Sam, not in; q p n s")
    f.advance(30)
    let typing = try #require(f.live)
    #expect(!typing.session.isStarted && typing.session.notes.isEmpty)
    #expect(typing.editor?.line.string == "Apologies: Sam, not in; q p n s")
    #expect(f.text.contains("02:00 left of 02:00"))
    // Kept at the typing's pause, as after the start: a crash now loses none of it.
    let id = typing.sessionID
    #expect(try f.store.database.draft(of: id)?.content.text == "Apologies: Sam, not in; q p n s")
    expectGolden(f.screen, "live-ready-note-80x24")
    f.press(.enter)
    let live = try #require(f.live)
    #expect(live.editor == nil && live.session.isStarted && live.session.currentSlot == 0)
    #expect(live.session.notes.count == 1)
    let note = try #require(live.session.notes.first)
    #expect(note.text == "Apologies: Sam, not in; q p n s" && note.slot == 0)
    #expect(note.kind == .other && note.createdAt == f.clock.now())
    #expect(try f.store.database.draft(of: id) == nil)
    f.advance(10)
    #expect(f.text.contains("01:50 left of 02:00"))
  }

  /// Given up after its start was stored and its note was not, the note leaves the phase
  /// running on screen as in the store: Space pauses it, `n` does not skip it unseen.
  @Test func aNoteGivenUpAfterOnlyItsStartWasStoredLeavesThePhaseRunning() throws {
    let f = try LiveFixture(started: false)
    let sync = RecordingLiveSync(recordingCommits: true)
    f.services.liveSync = sync
    f.press(.enter)
    f.type("Late start")
    f.store.failNextNote = true
    f.press(.enter)
    // The start is stored: a shared store is given it at once, as any stored event.
    #expect(sync.calls == ["committed 5e551011"])
    f.press(.escape, .character("y"))
    f.advance(30)
    #expect(f.text.contains("01:30 left of 02:00"))
    f.press(.character(" "))
    #expect(f.live?.session.isPaused == true)
  }

  /// Saving says that the phase started; the line opened before the start says it will, and
  /// a note kept from before the start says it on coming back.
  @Test func whatIsSaidAboutTheStartAsTheNoteIsOpenedSavedAndBroughtBack() throws {
    let f = try LiveFixture(started: false)
    f.press(.enter)
    #expect(f.runner.state.notice?.text.contains("saving this note starts the first phase") == true)
    f.type("Apologies")
    f.press(.enter)
    #expect(f.runner.state.notice?.text == "Note saved; the first phase has started.")
    f.writeNote("Second")
    #expect(f.runner.state.notice?.text == "Note saved.")
    let g = try LiveFixture(started: false)
    let id = try #require(g.live?.sessionID)
    try g.store.database.keepDraft(
      NoteDraft(content: NoteContent(text: "Apologies", kind: .other)), of: id, at: g.clock.now())
    g.runner.perform(.loadDraft(id))
    #expect(
      g.runner.state.notice?.text.contains("Enter saves it and starts the first phase") == true)
  }

  /// Where the details leave no room, the flag gives way rather than hide the owner.
  @Test func theFlagBeforeTheStartNeverCoversTheDetails() throws {
    /// The details row of an action owned by Amira, written before the start at `width`.
    func details(width: Int, height: Int) throws -> String {
      let f = try LiveFixture(width: width, height: height, started: false)
      f.press(.enter)
      f.type("Ask licensing")
      f.press(.control("o"))
      f.type("am")
      f.press(.enter)
      return try #require(f.screen.lines.first { $0.contains("kind: action") })
    }
    // At 80 columns the details take the row: the flag gives way.
    let narrow = try details(width: 80, height: 24)
    #expect(narrow.contains("owner: Amira O'Neill [Ctrl-O]") && !narrow.contains("saving starts"))
    let roomy = try details(width: 120, height: 30)
    #expect(roomy.contains("owner: Amira O'Neill [Ctrl-O]") && roomy.contains("saving starts"))
  }

  /// Discarded, a note begun before the start starts nothing.
  @Test func aNoteBegunBeforeTheStartAndDiscardedStartsNothing() throws {
    let f = try LiveFixture(started: false)
    f.press(.enter)
    f.type("n")
    f.press(.escape, .character("y"))
    let live = try #require(f.live)
    #expect(live.editor == nil && !live.session.isStarted && live.session.notes.isEmpty)
  }

  /// In a protocol whose first phase is the first round's presentation, the note is the
  /// presenter's, as one written after Space would be, and the rounds still to come can be
  /// rearranged afterwards.
  @Test func beforeTheStartOfAFirstRoundTheNoteIsThePresenters() throws {
    let drill = LiveFixture.drill
    let noOpening = ConsultingProtocol(
      id: "no-opening", name: "No opening", description: drill.description, opening: [],
      round: drill.round, closing: drill.closing)
    let f = try LiveFixture(consultingProtocol: noOpening, started: false)
    f.writeNote("Wants to start with the budget")
    let live = try #require(f.live)
    #expect(live.session.notes.count == 1)
    let note = try #require(live.session.notes.first)
    #expect(note.kind == .insight && note.speaker == live.session.setup.presenters.first)
    #expect(live.session.isStarted && live.session.currentSlot == 0)
    #expect(live.session.roundsBegun == 1)
  }

  /// A failed save leaves the note in its line; the next Enter saves it once, whether the
  /// failed try started the phase or not.
  @Test func aNoteBeforeTheStartThatFailsToSaveIsSavedOnceByTheNextEnter() throws {
    for failingStart in [true, false] {
      let f = try LiveFixture(started: false)
      f.press(.enter)
      f.type("Late start")
      if failingStart { f.store.failNextAppend = true } else { f.store.failNextNote = true }
      f.press(.enter)
      let failed = try #require(f.live)
      #expect(failed.editor?.line.string == "Late start" && failed.session.notes.isEmpty)
      #expect(f.runner.state.notice?.text.contains("Not saved") == true)
      // The screen shows the session as stored: running when only the note failed.
      let asStored = try f.store.database.loadSession(failed.sessionID)
      #expect(failed.session.isStarted == asStored.isStarted)
      #expect(asStored.isStarted == !failingStart)
      f.press(.enter)
      let live = try #require(f.live)
      #expect(live.editor == nil && live.session.isStarted)
      #expect(live.session.notes.map(\.text) == ["Late start"])
      let stored = try f.store.database.record(of: live.sessionID).events
      #expect(stored.filter { $0.event == .phaseStarted(slot: 0) }.count == 1)
    }
  }

  @Test func theFooterSaysResumeWhilePaused() throws {
    let f = try LiveFixture()
    f.press(.character(" "))
    #expect(f.live?.session.isPaused == true)
    #expect(f.screen.lines.last?.contains("Space resume ") == true)
  }

  @Test func resumingASessionLeftBeforeItsStartKeepsItReady() throws {
    let f = try LiveFixture(started: false)
    let id = try #require(f.live?.sessionID)
    f.press(.character("q"), .character("y"))
    f.advance(600)
    f.runner.perform(.resume(id))
    let live = try #require(f.live)
    #expect(!live.session.isStarted)
    #expect(f.text.contains("02:00 left of 02:00"))
  }
}
