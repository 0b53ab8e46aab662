import Foundation
import PeerConsultKit
import TerminalKit

/// The session browser: every stored session newest first, narrowed by programme and by typed
/// text, and (Tab) a search across all their notes. Printable keys always go into the text
/// field, so commands here use non-printing keys.
public enum ReviewScreen {
  /// Rows each session or hit takes in the list.
  static let rowsPerEntry = 2
  /// Rows above the list: tabs, a gap, the field, the status line and a gap.
  static let headerRows = 5

  /// The key context: the session list or the search.
  public static func context(_ state: ReviewState) -> KeyContext {
    state.mode == .sessions ? .review : .search
  }

  /// The title bar's right-hand side.
  public static func titleRight(_ state: ReviewState) -> String {
    let count = state.total
    return "\(count) session\(count == 1 ? "" : "s")"
  }

  /// Draws the screen; returns the text cursor in the field.
  public static func render(
    _ state: ReviewState, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) -> (x: Int, y: Int)? {
    let inner = area.inset(dx: 2, dy: 0)
    drawTabs(state, into: &grid, area: inner.row(0))
    let label = state.mode == .sessions ? "Filter ▸ " : "Search ▸ "
    let fieldY = inner.y + 2
    grid.put(label, x: inner.x, y: fieldY, style: Theme.heading)
    let fieldX = inner.x + label.displayWidth
    let field = state.mode == .sessions ? state.filter : state.query
    let cursor = field.render(
      into: &grid, x: fieldX, y: fieldY, width: inner.maxX - fieldX,
      style: Style(underline: true))
    let status = inner.row(3)
    let list = Rect(
      x: inner.x, y: inner.y + headerRows, width: inner.width, height: inner.height - headerRows)
    switch state.mode {
    case .sessions: drawSessions(state, timeZone: timeZone, status: status, list: list, into: &grid)
    case .search: drawHits(state, timeZone: timeZone, status: status, list: list, into: &grid)
    }
    return (cursor, fieldY)
  }

  /// The two tabs, the active one reversed, and the programme shown on the right.
  static func drawTabs(_ state: ReviewState, into grid: inout Grid, area: Rect) {
    let tabs: [(ReviewState.Mode, String)] = [
      (.sessions, " Sessions "), (.search, " Search all notes "),
    ]
    var x = area.x
    for (mode, title) in tabs {
      let style = mode == state.mode ? Theme.selected : Theme.muted
      x += grid.put(title, x: x, y: area.y, style: style) + 1
    }
    let programme = "Programme: " + (state.programme ?? "all")
    let room = area.maxX - x - 2
    guard room > 12 else { return }
    let shown = programme.truncated(toWidth: room)
    grid.put(
      shown, x: area.maxX - shown.displayWidth, y: area.y,
      style: state.programme == nil ? Theme.muted : Theme.key)
  }

  /// The widest a row's origin marker gets: a long store name is cut, the title keeps room.
  static let originWidth = 18

  /// What marks a session taken from the shared store `origin`, in the lists and the
  /// transcript's header.
  static func originMarker(_ origin: String) -> String { "from " + origin }

  /// Draws `marker` (nothing when empty) so that it ends just before column `end`, in the
  /// store's own colour unless the row is selected.
  static func drawOrigin(
    _ marker: String, endingAt end: Int, y: Int, selected: Bool, into grid: inout Grid
  ) {
    guard !marker.isEmpty else { return }
    grid.put(
      marker, x: end - marker.displayWidth, y: y, style: selected ? Theme.selected : Theme.key)
  }

  /// The entries shown so that the selected one is on screen: the list moves a page at a
  /// time, so entries stay put while the selection moves within a page.
  static func page(selection: Int, count: Int, listHeight: Int) -> Range<Int> {
    let perPage = max(1, listHeight / rowsPerEntry)
    let first = (max(0, selection) / perPage) * perPage
    return min(first, count)..<min(count, first + perPage)
  }

  private static func drawSessions(
    _ state: ReviewState, timeZone: TimeZone, status: Rect, list: Rect, into grid: inout Grid
  ) {
    guard state.hasDatabase, !state.sessions.isEmpty else {
      grid.put(
        "No sessions yet: each session run appears here, to read and search.",
        x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
      return
    }
    var summary = "\(state.foundCount) of \(state.total) sessions, newest first"
    if let programme = state.programme { summary += " · programme \(programme)" }
    grid.put(summary, x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
    guard state.foundCount > 0 else {
      grid.put(
        "No session matches: Esc clears the filter, Ctrl-P changes the programme.", x: list.x,
        y: list.y, maxWidth: list.width)
      return
    }
    var y = list.y
    for index in page(selection: state.selection, count: state.shown.count, listHeight: list.height)
    {
      drawSession(
        state.shown[index], selected: index == state.selection, timeZone: timeZone,
        into: &grid, area: Rect(x: list.x, y: y, width: list.width, height: rowsPerEntry))
      y += rowsPerEntry
    }
  }

  /// One session as two rows: date, title and whether finished; then programme, presenters
  /// and counts.
  private static func drawSession(
    _ listing: SessionListing, selected: Bool, timeZone: TimeZone, into grid: inout Grid,
    area: Rect
  ) {
    let base = selected ? Theme.selected : Style.plain
    let state = listing.isFinished ? "finished" : "unfinished"
    let head = "\(selected ? "▸" : " ") \(ReviewFormat.date(listing.createdAt, timeZone))  "
    let stateX = area.maxX - state.displayWidth - 1
    let marker = listing.origin.map { originMarker($0).truncated(toWidth: originWidth) } ?? ""
    let titleWidth =
      area.width - head.displayWidth - state.displayWidth - 2
      - (marker.isEmpty ? 0 : marker.displayWidth + 2)
    grid.put(
      (head + listing.title.truncated(toWidth: titleWidth)).padded(toWidth: area.width), x: area.x,
      y: area.y, style: selected ? base : Theme.heading)
    grid.put(
      state, x: stateX, y: area.y,
      style: selected ? base : (listing.isFinished ? Theme.ok : Theme.warning))
    drawOrigin(marker, endingAt: stateX - 2, y: area.y, selected: selected, into: &grid)
    // Counts before names, so a narrow window cuts the names rather than the numbers.
    var details: [String] = []
    if !listing.programme.isEmpty { details.append(listing.programme) }
    details.append("\(listing.noteCount) note\(listing.noteCount == 1 ? "" : "s")")
    if listing.actionCount > 0 {
      details.append("actions \(listing.actionsDone)/\(listing.actionCount) done")
    }
    if !listing.presenters.isEmpty {
      details.append("presenting: " + listing.presenters.joined(separator: ", "))
    }
    grid.put(
      ("    " + details.joined(separator: " · ")).padded(toWidth: area.width), x: area.x,
      y: area.y + 1, style: selected ? base : Theme.muted)
  }
}
