import Foundation
import TerminalKit

/// Rows of a frame drawn alone, to replace the same rows of the frame shown before.
public struct FrameRows {
  /// The frame's row where `grid`'s first row goes.
  public var top: Int
  /// The rows, the frame's width wide.
  public var grid: Grid
  /// The text cursor in frame coordinates, as `App.render` would give it.
  public var cursor: (x: Int, y: Int)?
}

extension App {
  /// The rows of `state`'s frame that differ from `previous`'s frame, drawn alone, when
  /// `previous` is the state last drawn and what changed since is only text typed into the
  /// focused field of the same screen; nil when the whole frame must be drawn.
  ///
  /// A key typed on the live screen changes the note line and its details row, yet drawing
  /// the frame meant laying out the timer, the guidance, the transcript and the footer again
  /// (most of a keystroke's echo time). The result is still a pure function of the two
  /// states: copying these rows over `App.render(previous)` gives `App.render(state)`, which
  /// `TypingFrameTests` checks after every key of random sequences.
  public static func renderTyping(from previous: AppState, to state: AppState) -> FrameRows? {
    guard aroundUnchanged(previous, state) else { return nil }
    let area = screenArea(state)
    let environment = state.environment
    guard
      let rows = state.screen.typingRows(
        after: previous.screen, drawnAt: previous.now, area: area, environment),
      !rows.isEmpty, rows.lowerBound >= area.y, rows.upperBound <= area.maxY
    else { return nil }
    // The screen draws in frame coordinates; moving its area up by `rows.lowerBound` puts
    // those rows at the top of a grid just their height, and clips the rest away.
    var grid = Grid(width: state.width, height: rows.count)
    let shifted = Rect(
      x: area.x, y: area.y - rows.lowerBound, width: area.width, height: area.height)
    let cursor = Theme.$palette.withValue(state.palette) {
      state.screen.renderTyping(into: &grid, area: shifted, environment)
    }
    return FrameRows(
      top: rows.lowerBound, grid: grid, cursor: cursor.map { ($0.x, $0.y + rows.lowerBound) })
  }

  /// Whether everything `App` draws around the screen is as `previous` drew it: no overlay,
  /// the same size, palette, title words from outside, notice and warning. The screen
  /// answers for itself, the time included (``Screen/typingRows(after:drawnAt:area:_:)``).
  private static func aroundUnchanged(_ previous: AppState, _ state: AppState) -> Bool {
    previous.width == state.width && previous.height == state.height && !state.isTooSmall
      && previous.overlay == nil && state.overlay == nil && previous.notice == state.notice
      && previous.localeWarning == state.localeWarning && previous.palette == state.palette
      && previous.pushStatus == state.pushStatus && previous.timeZone == state.timeZone
      && previous.dataDirectory == state.dataDirectory
  }
}
