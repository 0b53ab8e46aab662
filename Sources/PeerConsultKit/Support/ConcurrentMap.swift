import Dispatch
import Foundation
import Synchronization

extension Array where Element: Sendable {
  /// `transform` of every element, in order, worked out on as many threads as the machine has
  /// processors: for pure work over many elements that a person waits for (an anonymised
  /// report scrubs tens of thousands of notes), which would otherwise leave every core but one
  /// idle.
  ///
  /// The elements are taken in runs of neighbours, eight runs a thread, each by whichever
  /// thread is free: elements' work differs (a session of long notes beside one of short
  /// ones), and with one run a thread the last thread went on alone for a tenth of the whole.
  func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
    let threads = Swift.min(ProcessInfo.processInfo.activeProcessorCount, count)
    guard threads > 1 else { return map(transform) }
    let runs = Swift.min(count, threads * 8)
    let results = Mutex<[[T]]>([[T]](repeating: [], count: runs))
    DispatchQueue.concurrentPerform(iterations: runs) { run in
      let range = (count * run / runs)..<(count * (run + 1) / runs)
      let done = self[range].map(transform)
      results.withLock { $0[run] = done }
    }
    return results.withLock { $0.flatMap { $0 } }
  }
}
