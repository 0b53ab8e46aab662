import Foundation

/// A slot's timer read at one instant: everything the live screen shows about time.
public struct PhaseTimer: Hashable, Sendable {
  /// Planned seconds including the facilitator's adjustments (never negative).
  public let plannedSeconds: Int
  /// Running seconds so far, paused time excluded.
  public let elapsed: TimeInterval
  public let isRunning: Bool

  public init(plannedSeconds: Int, elapsed: TimeInterval, isRunning: Bool) {
    self.plannedSeconds = plannedSeconds
    self.elapsed = elapsed
    self.isRunning = isRunning
  }

  /// Seconds left; negative once the slot runs over.
  public var remaining: TimeInterval { Double(plannedSeconds) - elapsed }

  /// True from the moment no time is left.
  public var isOvertime: Bool { remaining <= 0 }

  /// Share of the planned time used, 0 to 1, for a progress bar.
  public var progress: Double {
    plannedSeconds > 0 ? min(1, max(0, elapsed / Double(plannedSeconds))) : 1
  }

  /// The colour band for the time left.
  public func band(_ thresholds: TimerThresholds = .standard) -> TimerBand {
    let left = remaining
    let planned = Double(plannedSeconds)
    if left <= 0 { return .overtime }
    if left <= thresholds.critical * planned { return .critical }
    if left <= thresholds.warning * planned { return .warning }
    return .normal
  }

  /// The whole seconds shown: time left rounded up (a full phase first shows its whole length
  /// and the last second shows `00:01`), then overtime rounded down.
  public var displaySeconds: Int {
    let left = remaining
    return left > 0 ? Int(left.rounded(.up)) : Int((-left).rounded(.down))
  }

  /// `MM:SS` while time is left, `+MM:SS` in overtime; minutes grow past 99 if need be.
  public var display: String {
    let seconds = displaySeconds
    let text = String(format: "%02d:%02d", seconds / 60, seconds % 60)
    return isOvertime ? "+" + text : text
  }

  /// Running seconds until what is shown next changes: the display's second or the band.
  /// Always positive, so a loop sleeping this long makes progress.
  public func secondsUntilChange(_ thresholds: TimerThresholds = .standard) -> TimeInterval {
    let left = remaining
    let planned = Double(plannedSeconds)
    var wait = left > 0 ? left - (left.rounded(.up) - 1) : (-left).rounded(.down) + 1 + left
    for threshold in [thresholds.warning * planned, thresholds.critical * planned]
    where threshold > 0 && threshold < left {
      wait = min(wait, left - threshold)
    }
    return wait
  }
}

/// How urgent a timer looks.
public enum TimerBand: String, CaseIterable, Sendable {
  case normal
  /// Amber: little time left.
  case warning
  /// Red: almost no time left.
  case critical
  /// Red, counting up: the planned time is used.
  case overtime
}

/// The shares of planned time left at which a timer turns amber and red.
public struct TimerThresholds: Hashable, Sendable {
  public var warning: Double
  public var critical: Double

  public init(warning: Double, critical: Double) {
    self.warning = warning
    self.critical = critical
  }

  /// Amber at 20% left, red at 5%.
  public static let standard = TimerThresholds(warning: 0.20, critical: 0.05)
}
