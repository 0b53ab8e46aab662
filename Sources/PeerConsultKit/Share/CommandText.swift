import Foundation
import TextLayout

/// The plain text the read commands print (`list`, `search`, `actions`, `import`, the
/// `protocols` commands), made here rather than in the executable so that it is tested without
/// a process, next to its JSON twin ``CommandJSON``. Every text ends in a newline.
///
/// Columns are measured in terminal cells and prose wraps with the screens' ``TextWrapper``,
/// so CJK text lines up and wraps at ``width`` columns as it does on screen.
public enum CommandText {
  /// The column prose wraps at: a terminal's traditional width, comfortable to read when
  /// printed to a wider one.
  public static let width = 80

  /// `text` as the command line writes it to standard output, standard error or a file: line
  /// breaks and tabs kept, every other control character shown as `�`. Whatever a command
  /// prints (a title, a file name, an argument echoed in a message) goes through this last,
  /// so none can retitle, clear or reprogram the terminal.
  public static func printable(_ text: String) -> String { text.withoutControlCharacters }

  /// `text` safe for one line of a terminal table: no control characters, no line breaks.
  static func oneLine(_ text: String) -> String {
    text.withoutControlCharacters.replacingLineBreaks(with: " ")
  }

  /// The line a command about many sessions writes for one it left out, on standard error.
  public static func skipped(_ error: StoreError) -> String {
    "Skipped: \(error.description)"
  }

  /// What `peerconsult check` says of a sound database.
  public static func checked(_ check: StoreCheck) -> String {
    "Checked every page of \(oneLine(check.path)): sound "
      + "(\(counted(check.pages, "page")), \(counted(check.sessions, "session")))."
  }

  /// "1 session", "2 sessions", or with an irregular plural given.
  public static func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) \(count == 1 ? one : many ?? one + "s")"
  }

  /// Left-aligned columns two spaces apart, measured in terminal columns so CJK text lines up;
  /// the last column is not padded.
  static func table(_ rows: [[String]]) -> String {
    // Each cell measured once and the table written into one string: a `list` is a table of
    // 50 rows, and building a string per cell and per row cost more than reading the rows.
    let cellWidths = rows.map { $0.map(\.displayWidth) }
    let widths = cellWidths.reduce(into: [Int](repeating: 0, count: rows.first?.count ?? 0)) {
      widths, row in
      for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
    }
    var text = ""
    text.reserveCapacity(rows.count * (widths.reduce(0, +) + 2 * widths.count + 1))
    for (row, rowWidths) in zip(rows, cellWidths) {
      for (index, cell) in row.enumerated() {
        text += cell
        guard index < row.count - 1 else { continue }
        text += String(repeating: " ", count: widths[index] - rowWidths[index] + 2)
      }
      text += "\n"
    }
    return text
  }

  /// `text` wrapped to ``width`` columns after `indent` spaces, each line ending in a newline,
  /// with an optional bullet hanging before the first line. A word longer than a line is
  /// broken, as CJK text written without spaces must be.
  static func wrap(_ text: String, indent: Int, bullet: String = "") -> String {
    let margin = String(repeating: " ", count: indent)
    let hanging = String(repeating: " ", count: bullet.displayWidth)
    let available = max(1, width - indent - bullet.displayWidth)
    return TextWrapper.wrap(text, width: available).enumerated().map { index, line in
      margin + (index == 0 ? bullet : hanging) + line + "\n"
    }.joined()
  }
}
