import Dispatch
import Testing

@testable import PeerConsultKit

/// Work started in the background runs while its starter goes on, and gives its result to
/// whoever waits for it.
@Suite struct BackgroundWorkTests {
  /// The work waits for a signal its starter gives only after starting it: it finishes only if
  /// it runs on another thread while the starter goes on.
  @Test func runsWhileItsStarterGoesOn() {
    let started = DispatchSemaphore(value: 0)
    let work = BackgroundWork { () -> [Int] in
      started.wait()
      return (1...5).map { $0 * $0 }
    }
    started.signal()
    #expect(work.value() == [1, 4, 9, 16, 25])
    // Asked again, the same result.
    #expect(work.value() == [1, 4, 9, 16, 25])
  }
}
