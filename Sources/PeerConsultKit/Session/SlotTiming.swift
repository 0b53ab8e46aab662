import Foundation

/// How a schedule slot has run so far. Elapsed time is only ever computed from these dates
/// and a clock reading, so a timer cannot drift.
public struct SlotTiming: Hashable, Sendable {
  /// Running time from earlier stretches (before a pause or leaving the slot).
  public internal(set) var accumulatedSeconds: TimeInterval = 0
  /// When the current running stretch began; nil when paused or not the current slot.
  public internal(set) var runningSince: Date?
  /// Seconds added (or, negative, taken away) by the facilitator.
  public internal(set) var adjustmentSeconds = 0
  /// When the slot first ran.
  public internal(set) var firstStartedAt: Date?
  /// When the facilitator last left the slot.
  public internal(set) var lastEndedAt: Date?

  /// Running seconds at `now`, excluding paused time.
  public func elapsed(at now: Date) -> TimeInterval {
    // A clock set backwards must not make time run in reverse.
    accumulatedSeconds + (runningSince.map { max(0, now.timeIntervalSince($0)) } ?? 0)
  }

  public var isRunning: Bool { runningSince != nil }

  mutating func run(from date: Date) {
    runningSince = date
    if firstStartedAt == nil { firstStartedAt = date }
  }

  mutating func stop(at date: Date) {
    accumulatedSeconds = elapsed(at: date)
    runningSince = nil
  }
}
