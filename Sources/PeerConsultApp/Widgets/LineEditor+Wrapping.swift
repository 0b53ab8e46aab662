import Synchronization
import TerminalKit

/// A text field drawn over several rows: the note line grows as a note is typed and shrinks
/// back as it is deleted, so a long note stays in view with its cursor.
///
/// Like the one-row field, a frame measures only the text near the cursor: a note of
/// thousands of characters is laid out from a point a few rows' worth before the cursor, so
/// every key costs the same however long the note.
extension LineEditor {
  /// The rows of the text near the cursor and where the cursor stands in them.
  struct WrappedLayout {
    /// Ranges of character indices, one per row; the first may start after the text's start.
    var rows: [Range<Int>]
    var cursorRow: Int
    var cursorColumn: Int
    /// The rows needed, the cursor's included (one more when it stands after a full row).
    var rowCount: Int { max(rows.count, cursorRow + 1) }

    /// The rows drawn in `maxRows`, and the first of them: scrolled so the cursor's row
    /// shows.
    func window(_ maxRows: Int) -> (shown: Int, first: Int) {
      let shown = min(maxRows, rowCount)
      return (shown, max(0, min(cursorRow - shown + 1, rowCount - shown)))
    }
  }

  /// Lays out the text near the cursor in rows of `width` columns, enough for `maxRows` rows
  /// around it: breaks after the last space that fits, or mid-word when a word is wider than
  /// a row.
  func wrappedLayout(width: Int, maxRows: Int) -> WrappedLayout {
    let width = max(1, width)
    let span = max(1, maxRows) * width
    var lower = 0
    var upper = text.count
    if text.count > 2 * span {
      // Start a row's worth of words before what can show, at a word's start.
      lower = max(0, cursor - span - width)
      if lower > 0,
        let space = text[lower..<min(cursor, lower + width)].firstIndex(where: \.isPlainSpace)
      {
        lower = space + 1
      }
      upper = min(text.count, cursor + span)
    }
    // Laid out once per text and cursor: a key's echo asks four times (the editor's rows
    // before and after the key, then drawing them), and the frame before asked for the
    // previous text's, so the last few are kept by the text's version (``textVersion``). A
    // pure function still: the same version is the same text.
    let key = LayoutKey(version: textVersion, range: lower..<upper, width: width, cursor: cursor)
    if let layout = Self.recentLayouts.withLock({ $0.layouts.first { $0.key == key }?.layout }) {
      return layout
    }
    let rows = laidOut(lower..<upper, width: width)
    let row = rows.firstIndex { $0.contains(cursor) } ?? rows.count - 1
    let column = text[rows[row].lowerBound..<cursor].reduce(0) { $0 + DisplayWidth.of($1) }
    let layout =
      column >= width
      ? WrappedLayout(rows: rows, cursorRow: row + 1, cursorColumn: 0)
      : WrappedLayout(rows: rows, cursorRow: row, cursorColumn: column)
    Self.recentLayouts.withLock { recent in
      if recent.layouts.count >= Self.layoutsKept { recent.layouts.removeFirst() }
      recent.layouts.append((key, layout))
    }
    return layout
  }

  /// The rows of `range` at `width`. When the text before the last change was laid out over
  /// the same range's start, its rows before the change are kept: a greedy wrap decides a
  /// row from the row's own characters and the first word of the next, so a change moves
  /// the row it is in and the one before, never those above. Typing at the end of a long
  /// note then wraps its last rows only.
  private func laidOut(_ range: Range<Int>, width: Int) -> [Range<Int>] {
    guard parentVersion != 0,
      let parent = Self.recentLayouts.withLock({ recent in
        recent.layouts.first {
          $0.key.version == parentVersion && $0.key.width == width
            && $0.key.range.lowerBound == range.lowerBound
        }?.layout.rows
      })
    else { return Self.breakRows(text, range, width: width) }
    let changedRow = parent.firstIndex { $0.upperBound > changedFrom } ?? parent.count - 1
    let kept = max(0, changedRow - 1)
    guard kept > 0 else { return Self.breakRows(text, range, width: width) }
    Self.recentLayouts.withLock { $0.rowsKept += kept }
    return Array(parent[..<kept])
      + Self.breakRows(text, parent[kept].lowerBound..<range.upperBound, width: width)
  }

  /// What a layout was made of: the text (by version), the part of it laid out, the width
  /// and the cursor.
  private struct LayoutKey: Equatable {
    var version: UInt64
    var range: Range<Int>
    var width: Int
    var cursor: Int
  }

  /// Enough for the frame shown and the one being drawn, with room for another field.
  private static let layoutsKept = 4
  private static let recentLayouts = Mutex(RecentLayouts())

  /// The layouts kept, oldest first, and how many rows were kept from a text's layout for
  /// the text after its change (for the tests).
  private struct RecentLayouts {
    var layouts: [(key: LayoutKey, layout: WrappedLayout)] = []
    var rowsKept = 0
  }

  /// Rows kept so far from a layout of the text before a change.
  static var rowsKeptAcrossChanges: Int { recentLayouts.withLock { $0.rowsKept } }

  /// Greedy word wrap of `range` of `text`.
  static func breakRows(_ text: [Character], _ range: Range<Int>, width: Int) -> [Range<Int>] {
    var rows: [Range<Int>] = []
    var start = range.lowerBound
    var used = 0
    var afterSpace: Int?
    var index = range.lowerBound
    while index < range.upperBound {
      let characterWidth = DisplayWidth.of(text[index])
      if used + characterWidth > width && index > start {
        let end = afterSpace.flatMap { $0 > start ? $0 : nil } ?? index
        rows.append(start..<end)
        start = end
        used = text[start..<index].reduce(0) { $0 + DisplayWidth.of($1) }
        afterSpace = nil
        continue
      }
      used += characterWidth
      if text[index].isPlainSpace { afterSpace = index + 1 }
      index += 1
    }
    rows.append(start..<range.upperBound)
    return rows
  }

  /// The rows the field needs at `width`, the cursor's included, counting no further than
  /// `limit`.
  public func rowCount(width: Int, limit: Int) -> Int {
    guard limit > 0 else { return 0 }
    // A row holds at most `width` characters: a longer text fills every row there is.
    if text.count >= limit * max(1, width) { return limit }
    return min(limit, wrappedLayout(width: width, maxRows: limit).rowCount)
  }

  /// Draws the field in up to `maxRows` rows of `width` columns, scrolled so the cursor's row
  /// shows (a "…" marks text above); returns the cursor's screen position.
  public func renderWrapped(
    into grid: inout Grid, x: Int, y: Int, width: Int, maxRows: Int, style: Style = .plain
  ) -> (x: Int, y: Int) {
    guard width > 1, maxRows > 0 else { return (x, y) }
    let layout = wrappedLayout(width: width, maxRows: maxRows)
    let (shown, first) = layout.window(maxRows)
    for offset in 0..<shown {
      grid.fill(Rect(x: x, y: y + offset, width: width, height: 1), with: Cell(" ", style: style))
      let row = first + offset
      guard layout.rows.indices.contains(row) else { continue }
      grid.put(
        characters: text[layout.rows[row]], x: x, y: y + offset, style: style, maxWidth: width)
    }
    let hidden = first > 0 || (layout.rows.first?.lowerBound ?? 0) > 0
    if hidden { grid.put("…", x: x, y: y, style: Theme.muted) }
    return (x + layout.cursorColumn, y + layout.cursorRow - first)
  }

  /// How many of the rows ``renderWrapped(into:x:y:width:maxRows:style:)`` draws, from the
  /// top, it draws the same for `previous` as for this editor: none unless this text is
  /// `previous`'s changed once, and then those above the change that stand where they
  /// stood, the last row drawn never among them. Typing at the end of a note of several
  /// rows then redraws its last row alone.
  func rowsDrawnAlike(as previous: LineEditor, width: Int, maxRows: Int) -> Int {
    guard width > 1, maxRows > 0, parentVersion != 0, parentVersion == previous.textVersion
    else { return 0 }
    let now = wrappedLayout(width: width, maxRows: maxRows)
    let then = previous.wrappedLayout(width: width, maxRows: maxRows)
    let (shown, first) = now.window(maxRows)
    guard then.window(maxRows) == (shown, first),
      now.rows.first?.lowerBound == then.rows.first?.lowerBound
    else { return 0 }
    var alike = 0
    while alike < shown - 1 {
      let row = first + alike
      guard now.rows.indices.contains(row), then.rows.indices.contains(row),
        now.rows[row] == then.rows[row], now.rows[row].upperBound <= changedFrom
      else { break }
      alike += 1
    }
    return alike
  }
}
