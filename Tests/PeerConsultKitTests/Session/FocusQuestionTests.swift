import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// A round's focus question given during the session (a presenter added then had none) or
/// restated at the end of the probing questions, as the Consultancy Protocol asks.
@Suite struct FocusQuestionTests {
  /// Round 0 is Ben's ("How do I get licensing on board?"), round 1 Asha's, without one.
  @Test func aQuestionIsGivenRestatedAndTakenAwayAndEveryViewAgrees() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    try live.next()
    // Round 1, Asha's, is still to come: given a question.
    try live.setFocusQuestion(round: 1, "  How do I keep the night bus running?  ")
    #expect(live.state.setup.rounds[1].focusQuestion == "How do I keep the night bus running?")
    #expect(
      live.state.schedule.filter { $0.round == 1 }.allSatisfy {
        $0.focusQuestion == "How do I keep the night bus running?"
      })
    // Round 0 has begun: Ben restates his.
    try live.setFocusQuestion(round: 0, "How do I get licensing to own the plan?")
    #expect(live.state.current?.focusQuestion == "How do I get licensing to own the plan?")
    let events = try store.database.events(of: live.id).count
    // The same again stores nothing.
    try live.setFocusQuestion(round: 0, "How do I get licensing to own the plan? ")
    #expect(try store.database.events(of: live.id).count == events)
    // Stored, replayed, projected for the harvest and read back through a snapshot.
    #expect(try store.database.loadSession(live.id) == live.state)
    let payload = try SessionSnapshot.payload(of: live.state)
    #expect(SessionSnapshot.state(fromPayload: payload) == live.state)
    let projected = try store.database.read { db in
      try String?.fetchAll(
        db, sql: "SELECT focus_question FROM rounds WHERE session_id = ? ORDER BY round",
        arguments: [live.id.rawValue])
    }
    #expect(
      projected == [
        "How do I get licensing to own the plan?", "How do I keep the night bus running?",
      ])
    // A presenter skipped keeps the question given, and has it back when given a round again.
    try live.rearrangePresenters([])
    #expect(live.state.setup.rounds.count == 1)
    try live.rearrangePresenters([0])
    #expect(live.state.setup.rounds[1].focusQuestion == "How do I keep the night bus running?")
    // Blank takes it away.
    try live.setFocusQuestion(round: 1, "   ")
    #expect(live.state.setup.rounds[1].focusQuestion == nil)
    #expect(try store.database.loadSession(live.id) == live.state)
    // The minutes show the question as it stands.
    let record = try store.database.record(of: live.id)
    let markdown = try SessionExport.render(
      [record], as: .markdown, options: ShareOptions(timeZone: TimeZone(identifier: "UTC")!))
    #expect(markdown.contains("How do I get licensing to own the plan?"), "\(markdown)")
    #expect(!markdown.contains("How do I get licensing on board?"))
  }

  @Test func whatCannotBeAFocusQuestionIsRefused() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    #expect(throws: SessionError.self) { try live.setFocusQuestion(round: 2, "Which round?") }
    #expect(throws: SessionError.self) {
      try live.setFocusQuestion(
        round: 1, String(repeating: "why ", count: SessionSetup.maximumFocusQuestionLength))
    }
    #expect(throws: SessionError.self) { try live.setFocusQuestion(round: 1, "Who\u{1B}[2J?") }
    // An event with a blank question, as a crafted file could hold, is refused by the replay.
    var state = live.state
    #expect(throws: SessionError.self) {
      try state.apply(.focusQuestionSet(round: 1, question: " "), at: store.clock.now())
    }
    // Nothing but zero-width spaces shows nothing: blank too.
    #expect(throws: SessionError.self) {
      try state.apply(
        .focusQuestionSet(round: 1, question: "\u{200B}\u{2060}"), at: store.clock.now())
    }
    // The largest round number a file can hold is refused in words, not by a trap on its sum.
    #expect(throws: SessionError.self) {
      try state.apply(.focusQuestionSet(round: .max, question: "Why?"), at: store.clock.now())
    }
    #expect(throws: SessionError.self) {
      try state.apply(.roundsRearranged(from: .max, presenters: [0]), at: store.clock.now())
    }
    #expect(throws: SessionError.self) {
      try state.apply(.focusQuestionSet(round: -1, question: "Why?"), at: store.clock.now())
    }
    try live.finish()
    #expect(throws: SessionError.self) { try live.setFocusQuestion(round: 1, "Too late?") }
    #expect(live.state.setup.rounds[1].focusQuestion == nil)
    #expect(
      try store.database.events(of: live.id).allSatisfy { $0.event.type != .focusQuestionSet })
  }

  /// An anonymised export names the suspects it let out without a choice: in a question as the
  /// rounds end up with it, wherever rearranging moved it, and not in one restated since.
  @Test func theSuspectsLineCountsTheQuestionsAsShared() throws {
    let store = try StoreFixture()
    var setup = Fixtures.setup()
    setup.rounds[0].focusQuestion = "Should I ask Quentin first?"
    let live = try store.live(setup)
    try live.start()
    // Ben's question restated; Asha's given, then her round moved before his.
    try live.setFocusQuestion(round: 0, "How do I get licensing on board?")
    try live.setFocusQuestion(round: 1, "Should I ask Rosie at Derriford?")
    try live.rearrangePresenters([0, 1])
    #expect(live.state.setup.rounds[0].focusQuestion == "Should I ask Rosie at Derriford?")
    let streamed = try SessionExport.stream(
      [live.id], from: store.database, as: .markdown, anonymise: true,
      timeZone: TimeZone(identifier: "UTC")!
    ) { _ in }
    let named = Set(streamed.undecidedSuspects.map(\.text))
    #expect(named.contains("Rosie") && named.contains("Derriford"), "\(named)")
    #expect(!named.contains("Quentin"), "\(named)")
  }

  /// The question names people as any text may: erasure and anonymising reach it in the event
  /// as they do in the setup, and an import checks it as it checks the form's.
  @Test func aRestatedQuestionIsErasedAnonymisedAndCheckedOnImport() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    try live.setFocusQuestion(round: 1, "How do I get Chloé's team to share the data?")
    let record = try store.database.record(of: live.id)
    let anonymised = try SessionExport.render(
      [record], as: .json,
      options: ShareOptions(anonymise: true, timeZone: TimeZone(identifier: "UTC")!))
    #expect(!anonymised.contains("Chloé"), "\(anonymised)")
    // The derived rounds come from the anonymised events: the question restated, scrubbed.
    #expect(anonymised.contains("How do I get [Participant C]'s team to share the data?"))

    _ = try store.database.erasePerson(named: "Chloé", at: store.clock.now())
    let erased = try store.database.events(of: live.id)
    let question = erased.compactMap { recorded -> String? in
      if case .focusQuestionSet(_, let question) = recorded.event { return question }
      return nil
    }
    #expect(question.count == 1)
    #expect(question.first?.contains("Chloé") == false, "\(question)")

    var events = try store.database.events(of: live.id)
    #expect(throws: Never.self) { try SessionImport.checked(live.id, events, path: "in.json") }
    let set = try #require(events.firstIndex { $0.event.type == .focusQuestionSet })
    events[set] = RecordedEvent(
      sequence: events[set].sequence, at: events[set].at,
      event: .focusQuestionSet(
        round: 1,
        question: String(repeating: "a", count: SessionSetup.maximumFocusQuestionLength + 1)))
    #expect(throws: ImportError.self) {
      try SessionImport.checked(live.id, events, path: "in.json")
    }
  }
}
