import Testing

@testable import TerminalKit

/// The golden-screen format: text, then a legend of style runs that catches lost styles.
@Suite struct GoldenScreenTests {
  private func sample() -> Grid {
    var grid = Grid(width: 12, height: 3)
    grid.put("Home", x: 0, y: 0, style: Style(foreground: .cyan, bold: true))
    grid.put("Selected", x: 0, y: 1)
    grid.restyle(Rect(x: 0, y: 1, width: 12, height: 1)) { $0.reverse = true }
    grid.put("plain", x: 2, y: 2)
    return grid
  }

  @Test func theLegendListsStyledRunsPerRow() {
    #expect(
      GoldenScreen.text(of: sample())
        == """
        Home
        Selected
          plain
        -- styles: row N: first-last attributes --
        row 0: 0-3 bold fg=cyan
        row 1: 0-11 reverse

        """)
  }

  @Test func aLostHighlightIsReportedThoughTheTextIsTheSame() {
    let golden = GoldenScreen.text(of: sample())
    var unhighlighted = sample()
    unhighlighted.restyle(Rect(x: 0, y: 1, width: 12, height: 1)) { $0.reverse = false }
    #expect(GoldenScreen.text(of: unhighlighted) != golden)
    #expect(
      GoldenScreen.difference(unhighlighted, from: golden)
        == "styles:\n  expected row 1: 0-11 reverse")
  }

  @Test func aChangedCharacterIsReportedByCell() {
    let golden = GoldenScreen.text(of: sample())
    var changed = sample()
    changed.put("H0me", x: 0, y: 0, style: Style(foreground: .cyan, bold: true))
    #expect(GoldenScreen.difference(changed, from: golden).contains("(1,0) expected 'o' got '0'"))
  }
}
