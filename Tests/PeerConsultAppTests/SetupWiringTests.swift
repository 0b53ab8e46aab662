import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct SetupWiringTests {
  private func type(_ runner: AppRunner, _ text: String) {
    for c in text { runner.handle(.key(.character(c))) }
  }

  @Test func homeNewSessionFormStartsALiveSession() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    runner.handle(.key(.enter))
    guard runner.state.screen is SetupState else {
      Issue.record("New session did not open the form")
      return
    }
    type(runner, "SLG 4")
    runner.handle(.key(.tab))
    type(runner, "Alcohol Plan")
    runner.handle(.key(.tab))
    runner.handle(.key(.tab))
    runner.handle(.paste("Zoë Müller; City Council; senior\nAmira O'Neill; NHS Trust; frontline\n"))
    runner.handle(.key(.control("g")))
    guard let live = runner.state.screen as? LiveState else {
      Issue.record("Start did not go live: \(String(describing: runner.state.notice))")
      return
    }
    #expect(live.session.setup.title == "SLG 4")
    #expect(live.session.setup.programme == "Alcohol Plan")
    #expect(live.session.participants.map(\.name) == ["Zoë Müller", "Amira O'Neill"])
    #expect(live.session.setup.presenters == [0, 1])
    // Ready, not running: the first phase waits for Space.
    #expect(!live.session.isStarted)
    runner.handle(.key(.character(" ")))
    let started = try #require(runner.state.screen as? LiveState)
    #expect(started.session.current?.phase.name == BuiltInProtocols.all[0].opening.first?.name)
    #expect(!runner.state.leavesProgram)
  }

  @Test func escapeFromAnEmptyFormGoesHome() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    runner.handle(.key(.enter))
    runner.handle(.key(.escape))
    guard let home = runner.state.screen as? HomeState else {
      Issue.record("Esc did not go home")
      return
    }
    #expect(home.selection == HomeScreen.Entry.newSession.rawValue)
  }
}

@Suite struct ReviewPasteTests {
  @Test func aPasteIntoTheReviewFilterTypesAndNeverActs() throws {
    let runner = AppRunner(
      terminal: MemoryTerminal(), services: try testServices(), state: AppState())
    for _ in 0..<2 { runner.handle(.key(.down)) }
    runner.handle(.key(.enter))
    guard runner.state.screen is ReviewState else {
      Issue.record("Review did not open")
      return
    }
    runner.handle(.paste("crème\nq"))
    guard runner.state.screen is ReviewState else {
      Issue.record("the pasted q acted as a key")
      return
    }
    runner.drawFrame()
    #expect(App.render(runner.state).grid.lines.contains { $0.contains("crème q") })
  }
}
