import Foundation
import Synchronization

/// The source of the current time, injected so tests never sleep.
///
/// Remaining time is always computed from a clock reading, never decremented per tick,
/// so a timer cannot drift.
public protocol WallClock: Sendable {
  func now() -> Date
}

/// The real clock.
public struct SystemClock: WallClock {
  public init() {}
  public func now() -> Date { Date() }
}

/// A clock that moves only when a test tells it to.
public final class ManualClock: WallClock {
  private let current: Mutex<Date>

  public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
    current = Mutex(start)
  }

  public func now() -> Date { current.withLock { $0 } }

  /// Moves the clock forward by `seconds`.
  public func advance(by seconds: TimeInterval) {
    current.withLock { $0 = $0.addingTimeInterval(seconds) }
  }

  /// Sets the clock to `date`.
  public func set(_ date: Date) { current.withLock { $0 = date } }
}
