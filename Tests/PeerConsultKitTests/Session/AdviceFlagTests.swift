import Foundation
import Testing

@testable import PeerConsultKit

/// "⚑ advice?" belongs to the note: decided when it is saved, from stems matched at the start
/// of any sentence (the protocol may add its own), and shown wherever the note is.
@Suite struct AdviceFlagTests {
  @Test(arguments: [
    "Have you thought about a joint panel?", "Why not ask licensing?",
    "So if I were you I'd call them.", "Thanks. You should talk to the police!",
    "Great point; have you considered the levy?", "“Don’t you think you should wait?”",
  ])
  func adviceInDisguiseIsFlagged(_ text: String) {
    #expect(AdviceDetector.startsLikeAdvice(text))
  }

  @Test(arguments: [
    "What would success look like?", "Why is the levy stuck?", "Who should own this?",
    "You shoulder a lot of this.", "",
  ])
  func openQuestionsAreNot(_ text: String) {
    #expect(!AdviceDetector.startsLikeAdvice(text))
  }

  @Test func aProtocolAddsItsOwnStems() {
    #expect(!AdviceDetector.startsLikeAdvice("What I'd do is phone them."))
    #expect(
      AdviceDetector.startsLikeAdvice("What I'd do is phone them.", extraStems: ["what id do"]))
    #expect(
      AdviceDetector.startsLikeAdvice("What I’d do is phone them.", extraStems: ["What I'd do"]))
  }

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
