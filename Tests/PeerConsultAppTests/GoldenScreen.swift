import Foundation
import TestSupport
import Testing

@testable import TerminalKit

/// Compares a rendered grid, characters and styles, with the golden file `Golden/<name>.txt`.
///
/// The file holds the screen's rows (trailing blanks dropped), then a `styles` line, then a
/// legend of the styled runs of each row (see ``GoldenScreen``), so a lost highlight or colour
/// fails like a wrong character. On a mismatch the failure lists each differing cell and legend
/// row. `PEERCONSULT_RECORD=1` records the file and fails the test (see `Golden`).
func expectGolden(
  _ grid: Grid, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  Golden.expect(
    GoldenScreen.text(of: grid), matches: "\(name).txt", filePath: filePath,
    sourceLocation: sourceLocation
  ) { expected in
    GoldenScreen.difference(grid, from: expected)
  }
}

/// The golden-file form of a screen: its text, then a legend of style runs.
///
/// A legend row reads `row 3: 0-1 bold fg=cyan | 12-79 reverse`: for row 3, columns 0 to 1
/// (inclusive) are bold cyan and columns 12 to 79 reverse video. Rows with no styled cell are
/// left out; runs of adjacent cells with equal styles are merged; attributes come in a fixed
/// order, so the legend is stable and a change shows as one changed line in a diff.
enum GoldenScreen {
  /// The line between the screen's rows and the legend.
  static let legendHeader = "-- styles: row N: first-last attributes --"

  static func text(of grid: Grid) -> String {
    let rows = grid.lines.map {
      $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
    }
    return (rows + [legendHeader] + legend(of: grid)).joined(separator: "\n") + "\n"
  }

  /// One line per row that has styled cells.
  static func legend(of grid: Grid) -> [String] {
    (0..<grid.height).compactMap { y in
      var runs: [String] = []
      var x = 0
      while x < grid.width {
        let style = grid[x, y].style
        var end = x
        while end + 1 < grid.width && grid[end + 1, y].style == style { end += 1 }
        if style != .plain { runs.append("\(x)-\(end) \(describe(style))") }
        x = end + 1
      }
      return runs.isEmpty ? nil : "row \(y): " + runs.joined(separator: " | ")
    }
  }

  /// A style as words, in a fixed order: `bold dim underline reverse fg=… bg=…`.
  static func describe(_ style: Style) -> String {
    var words: [String] = []
    if style.bold { words.append("bold") }
    if style.dim { words.append("dim") }
    if style.underline { words.append("underline") }
    if style.reverse { words.append("reverse") }
    if style.foreground != .default { words.append("fg=\(style.foreground)") }
    if style.background != .default { words.append("bg=\(style.background)") }
    return words.joined(separator: " ")
  }

  /// What differs between `grid` and a golden file's text: the cells, through
  /// `Grid.difference`, and the legend rows, expected and actual.
  static func difference(_ grid: Grid, from expected: String) -> String {
    var lines = expected.components(separatedBy: "\n")
    if lines.last == "" { lines.removeLast() }
    guard let header = lines.lastIndex(of: legendHeader) else {
      return "the golden file has no '\(legendHeader)' line: record it again"
    }
    var report: [String] = []
    if let cells = grid.difference(from: Array(lines[..<header])) { report.append(cells) }
    let wanted = Array(lines[(header + 1)...])
    let got = legend(of: grid)
    if wanted != got {
      report.append("styles:")
      report += wanted.filter { !got.contains($0) }.map { "  expected \($0)" }
      report += got.filter { !wanted.contains($0) }.map { "  actual   \($0)" }
    }
    return report.joined(separator: "\n")
  }
}
