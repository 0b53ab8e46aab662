import TerminalKit

/// A one-line text field: ordinary line editing over grapheme clusters, so an accented or
/// wide character is moved over and deleted as one.
public struct LineEditor: Equatable, Sendable {
  public private(set) var text: [Character]
  /// Cursor position, in characters from the start (0...text.count).
  public private(set) var cursor: Int
  /// The longest text accepted, in characters.
  public var limit: Int

  public init(_ text: String = "", limit: Int = 10_000) {
    self.text = Array(text.prefix(limit))
    self.limit = limit
    cursor = self.text.count
  }

  public var string: String { String(text) }
  public var isEmpty: Bool { text.isEmpty }

  /// Handles an editing key; returns false when the key is not an editing key.
  @discardableResult
  public mutating func handle(_ key: Key) -> Bool {
    switch key {
    case .character(let c): insert(String(c))
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(text.count, cursor + 1)
    case .home, .control("a"): cursor = 0
    case .end, .control("e"): cursor = text.count
    case .backspace, .control("h"):
      if cursor > 0 {
        text.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete, .control("d"):
      if cursor < text.count { text.remove(at: cursor) }
    case .control("u"):
      text.removeFirst(cursor)
      cursor = 0
    case .control("k"):
      text.removeLast(text.count - cursor)
    case .control("w"):
      var start = cursor
      while start > 0 && text[start - 1] == " " { start -= 1 }
      while start > 0 && text[start - 1] != " " { start -= 1 }
      text.removeSubrange(start..<cursor)
      cursor = start
    default: return false
    }
    return true
  }

  /// Inserts text at the cursor (a paste arrives as many keys; newlines become spaces).
  public mutating func insert(_ string: String) {
    let room = limit - text.count
    guard room > 0 else { return }
    let cleaned = string.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(room)
    text.insert(contentsOf: cleaned, at: cursor)
    cursor += cleaned.count
  }

  /// Replaces the whole text and puts the cursor at its end.
  public mutating func set(_ string: String) {
    text = Array(string.prefix(limit))
    cursor = text.count
  }

  /// Draws the field in `width` columns, scrolled so the cursor shows; returns the cursor column.
  public func render(into grid: inout Grid, x: Int, y: Int, width: Int, style: Style = .plain)
    -> Int
  {
    guard width > 1 else { return x }
    let before = String(text[..<cursor])
    var start = 0
    // Scroll right until the cursor fits, keeping one column for it.
    var beforeWidth = before.displayWidth
    while beforeWidth > width - 1 && start < cursor {
      beforeWidth -= DisplayWidth.of(text[start])
      start += 1
    }
    var shown = ""
    var used = 0
    for c in text[start...] {
      let w = DisplayWidth.of(c)
      if used + w > width { break }
      shown.append(c)
      used += w
    }
    grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" ", style: style))
    grid.put(shown, x: x, y: y, style: style, maxWidth: width)
    if start > 0 { grid.put("…", x: x, y: y, style: Theme.muted) }
    return x + beforeWidth
  }
}
