import Testing

@testable import PeerConsultKit

@Suite struct AdviceDetectorTests {
  @Test(arguments: [
    "Have you tried talking to licensing?",
    "have   you TRIED the pubwatch scheme",
    "  You should ask the police",
    "You shouldn't wait for the council",
    "Why don't you ask them?",
    "Why don\u{2019}t you ask them?",
    "why dont you ask them",
    "If I were you, I'd escalate",
    "Don't you think you should tell them?",
    "Don\u{2019}t you think you should tell them?",
    "\u{201C}Have you tried\u{201D} asking?",
    "- you should delegate",
    "Have\tyou\ntried it?",
  ])
  func adviceDressedAsAQuestionIsSpotted(text: String) {
    #expect(AdviceDetector.startsLikeAdvice(text))
  }

  @Test(arguments: [
    "What have you tried so far?",
    "What would success look like?",
    "You shoulder a lot of this",
    "Have you?",
    "Why do you think it stalls?",
    "Should you be the one?",
    "",
    "   ",
  ])
  func realQuestionsAreLeftAlone(text: String) {
    #expect(!AdviceDetector.startsLikeAdvice(text))
  }

  @Test func onlyQuestioningPhasesAreFlagged() {
    #expect(AdviceDetector.shouldFlag("You should ask", in: Fixtures.questions))
    #expect(!AdviceDetector.shouldFlag("You should ask", in: Fixtures.sense))
  }

  @Test func theStateFlagsAdviceInItsCurrentPhase() throws {
    let live = try LiveFixture()
    #expect(!live.session.state.looksLikeAdvice("You should ask"))
    try live.session.start()
    try live.session.next()
    #expect(!live.session.state.looksLikeAdvice("You should ask"))
    try live.session.next()
    #expect(live.session.state.current?.phase.noteKind == .question)
    #expect(live.session.state.looksLikeAdvice("You should ask"))
    #expect(!live.session.state.looksLikeAdvice("What do you need?"))
  }

  @Test(arguments: [
    "Have you thought about a joint panel?", "Why not ask licensing?",
    "So if I were you I'd call them.", "Thanks. You should talk to the police!",
    "Great point; have you considered the levy?", "“Don’t you think you should wait?”",
  ])
  func stemsMatchAtTheStartOfAnySentence(_ text: String) {
    #expect(AdviceDetector.startsLikeAdvice(text))
  }

  @Test(arguments: [
    "What would success look like?", "Why is the levy stuck?", "Who should own this?",
    "You shoulder a lot of this.", "",
  ])
  func openQuestionsInAnySentenceAreNot(_ text: String) {
    #expect(!AdviceDetector.startsLikeAdvice(text))
  }

  @Test func aProtocolAddsItsOwnStems() {
    #expect(!AdviceDetector.startsLikeAdvice("What I'd do is phone them."))
    #expect(
      AdviceDetector.startsLikeAdvice("What I'd do is phone them.", extraStems: ["what id do"]))
    #expect(
      AdviceDetector.startsLikeAdvice("What I’d do is phone them.", extraStems: ["What I'd do"]))
  }
}
