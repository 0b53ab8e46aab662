import TerminalKit

/// The parts every screen shares: title bar, footer of keys, notice line, boxes.
public enum Chrome {
  /// Draws the title bar across the top row.
  public static func titleBar(
    _ title: String, right: String = "", into grid: inout Grid, area: Rect
  ) {
    grid.fill(area.row(0), with: Cell(" ", style: Theme.bar))
    grid.put(
      " " + title, x: area.x, y: area.y, style: Style(bold: true, reverse: true),
      maxWidth: area.width)
    if !right.isEmpty {
      let w = right.displayWidth + 1
      if w + title.displayWidth + 2 < area.width {
        grid.put(right + " ", x: area.maxX - w, y: area.y, style: Theme.bar)
      }
    }
  }

  /// Draws the footer's key hints for `context`, as many as fit, then `?` for the rest;
  /// `label` may give an action another word for the screen's current state, or an empty one
  /// to leave its key out while it has nothing to do there.
  public static func footer(
    for context: KeyContext, label: (Action) -> String? = { _ in nil }, into grid: inout Grid,
    area: Rect
  ) {
    grid.fill(area.row(0), with: .blank)
    var x = area.x + 1
    let bindings = Keymap.footer(for: context)
    // `?` in most places, F1 where `?` is typed text.
    let helpKey = Keymap.bindings(for: context).first { $0.action == .help }?.keys[0]
    let more = helpKey.map { "\($0) more" } ?? ""
    for (index, binding) in bindings.enumerated() {
      let key = binding.keys[0].description
      let text = label(binding.action) ?? binding.label
      if text.isEmpty { continue }
      let needed = key.displayWidth + 1 + text.displayWidth + 2
      let isLast = index == bindings.count - 1
      if x + needed > area.maxX - (isLast ? 0 : max(7, more.displayWidth + 1)) {
        grid.put(more, x: x, y: area.y, style: Theme.key)
        return
      }
      grid.put(key, x: x, y: area.y, style: Theme.key)
      grid.put(text, x: x + key.displayWidth + 1, y: area.y, style: Theme.muted)
      x += needed
    }
  }

  /// Draws a notice in its tone.
  public static func notice(_ notice: Notice?, into grid: inout Grid, area: Rect) {
    guard let notice else { return }
    let style: Style
    switch notice.tone {
    case .info: style = Theme.heading
    case .success: style = Theme.ok
    case .warning: style = Theme.warning
    case .error: style = Theme.error
    }
    let lines = noticeLines(notice.text, width: area.width)
    for row in 0..<min(lines.count, area.height) {
      // A notice longer than its rows ends its last one with "…".
      let last = row == area.height - 1 && lines.count > area.height
      let text =
        last ? lines[row...].joined(separator: " ").truncated(toWidth: area.width - 1) : lines[row]
      grid.put(" " + text, x: area.x, y: area.y + row, style: style, maxWidth: area.width)
    }
  }

  /// A notice's text as the rows of `width` columns it needs, each after a space.
  static func noticeLines(_ text: String, width: Int) -> [String] {
    TextWrapper.wrap(text, width: max(1, width - 1))
  }

  /// Draws a box border with an optional title, and clears its inside.
  public static func box(
    _ rect: Rect, title: String = "", into grid: inout Grid, style: Style = .plain
  ) {
    guard rect.width >= 2, rect.height >= 2 else { return }
    grid.fill(rect, with: .blank)
    let horizontal = String(repeating: "─", count: rect.width - 2)
    grid.put("┌" + horizontal + "┐", x: rect.x, y: rect.y, style: style)
    grid.put("└" + horizontal + "┘", x: rect.x, y: rect.maxY - 1, style: style)
    for y in rect.y + 1..<rect.maxY - 1 {
      grid.put("│", x: rect.x, y: y, style: style)
      grid.put("│", x: rect.maxX - 1, y: y, style: style)
    }
    if !title.isEmpty {
      grid.put(
        " \(title) ", x: rect.x + 2, y: rect.y, style: Theme.heading, maxWidth: rect.width - 4)
    }
  }

  /// The screen shown when the window is below the minimum size.
  /// `typing`: a field is open, and what is typed still goes into it, unseen: the window says
  /// so, where it said only "nothing is lost".
  public static func tooSmall(width: Int, height: Int, typing: Bool = false, into grid: inout Grid)
  {
    let need = AppState.minimumSize
    let message = "terminal too small: need \(need.width)x\(need.height), have \(width)x\(height)"
    // Split at the colon rather than mid-phrase when the window is narrow.
    let lines =
      message.displayWidth <= width
      ? [message]
      : ["terminal too small:", "need \(need.width)x\(need.height), have \(width)x\(height)"]
    let all =
      lines + ["", "Enlarge the window;", "nothing is lost meanwhile."]
      + (typing ? ["", "Typing still goes into", "the open field."] : [])
    let top = max(0, (height - all.count) / 2)
    for (i, line) in all.enumerated() where top + i < height {
      let style = i < lines.count ? Theme.warning : Style.plain
      grid.put(line, x: max(0, (width - line.displayWidth) / 2), y: top + i, style: style)
    }
  }
}
