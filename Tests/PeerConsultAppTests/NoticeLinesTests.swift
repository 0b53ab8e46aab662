import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A notice too long for one row takes two above the footer, so that what it says to do is
/// read whole; the screen gives up the row while it shows.
@Suite struct NoticeLinesTests {
  private static let long =
    "Cannot resume: the session is open in another PeerConsult (process 4242). Quit it there, "
    + "or wait for it to end, then carry on with peerconsult resume."

  @Test func aLongNoticeIsReadWholeOnTwoRowsAboveTheFooter() throws {
    let f = try LiveFixture()
    var state = f.runner.state
    state.notice = Notice(Self.long, tone: .error)
    let lines = App.render(state).grid.lines
    let footer = lines[23]
    #expect(!footer.contains("Cannot resume"))
    let notice = lines[21] + lines[22]
    #expect(
      notice.contains("Cannot resume:") && notice.contains("carry on with peerconsult resume."))
    #expect(!notice.contains("…"))
    // The screen ends a row higher, and one row suffices again once the notice is short.
    #expect(App.screenArea(state).maxY == 21)
    state.notice = Notice("Note saved.", tone: .success)
    #expect(App.screenArea(state).maxY == 22)
    #expect(App.render(state).grid.lines[22].contains("Note saved."))
    // One row holds 79 columns after its space; one column more takes the second.
    state.notice = Notice(String(repeating: "n", count: 79))
    #expect(App.screenArea(state).maxY == 22)
    state.notice = Notice(String(repeating: "n", count: 77) + " n")
    #expect(App.screenArea(state).maxY == 22)
    state.notice = Notice(String(repeating: "n", count: 80))
    #expect(App.screenArea(state).maxY == 21)
    state.notice = Notice("Saved.\nThen")
    #expect(App.screenArea(state).maxY == 21)
  }

  @Test func aNoticeLongerThanTwoRowsEndsTheSecondWithAnEllipsis() {
    var grid = Grid(width: 30, height: 2)
    Chrome.notice(
      Notice(Self.long), into: &grid, area: Rect(x: 0, y: 0, width: 30, height: 2))
    #expect(grid.lines[0].hasPrefix(" Cannot resume: the session is"))
    #expect(grid.lines[1].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    #expect(grid.lines.allSatisfy { $0.displayWidth <= 30 })
  }
}
