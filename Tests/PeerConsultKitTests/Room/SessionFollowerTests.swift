import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The room display's reader: it sees what another program commits, tells from the lock
/// whether the session is being run, and writes nothing.
@Suite struct SessionFollowerTests {
  @Test func seesEachCommitAndTheLockButNothingElse() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let store = try AppDatabase(directory: data)
    let session = try LiveSession.create(Fixtures.setup(), store: store)
    var lock = try SessionLock.acquire(session.id, in: data)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let follower = try SessionFollower(database: reader, dataDirectory: data, session: session.id)
    #expect(follower.isLive)
    #expect(try follower.refresh() == false, "nothing changed")

    try session.start()
    #expect(try follower.refresh())
    #expect(follower.state.isStarted)
    try session.addNote(NoteContent(text: "Nobody owns the night", kind: .theme))
    #expect(try follower.refresh())
    #expect(follower.state.visibleNotes.map(\.text) == ["Nobody owns the night"])
    #expect(try follower.refresh() == false)

    lock = nil
    #expect(try follower.refresh(), "the facilitator left: the lock says so")
    #expect(!follower.isLive)
    #expect(follower.state.isStarted, "the last state is kept")
    _ = lock
  }

  /// A display started before the facilitator shows a session it never saw run; it moves to
  /// the one that starts.
  @Test func latestPrefersTheSessionBeingRunAndMovesToOneStartedLater() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let store = try AppDatabase(directory: data)
    let clock = ManualClock(Fixtures.start)
    let first = try LiveSession.create(Fixtures.setup(title: "First"), store: store, clock: clock)
    clock.advance(by: 60)
    let second = try LiveSession.create(Fixtures.setup(title: "Second"), store: store, clock: clock)
    let firstLock = try SessionLock.acquire(first.id, in: data)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    #expect(
      try SessionFollower(database: reader, dataDirectory: data, session: nil).session
        == first.id, "the live one, though the other is newer")
    firstLock?.release()
    let follower = try SessionFollower(database: reader, dataDirectory: data, session: nil)
    #expect(follower.session == second.id, "none runs: the newest unfinished, not running")

    clock.advance(by: 60)
    let third = try LiveSession.create(Fixtures.setup(title: "Third"), store: store, clock: clock)
    let thirdLock = try SessionLock.acquire(third.id, in: data)
    #expect(try follower.refresh())
    #expect(follower.session == third.id)
    #expect(follower.state.setup.title == "Third")
    #expect(follower.isLive)
    _ = thirdLock
  }

  /// Once the display has seen its session run, it stays with it until it finishes: a
  /// facilitator resuming, or a co-facilitator's test session started meanwhile, does not
  /// take the room's screen. Finished, it stays until a session is run, then moves to it.
  @Test func latestStaysWithTheSessionItSawRunUntilItFinishes() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let store = try AppDatabase(directory: data)
    let clock = ManualClock(Fixtures.start)
    let ours = try LiveSession.create(Fixtures.setup(title: "Ours"), store: store, clock: clock)
    var ourLock = try SessionLock.acquire(ours.id, in: data)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let follower = try SessionFollower(database: reader, dataDirectory: data, session: nil)
    try ours.start()
    try follower.refresh()

    // The facilitator quits to resume; meanwhile a co-facilitator tries a session out.
    ourLock = nil
    clock.advance(by: 60)
    let test = try LiveSession.create(Fixtures.setup(title: "Test"), store: store, clock: clock)
    var testLock = try SessionLock.acquire(test.id, in: data)
    try follower.refresh()
    #expect(follower.session == ours.id, "the room's session stays on its screen")
    #expect(!follower.isLive)

    testLock = nil
    ourLock = try SessionLock.acquire(ours.id, in: data)
    try ours.finish()
    try follower.refresh()
    ourLock = nil
    try follower.refresh()
    #expect(follower.session == ours.id, "finished, and nothing else runs: it stays")
    #expect(follower.state.isFinished)

    clock.advance(by: 60)
    let next = try LiveSession.create(Fixtures.setup(title: "Next"), store: store, clock: clock)
    let nextLock = try SessionLock.acquire(next.id, in: data)
    #expect(try follower.refresh())
    #expect(follower.session == next.id, "the next session run takes over")
    #expect(follower.isLive)
    _ = (ourLock, testLock, nextLock)
  }

  /// With no database yet, or none of its sessions, there is nothing to follow until one is
  /// made: the room display waits.
  @Test func latestWaitsForAFirstSession() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    #expect(try SessionFollower.latestWhenAny(database: nil, dataDirectory: data) == nil)
    let store = try AppDatabase(directory: data)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    #expect(try SessionFollower.latestWhenAny(database: reader, dataDirectory: data) == nil)
    let session = try LiveSession.create(Fixtures.setup(title: "First"), store: store)
    let follower = try #require(
      try SessionFollower.latestWhenAny(database: reader, dataDirectory: data))
    #expect(follower.session == session.id)
    #expect(follower.state.setup.title == "First")
  }

  @Test func aNamedSessionIsKeptWhenItsFacilitatorLeaves() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let store = try AppDatabase(directory: data)
    let named = try LiveSession.create(Fixtures.setup(title: "Named"), store: store)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let follower = try SessionFollower(database: reader, dataDirectory: data, session: named.id)
    let other = try LiveSession.create(Fixtures.setup(title: "Other"), store: store)
    let otherLock = try SessionLock.acquire(other.id, in: data)
    try follower.refresh()
    #expect(follower.session == named.id)
    #expect(!follower.isLive)
    _ = otherLock
  }
}
