import Foundation
import TerminalKit

/// Writes a line to standard error, after whatever standard output holds.
func printError(_ text: String) {
  // Flushing first keeps the two streams in order when both go to one terminal or file.
  fflush(nil)
  FileHandle.standardError.write(Data((text + "\n").utf8))
}

/// Left-aligned columns two spaces apart, measured in terminal columns so CJK text lines up;
/// the last column is not padded.
func table(_ rows: [[String]]) -> String {
  let widths = rows.reduce(into: [Int](repeating: 0, count: rows.first?.count ?? 0)) {
    widths, row in
    for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.displayWidth) }
  }
  return rows.map { row in
    row.enumerated().map { index, cell in
      index == row.count - 1
        ? cell : cell + String(repeating: " ", count: widths[index] - cell.displayWidth + 2)
    }.joined()
  }.joined(separator: "\n")
}

/// Wraps each paragraph of `text` to 80 columns after `indent` spaces, with an optional bullet
/// hanging before the first line.
func wrap(_ text: String, indent: Int, bullet: String = "") -> String {
  let width = 80
  let margin = String(repeating: " ", count: indent)
  let hanging = String(repeating: " ", count: bullet.count)
  var output = ""
  for (index, paragraph) in text.split(separator: "\n", omittingEmptySubsequences: false)
    .enumerated()
  {
    var line = margin + (index == 0 ? bullet : hanging)
    var lineHasWords = false
    for word in paragraph.split(separator: " ") {
      if lineHasWords, line.count + 1 + word.count > width {
        output += line + "\n"
        line = margin + hanging
        lineHasWords = false
      }
      line += (lineHasWords ? " " : "") + word
      lineHasWords = true
    }
    output += line + "\n"
  }
  return output
}
