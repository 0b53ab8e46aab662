import Foundation
import Testing

@testable import PeerConsultKit

/// "⚑ advice?" belongs to the note: decided when it is saved (``AdviceDetectorTests`` has
/// the stems), kept after moving on, and shown wherever the note is.
@Suite struct AdviceFlagTests {
  @Test func theFlagIsStoredWithTheNoteAndStaysAfterMovingOn() throws {
    var setup = Fixtures.setup()
    setup.consultingProtocol.adviceStems = ["a quick tip"]
    let live = try LiveFixture(setup)
    try live.session.start()
    try live.session.next()
    try live.session.next()  // Questions: notes are questions
    let flagged = try live.session.addNote(
      NoteContent(text: "Good. Why not ask the police?", kind: .question))
    let tip = try live.session.addNote(NoteContent(text: "A quick tip: call them", kind: .question))
    let open = try live.session.addNote(NoteContent(text: "What is stopping you?", kind: .question))
    #expect(flagged.content.looksLikeAdvice && tip.content.looksLikeAdvice)
    #expect(!open.content.looksLikeAdvice)
    try live.session.next()  // Sense-making: the flag stays with the note
    #expect(live.session.state.note(1)?.content.looksLikeAdvice == true)
    // Rephrased, it clears; the stored session agrees.
    try live.session.editNote(1, to: NoteContent(text: "Who else could you ask?", kind: .question))
    #expect(live.session.state.note(1)?.content.looksLikeAdvice == false)
    let stored = try live.store.loadSession(live.session.id)
    #expect(stored == live.session.state)
    #expect(stored.setup.consultingProtocol.adviceStems == ["a quick tip"])
    // Shown in the plain text of `show` and in exports.
    let record = try SessionRecord(
      id: live.session.id, events: live.store.events(of: live.session.id))
    let text = SessionExport.plainText([record], timeZone: TimeZone(identifier: "UTC")!)
    #expect(text.contains("A quick tip: call them ⚑ advice?"))
    #expect(!text.contains("Who else could you ask? ⚑"))
  }
}
