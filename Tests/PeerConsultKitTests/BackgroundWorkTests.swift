import Dispatch
import Synchronization
import Testing

@testable import PeerConsultKit

/// Work started in the background runs while its starter goes on, and gives its result to
/// whoever waits for it; work no thread has begun is done by whoever asks for it.
@Suite struct BackgroundWorkTests {
  /// The starter waits for a signal the work gives as it begins: it goes on only if the work
  /// runs on another thread without being asked for.
  @Test func runsWhileItsStarterGoesOn() {
    let began = DispatchSemaphore(value: 0)
    let work = BackgroundWork { () -> [Int] in
      began.signal()
      return (1...5).map { $0 * $0 }
    }
    #expect(began.wait(timeout: .now() + 30) == .success)
    #expect(work.value() == [1, 4, 9, 16, 25])
    // Asked again, the same result.
    #expect(work.value() == [1, 4, 9, 16, 25])
  }

  /// Work queued behind work that does not end until the test says so: asked for meanwhile,
  /// it is done by the one who asks, and not again when its queue reaches it.
  @Test func workNoThreadHasBegunIsDoneByWhoAsks() {
    let queue = DispatchQueue(label: "peerconsult.tests.background-work")
    let gate = DispatchSemaphore(value: 0)
    queue.async { gate.wait() }
    let runs = Mutex(0)
    let work = BackgroundWork(on: queue) { () -> Int in
      runs.withLock { $0 += 1 }
      return 42
    }
    // Asked on a thread of its own, so that a wait for the queue fails the test, not hangs it.
    let answered = DispatchSemaphore(value: 0)
    let answer = Mutex<Int?>(nil)
    DispatchQueue.global().async {
      answer.withLock { $0 = work.value() }
      answered.signal()
    }
    let inTime = answered.wait(timeout: .now() + 30) == .success
    gate.signal()
    if !inTime { answered.wait() }
    #expect(inTime, "the work waited for its queue")
    queue.sync {}
    #expect(answer.withLock { $0 } == 42)
    #expect(runs.withLock { $0 } == 1)
  }
}
