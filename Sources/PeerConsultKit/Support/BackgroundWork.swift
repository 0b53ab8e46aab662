import Dispatch
import Synchronization

/// Pure work started on another thread at once, its result waited for when it is needed: for
/// work that can go on while the caller does something else that the machine's other cores
/// would not help with (an anonymised report cuts the words of its notes while the rest of
/// its data is read, one query after another).
///
/// Work asked for before a thread has begun it is done by the caller, which would otherwise
/// only wait: a series of works on a serial queue is then shared by the queue's thread and
/// the caller once the caller has nothing else to do.
final class BackgroundWork<Value: Sendable>: Sendable {
  private enum State {
    case waiting(@Sendable () -> Value)
    case running
    case done(Value)
  }

  private let state: Mutex<State>
  private let group = DispatchGroup()

  /// Starts `work` on `queue`: by default at once, on a thread of its own; on a serial queue,
  /// after the work started on it before, so that a series of works keeps one core busy
  /// without taking the caller's.
  init(
    on queue: DispatchQueue = .global(qos: .userInitiated), _ work: @escaping @Sendable () -> Value
  ) {
    state = Mutex(.waiting(work))
    group.enter()
    queue.async { [self] in runIfWaiting() }
  }

  /// The work's result: done here if no thread has begun it, else once it has finished.
  func value() -> Value {
    runIfWaiting()
    group.wait()
    return state.withLock { state in
      guard case .done(let value) = state else { preconditionFailure("the work is not done") }
      return value
    }
  }

  /// Does the work unless a thread has begun it.
  private func runIfWaiting() {
    let work = state.withLock { state -> (@Sendable () -> Value)? in
      guard case .waiting(let work) = state else { return nil }
      state = .running
      return work
    }
    guard let work else { return }
    let value = work()
    state.withLock { $0 = .done(value) }
    group.leave()
  }
}
