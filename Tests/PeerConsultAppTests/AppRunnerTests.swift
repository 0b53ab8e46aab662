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

  /// A screen that always has something to read ahead is let read ahead once between two
  /// inputs, not again and again while nobody types, nor at each tick.
  @Test func aScreenReadsAheadOnceBetweenTwoInputs() throws {
    let terminal = MemoryTerminal()
    let runner = AppRunner(
      terminal: terminal, services: try testServices(),
      state: AppState(screen: EagerReader(), width: 80, height: 24))
    // The memory terminal answers every wait at once with no input: a tick each time.
    var status: Int32?
    for _ in 0..<20 where status == nil { status = runner.step() }
    #expect(status == 0)
    let reader = try #require(runner.state.screen as? EagerReader)
    // Ticks are not inputs: one reading ahead, after the first frame and a look for input
    // that did not wait.
    #expect(reader.readings == 1 && reader.ticks == 3, "\(reader)")
    #expect(terminal.waits.first == 0, "\(terminal.waits)")
    #expect(terminal.waits.filter { $0 == 0 }.count == 1, "\(terminal.waits)")
  }
}

/// A screen that always wants to read ahead and counts the times it is let, and the ticks:
/// it leaves after its third tick, or its sixth reading ahead.
private struct EagerReader: Screen {
  static let keyBindings: [KeyBinding] = []
  var readings = 0
  var ticks = 0
  var keyContext: KeyContext { .home }
  var readsAhead: Bool { true }
  func title(_ environment: ScreenEnvironment) -> (left: String, right: String) { ("", "") }
  func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? { nil }
  mutating func readAhead(_ environment: ScreenEnvironment) -> [Effect] {
    readings += 1
    return readings > 5 ? [.exit(1)] : []
  }
  mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    guard case .tick = input else { return [] }
    ticks += 1
    return ticks == 3 ? [.exit(0)] : []
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
