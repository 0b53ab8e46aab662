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

  /// The warning after a removal (`delete`, `erase-person`) whose words are still in the
  /// database's free space, the disk having been full for clearing it.
  public static func notCleared(_ path: String) -> String {
    "Warning: what was removed is gone from every session, but its words are still in the free "
      + "space of \(oneLine(path)): the file could not be rewritten now (a full disk, or another "
      + "PeerConsult reading it). PeerConsult clears them the next time it opens the folder to "
      + "save, once nothing else is reading it and there is room."
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
  ///
  /// Given a `width` (the terminal's, when standard output is one), a table wider than it is
  /// first fitted (``fitted(_:into:shrinking:dropping:keepingEnds:wanting:)``), so that the
  /// terminal does not wrap a row into the next. Without one (piped, written to a file) every
  /// cell is whole.
  static func table(
    _ rows: [[String]], fitting width: Int? = nil, shrinking: [Int] = [], dropping: [Int] = [],
    keepingEnds: [Int] = [], wanting: [Int: Int] = [:]
  ) -> String {
    let rows =
      width.map {
        fitted(
          rows, into: $0, shrinking: shrinking, dropping: dropping, keepingEnds: keepingEnds,
          wanting: wanting)
      } ?? rows
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

  /// `rows` (headings first) narrowed to `width` columns: the cells of the `shrinking`
  /// columns are cut with `…`, the widest first, none below its heading (or 6 columns); if
  /// that is not enough, the `dropping` columns are left out in that order. A column in `keepingEnds`
  /// (a file's path) is cut at its start, so that its end shows. What still does not fit is
  /// left to the terminal. A row shorter than the headings is taken as ending in empty cells.
  /// A column in `wanting` is given that many columns (or its own width, if less) before any
  /// is cut below it, the `dropping` columns going first: `list` at 80 columns cut every title
  /// to six ("SLG 3…") to keep the presenters.
  static func fitted(
    _ rows: [[String]], into width: Int, shrinking: [Int], dropping: [Int],
    keepingEnds: [Int] = [], wanting: [Int: Int] = [:]
  ) -> [[String]] {
    guard let headings = rows.first else { return rows }
    let columns = headings.indices
    let rows = rows.map { row in
      columns.map { row.indices.contains($0) ? row[$0] : "" }
    }
    var widths = [Int](repeating: 0, count: headings.count)
    for row in rows {
      for (index, cell) in row.enumerated() {
        widths[index] = max(widths[index], cell.displayWidth)
      }
    }
    let shrinking = shrinking.filter(columns.contains)
    let floors = columns.map { index in
      shrinking.contains(index)
        ? min(widths[index], max(6, headings[index].displayWidth)) : widths[index]
    }
    func span(_ columns: [Int], _ widths: [Int]) -> Int {
      columns.reduce(0) { $0 + widths[$1] } + 2 * max(0, columns.count - 1)
    }
    let wanted = columns.map { index in
      max(floors[index], min(widths[index], wanting[index] ?? 0))
    }
    var kept = Array(columns)
    for column in dropping where span(kept, wanted) > width {
      kept.removeAll { $0 == column }
    }
    // A column at a time from the widest, so that the columns cut end up about as wide as
    // each other (on a tie the one named first gives way): a wide terminal shows much of each.
    let shrinkable = shrinking.filter(kept.contains)
    var excess = span(kept, widths) - width
    // Down to what each column wants first, and only then below it to the floors.
    for limits in [wanted, floors] {
      while excess > 0 {
        var widest: Int?
        for column in shrinkable where widths[column] > limits[column] {
          if widest.map({ widths[column] > widths[$0] }) ?? true { widest = column }
        }
        guard let widest else { break }
        widths[widest] -= 1
        excess -= 1
      }
    }
    return rows.map { row in
      kept.map { index in
        keepingEnds.contains(index)
          ? row[index].truncatedAtStart(toWidth: widths[index])
          : row[index].truncated(toWidth: widths[index])
      }
    }
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

  /// An error as one line: argument-parser words a usage error over several (the error, the
  /// option's help, the usage, where to read more), and the error and where to read more are
  /// what a user needs: "Error: Missing value for '--limit <N>'; see 'peerconsult list --help'."
  /// Other errors, whose lines are theirs (a protocol file's problems, one a line), are
  /// left as they are.
  public static func errorLine(_ message: String) -> String {
    let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
    guard lines.count > 1, let first = lines.first,
      let more = lines.last(where: {
        $0.hasPrefix("See '") && $0.hasSuffix(" --help' for more information.")
      })
    else { return message }
    let command = more.dropFirst("See '".count).dropLast("' for more information.".count)
    return "\(first); see '\(command)'."
  }

  /// The refusal of `word`, the first word of a command line, which names no command; its
  /// control characters spelt out, so that it stays one line.
  public static func unknownCommand(_ word: String) -> String {
    "Unknown command '\(quoted(word))'; run 'peerconsult --help' for the commands."
  }

  /// `argument`, as a refusal quotes what was typed: its control characters spelt out
  /// (`<U+000A>`), so that the refusal stays one line and shows what a terminal would hide.
  public static func quoted(_ argument: String) -> String {
    ControlCharacters.spelledOut(argument)
  }
}
