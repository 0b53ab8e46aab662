import Foundation
import TerminalKit

/// Typing on the live screen redraws the note editor's rows alone (``App/renderTyping(from:to:)``).
extension LiveState {
  /// The editor's rows, when only the open editor changed since `previous`, it still takes
  /// the same rows and the same keys (the footer shows those), and the timer shows what it
  /// showed when `previous` was drawn.
  public func typingRows(
    after previous: any Screen, drawnAt: Date, area: Rect, _ environment: ScreenEnvironment
  ) -> Range<Int>? {
    guard let previous = previous as? LiveState, let editor, let before = previous.editor,
      editor.keyContext == before.keyContext, let rows = editorArea(in: area),
      previous.editorArea(in: area) == rows,
      LiveScreen.timeShown(session, at: environment.now)
        == LiveScreen.timeShown(session, at: drawnAt)
    else { return nil }
    // Everything else as the last frame drew it; when it last asked for other programs'
    // writes is not drawn. Equal sessions share their storage, so this compares little.
    var unchanged = previous
    unchanged.editor = editor
    unchanged.lastRefresh = lastRefresh
    guard unchanged == self else { return nil }
    return rows.y..<rows.maxY
  }

  public func renderTyping(
    into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment
  ) -> (x: Int, y: Int)? {
    guard let rows = editorArea(in: area) else { return nil }
    return LiveScreen.drawEditor(self, into: &grid, area: rows)
  }

  /// Where `LiveScreen.render` puts the editor in `area`; nil while something else takes its
  /// place (the schedule, the rating or room-notes panel).
  private func editorArea(in area: Rect) -> Rect? {
    guard !showSchedule, ratingSelection == nil, roomNotesSelection == nil,
      let slot = session.current ?? session.schedule.first
    else { return nil }
    return LiveScreen.editorArea(self, slot: slot, inner: LiveScreen.innerArea(area))
  }
}
