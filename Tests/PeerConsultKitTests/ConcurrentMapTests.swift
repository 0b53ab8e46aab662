import Foundation
import Synchronization
import Testing

@testable import PeerConsultKit

/// The map worked out on every core gives what `map` gives, in the same order, whatever the
/// number of elements against the number of processors.
@Suite struct ConcurrentMapTests {
  @Test(arguments: [0, 1, 2, 3, 7, 1_000, 10_007])
  func givesWhatMapGivesInOrder(_ count: Int) {
    let numbers = Array(0..<count)
    let transform: @Sendable (Int) -> String = { "\($0 * 31 % 97)-\($0)" }
    #expect(numbers.concurrentMap(transform) == numbers.map(transform))
  }

  /// Each element is transformed exactly once.
  @Test func transformsEachElementOnce() {
    let seen = Mutex<[Int: Int]>([:])
    let numbers = Array(0..<5_000)
    _ = numbers.concurrentMap { number in
      seen.withLock { $0[number, default: 0] += 1 }
      return number
    }
    #expect(seen.withLock { $0 } == Dictionary(uniqueKeysWithValues: numbers.map { ($0, 1) }))
  }
}
