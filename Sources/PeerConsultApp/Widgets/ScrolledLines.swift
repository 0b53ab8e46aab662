import TerminalKit

/// Styled lines shown from a scroll position, with the last row saying how many more are
/// below when they do not all fit: rows that do not fit are announced rather than silently
/// cut. Used by the summary and the programme view.
enum ScrolledLines {
  /// Draws `lines` from `scroll` (clamped so the last page stays full) into `area`, two
  /// columns in from each side. `count` is how many lines there are in all when `lines` holds
  /// only the first of them (at least up to `scroll` and a page).
  static func render(
    _ lines: [(String, Style)], count: Int? = nil, scroll: Int, into grid: inout Grid,
    area: Rect
  ) {
    let total = count ?? lines.count
    let overflows = total > area.height
    let rows = overflows ? area.height - 1 : area.height
    let scroll = min(scroll, max(0, total - rows))
    for (i, line) in lines.dropFirst(scroll).prefix(rows).enumerated() {
      grid.put(line.0, x: area.x + 2, y: area.y + i, style: line.1, maxWidth: area.width - 4)
    }
    guard overflows else { return }
    let below = max(0, total - scroll - rows)
    let text =
      below > 0
      ? "↓ \(below) more row\(below == 1 ? "" : "s") below · ↑↓ PgUp PgDn scroll"
      : "↑↓ PgUp PgDn scroll"
    grid.put(text, x: area.x + 2, y: area.y + rows, style: Theme.muted, maxWidth: area.width - 4)
  }
}
