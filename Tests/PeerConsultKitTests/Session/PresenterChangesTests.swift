import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// A latecomer joins, an absent presenter is skipped, presenters to come are reordered: the
/// schedule, the projected end and the stored session follow.
@Suite struct PresenterChangesTests {
  /// Slots: check-in (60 s), Ben's round (100, 120, 90), Asha's round, process review (60).
  @Test func anAbsentPresenterIsSkippedAndTheProjectedEndFollows() throws {
    let live = try LiveFixture()
    try live.session.start()
    #expect(live.session.state.presentersToCome == [1, 0])
    let before = live.session.state.projectedEnd(at: live.now)
    // Ben is absent: Asha presents first, and the session ends a round (310 s) earlier.
    try live.session.rearrangePresenters([0])
    let state = live.session.state
    #expect(state.setup.presenters == [0])
    #expect(state.schedule.count == 5)
    #expect(state.schedule[1].presenter == 0)
    #expect(state.schedule[4].part == .closing)
    #expect(state.timings.count == 5)
    #expect(before.timeIntervalSince(state.projectedEnd(at: live.now)) == 310)
    #expect(SessionDigest(id: live.session.id, state: state, at: live.now).rounds.count == 1)
  }

  @Test func aLatecomerJoinsAndPresentsLaterWithFocusQuestionsKept() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.next()  // Ben's round has begun
    try live.session.addParticipant(
      try Participant.parse("Dev O'Brien; Licensing; middle"))
    #expect(live.session.state.roundsBegun == 1)
    try live.session.rearrangePresenters([3, 0])
    let state = live.session.state
    #expect(state.setup.presenters == [1, 3, 0])
    #expect(state.setup.rounds[0].focusQuestion == "How do I get licensing on board?")
    #expect(state.schedule.filter { $0.round == 1 }.allSatisfy { $0.presenter == 3 })
    #expect(state.currentSlot == 1)
  }

  /// A presenter skipped and then given back gets their focus question again, through a
  /// snapshot too: before, skipping them dropped it for good.
  @Test func aPresenterSkippedAndGivenBackKeepsTheirFocusQuestion() throws {
    var setup = Fixtures.setup()
    setup.rounds[0].focusQuestion = "How do I get licensing on board?"
    setup.rounds[1].focusQuestion = "Who funds the street pastors?"
    let live = try LiveFixture(setup)
    try live.session.start()
    let asha = setup.rounds[1].presenter
    let ben = setup.rounds[0].presenter
    try live.session.rearrangePresenters([asha])
    #expect(live.session.state.setAsideQuestions == [ben: "How do I get licensing on board?"])
    // Through a snapshot, as an opening after a snapshot boundary reads it.
    let payload = try SessionSnapshot.payload(of: live.session.state)
    let read = try #require(SessionSnapshot.state(fromPayload: payload))
    #expect(read.setAsideQuestions == live.session.state.setAsideQuestions)
    try live.session.rearrangePresenters([asha, ben])
    let rounds = live.session.state.setup.rounds
    #expect(rounds.map(\.presenter) == [asha, ben])
    #expect(
      rounds.map(\.focusQuestion) == [
        "Who funds the street pastors?", "How do I get licensing on board?",
      ])
    #expect(live.session.state.setAsideQuestions.isEmpty)
    // The stored session replays to the same, and the rounds table, which the harvest and
    // the programme view read, agrees.
    let stored = try live.store.loadSession(live.session.id)
    #expect(stored.setup.rounds == rounds && stored.setAsideQuestions.isEmpty)
    let table = try live.store.read { db in
      try String?.fetchAll(
        db, sql: "SELECT focus_question FROM rounds WHERE session_id = ? ORDER BY round",
        arguments: [live.session.id.rawValue])
    }
    #expect(table == rounds.map(\.focusQuestion))
  }

  @Test func roundsBegunOrAClosingReachedCannotChange() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.next()
    // Ben presents now: his round cannot be dropped from the past.
    var state = live.session.state
    #expect(throws: SessionError.self) {
      try state.apply(.roundsRearranged(from: 0, presenters: [0]), at: live.now)
    }
    #expect(
      throws: SessionError.cannotRearrange("Asha presents twice; each presenter has one round")
    ) {
      try live.session.rearrangePresenters([0, 0])
    }
    #expect(throws: SessionError.self) { try live.session.rearrangePresenters([7]) }
    for _ in 0..<6 { try live.session.next() }  // into the closing
    #expect(live.session.state.roundsBegun == 2)
    #expect(throws: SessionError.cannotRearrange("the closing has begun")) {
      try live.session.rearrangePresenters([2])
    }
    #expect(live.session.state.setup.presenters == [1, 0])
  }

  @Test func theStoredSessionReplaysAndItsProjectionFollows() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.addNote(NoteContent(text: "Ground rules agreed", kind: .other))
    try live.session.addParticipant(try Participant.parse("Dev; Licensing; middle"))
    try live.session.rearrangePresenters([3, 0])
    try live.session.next()
    try live.session.addNote(NoteContent(text: "Dev's challenge", kind: .insight, speaker: 3))
    let stored = try live.store.loadSession(live.session.id)
    #expect(stored == live.session.state)
    let presenters = try live.store.read { db in
      try Int.fetchAll(
        db, sql: "SELECT presenter FROM rounds WHERE session_id = ? ORDER BY round",
        arguments: [live.session.id.rawValue])
    }
    #expect(presenters == [3, 0])
    let slots = try live.store.read { db in
      try Row.fetchAll(
        db, sql: "SELECT slot, part, round FROM slots WHERE session_id = ? ORDER BY slot",
        arguments: [live.session.id.rawValue]
      ).map { "\($0["slot"] as Int) \($0["part"] as String) \(($0["round"] as Int?) ?? -1)" }
    }
    #expect(
      slots == [
        "0 opening -1", "1 round 0", "2 round 0", "3 round 0", "4 round 1", "5 round 1",
        "6 round 1", "7 closing -1",
      ])
    let hit = try #require(try live.store.searchNotes("challenge").first)
    #expect(hit.noteID == 2 && hit.round == 0 && hit.phase == "Presenting")
  }
}
