import Foundation
import PeerConsultKit
import Synchronization

/// The rows of a ``TranscriptLayout`` measured so far, from the top: each segment's rows and
/// where it starts. Kept behind a lock in a class so that the copies of one layout (the state
/// is a value, copied by every update) share what was measured: a note is wrapped once however
/// often the screen draws it.
final class TranscriptRows: Sendable {
  struct Measured: Sendable {
    /// The first row of each measured segment, and one past the last measured row
    /// (`starts.count == measured + 1`).
    var starts: [Int] = [0]
    /// The rows of each measured segment.
    var lines: [[TranscriptLine]] = []
    var measured: Int { lines.count }
  }

  private let state = Mutex(Measured())
  /// Notes' times read with one calendar, made when first needed.
  private let clock = Mutex<ReadableTime?>(nil)
  private let timeZone: TimeZone

  init(timeZone: TimeZone) { self.timeZone = timeZone }

  /// Reads what is measured.
  func read<Result>(_ body: (Measured) -> Result) -> Result {
    state.withLock { body($0) }
  }

  /// Measures the next segment with `rowsOf` while `more` says so.
  func extend(
    while more: (Measured) -> Bool, with rowsOf: (Int, ReadableTime) -> [TranscriptLine]
  ) {
    let clock = self.clock.withLock { clock in
      if let clock { return clock }
      let made = ReadableTime(timeZone: timeZone)
      clock = made
      return made
    }
    state.withLock { measured in
      while more(measured) {
        let rows = rowsOf(measured.measured, clock)
        measured.lines.append(rows)
        measured.starts.append(measured.starts[measured.starts.count - 1] + rows.count)
      }
    }
  }
}
