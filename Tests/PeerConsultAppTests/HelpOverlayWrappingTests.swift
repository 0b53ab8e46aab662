import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The help overlay is where keys are learnt: nothing in it is cut short.
@Suite struct HelpOverlayWrappingTests {
  @Test func everyContextsHelpIsReadInFullAt80x24() {
    for context in KeyContext.allCases {
      var seen: [String] = []
      var scroll = 0
      while true {
        var grid = Grid(width: 80, height: 24)
        HelpOverlay.render(
          context: context, scroll: scroll, into: &grid,
          area: Rect(x: 0, y: 0, width: 80, height: 24))
        seen += grid.lines
        guard grid.lines.contains(where: { $0.contains("more below") }), scroll < 200 else {
          break
        }
        scroll += 1
      }
      let cut = seen.filter { $0.contains("…") }
      #expect(cut.isEmpty, "\(context.id): \(cut)")
      // Every word of the longest help is shown.
      let words =
        HelpOverlay.lines(for: context).map(\.help).max { $0.count < $1.count }?
        .split(separator: " ") ?? []
      let text = seen.joined(separator: " ").split(whereSeparator: { $0 == " " || $0 == "│" })
      #expect(words.allSatisfy { text.contains($0) }, "\(context.id)")
    }
  }
}
