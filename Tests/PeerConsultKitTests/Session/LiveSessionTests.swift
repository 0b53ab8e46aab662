import Foundation
import Testing

@testable import PeerConsultKit

/// Every timing transition of the state machine, driven with a manual clock.
@Suite struct LiveSessionTests {
  @Test func aNewSessionWaitsForItsStart() throws {
    let live = try LiveFixture()
    let state = live.session.state
    #expect(!state.isStarted && !state.isPaused && !state.isFinished)
    #expect(state.createdAt == Fixtures.start)
    #expect(live.session.timer() == nil && live.session.nextDeadline() == nil)
    #expect(state.remaining(at: live.now) == nil)
    #expect(throws: SessionError.notStarted) {
      try live.session.addNote(.init(text: "x", kind: .other))
    }
    #expect(throws: SessionError.notStarted) { try live.session.togglePause() }
    #expect(throws: SessionError.notStarted) { try live.session.previous() }
  }

  @Test func startingRunsTheFirstSlotsTimer() throws {
    let live = try LiveFixture()
    try live.session.start()
    #expect(live.session.state.currentSlot == 0)
    #expect(live.session.timer() == PhaseTimer(plannedSeconds: 60, elapsed: 0, isRunning: true))
    live.clock.advance(by: 10.5)
    #expect(live.session.state.remaining(at: live.now) == 49.5)
    #expect(live.session.state.timings[0].firstStartedAt == Fixtures.start)
    #expect(throws: SessionError.alreadyStarted) { try live.session.start() }
  }

  @Test func nextBeforeTheStartStarts() throws {
    let live = try LiveFixture()
    try live.session.next()
    #expect(live.session.state.currentSlot == 0)
  }

  @Test func pausedTimeDoesNotCount() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 10)
    try live.session.togglePause()
    #expect(live.session.state.isPaused && live.session.state.pausedSince == live.now)
    live.clock.advance(by: 100)
    #expect(live.session.state.remaining(at: live.now) == 50)
    #expect(live.session.timer()?.isRunning == false)
    #expect(live.session.nextDeadline() == nil)
    try live.session.togglePause()
    #expect(!live.session.state.isPaused)
    live.clock.advance(by: 5)
    #expect(live.session.state.remaining(at: live.now) == 45)
    #expect(live.session.state.timings[0].elapsed(at: live.now) == 15)
  }

  @Test func goingBackKeepsNotesAndEachSlotsTime() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 20)
    try live.session.addNote(.init(text: "Ground rules agreed", kind: .other))
    try live.session.next()
    #expect(live.session.state.timings[0].lastEndedAt == live.now)
    #expect(live.session.state.timings[1].firstStartedAt == live.now)
    live.clock.advance(by: 30)
    try live.session.addNote(.init(text: "Licensing hours", kind: .insight, speaker: 1))
    try live.session.previous()
    #expect(live.session.state.currentSlot == 0)
    #expect(live.session.state.remaining(at: live.now) == 40)
    live.clock.advance(by: 5)
    #expect(live.session.state.remaining(at: live.now) == 35)
    try live.session.next()
    #expect(live.session.state.remaining(at: live.now) == 70)
    #expect(live.session.state.notes.map(\.slot) == [0, 1])
    #expect(live.session.state.timings[1].firstStartedAt == Fixtures.start + 20)
  }

  @Test func previousAtTheFirstSlotIsRefused() throws {
    let live = try LiveFixture()
    try live.session.start()
    #expect(throws: SessionError.atFirstSlot) { try live.session.previous() }
  }

  @Test func aPauseCarriesOverWhenMovingAndTheNewSlotWaits() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.togglePause()
    try live.session.next()
    #expect(live.session.state.isPaused && live.session.state.currentSlot == 1)
    #expect(live.session.state.timings[1].firstStartedAt == nil)
    live.clock.advance(by: 10)
    #expect(live.session.state.remaining(at: live.now) == 100)
    try live.session.togglePause()
    #expect(live.session.state.timings[1].firstStartedAt == live.now)
    live.clock.advance(by: 1)
    #expect(live.session.state.remaining(at: live.now) == 99)
  }

  @Test func minutesCanBeAddedAndTakenButAPhaseKeepsAMinute() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.adjustTime(minutes: 1)
    #expect(live.session.timer()?.plannedSeconds == 120)
    live.clock.advance(by: 30)
    try live.session.adjustTime(minutes: -1)
    #expect(live.session.state.remaining(at: live.now) == 30)
    // At one minute, `-` is refused and nothing is stored.
    #expect(!live.session.state.canAdjust(bySeconds: -60))
    #expect(throws: SessionError.phaseAtMinimum(seconds: 60)) {
      try live.session.adjustTime(minutes: -1)
    }
    #expect(live.session.state.timings[0].adjustmentSeconds == 0)
    #expect(live.session.timer()?.plannedSeconds == 60)
    #expect(throws: SessionError.noAdjustment) { try live.session.adjustTime(minutes: 0) }
  }

  @Test func aLogThatCutAPhaseToNothingStillReplays() throws {
    // Stored before the one-minute rule: the event is kept and shows as overtime.
    var state = try SessionState(setup: Fixtures.setup(), createdAt: Fixtures.start)
    try state.apply(.phaseStarted(slot: 0), at: Fixtures.start)
    try state.apply(.timeAdjusted(seconds: -120), at: Fixtures.start)
    #expect(state.plannedSeconds(ofSlot: 0) == 0)
  }

  @Test func aPhaseRunsIntoOvertime() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 75)
    let timer = try #require(live.session.timer())
    #expect(timer.remaining == -15)
    #expect(timer.isOvertime && timer.band() == .overtime)
    #expect(timer.display == "+00:15")
  }

  @Test func nextPastTheLastSlotFinishesAndPreviousReopens() throws {
    let live = try LiveFixture()
    try live.session.start()
    for _ in 1..<live.session.state.schedule.count {
      live.clock.advance(by: 1)
      try live.session.next()
    }
    #expect(live.session.state.currentSlot == 7)
    live.clock.advance(by: 4)
    try live.session.next()
    let finished = live.session.state
    #expect(finished.isFinished && finished.finishedAt == live.now)
    #expect(finished.timings[7].lastEndedAt == live.now && !finished.timings[7].isRunning)
    #expect(throws: SessionError.finished) { try live.session.next() }
    #expect(throws: SessionError.finished) { try live.session.togglePause() }
    #expect(throws: SessionError.finished) { try live.session.adjustTime(minutes: 1) }
    #expect(throws: SessionError.alreadyFinished) { try live.session.finish() }
    live.clock.advance(by: 60)
    #expect(live.session.state.remaining(at: live.now) == 56)
    #expect(live.session.nextDeadline() == nil)

    try live.session.previous()
    #expect(!live.session.state.isFinished && live.session.state.currentSlot == 7)
    live.clock.advance(by: 6)
    #expect(live.session.state.remaining(at: live.now) == 50)
  }

  @Test func finishingWhilePausedEndsThePause() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.togglePause()
    try live.session.finish()
    #expect(live.session.state.isFinished && !live.session.state.isPaused)
  }

  @Test func ratingsAreOneToFiveAndTheLatestCounts() throws {
    let live = try LiveFixture()
    try live.session.rateProcess(participant: 0, rating: 4)
    try live.session.rateProcess(participant: 2, rating: 2)
    try live.session.rateProcess(participant: 0, rating: 5)
    #expect(live.session.state.ratings == [0: 5, 2: 2])
    #expect(throws: SessionError.invalidRating(6)) {
      try live.session.rateProcess(participant: 1, rating: 6)
    }
    #expect(throws: SessionError.noSuchParticipant(7)) {
      try live.session.rateProcess(participant: 7, rating: 3)
    }
  }

  @Test func aLatecomerCanJoinAndSpeak() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.addParticipant(
      Participant(name: "Dev", organisation: "Licensing", level: .middle))
    #expect(live.session.state.participants.count == 4)
    let note = try live.session.addNote(.init(text: "Late but here", kind: .other, speaker: 3))
    #expect(note.speaker == 3)
    #expect(throws: SessionError.self) {
      try live.session.addParticipant(Participant(name: "DEV", organisation: "X", level: .other))
    }
    #expect(live.session.state.schedule == Fixtures.setup().schedule)
  }

  @Test func refusedCommandsStoreNothingAndChangeNothing() throws {
    let live = try LiveFixture()
    try live.session.start()
    let before = live.session.state
    let stored = try live.store.events(of: live.session.id).count
    #expect(throws: SessionError.self) { try live.session.previous() }
    #expect(throws: SessionError.self) { try live.session.deleteNote(1) }
    #expect(throws: SessionError.self) {
      try live.session.addNote(.init(text: " \n ", kind: .other))
    }
    #expect(throws: SessionError.self) { try live.session.setActionDone(4, true) }
    #expect(live.session.state == before)
    #expect(try live.store.events(of: live.session.id).count == stored)
  }
}
