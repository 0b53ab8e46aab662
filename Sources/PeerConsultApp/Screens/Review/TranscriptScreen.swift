import Foundation
import PeerConsultKit
import TerminalKit

/// A stored session's transcript, grouped by round and phase, to read, narrow to one kind of
/// note, jump through phase by phase; and (a) its actions, to mark done.
public enum TranscriptScreen {
  /// Rows above the transcript: the session line, the status line and a gap.
  static let headerRows = 3

  /// The key context: the transcript or its actions.
  public static func context(_ state: TranscriptState) -> KeyContext {
    state.showPeople ? .people : state.showActions ? .actions : .transcript
  }

  /// The title bar's text.
  public static func title(_ state: TranscriptState) -> String {
    "Review · " + state.session.setup.title
  }

  /// Transcript rows that fit in a body `bodyHeight` rows tall.
  public static func rows(bodyHeight: Int) -> Int { max(1, bodyHeight - headerRows) }

  /// Draws the transcript (or the actions) from the laid-out rows: only the rows in view are
  /// touched, so a frame costs the same for ten notes or ten thousand.
  /// Returns the text cursor while a note is being corrected.
  @discardableResult
  public static func render(
    _ state: TranscriptState, now: Date, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) -> (x: Int, y: Int)? {
    let inner = area.inset(dx: 2, dy: 0)
    grid.put(
      sessionLine(state.session, origin: state.origin, timeZone: timeZone), x: inner.x, y: inner.y,
      style: Theme.key, maxWidth: inner.width)
    let body = Rect(
      x: inner.x, y: inner.y + headerRows, width: inner.width,
      height: rows(bodyHeight: area.height))
    if state.showPeople {
      PeopleView.render(
        state, timeZone: timeZone, status: inner.row(1), into: &grid, area: body)
      return nil
    }
    if state.showActions {
      ActionsView.render(
        state, now: now, timeZone: timeZone, status: inner.row(1), into: &grid, area: body)
      return nil
    }
    // Only the rows in view (and a screen below, to know whether the end is reached) are
    // measured: the first frame of a long session decodes a screenful of notes.
    let top = state.layout.clamp(state.scroll, visible: body.height)
    let shown = state.layout.lines(top..<(top + body.height))
    let bottom = top + shown.count
    grid.put(
      status(state, top: top, bottom: bottom), x: inner.x, y: inner.y + 1, style: Theme.muted,
      maxWidth: inner.width)
    for (offset, line) in shown.enumerated() {
      let focused = line.note != nil && line.note == state.focusNote
      grid.put(
        focused ? line.text.padded(toWidth: body.width) : line.text, x: body.x,
        y: body.y + offset, style: focused ? Theme.selected : line.style, maxWidth: body.width)
    }
    guard let editor = state.editor, inner.height >= 2 else { return nil }
    // The correction wraps as the live screen's note line does, up to half the rows: on one
    // line, a note of several lines showed as its last few characters.
    let lines = editor.line.rowCount(
      width: inner.width - LiveScreen.editorLabelWidth(editor), limit: max(1, inner.height / 2))
    let area = Rect(
      x: inner.x, y: inner.maxY - 1 - max(1, lines), width: inner.width, height: 1 + max(1, lines))
    grid.fill(area, with: .blank)
    return LiveScreen.drawOpenEditor(editor, state.session, into: &grid, area: area)
  }

  /// Programme, protocol, date, whether finished (and the store it came from), and the
  /// presenters.
  static func sessionLine(_ session: SessionState, origin: String?, timeZone: TimeZone)
    -> String
  {
    var parts: [String] = []
    if !session.setup.programme.isEmpty { parts.append(session.setup.programme) }
    parts.append(session.setup.consultingProtocol.name)
    parts.append(ReviewFormat.date(session.createdAt, timeZone))
    parts.append(session.isFinished ? "finished" : "unfinished")
    if let origin { parts.append(ReviewScreen.originMarker(origin)) }
    let presenters = session.setup.presenters.map { LiveScreen.name($0, in: session) }
    if !presenters.isEmpty { parts.append("presenting: " + presenters.joined(separator: ", ")) }
    return parts.joined(separator: " · ")
  }

  /// What is shown and where: the kind filter, the phase, and the rows in view.
  private static func status(_ state: TranscriptState, top: Int, bottom: Int) -> String {
    let layout = state.layout
    let notes = "\(layout.noteCount) note\(layout.noteCount == 1 ? "" : "s")"
    var parts = [layout.kind.map { "\($0.rawValue) only" } ?? "all kinds", notes]
    if layout.sectionCount > 0 {
      let phase = max(1, layout.section(at: top))
      parts.append("phase \(phase) of \(layout.sectionCount)")
    }
    // The total once known: a long session's is known when its end has been reached.
    let total = layout.knownLineCount.map { " of \($0)" } ?? ""
    parts.append("rows \(top + 1)–\(bottom)\(total)")
    return parts.joined(separator: " · ")
  }
}
