import Foundation
import Testing

@testable import PeerConsultKit

/// A command is visible only once its event is stored; a failing store changes nothing.
@Suite struct LiveSessionDurabilityTests {
  @Test func theEventIsStoredBeforeTheStateShowsIt() throws {
    let store = try ScriptedStore()
    let clock = ManualClock(Fixtures.start)
    let session = try LiveSession.create(Fixtures.setup(), store: store, clock: clock)
    var seen: [(sequence: Int, notes: Int, slot: Int?)] = []
    store.onAppend = { [unowned session] event in
      seen.append((event.sequence, session.state.notes.count, session.state.currentSlot))
    }
    try session.start()
    try session.addNote(.init(text: "One", kind: .other))
    #expect(seen.map(\.sequence) == [2, 3])
    #expect(seen.map(\.notes) == [0, 0])
    #expect(seen.map(\.slot) == [nil, 0])
    #expect(session.state.notes.count == 1)
  }

  @Test func aFailingStoreLeavesTheStateUntouchedAndThrows() throws {
    let store = try ScriptedStore()
    let clock = ManualClock(Fixtures.start)
    let session = try LiveSession.create(Fixtures.setup(), store: store, clock: clock)
    try session.start()
    try session.addNote(.init(text: "Saved", kind: .other))
    let before = session.state
    store.failing = true
    #expect(throws: ScriptedStore.Failure.self) {
      try session.addNote(.init(text: "Not saved", kind: .other))
    }
    #expect(throws: ScriptedStore.Failure.self) { try session.next() }
    #expect(throws: ScriptedStore.Failure.self) { try session.togglePause() }
    #expect(throws: ScriptedStore.Failure.self) { try session.deleteNote(1) }
    #expect(session.state == before)

    store.failing = false
    try session.addNote(.init(text: "Saved after", kind: .other))
    let events = try store.events(of: session.id)
    #expect(events.map(\.sequence) == Array(1...4))
    #expect(try SessionState.replay(events) == session.state)
  }

  @Test func createThrowsWhenTheStoreFails() throws {
    let store = try ScriptedStore()
    store.failing = true
    #expect(throws: ScriptedStore.Failure.self) {
      try LiveSession.create(Fixtures.setup(), store: store, clock: ManualClock())
    }
    #expect(try store.inner.sessions().isEmpty)
  }

  @Test func resumingCarriesOnWhereTheSessionStopped() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.next()
    try live.session.addNote(.init(text: "Before the crash", kind: .insight))
    try live.session.togglePause()
    live.clock.advance(by: 600)
    let resumed = try LiveSession.resume(live.session.id, store: live.store, clock: live.clock)
    #expect(resumed.state == live.session.state)
    #expect(resumed.state.isPaused && resumed.state.currentSlot == 1)
    try resumed.togglePause()
    try resumed.addNote(.init(text: "After the crash", kind: .insight))
    let events = try live.store.events(of: live.session.id)
    #expect(events.map(\.sequence) == Array(1...events.count))
    #expect(try SessionState.replay(events) == resumed.state)
  }

  @Test func aRunningPhaseThatRanOutWhileAwayShowsOvertime() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 10)
    live.clock.advance(by: 3600)
    let resumed = try LiveSession.resume(live.session.id, store: live.store, clock: live.clock)
    #expect(resumed.timer()?.remaining == -3550)
    #expect(resumed.timer()?.display == "+59:10")
  }

  @Test func resumingAnUnknownSessionFails() {
    #expect(throws: StoreError.noSuchSession(String(repeating: "a", count: 32))) {
      try LiveSession.resume(
        SessionID(rawValue: String(repeating: "a", count: 32))!, store: AppDatabase.inMemory())
    }
  }

  /// The second writer takes in what the first stored before writing after it: here the
  /// start it would repeat is then refused for what it is, and nothing more is stored.
  @Test func aSecondWriterTakesInTheFirstsEvents() throws {
    let live = try LiveFixture()
    let other = try LiveSession.resume(live.session.id, store: live.store, clock: live.clock)
    try live.session.start()
    #expect(throws: SessionError.alreadyInSlot(0)) { try other.start() }
    #expect(other.state == live.session.state)
    #expect(try live.store.events(of: live.session.id).count == 2)
  }
}
