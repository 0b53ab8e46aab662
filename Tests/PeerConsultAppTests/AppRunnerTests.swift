import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct AppRunnerTests {
  @Test func drawsHandlesResizeAndQuits() throws {
    let terminal = MemoryTerminal(width: 80, height: 24)
    let runner = AppRunner(terminal: terminal, services: try testServices(), state: AppState())
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

  @Test func sleepsUntilAKeyWhenNothingMoves() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    #expect(runner.waitMilliseconds() == nil)
  }

  @Test func unchangedFramesSendNoCells() throws {
    let terminal = MemoryTerminal()
    let runner = AppRunner(terminal: terminal, services: try testServices(), state: AppState())
    runner.drawFrame()
    runner.drawFrame()
    #expect(terminal.lastChangedCells == 0)
    runner.handle(.key(.down))
    runner.drawFrame()
    #expect(terminal.lastChangedCells > 0)
    #expect(terminal.lastChangedCells < 200)
  }

  /// A paste or a held key arrives as a burst: drawing after each key would make the program
  /// fall behind, so frames wait until the burst is taken.
  @Test func keysThatArriveTogetherAreTakenBeforeTheNextFrame() throws {
    let terminal = MemoryTerminal()
    let runner = AppRunner(terminal: terminal, services: try testServices(), state: AppState())
    for _ in 0..<HomeScreen.Entry.quit.rawValue { terminal.send(.key(.down)) }
    terminal.send(.key(.enter))
    #expect(runner.run() == 0)
    #expect(terminal.frames == 0)
  }
}

/// Services over an in-memory database (`database`, or a new empty one) and a private
/// temporary folder for files: tests never touch the user's data.
func testServices(clock: ManualClock = ManualClock(), database: AppDatabase? = nil) throws
  -> AppServices
{
  let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
    "pc-app-\(UUID().uuidString)")
  let database = try database ?? AppDatabase.inMemory()
  return AppServices(
    location: DataLocation(
      dataDirectory: folder.appendingPathComponent("data"),
      protocolsDirectory: folder.appendingPathComponent("protocols")),
    clock: clock, openStore: { database }, openReader: { database })
}
