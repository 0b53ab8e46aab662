import PeerConsultKit
import TerminalKit

/// Draws text with marked ranges (search matches) on one row, the marks in
/// ``Theme/highlight``.
public enum HighlightedLine {
  /// Draws `text` from (x, y) in at most `width` columns, cut with `…` when it does not fit,
  /// and started later, after a `…`, when its first mark would otherwise be cut away.
  public static func draw(
    _ text: HighlightedText, x: Int, y: Int, width: Int, style: Style = .plain,
    into grid: inout Grid
  ) {
    guard width > 0 else { return }
    let string = text.text
    var column = x
    // A first mark that would end past the width (a snippet of wide CJK characters, whose
    // match stands a third of the way in by characters) is brought into view: the text starts
    // later, after a `…`, with about a third of the width before the mark where it fits.
    var index = string.startIndex
    if width > 2, string.displayWidth > width,
      let mark = text.highlights.min(by: { $0.lowerBound < $1.lowerBound }),
      mark.lowerBound > string.startIndex, DisplayWidth.of(string[..<mark.upperBound]) > width - 1
    {
      let before = max(0, min((width - 2) / 3, width - 2 - DisplayWidth.of(string[mark])))
      var used = 0
      index = mark.lowerBound
      while index > string.startIndex {
        let previous = string.index(before: index)
        let characterWidth = DisplayWidth.of(string[previous])
        if used + characterWidth > before { break }
        used += characterWidth
        index = previous
      }
      // When all before the mark fits in the room kept for it, nothing goes: the mark, as wide
      // as the row, is cut at the end instead.
      if index > string.startIndex {
        column += grid.put("…", x: column, y: y, style: style)
      }
    }
    let width = width - (column - x)
    let fits = DisplayWidth.of(string[index...]) <= width
    // Leave a column for the `…` when the text is cut.
    let limit = fits ? width : width - 1
    var run = ""
    var runIsMarked = false
    func flush() {
      guard !run.isEmpty else { return }
      column += grid.put(run, x: column, y: y, style: runIsMarked ? Theme.highlight : style)
      run = ""
    }
    var used = 0
    while index < string.endIndex {
      let next = string.index(after: index)
      let character = string[index]
      let characterWidth = DisplayWidth.of(character)
      if used + characterWidth > limit { break }
      let marked = text.highlights.contains { $0.overlaps(index..<next) }
      if marked != runIsMarked {
        flush()
        runIsMarked = marked
      }
      run.append(character)
      used += characterWidth
      index = next
    }
    flush()
    if !fits { grid.put("…", x: column, y: y, style: style) }
  }
}
