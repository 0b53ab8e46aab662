import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A new session opens ready, not running: set-up, check-in chatter and latecomers cost no
/// phase time until Space starts the first phase.
@Suite struct LiveReadyTests {
  @Test func aNewSessionWaitsForSpaceAt80x24() throws {
    let f = try LiveFixture(started: false)
    f.advance(300)
    let live = try #require(f.live)
    #expect(!live.session.isStarted)
    #expect(f.text.contains("02:00 left of 02:00"))
    #expect(f.text.contains("Space starts the first phase"))
    #expect(f.screen.lines.last?.contains("Space start ") == true)
    expectGolden(f.screen, "live-ready-80x24")
    f.press(.character(" "))
    #expect(f.live?.session.isStarted == true)
    f.advance(30)
    #expect(f.text.contains("01:30 left of 02:00"))
    #expect(f.screen.lines.last?.contains("Space pause ") == true)
  }

  @Test func aNoteBeforeTheStartSaysHowToStart() throws {
    let f = try LiveFixture(started: false)
    f.press(.enter)
    #expect(f.live?.editor == nil)
    #expect(f.runner.state.notice?.text.contains("Space starts the first phase") == true)
  }

  @Test func theFooterSaysResumeWhilePaused() throws {
    let f = try LiveFixture()
    f.press(.character(" "))
    #expect(f.live?.session.isPaused == true)
    #expect(f.screen.lines.last?.contains("Space resume ") == true)
  }

  @Test func resumingASessionLeftBeforeItsStartKeepsItReady() throws {
    let f = try LiveFixture(started: false)
    let id = try #require(f.live?.sessionID)
    f.press(.character("q"), .character("y"))
    f.advance(600)
    f.runner.perform(.resume(id))
    let live = try #require(f.live)
    #expect(!live.session.isStarted)
    #expect(f.text.contains("02:00 left of 02:00"))
  }
}
