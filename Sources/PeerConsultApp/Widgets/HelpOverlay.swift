import TerminalKit

/// The help overlay: every key of the current context (and the global ones), from the keymap.
public enum HelpOverlay {
  /// The overlay's lines for `context`.
  public static func lines(for context: KeyContext) -> [(key: String, help: String)] {
    var rows: [(String, String)] = []
    for binding in Keymap.bindings(for: context) {
      rows.append((binding.keys.map(\.description).joined(separator: " "), binding.help))
    }
    return rows
  }

  /// The keys a ``LineEditor`` handles, which the keymap does not list.
  static let lineEditingRows = [
    ("←→ Home End", "Move in the text"),
    ("Bksp Del", "Delete before / at the cursor"),
    ("Ctrl-U Ctrl-W", "Delete to line start / the word before"),
  ]

  public static func render(context: KeyContext, scroll: Int, into grid: inout Grid, area: Rect) {
    var rows = lines(for: context).map { ($0.key, $0.help) }
    if context == .live {
      rows.append(("", ""))
      rows.append(("", "While writing a note:"))
      rows += lines(for: .editor).map { ($0.key, $0.help) }
      rows += lineEditingRows
    }
    if context == .setup {
      // No blank line before: at 80x24 the whole list then fits without scrolling.
      rows.append(("", "In text fields, typing never runs a command:"))
      rows += lineEditingRows
    }
    if context == .review || context == .search {
      rows.append(("", ""))
      rows.append(
        context == .review
          ? ("typing", "Narrows the list (title, programme, presenter, date)")
          : ("typing", "Searches all notes: words, \"a phrase\", licen*"))
      rows.append(("←→ Home End", "Move in the text"))
      rows.append(("Bksp Ctrl-U", "Delete before the cursor / to line start"))
    }
    let width = min(area.width - 4, 76)
    let height = min(area.height - 2, rows.count + 4)
    let box = area.centered(width: width, height: height)
    Chrome.box(box, title: "Keys: \(context.title)", into: &grid, style: Theme.key)
    let inner = box.inset(dx: 2, dy: 1)
    let keyWidth = 14
    let visible = rows.dropFirst(min(scroll, max(0, rows.count - (inner.height - 1))))
    for (i, row) in visible.prefix(inner.height - 1).enumerated() {
      grid.put(row.0, x: inner.x, y: inner.y + i, style: Theme.key, maxWidth: keyWidth)
      grid.put(
        row.1, x: inner.x + keyWidth + 1, y: inner.y + i, maxWidth: inner.width - keyWidth - 1)
    }
    grid.put("? or Esc closes", x: inner.x, y: inner.maxY - 1, style: Theme.muted)
  }
}
