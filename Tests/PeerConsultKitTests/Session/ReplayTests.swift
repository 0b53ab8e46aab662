import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Replaying the stored events must rebuild exactly the state the live session holds.
@Suite struct ReplayTests {
  @Test(arguments: [1, 2, 3] as [UInt64])
  func aLongRandomSessionReplaysExactly(seed: UInt64) throws {
    let live = try LiveFixture()
    var random = SeededGenerator(seed: seed)
    var refused = 0
    for step in 0..<3000 {
      live.clock.advance(by: Double(Int.random(in: 0...20_000, using: &random)) / 997)
      do {
        try RandomCommand.run(on: live.session, using: &random)
      } catch is SessionError {
        refused += 1
      }
      if step % 500 == 0 {
        #expect(
          try SessionState.replay(live.store.events(of: live.session.id)) == live.session.state)
      }
    }
    let events = try live.store.events(of: live.session.id)
    #expect(try SessionState.replay(events) == live.session.state)
    #expect(
      try LiveSession.resume(live.session.id, store: live.store, clock: live.clock).state
        == live.session.state)
    // The walk must have exercised the interesting parts, not just bounced off refusals.
    let types = Set(events.map(\.event.typeName))
    #expect(types.count == 12)
    #expect(events.count > 1500 && refused > 0)
    #expect(live.session.state.notes.contains { !$0.history.isEmpty })
  }

  @Test func aStateNeedsASetupThatCanRun() {
    var setup = Fixtures.setup()
    setup.rounds = []
    #expect(throws: SessionError.invalidSetup("the session needs at least one presenter")) {
      try SessionState(setup: setup, createdAt: Fixtures.start)
    }
  }

  @Test func aLogMustBeginWithItsCreation() {
    #expect(throws: SessionError.unreplayable(sequence: 1, reason: "it does not begin")) {
      try SessionState.replay([])
    }
    let stray = RecordedEvent(sequence: 1, at: Fixtures.start, event: .paused)
    #expect(throws: SessionError.self) { try SessionState.replay([stray]) }
  }

  @Test func aBadEventIsNamedBySequence() throws {
    let live = try LiveFixture()
    var events = try live.store.events(of: live.session.id)
    events.append(RecordedEvent(sequence: 2, at: Fixtures.start, event: .resumed))
    #expect(
      throws: SessionError.unreplayable(sequence: 2, reason: SessionError.notStarted.description)
    ) {
      try SessionState.replay(events)
    }
  }
}

/// One random facilitator action, valid or not.
enum RandomCommand {
  static func run(on session: LiveSession, using random: inout SeededGenerator) throws {
    let state = session.state
    let noteID = Int.random(in: 1...max(1, state.notes.count + 1), using: &random)
    let people = state.participants.count
    switch Int.random(in: 0..<100, using: &random) {
    case 0..<12: try session.next()
    case 12..<18: try session.previous()
    case 18..<26: try session.togglePause()
    case 26..<31: try session.adjustTime(minutes: Int.random(in: -2...2, using: &random))
    case 31..<60: try session.addNote(content(people: people, using: &random))
    case 60..<70: try session.editNote(noteID, to: content(people: people, using: &random))
    case 70..<75: try session.deleteNote(noteID)
    case 75..<83: try session.setActionDone(noteID, Bool.random(using: &random))
    case 83..<88:
      try session.rateProcess(
        participant: Int.random(in: 0...people, using: &random),
        rating: Int.random(in: 0...6, using: &random))
    case 88..<89:
      try session.addParticipant(
        Participant(
          name: "Guest \(Int.random(in: 0..<8, using: &random))", organisation: "X", level: .other))
    case 89..<91: try session.finish()
    default: try session.start()
    }
  }

  private static func content(people: Int, using random: inout SeededGenerator) -> NoteContent {
    let words = ["crème", "licensing", "night", "🍺", "Have you tried", "  ", "pubwatch", "\n"]
    let text = (0..<Int.random(in: 0...5, using: &random))
      .map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
    let kind = NoteKind.allCases.randomElement(using: &random)!
    func person() -> Int? {
      Bool.random(using: &random) ? nil : Int.random(in: 0...people, using: &random)
    }
    return NoteContent(text: text, kind: kind, speaker: person(), owner: person())
  }
}
