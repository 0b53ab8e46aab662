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
        rejoin(at: cursor)
      }
    case .delete, .control("d"):
      if cursor < text.count {
        text.remove(at: cursor)
        rejoin(at: cursor)
      }
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
      rejoin(at: start)
    default: return false
    }
    return true
  }

  /// Inserts text at the cursor (a paste arrives as many keys; newlines become spaces).
  /// Returns false when the limit left no room for some of it.
  @discardableResult
  public mutating func insert(_ string: String) -> Bool {
    let room = limit - text.count
    let cleaned = String(string.map { $0.isNewline || $0 == "\t" ? " " : $0 }.prefix(max(0, room)))
    guard !cleaned.isEmpty else { return string.isEmpty }
    // A terminal sends a cluster one scalar at a time (a letter then its accent, an emoji, a
    // joiner, another emoji), so the neighbours are clustered again: each stored character is
    // then one cluster as the screen draws it, and the cursor never lands inside one.
    let lower = max(0, cursor - 1)
    let upper = min(text.count, cursor + 1)
    let head = Array(String(text[lower..<cursor]) + cleaned)
    let merged = Array(String(head) + String(text[cursor..<upper]))
    text.replaceSubrange(lower..<upper, with: merged)
    // When the character after the cursor joined the inserted text, step past the cluster.
    cursor = lower + (merged.count == head.count + (upper - cursor) ? head.count : merged.count)
    return cleaned.count == string.count
  }

  /// After a deletion, joins the characters either side of `index` if they now draw as one
  /// cluster (a Hangul lead and vowel that a deleted letter had kept apart).
  private mutating func rejoin(at index: Int) {
    guard index > 0, index < text.count else { return }
    let joined = Array(String(text[index - 1]) + String(text[index]))
    guard joined.count == 1 else { return }
    text.replaceSubrange((index - 1)...index, with: joined)
    if cursor > index { cursor -= 1 }
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
    // Scroll so the cursor shows, keeping one column for it. Only the characters that fit are
    // measured, so a note of thousands of characters costs the field's width per frame.
    var start = cursor
    var beforeWidth = 0
    while start > 0 {
      let w = DisplayWidth.of(text[start - 1])
      if beforeWidth + w > width - 1 { break }
      beforeWidth += w
      start -= 1
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
