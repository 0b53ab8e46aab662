import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A search hit's snippet shows its match, however wide the characters before it.
@Suite struct HighlightedLineTests {
  private func row(_ text: String, marking match: String, width: Int) -> (String, [Style]) {
    let range = text.range(of: match)!
    var grid = Grid(width: width, height: 1)
    HighlightedLine.draw(
      HighlightedText(text: text, highlights: [range]), x: 0, y: 0, width: width, into: &grid)
    return (grid.lines[0], (0..<width).map { grid[$0, 0].style })
  }

  @Test func aMatchBeyondTheWidthIsBroughtIntoViewAfterAnEllipsis() {
    // 53 wide characters before the match, as an excerpt puts it a third of the way in.
    let text = String(repeating: "酒", count: 53) + "小明" + String(repeating: "酒", count: 30)
    let (line, styles) = row(text, marking: "小明", width: 40)
    #expect(line.hasPrefix("…"))
    #expect(line.contains("小明"))
    #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    #expect(styles.contains(Theme.highlight))
  }

  @Test func aMatchAsWideAsTheRowAtTheStartIsCutAtTheEndOnly() {
    let text = String(repeating: "明", count: 6) + String(repeating: "酒", count: 20)
    let line = row(text, marking: String(repeating: "明", count: 6), width: 10).0
    #expect(line.hasPrefix("明明明明"))
    #expect(line.trimmingCharacters(in: .whitespaces).hasSuffix("…"))
  }

  @Test func aMatchInViewOrATextThatFitsIsDrawnFromItsStart() {
    let text = "Licensing and public health rarely meet, said the panel again and again"
    #expect(row(text, marking: "health", width: 40).0.hasPrefix("Licensing and public health"))
    #expect(row("short 小明", marking: "小明", width: 40).0.hasPrefix("short 小明"))
  }
}
