import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The note being written when the program is ended by a signal: what the live screen keeps,
/// and how it comes back when the session is next opened.
@Suite struct NoteDraftScreenTests {
  @Test func theScreenKeepsTheNoteBeingWrittenAndNothingElse() throws {
    let f = try LiveFixture()
    #expect(f.live?.draftOnLeaving == nil)
    f.press(.enter)
    #expect(f.live?.draftOnLeaving == nil, "an empty note line keeps nothing")
    f.type("half a thought")
    guard case .keepDraft(let id, let draft)? = f.live?.draftOnLeaving else {
      Issue.record("nothing kept of a typed note")
      return
    }
    #expect(id == f.live?.sessionID)
    #expect(draft.content.text == "half a thought" && draft.editing == nil)
  }

  @Test func openingASessionBringsItsKeptNoteBackIntoTheNoteLine() throws {
    let f = try LiveFixture()
    let live = try #require(f.live)
    #expect(
      LiveState.show(live.sessionID, live.session, now: f.clock.now())
        .contains(.command(.loadDraft(live.sessionID))))
    f.writeNote("first note")
    let noteID = try #require(f.live?.session.notes.last?.id)
    let kept = NoteDraft(
      content: NoteContent(text: "first note, corrected", kind: .insight, speaker: 1),
      editing: noteID, base: "first note")
    try f.store.database.keepDraft(kept, of: live.sessionID, at: f.clock.now())
    f.runner.perform(.loadDraft(live.sessionID))
    let editor = try #require(f.live?.editor)
    #expect(String(editor.line.text) == "first note, corrected")
    #expect(editor.editing == noteID && editor.kind == .insight && editor.speaker == 1)
    // Said as a correction: Esc throws away the changes, not the note ("discards it" read as
    // deleting the action being corrected).
    #expect(
      f.runner.state.notice?.text
        == "This correction was being written when PeerConsult was closed: Enter saves it, Esc "
        + "discards the changes (the note stays as it was).")
    // Still kept until it is saved: a second end before then would lose nothing.
    #expect(try f.store.database.draft(of: live.sessionID) == kept)
    // It is a change to its note: Esc asks before throwing it away.
    f.press(.escape)
    #expect(f.live?.editor?.mode == .askingDiscard)
    f.press(.character("n"))
    // Enter saves it as the correction it was, and forgets it.
    f.press(.enter)
    #expect(f.live?.session.note(noteID)?.text == "first note, corrected")
    #expect(f.live?.session.visibleNotes.count == 1)
    #expect(try f.store.database.draft(of: live.sessionID) == nil)
  }

  @Test func aCorrectionIsKeptOnlyWhenChangedAndNeverOverwritesANoteChangedSince() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("Sam said so")
    let noteID = try #require(f.live?.session.notes.last?.id)
    f.press(.character("e"))
    #expect(f.live?.draftOnLeaving == nil, "an untouched correction keeps nothing")
    f.press(.backspace)
    guard case .keepDraft(_, let draft)? = f.live?.draftOnLeaving else {
      Issue.record("a changed correction is not kept")
      return
    }
    #expect(draft.editing == noteID && draft.base == "Sam said so")
    f.press(.escape, .character("y"))
    // Meanwhile the note is corrected elsewhere: the draft comes back as a new note, so that
    // Enter does not undo that correction.
    try f.store.database.keepDraft(draft, of: id, at: f.clock.now())
    let elsewhere = try LiveSession.resume(id, store: f.store.database, clock: f.clock)
    try elsewhere.editNote(noteID, to: NoteContent(text: "A colleague said so", kind: .other))
    f.runner.deliver(.liveSessionRefreshed(elsewhere.state))
    f.runner.perform(.loadDraft(id))
    #expect(f.live?.editor?.editing == nil)
    #expect(f.runner.state.notice?.text.contains("its note has changed since") == true)
    // Discarded: forgotten in the store too.
    f.press(.escape, .character("y"))
    #expect(f.live?.editor == nil)
    #expect(try f.store.database.draft(of: id) == nil)
    #expect(f.live?.session.note(noteID)?.text == "A colleague said so")
  }

  /// Saving a note forgets its kept draft in the same transaction: when the draft cannot be
  /// forgotten, the note is not saved either and stays in its line, so no end of the program
  /// between the two can bring a saved note back as a draft. A correction too.
  @Test func aSavedNoteForgetsItsDraftInTheSameTransaction() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.typeAndPause("already sav")
    #expect(try f.store.database.draft(of: id)?.content.text == "already sav")
    f.type("ed")
    f.store.failNextDraftForgetting = true
    f.press(.enter)
    #expect(f.live?.editor?.line.string == "already saved")
    #expect(f.live?.session.notes.isEmpty == true)
    #expect(try f.store.database.loadSession(id).notes.isEmpty)
    #expect(try f.store.database.draft(of: id)?.content.text == "already sav")
    // Saved, it is one write: no second one to forget the draft that went with it.
    var results: [ServiceResult] = []
    f.runner.resultObserver = { results.append($0) }
    f.press(.enter)
    f.runner.resultObserver = nil
    #expect(!results.contains(.draftStored))
    #expect(f.live?.session.visibleNotes.map(\.text) == ["already saved"])
    #expect(try f.store.database.draft(of: id) == nil)
    // A correction, kept at a pause, then saved while its draft cannot be forgotten.
    f.press(.character("e"), .end)
    f.type(" twice")
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id)?.content.text == "already saved twice")
    f.store.failNextDraftForgetting = true
    f.press(.enter)
    #expect(try f.store.database.loadSession(id).notes.map(\.text) == ["already saved"])
    f.press(.enter)
    #expect(try f.store.database.loadSession(id).notes.map(\.text) == ["already saved twice"])
    #expect(try f.store.database.draft(of: id) == nil)
  }

  /// A correction brought back from a kept draft is a change to its note: put back as the
  /// note says it (spaces at the ends aside), Esc closes it with nothing to ask.
  @Test func aCorrectionBroughtBackAndPutBackClosesOnEsc() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("Sam said so")
    let noteID = try #require(f.live?.session.notes.last?.id)
    let kept = NoteDraft(
      content: NoteContent(text: "Sam said so!", kind: .other), editing: noteID,
      base: "Sam said so")
    try f.store.database.keepDraft(kept, of: id, at: f.clock.now())
    f.runner.perform(.loadDraft(id))
    #expect(f.live?.editor?.editing == noteID)
    f.press(.backspace)
    f.type(" ")
    f.press(.escape)
    #expect(f.live?.editor == nil)
  }

  /// A draft is not judged saved by the notes that came after it: a note another program
  /// stored meanwhile (a sync, a window's review) leaves it to come back.
  @Test func aDraftKeptBeforeANoteFromElsewhereStillComesBack() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("First")
    let kept = NoteDraft(content: NoteContent(text: "half a thought", kind: .other))
    try f.store.database.keepDraft(kept, of: id, at: f.clock.now())
    f.clock.advance(by: 5)
    let elsewhere = try LiveSession.resume(id, store: f.store.database, clock: f.clock)
    try elsewhere.addNote(NoteContent(text: "From the other laptop", kind: .insight))
    f.runner.deliver(.liveSessionRefreshed(elsewhere.state))
    #expect(f.live?.session.visibleNotes.map(\.text) == ["First", "From the other laptop"])
    f.runner.perform(.loadDraft(id))
    #expect(f.live?.editor?.line.string == "half a thought")
    #expect(try f.store.database.draft(of: id) == kept)
  }

  /// A second note in the same words as the last one saved is a note of its own.
  @Test func aDraftInTheWordsOfTheLastNoteButKeptAfterItComesBack() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("Agreed")
    f.clock.advance(by: 5)
    let kept = NoteDraft(content: NoteContent(text: "Agreed", kind: .action, owner: 1))
    try f.store.database.keepDraft(kept, of: id, at: f.clock.now())
    f.runner.perform(.loadDraft(id))
    let editor = try #require(f.live?.editor)
    #expect(String(editor.line.text) == "Agreed" && editor.kind == .action && editor.owner == 1)
    #expect(try f.store.database.draft(of: id) == kept)
  }

  // MARK: kept at a pause in typing

  /// A program killed outright (`kill -9`, a power cut) keeps nothing on its way out: the
  /// note is kept once typing pauses, so no more than its last seconds can go.
  @Test func theNoteIsKeptOnceTypingPausesAndOnlyWhenItChanged() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    // The timer paused, nothing on screen moves: the loop would sleep until a key.
    f.press(.character(" "))
    #expect(f.runner.waitMilliseconds() == nil)
    f.press(.enter)
    f.type("half a")
    // Now it wakes at the pause by itself.
    #expect(f.runner.waitMilliseconds() == Int(DraftTouches.pause * 1000))
    f.advance(DraftTouches.pause - 0.5)
    #expect(try f.store.database.draft(of: id) == nil, "kept before the pause")
    #expect(f.runner.waitMilliseconds() == 500)
    f.advance(0.5)
    #expect(try f.store.database.draft(of: id)?.content.text == "half a")
    f.type(" thought")
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id)?.content.text == "half a thought")
    // Moving the cursor touches the note but changes nothing to keep: no write.
    try f.store.database.dropDraft(of: id)
    f.press(.left)
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id) == nil, "kept again though nothing changed")
    // Nothing touched: nothing pending, no wake-up for it.
    #expect(f.live?.draftTouched == nil)
  }

  @Test func typingWithoutAPauseIsKeptAtTheLongestStretch() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.press(.enter)
    var typed = ""
    // A key every second, never a pause of two.
    for second in 0..<Int(DraftTouches.longest) - 1 {
      typed += "\(second)"
      f.type("\(second)")
      f.advance(1)
    }
    #expect(try f.store.database.draft(of: id) == nil)
    f.type("x")
    f.advance(1)
    #expect(try f.store.database.draft(of: id)?.content.text == typed + "x")
  }

  @Test func aNoteKeptAtAPauseIsForgottenWhenSavedDiscardedOrEmptied() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.typeAndPause("to be saved")
    #expect(try f.store.database.draft(of: id) != nil)
    f.press(.enter)
    #expect(f.live?.session.visibleNotes.last?.text == "to be saved")
    #expect(try f.store.database.draft(of: id) == nil, "saved, yet kept")

    f.typeAndPause("to be discarded")
    #expect(try f.store.database.draft(of: id) != nil)
    f.press(.escape, .character("y"))
    #expect(f.live?.editor == nil)
    #expect(try f.store.database.draft(of: id) == nil, "discarded, yet kept")

    f.typeAndPause("ab")
    #expect(try f.store.database.draft(of: id) != nil)
    f.press(.backspace, .backspace)
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id) == nil, "emptied, yet kept")
  }

  @Test func aKeepThatFailsIsTriedAgainAtTheNextPause() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.press(.enter)
    f.type("words")
    f.store.failNextDraft = true
    f.advance(DraftTouches.pause)
    #expect(!f.store.failNextDraft, "no keep was tried")
    #expect(try f.store.database.draft(of: id) == nil)
    // One failure alone interrupts nobody; the note is still on screen and kept at the next
    // pause, even with no word changed since.
    #expect(f.runner.state.notice == nil)
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id)?.content.text == "words")
    // Two in a row (a full disk) are said, and the count starts again once one is kept.
    f.type(" more")
    f.store.failNextDraft = true
    f.advance(DraftTouches.pause)
    #expect(f.runner.state.notice == nil)
    f.store.failNextDraft = true
    f.advance(DraftTouches.pause)
    #expect(
      f.runner.state.notice?.text.hasPrefix("The note being written cannot be kept as you type: ")
        == true)
    #expect(f.runner.state.notice?.tone == .warning)
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id)?.content.text == "words more")
    #expect(f.live?.draftKeepFailures == 0)
  }

  /// A discard whose kept copy cannot be forgotten says so, and forgets it at the next try:
  /// before, it said "Not saved", and the note thrown away came back on resuming.
  @Test func aDiscardWhoseCopyCannotBeForgottenSaysSoAndForgetsItLater() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.typeAndPause("a thought to drop")
    f.store.failNextDraftForgetting = true
    f.press(.escape, .character("y"))
    #expect(f.live?.editor == nil)
    #expect(
      f.runner.state.notice?.text.hasPrefix(
        "The note is discarded here, but its kept copy could not be removed yet: ") == true)
    #expect(f.live?.draftOnLeaving == .dropDraft(id))
    f.press(.control("z"))
    #expect(try f.store.database.draft(of: id) == nil)
  }

  /// Ctrl-Z keeps the note being written before the program stops: stopped, it cannot keep
  /// it at the next pause, and killed while stopped it took the words with it.
  @Test func ctrlZKeepsTheNoteBeingWritten() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.press(.enter)
    f.type("typed just before Ctrl-Z")
    f.press(.control("z"))
    #expect(f.terminal.suspensions == 1)
    #expect(try f.store.database.draft(of: id)?.content.text == "typed just before Ctrl-Z")
    #expect(f.live?.editor?.line.string == "typed just before Ctrl-Z")
  }

  /// When the note being written cannot be kept (a full disk), `y` does not leave: the words
  /// would go with the screen after the question said they were kept.
  @Test func leavingWhenTheNoteCannotBeKeptStaysAndSaysSo() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.press(.enter)
    f.type("words to keep")
    f.store.failNextDraft = true
    f.press(.control("c"), .character("y"))
    #expect(f.live?.editor?.line.string == "words to keep")
    #expect(
      f.runner.state.notice?.text.hasPrefix(
        "Not left: the note being written could not be kept (") == true)
    #expect(try f.store.database.draft(of: id) == nil)
    // Tried again, it is kept and the screen left.
    f.press(.control("c"), .character("y"))
    #expect(f.live == nil)
    #expect(try f.store.database.draft(of: id)?.content.text == "words to keep")
  }

  /// Leaving with `q` or Ctrl-C then `y` keeps the note being written for the resume: before,
  /// the question said it was lost, and it was.
  @Test func leavingKeepsTheNoteBeingWrittenForTheResume() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.press(.enter)
    f.type("half a thought")
    f.press(.control("c"))
    #expect(f.text.contains("The note being written is kept for then."))
    f.press(.character("y"))
    #expect(try f.store.database.draft(of: id)?.content.text == "half a thought")
  }

  /// Words taken out after a pause kept them do not come back if the terminal closes then.
  @Test func aNoteEmptiedAfterAPauseIsForgottenOnASignalNotKept() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.typeAndPause("a remark to take back")
    #expect(try f.store.database.draft(of: id) != nil)
    f.press(.control("u"))
    #expect(f.live?.editor?.hasText == false)
    #expect(f.live?.draftOnLeaving == .dropDraft(id))
  }

  /// A correction is kept at a pause as a correction, and forgotten once put back as it was.
  @Test func aCorrectionIsKeptAtAPauseAndForgottenWhenPutBack() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("Sam said so")
    let noteID = try #require(f.live?.session.notes.last?.id)
    f.press(.character("e"))
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id) == nil, "an untouched correction kept")
    f.type("!")
    f.advance(DraftTouches.pause)
    let kept = try #require(try f.store.database.draft(of: id))
    #expect(kept.content.text == "Sam said so!" && kept.editing == noteID)
    #expect(kept.base == "Sam said so")
    f.press(.backspace)
    f.advance(DraftTouches.pause)
    #expect(try f.store.database.draft(of: id) == nil, "a correction put back still kept")
  }

  /// A correction of the kind alone (or of who spoke) is kept: it is what was being changed.
  @Test func aCorrectionOfTheKindAloneIsKept() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("Sam said so")
    let noteID = try #require(f.live?.session.notes.last?.id)
    let kind = try #require(f.live?.session.note(noteID)?.kind)
    f.press(.character("e"), .tab, .character(kind == .insight ? "t" : "i"))
    f.advance(DraftTouches.pause)
    let kept = try #require(try f.store.database.draft(of: id))
    #expect(kept.editing == noteID && kept.content.text == "Sam said so")
    #expect(kept.content.kind != kind)
  }
}
