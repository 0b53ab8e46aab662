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

  @Test func openingASessionTakesItsKeptNoteBackIntoTheNoteLine() throws {
    let f = try LiveFixture()
    let live = try #require(f.live)
    #expect(
      LiveState.show(live.sessionID, live.session, now: f.clock.now())
        .contains(.command(.takeDraft(live.sessionID))))
    f.press(.enter)
    f.type("first note")
    f.press(.enter)
    let noteID = try #require(f.live?.session.notes.last?.id)
    let kept = NoteDraft(
      content: NoteContent(text: "first note, corrected", kind: .insight, speaker: 1),
      editing: noteID)
    try f.store.database.keepDraft(kept, of: live.sessionID, at: f.clock.now())
    f.runner.perform(.takeDraft(live.sessionID))
    let editor = try #require(f.live?.editor)
    #expect(String(editor.line.text) == "first note, corrected")
    #expect(editor.editing == noteID && editor.kind == .insight && editor.speaker == 1)
    #expect(f.text.contains("was being written when PeerConsult was closed"))
    // Taken once: a later opening finds nothing to bring back.
    #expect(try f.store.database.takeDraft(of: live.sessionID) == nil)
    // Enter saves it as the correction it was.
    f.press(.enter)
    #expect(f.live?.session.note(noteID)?.text == "first note, corrected")
    #expect(f.live?.session.visibleNotes.count == 1)
  }
}
