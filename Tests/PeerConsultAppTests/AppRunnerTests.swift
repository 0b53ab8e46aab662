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

/// A window made too small hides the screen; what is typed meanwhile is not lost.
@Suite struct TooSmallTypingTests {
  @Test func textTypedOrPastedWhileTheWindowIsTooSmallIsInTheNoteWhenItGrowsBack() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Licensing")
    f.runner.handle(.resize(width: 40, height: 10))
    #expect(f.text.contains("too small"))
    f.type(" and health")
    f.runner.handle(.paste(" meet"))
    // Keys that would act unseen still do nothing: Enter does not save the note.
    f.press(.enter, .escape)
    f.runner.handle(.resize(width: 80, height: 24))
    #expect(f.live?.editor.map { String($0.line.text) } == "Licensing and health meet")
    #expect(f.live?.session.notes.isEmpty == true)
    f.press(.enter)
    #expect(f.live?.session.notes.map(\.text) == ["Licensing and health meet"])
  }
}

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
