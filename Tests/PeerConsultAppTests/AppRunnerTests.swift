import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct AppRunnerTests {
  @Test func drawsHandlesResizeAndQuits() {
    let terminal = MemoryTerminal(width: 80, height: 24)
    let runner = AppRunner(terminal: terminal, clock: ManualClock(), state: AppState())
    runner.drawFrame()
    #expect(terminal.screen.lines.contains { $0.contains("New session") })
    #expect(runner.handle(.resize(width: 50, height: 12)) == nil)
    runner.drawFrame()
    #expect(terminal.screen.lines.contains { $0.contains("need 80x24, have 50x12") })
    runner.handle(.resize(width: 80, height: 24))
    runner.drawFrame()
    #expect(terminal.screen.lines.contains { $0.contains("New session") })
    #expect(runner.handle(.key(.character("q"))) == 0)
  }

  @Test func sleepsUntilAKeyWhenNothingMoves() {
    let runner = AppRunner(terminal: MemoryTerminal(), clock: ManualClock(), state: AppState())
    #expect(runner.waitMilliseconds() == nil)
  }

  @Test func unchangedFramesSendNoCells() {
    let terminal = MemoryTerminal()
    let runner = AppRunner(terminal: terminal, clock: ManualClock(), state: AppState())
    runner.drawFrame()
    runner.drawFrame()
    #expect(terminal.lastChangedCells == 0)
    runner.handle(.key(.down))
    runner.drawFrame()
    #expect(terminal.lastChangedCells > 0)
    #expect(terminal.lastChangedCells < 200)
  }
}
