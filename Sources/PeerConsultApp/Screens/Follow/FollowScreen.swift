import Foundation
import PeerConsultKit
import TerminalKit

/// The room display: the phase, who speaks, the time in digits as large as the window allows,
/// the rules and prompt, and with `--notes` the notes shared with the room. It draws only
/// what ``RoomView`` lets the room see, with the live screen's bar, colours and bands.
public enum FollowScreen {
  /// Rows the notes panel keeps when it shows: its rule line and three notes.
  static let minimumNoteRows = 4
  /// Rows the presenter and their focus question may take before they end with "…".
  static let aboutRows = 3

  /// Draws the display into `area`.
  public static func render(_ state: FollowState, now: Date, into grid: inout Grid, area: Rect) {
    let inner = Rect(x: area.x + 1, y: area.y, width: max(0, area.width - 2), height: area.height)
    guard inner.height > 0 else { return }
    guard let session = state.session else {
      drawWaiting(state, into: &grid, area: inner)
      return
    }
    guard let view = RoomView(session, at: now) else { return }
    // The last row says when the facilitator's program is not running it, or a look failed.
    let bottom = inner.maxY - 1
    drawStatus(state, view, into: &grid, x: inner.x, y: bottom, width: inner.width)
    let body = Rect(x: inner.x, y: inner.y, width: inner.width, height: max(0, inner.height - 1))
    if view.stage == .finished {
      drawFinished(view, notes: state.showsNotes, into: &grid, area: body)
      return
    }
    var y = body.y
    var heading = view.phaseHeading
    if let round = view.roundText { heading += " · " + round }
    grid.put(heading, x: body.x, y: y, style: Theme.heading, maxWidth: body.width)
    grid.put(
      "Speaks now: " + view.speaks, x: body.x, y: y + 1, style: Theme.key, maxWidth: body.width)
    var about: [String] = []
    if let presenter = view.presenter { about.append("Presenter: " + presenter) }
    if let focus = view.focusQuestion { about.append("Focus: " + focus) }
    // What goes under the digits, so the digits take the rest.
    let rules =
      view.rules.isEmpty
      ? []
      : TextWrapper.wrap(
        "Rules: " + view.rules.joined(separator: " · "), width: max(1, body.width))
    let ruleRows = min(3, rules.count)
    let promptRows = view.prompt == nil ? 0 : 1
    let noteRows = state.showsNotes ? minimumNoteRows : 0
    let below = 2 + 1 + ruleRows + promptRows + (noteRows > 0 ? noteRows + 1 : 0)
    // The focus question is what the room works on: wrapped onto up to three rows rather
    // than cut at the window's edge, the digits moving down under it; never into the rows
    // the smallest digits and what goes under them need (the notes panel's among them).
    let spare = body.height - 4 - below - 1 - BigTimer.height(scale: 1)
    let focusLines = LiveScreen.fit(
      TextWrapper.wrap(about.joined(separator: " · "), width: max(1, body.width)),
      rows: max(1, min(Self.aboutRows, 1 + spare)), width: body.width)
    for (offset, line) in focusLines.enumerated() {
      grid.put(line, x: body.x, y: y + 2 + offset, style: Theme.heading, maxWidth: body.width)
    }
    y += 3 + max(1, focusLines.count)
    let scale = BigTimer.largestScale(
      for: "+00:00", width: body.width, height: body.maxY - y - below - 1)
    let style = LiveScreen.timerStyle(view.timer, paused: view.stage == .paused)
    let digits = view.timer.display
    BigTimer.draw(
      digits, x: body.x + max(0, (body.width - BigTimer.width(of: digits, scale: scale)) / 2),
      y: y, scale: scale, style: style, into: &grid)
    y += BigTimer.height(scale: scale) + 1
    let barWidth = min(body.width, max(20, BigTimer.width(of: "+00:00", scale: scale)))
    let barX = body.x + (body.width - barWidth) / 2
    guard y < body.maxY else { return }
    LiveScreen.drawBar(view.timer, x: barX, y: y, width: barWidth, style: style, into: &grid)
    y += 1
    // Under the bar, from its left end; a line longer than the bar (a changed time, on the
    // narrow bar of small digits) is centred under it instead, as wide as the window.
    let line = RoomTimeLine(view, width: body.width)
    let lineX =
      line.width <= barWidth
      ? barX : max(body.x, min(barX + (barWidth - line.width) / 2, body.maxX - line.width))
    line.draw(into: &grid, x: lineX, y: y, width: body.maxX - lineX, style: style)
    y += 2
    for line in LiveScreen.fit(rules, rows: min(ruleRows, max(0, body.maxY - y)), width: body.width)
    {
      grid.put(line, x: body.x, y: y, style: Theme.warning, maxWidth: body.width)
      y += 1
    }
    if let prompt = view.prompt, y < body.maxY {
      grid.put(
        "Ask: “\(prompt)”", x: body.x, y: y, style: Theme.muted, maxWidth: body.width)
      y += 1
    }
    if state.showsNotes {
      let top = y + 1
      drawNotes(
        view.sharedNotes, kinds: session.roomNoteKinds, into: &grid,
        area: Rect(x: body.x, y: top, width: body.width, height: max(0, body.maxY - top)))
    }
  }

  /// The latest shared notes, newest last, kind first, never who said them.
  static func drawNotes(
    _ notes: [RoomView.SharedNote], kinds: [NoteKind], into grid: inout Grid, area: Rect
  ) {
    guard area.height >= 2 else { return }
    let names = kinds.isEmpty ? "none chosen" : kinds.map(\.rawValue).joined(separator: ", ")
    let header = "─ Shared with the room: \(names) "
    grid.put(
      header + String(repeating: "─", count: max(0, area.width - header.displayWidth)), x: area.x,
      y: area.y, style: Theme.muted, maxWidth: area.width)
    let rows = area.height - 1
    var lines: [(String, Style)] = []
    // Whole notes only, newest last: the oldest one that did not fit showed as its tail, a
    // fragment with no beginning. The newest alone too long for the panel shows its start.
    for note in notes.reversed() {
      let label = RoomAnnouncer.kindLabel(note.kind) + ": "
      let wrapped = TextWrapper.wrap(
        label + note.text.split(whereSeparator: \.isNewline).joined(separator: " "),
        width: max(1, area.width))
      guard lines.count + wrapped.count <= rows else {
        if lines.isEmpty {
          lines = wrapped.prefix(rows).map { ($0, Style.plain) }
          if let last = lines.last {
            lines[lines.count - 1].0 = (last.0 + " …").truncated(toWidth: area.width)
          }
        }
        break
      }
      lines.insert(contentsOf: wrapped.map { ($0, Style.plain) }, at: 0)
    }
    if notes.isEmpty {
      lines = [("Nothing shared yet.", Theme.muted)]
    }
    for (offset, line) in lines.prefix(rows).enumerated() {
      grid.put(line.0, x: area.x, y: area.y + 1 + offset, style: line.1, maxWidth: area.width)
    }
  }

  /// "Session finished", and with notes the themes and actions it came to.
  static func drawFinished(_ view: RoomView, notes: Bool, into grid: inout Grid, area: Rect) {
    let scale = BigTimer.largestScale(for: "00:00", width: area.width, height: area.height / 3)
    let heading = "Session finished"
    grid.put(
      heading, x: area.x + max(0, (area.width - heading.displayWidth) / 2), y: area.y + 1,
      style: Theme.heading)
    grid.put(
      view.title, x: area.x + max(0, (area.width - view.title.displayWidth) / 2), y: area.y + 2,
      style: Theme.muted, maxWidth: area.width)
    guard notes else { return }
    let top = area.y + 4 + (scale > 1 ? 1 : 0)
    var y = top
    for (kind, title) in [(NoteKind.theme, "Themes"), (.action, "Actions")] {
      let items = view.summary.filter { $0.kind == kind }
      guard !items.isEmpty, y < area.maxY else { continue }
      grid.put(title, x: area.x, y: y, style: Theme.heading)
      y += 1
      for item in items {
        for line in TextWrapper.wrap("• " + item.text, width: max(1, area.width))
        where y < area.maxY {
          grid.put(line, x: area.x, y: y, maxWidth: area.width)
          y += 1
        }
      }
      y += 1
    }
    if y == top {
      grid.put("No themes or actions were noted.", x: area.x, y: y, style: Theme.muted)
    }
  }

  /// No session to follow yet: says that the display waits for one, and that it will show
  /// it, so a projector started before the session does not look broken.
  static func drawWaiting(_ state: FollowState, into grid: inout Grid, area: Rect) {
    let lines: [(String, Style)] = [
      ("Waiting for a session to start", Theme.heading),
      ("The session shows here as soon as the facilitator starts one.", Theme.muted),
    ]
    let top = area.y + max(0, (area.height - 1 - lines.count) / 3)
    for (offset, (text, style)) in lines.enumerated() {
      grid.put(
        text, x: area.x + max(0, (area.width - text.displayWidth) / 2), y: top + offset,
        style: style, maxWidth: area.width)
    }
    if let problem = state.problem {
      grid.put(
        "Cannot look for a session: " + problem, x: area.x, y: area.maxY - 1,
        style: Theme.error, maxWidth: area.width)
    }
  }

  /// The bottom row: that the facilitator's program is not running the session, that the
  /// last look at the store failed, or, finished, where a display of the latest goes next.
  static func drawStatus(
    _ state: FollowState, _ view: RoomView, into grid: inout Grid, x: Int, y: Int, width: Int
  ) {
    if let problem = state.problem {
      grid.put(
        "Showing the last state: " + problem, x: x, y: y,
        style: Theme.error, maxWidth: width)
    } else if !state.isLive && view.stage != .finished {
      let badge = " NOT RUNNING "
      grid.put(badge, x: x, y: y, style: Theme.paused, maxWidth: width)
      grid.put(
        " Waiting for the facilitator: the session is not running now.", x: x + badge.count, y: y,
        style: Theme.warning, maxWidth: max(0, width - badge.count))
    } else if view.stage == .finished && state.followsLatest {
      grid.put(
        "The next session to start will show here.", x: x, y: y, style: Theme.muted,
        maxWidth: width)
    }
  }
}
