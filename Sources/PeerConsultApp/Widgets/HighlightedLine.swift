import PeerConsultKit
import TerminalKit

/// Draws text with marked ranges (search matches) on one row, the marks in
/// ``Theme/highlight``.
public enum HighlightedLine {
  /// Draws `text` from (x, y) in at most `width` columns, cut with `…` when it does not fit.
  public static func draw(
    _ text: HighlightedText, x: Int, y: Int, width: Int, style: Style = .plain,
    into grid: inout Grid
  ) {
    guard width > 0 else { return }
    let string = text.text
    let fits = string.displayWidth <= width
    // Leave a column for the `…` when the text is cut.
    let limit = fits ? width : width - 1
    var column = x
    var run = ""
    var runIsMarked = false
    func flush() {
      guard !run.isEmpty else { return }
      column += grid.put(run, x: column, y: y, style: runIsMarked ? Theme.highlight : style)
      run = ""
    }
    var used = 0
    var index = string.startIndex
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
