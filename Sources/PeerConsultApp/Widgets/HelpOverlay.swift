import TerminalKit

/// The help overlay: every key of the current context, then what typing does there and the
/// keys of the contexts that also work there (the note editor, text fields), all generated
/// from the keymap, never written by hand.
public enum HelpOverlay {
  /// The overlay's rows for `context`: a key column and its help, then the sections of the
  /// contexts that also work there, the keys of every screen last. A row without keys is a
  /// section heading or a gap.
  public static func lines(for context: KeyContext) -> [(key: String, help: String)] {
    var rows = keyRows(Keymap.bindings(for: context))
    if let typing = context.typingHelp { rows.append(("typing", typing)) }
    for section in context.helpSections + [.everywhere] {
      rows.append(("", ""))
      rows.append(("", section.title + ":"))
      rows += keyRows(Keymap.bindings(for: section))
    }
    return rows
  }

  /// One row per binding; neighbours with the same help share a row ("← → Home End").
  static func keyRows(_ bindings: [KeyBinding]) -> [(key: String, help: String)] {
    var rows: [(key: String, help: String)] = []
    for binding in bindings {
      let keys = binding.keys.map(\.description).joined(separator: " ")
      if let last = rows.last, last.help == binding.help {
        rows[rows.count - 1].key += " " + keys
      } else {
        rows.append((keys, binding.help))
      }
    }
    return rows
  }

  /// Draws the overlay, scrolled by `scroll` rows; marks that more rows are above or below.
  public static func render(context: KeyContext, scroll: Int, into grid: inout Grid, area: Rect) {
    let rows = lines(for: context)
    let width = min(area.width - 4, 76)
    let keyWidth = min(20, max(14, rows.map(\.key.displayWidth).max() ?? 0))
    // A help too long for its column goes on below its key rather than being cut: the overlay
    // is where the keys are learnt, and it scrolls. The box's inner width is `width - 4`.
    let helpWidth = max(1, width - 4 - keyWidth - 1)
    let wrapped = rows.flatMap { row in
      TextWrapper.wrap(row.help, width: helpWidth).enumerated().map { index, line in
        (key: index == 0 ? row.key : "", help: line)
      }
    }
    let height = min(area.height - 2, wrapped.count + 4)
    let box = area.centered(width: width, height: height)
    Chrome.box(box, title: "Keys: \(context.title)", into: &grid, style: Theme.key)
    let inner = box.inset(dx: 2, dy: 1)
    let shownRows = inner.height - 1
    let first = min(scroll, max(0, wrapped.count - shownRows))
    for (i, row) in wrapped.dropFirst(first).prefix(shownRows).enumerated() {
      grid.put(row.key, x: inner.x, y: inner.y + i, style: Theme.key, maxWidth: keyWidth)
      grid.put(row.help, x: inner.x + keyWidth + 1, y: inner.y + i, maxWidth: helpWidth)
    }
    let below = wrapped.count - first - shownRows
    var closing = "? or Esc closes"
    if first > 0 || below > 0 {
      closing += " · ↑↓ scroll"
      if below > 0 { closing += " · \(below) more below" }
    }
    grid.put(closing, x: inner.x, y: inner.maxY - 1, style: Theme.muted, maxWidth: inner.width)
  }
}
