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
    #expect(
      f.runner.state.notice?.text.contains("was being written when PeerConsult was closed") == true)
    // Still kept until it is saved: a second end before then would lose nothing.
    #expect(try f.store.database.draft(of: live.sessionID) == kept)
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
    f.runner.perform(
      .session(.editNote(noteID, NoteContent(text: "A colleague said so", kind: .other))))
    f.runner.perform(.loadDraft(id))
    #expect(f.live?.editor?.editing == nil)
    #expect(f.runner.state.notice?.text.contains("its note has changed since") == true)
    // Discarded: forgotten in the store too.
    f.press(.escape, .character("y"))
    #expect(f.live?.editor == nil)
    #expect(try f.store.database.draft(of: id) == nil)
    #expect(f.live?.session.note(noteID)?.text == "A colleague said so")
  }

  @Test func aDraftSavedBeforeItCouldBeForgottenIsNotBroughtBack() throws {
    let f = try LiveFixture()
    let id = try #require(f.live?.sessionID)
    f.writeNote("already saved")
    try f.store.database.keepDraft(
      NoteDraft(content: NoteContent(text: "already saved", kind: .other)), of: id,
      at: f.clock.now())
    f.runner.perform(.loadDraft(id))
    #expect(f.live?.editor == nil)
    #expect(try f.store.database.draft(of: id) == nil)
  }
}
