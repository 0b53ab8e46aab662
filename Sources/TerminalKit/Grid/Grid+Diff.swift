extension Grid {
  /// Compares the grid with expected lines; nil when they match, otherwise a readable report
  /// listing each differing row and cell as `(x,y) expected 'a' got 'b'`.
  ///
  /// Expected lines shorter than the grid are padded with spaces, so tests need not spell
  /// out trailing blanks.
  public func difference(from expected: [String]) -> String? {
    var report: [String] = []
    if expected.count != height {
      report.append("height: expected \(expected.count) rows, got \(height)")
    }
    for y in 0..<min(height, expected.count) {
      let want = Grid.row(expected[y], width: width)
      let got = (0..<width).map { self[$0, y] }
      guard want.map(\.character) != got.map(\.character) else { continue }
      report.append("row \(y):")
      report.append("  expected |\(expected[y].padded(toWidth: width))|")
      report.append("  actual   |\(line(y))|")
      var shown = 0
      for x in 0..<width where want[x].character != got[x].character {
        if shown == 8 {
          report.append("  ...")
          break
        }
        report.append("  (\(x),\(y)) expected '\(want[x].character)' got '\(got[x].character)'")
        shown += 1
      }
    }
    return report.isEmpty ? nil : report.joined(separator: "\n")
  }

  /// One expected line laid out as cells, the way `put` would.
  private static func row(_ text: String, width: Int) -> [Cell] {
    var grid = Grid(width: width, height: 1)
    grid.put(text, x: 0, y: 0)
    return (0..<width).map { grid[$0, 0] }
  }
}
