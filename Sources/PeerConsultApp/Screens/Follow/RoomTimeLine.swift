import PeerConsultKit
import TerminalKit

/// The room display's line under the bar: "04:49 left of 06:00 (planned 15:00)", then the
/// state word, READY or PAUSED.
///
/// The state word is what the room most needs from the line (the digits above it say the
/// time already), so it always shows: when the line does not fit, "(planned …)" goes first,
/// then "of 06:00", then "left" or "over", and only then is the word itself cut.
struct RoomTimeLine {
  /// Columns between the time and the state word.
  static let gap = 2

  /// The time, with as much of its context as fits.
  let text: String
  /// READY or PAUSED, padded as a badge, and its style; nil while the timer runs.
  let badge: (text: String, style: Style)?

  /// The line for `view` in at most `width` columns.
  init(_ view: RoomView, width: Int) {
    let timer = view.timer
    switch view.stage {
    case .ready: badge = (" READY ", Theme.selected)
    case .paused: badge = (" PAUSED ", Theme.paused)
    case .running, .finished: badge = nil
    }
    let time = timer.display
    let left = "\(time) \(timer.isOvertime ? "over" : "left")"
    let of = "\(left) of \(LiveScreen.clock(timer.plannedSeconds))"
    let planned = view.slot.phase.durationSeconds
    // Longest first: the first that leaves room for the badge is shown.
    var candidates = [of, left, time]
    if timer.plannedSeconds != planned {
      candidates.insert("\(of) (planned \(LiveScreen.clock(planned)))", at: 0)
    }
    let reserved = badge.map { $0.text.displayWidth + Self.gap } ?? 0
    text = candidates.first { $0.displayWidth + reserved <= width } ?? ""
  }

  /// Columns the whole line takes.
  var width: Int {
    let badgeWidth = badge.map { $0.text.displayWidth } ?? 0
    guard !text.isEmpty else { return badgeWidth }
    return text.displayWidth + (badge == nil ? 0 : Self.gap + badgeWidth)
  }

  /// Draws the line from `x`, in at most `width` columns; the time in `style`.
  func draw(into grid: inout Grid, x: Int, y: Int, width: Int, style: Style) {
    grid.put(text, x: x, y: y, style: style, maxWidth: width)
    guard let badge else { return }
    let after = text.isEmpty ? x : x + text.displayWidth + Self.gap
    grid.put(badge.text, x: after, y: y, style: badge.style, maxWidth: max(0, x + width - after))
  }

}
