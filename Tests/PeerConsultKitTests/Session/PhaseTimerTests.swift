import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct PhaseTimerTests {
  private func timer(_ planned: Int, _ elapsed: TimeInterval) -> PhaseTimer {
    PhaseTimer(plannedSeconds: planned, elapsed: elapsed, isRunning: true)
  }

  @Test func theDisplayCountsDownFromTheFullLengthThenUpInOvertime() {
    #expect(timer(300, 0).display == "05:00")
    #expect(timer(300, 0.3).display == "05:00")
    #expect(timer(300, 1).display == "04:59")
    #expect(timer(300, 299.5).display == "00:01")
    #expect(timer(300, 300).display == "+00:00")
    #expect(timer(300, 301.2).display == "+00:01")
    #expect(timer(300, 300 + 61).display == "+01:01")
    #expect(timer(7500, 0).display == "125:00")
    #expect(timer(300, 299.5).displaySeconds == 1)
    #expect(!timer(300, 299.999).isOvertime && timer(300, 300).isOvertime)
  }

  @Test func bandsTurnAmberThenRedThenOvertime() {
    #expect(timer(100, 79).band() == .normal)
    #expect(timer(100, 80).band() == .warning)
    #expect(timer(100, 94.5).band() == .warning)
    #expect(timer(100, 95).band() == .critical)
    #expect(timer(100, 99.9).band() == .critical)
    #expect(timer(100, 100).band() == .overtime)
    #expect(timer(0, 0).band() == .overtime)
    let custom = TimerThresholds(warning: 0.5, critical: 0.25)
    #expect(timer(100, 50).band(custom) == .warning)
    #expect(timer(100, 75).band(custom) == .critical)
  }

  @Test func progressIsTheShareUsedAndStopsAtOne() {
    #expect(timer(200, 0).progress == 0)
    #expect(timer(200, 50).progress == 0.25)
    #expect(timer(200, 500).progress == 1)
    #expect(timer(0, 0).progress == 1)
  }

  @Test func theWaitEndsWhenTheShownSecondOrTheBandChanges() {
    #expect(abs(timer(300, 0.3).secondsUntilChange() - 0.7) < 1e-9)
    #expect(timer(300, 0).secondsUntilChange() == 1)
    #expect(timer(100, 79.5).secondsUntilChange() == 0.5)
    // 7 s: amber at 1.4 s left comes before the display's next second.
    #expect(abs(timer(7, 5).secondsUntilChange() - 0.6) < 1e-9)
    #expect(abs(timer(7, 5.5).secondsUntilChange() - 0.1) < 1e-9)
    #expect(timer(7, 7).secondsUntilChange() == 1)
    #expect(timer(7, 7.25).secondsUntilChange() == 0.75)
  }

  @Test func followingTheDeadlinesShowsEverySecondAndBandExactlyOnce() throws {
    let live = try LiveFixture(shortSetup(seconds: 7))
    try live.session.start()
    var shown: [String] = []
    for _ in 0..<20 where shown.last != "+00:03 overtime" {
      let timer = try #require(live.session.timer())
      shown.append("\(timer.display) \(timer.band())")
      let deadline = try #require(live.session.nextDeadline())
      #expect(deadline > live.now)
      live.clock.set(deadline)
    }
    #expect(
      shown == [
        "00:07 normal", "00:06 normal", "00:05 normal", "00:04 normal", "00:03 normal",
        "00:02 normal", "00:02 warning", "00:01 warning", "00:01 critical", "+00:00 overtime",
        "+00:01 overtime", "+00:02 overtime", "+00:03 overtime",
      ])
  }

  @Test func thereIsNoDeadlineWhileNothingRuns() throws {
    let live = try LiveFixture()
    #expect(live.session.nextDeadline() == nil)
    try live.session.start()
    #expect(live.session.nextDeadline() == live.now + 1.001)
    try live.session.togglePause()
    #expect(live.session.nextDeadline() == nil)
    try live.session.togglePause()
    try live.session.finish()
    #expect(live.session.nextDeadline() == nil)
  }

  private func shortSetup(seconds: Int) -> SessionSetup {
    var setup = Fixtures.setup()
    setup.consultingProtocol.opening = [
      Phase(name: "Go", durationSeconds: seconds, speaker: .everyone)
    ]
    return setup
  }
}
