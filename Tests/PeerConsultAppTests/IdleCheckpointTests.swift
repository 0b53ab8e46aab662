import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit

/// The interactive program check-points its store when the loop is idle, not inside a
/// note's commit (``AppDatabase/deferCheckpoints()``).
@Suite struct IdleCheckpointTests {
  @Test func theLoopCheckpointsTheStoreOnceDueWhenNoInputWaits() throws {
    let f = try LiveFixture()
    let store = try f.services.store()
    #expect(store.writesSinceCheckpoint.withLock { $0 } != nil, "SQLite's own check-points")
    for number in 1...AppDatabase.writesPerCheckpoint { f.writeNote("Note \(number)") }
    #expect((store.writesSinceCheckpoint.withLock { $0 } ?? 0) >= AppDatabase.writesPerCheckpoint)
    // Keys waiting come first: no housekeeping before them.
    f.terminal.send(.key(.character("s")))
    _ = f.runner.step()
    #expect((store.writesSinceCheckpoint.withLock { $0 } ?? 0) >= AppDatabase.writesPerCheckpoint)
    // Nothing waiting: the frame, then the check-point.
    _ = f.runner.step()
    #expect(store.writesSinceCheckpoint.withLock { $0 } == 0)
  }
}
