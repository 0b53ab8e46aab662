import Foundation
import PeerConsultKit
import TerminalKit

extension ReviewScreen {
  /// The search half: a hint or a count, then each hit as its session, time, kind and place,
  /// and a snippet with the matching words highlighted.
  static func drawHits(
    _ state: ReviewState, timeZone: TimeZone, status: Rect, list: Rect, into grid: inout Grid
  ) {
    guard state.hasDatabase else {
      grid.put(
        "No sessions yet, so nothing to search.", x: status.x, y: status.y, style: Theme.muted,
        maxWidth: status.width)
      return
    }
    let scope = state.programme.map { " in \($0)" } ?? ""
    guard let query = state.searchedQuery else {
      grid.put(
        "Type words, \"a phrase\" or the start of a word with * (licen*); accents and case "
          + "are ignored.", x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
      return
    }
    guard !state.hits.isEmpty else {
      grid.put(
        "No notes match “\(query)”\(scope).", x: status.x, y: status.y, style: Theme.muted,
        maxWidth: status.width)
      return
    }
    let count = state.hits.count
    var summary = "\(count) note\(count == 1 ? "" : "s") match\(count == 1 ? "es" : "")\(scope)"
    if count >= ReviewState.hitLimit { summary += " (the best \(ReviewState.hitLimit) shown)" }
    summary += " · Enter opens one in its transcript"
    grid.put(summary, x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
    var y = list.y
    for index in page(
      selection: state.hitSelection, count: state.hits.count, listHeight: list.height)
    {
      drawHit(
        state.hits[index], selected: index == state.hitSelection, timeZone: timeZone,
        into: &grid, area: Rect(x: list.x, y: y, width: list.width, height: rowsPerEntry))
      y += rowsPerEntry
    }
  }

  /// One hit as two rows: session · time · kind · place, then the snippet.
  private static func drawHit(
    _ hit: NoteSearchHit, selected: Bool, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) {
    let base = selected ? Theme.selected : Style.plain
    var place = hit.round.map { "round \($0 + 1), " } ?? ""
    place += hit.phase
    var head = [
      hit.sessionTitle, ReviewFormat.date(hit.createdAt, timeZone), hit.kind.rawValue, place,
    ]
    if let speaker = hit.speaker { head.append(speaker) }
    let marker = hit.origin.map { originMarker($0).truncated(toWidth: originWidth) } ?? ""
    let headWidth = area.width - (marker.isEmpty ? 0 : marker.displayWidth + 3)
    grid.put(
      ("\(selected ? "▸" : " ") " + head.joined(separator: " · ")).truncated(toWidth: headWidth)
        .padded(toWidth: area.width),
      x: area.x, y: area.y, style: selected ? base : Theme.heading)
    drawOrigin(marker, endingAt: area.maxX - 1, y: area.y, selected: selected, into: &grid)
    grid.fill(area.row(1), with: Cell(" ", style: base))
    HighlightedLine.draw(
      hit.snippet, x: area.x + 4, y: area.y + 1, width: area.width - 5, style: base,
      into: &grid)
  }
}
