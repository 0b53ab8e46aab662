import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct ProtocolBrowserTests {
  private func state(width: Int = 80, height: Int = 24, selection: Int = 0) -> AppState {
    var browser = ProtocolBrowserState(protocols: BuiltInProtocols.all)
    browser.selection = selection
    return AppState(screen: browser, width: width, height: height)
  }

  @Test func rendersTheDefaultProtocolAt80x24() {
    expectGolden(App.render(state()).grid, "protocols-80x24")
  }

  @Test func rendersAt120x40() {
    expectGolden(App.render(state(width: 120, height: 40, selection: 1)).grid, "protocols-120x40")
  }

  @Test func listsEveryBuiltInWithItsRoundTime() {
    let lines = App.render(state(width: 120, height: 40)).grid.lines
    for item in BuiltInProtocols.all {
      #expect(lines.contains { $0.contains(String(item.name.prefix(20))) }, "\(item.name) missing")
    }
  }

  @Test func openFromHomeLoadsTheLibraryAndEscReturns() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    for _ in 0..<3 { runner.handle(.key(.down)) }
    runner.handle(.key(.enter))
    guard let browser = runner.state.screen as? ProtocolBrowserState else {
      Issue.record("protocols did not open")
      return
    }
    #expect(browser.protocols.map(\.id) == BuiltInProtocols.all.map(\.id))
    runner.handle(.key(.down))
    guard let moved = runner.state.screen as? ProtocolBrowserState else { return }
    #expect(moved.selection == 1)
    runner.handle(.key(.escape))
    guard let home = runner.state.screen as? HomeState else {
      Issue.record("Esc did not return home")
      return
    }
    #expect(home.selection == HomeScreen.Entry.protocols.rawValue)
  }

  @Test func scrollsTheDetailAndReportsBadFiles() {
    var browser = ProtocolBrowserState(protocols: BuiltInProtocols.all, problems: ["x.yaml:1: bad"])
    let first = App.render(AppState(screen: browser)).grid
    #expect(first.lines.contains { $0.contains("1 file not loaded") })
    _ = browser.update(.action(.pageDown), ScreenEnvironment(now: Date()))
    let scrolled = App.render(AppState(screen: browser)).grid
    #expect(first.line(2) != scrolled.line(2))
  }
}
