import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The shared store's backlog in the title bar: it reaches the state as a result, like any
/// other I/O, and `App` draws it around whichever screen shows.
@Suite struct PushBacklogTitleTests {
  @Test func aLiveSessionWithABacklogShowsItInTheTitleBar() throws {
    let f = try LiveFixture()
    f.runner.deliver(.pushStatus(PushStatus(waiting: 3)))
    expectGolden(f.screen, "live-push-backlog-80x24")
    let wide = try LiveFixture(width: 120, height: 40)
    wide.runner.deliver(.pushStatus(PushStatus(waiting: 3)))
    expectGolden(wide.screen, "live-push-backlog-120x40")
  }

  @Test func theBacklogGoesWhenSentAndSaysWhyWhenAnotherMachineHoldsTheSession() throws {
    let f = try LiveFixture()
    f.runner.deliver(.pushStatus(PushStatus(waiting: 2, blocked: "held by dan@laptop2")))
    #expect(f.screen.line(0).contains("↑ 2 not sent: held by dan@laptop2"), "\(f.screen.line(0))")
    f.runner.deliver(.pushStatus(.idle))
    #expect(!f.screen.line(0).contains("↑"), "\(f.screen.line(0))")
    #expect(f.screen.line(0).contains("session 5e551011"), "\(f.screen.line(0))")
  }

  @Test func whenBothDoNotFitTheBacklogStaysAndTheScreensWordsGo() {
    let long = (left: String(repeating: "x", count: 60), right: "session 5e551011")
    #expect(App.titleRight(long, backlog: "↑ 3 waiting", width: 80) == "↑ 3 waiting")
    #expect(
      App.titleRight((left: "SLG 3", right: "session 5e551011"), backlog: "↑ 3 waiting", width: 80)
        == "↑ 3 waiting  session 5e551011")
    #expect(App.titleRight(long, backlog: "", width: 80) == "session 5e551011")
  }
}
