import Dispatch
import Synchronization

/// Pure work started on another thread at once, its result waited for when it is needed: for
/// work that can go on while the caller does something else that the machine's other cores
/// would not help with (an anonymised report cuts the words of its notes while the rest of
/// its data is read, one query after another).
final class BackgroundWork<Value: Sendable>: Sendable {
  private let result = Mutex<Value?>(nil)
  private let group = DispatchGroup()

  /// Starts `work`.
  init(_ work: @escaping @Sendable () -> Value) {
    group.enter()
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      let value = work()
      result.withLock { $0 = value }
      group.leave()
    }
  }

  /// The work's result, once it has finished.
  func value() -> Value {
    group.wait()
    return result.withLock { $0! }
  }
}
