import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct SessionTimingTests {
  /// Runs slots 0...4 for 10, 20, 30, 40 and (still running) 5 seconds.
  private func halfWay() throws -> LiveFixture {
    let live = try LiveFixture()
    try live.session.start()
    for seconds in [10.0, 20, 30, 40] {
      live.clock.advance(by: seconds)
      try live.session.next()
    }
    live.clock.advance(by: 5)
    return live
  }

  @Test func beforeTheStartTheWholePlanIsAhead() throws {
    let live = try LiveFixture()
    #expect(live.session.state.projectedEnd(at: live.now) == live.now + 740)
    let report = live.session.state.scheduleReport(at: live.now)
    #expect(report.allSatisfy { $0.status == .upcoming })
    #expect(report[0].start == live.now && report[0].end == live.now + 60)
    #expect(report[7].end == live.now + 740)
  }

  @Test func theScheduleShowsPlannedAgainstActualAndTheProjectedEnd() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 50)
    try live.session.next()
    try live.session.adjustTime(minutes: 1)
    live.clock.advance(by: 20)
    try live.session.togglePause()
    live.clock.advance(by: 100)
    let now = live.now
    let report = live.session.state.scheduleReport(at: now)
    #expect(report.map(\.status) == [.done, .current] + Array(repeating: .upcoming, count: 6))
    #expect(report[0].usedSeconds == 50 && report[0].plannedSeconds == 60)
    #expect(report[0].start == Fixtures.start && report[0].end == Fixtures.start + 50)
    #expect(report[1].plannedSeconds == 100 && report[1].adjustedSeconds == 160)
    #expect(report[1].usedSeconds == 20 && report[1].end == now + 140)
    #expect(report[2].start == now + 140 && report[2].end == now + 260)
    #expect(live.session.state.projectedEnd(at: now) == now + 140 + 580)
  }

  @Test func aSlotAlreadyPartlyUsedOnlyNeedsWhatIsLeft() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.next()
    live.clock.advance(by: 30)
    try live.session.previous()
    let report = live.session.state.scheduleReport(at: live.now)
    #expect(report[1].status == .upcoming && report[1].usedSeconds == 30)
    #expect(report[1].end == report[1].start! + 70)
  }

  @Test func anOvertimePhaseIsExpectedToEndNow() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 90)
    let report = live.session.state.scheduleReport(at: live.now)
    #expect(report[0].end == live.now && report[1].start == live.now)
  }

  @Test func aFinishedSessionEndedWhenItFinished() throws {
    let live = try halfWay()
    try live.session.finish()
    live.clock.advance(by: 1000)
    #expect(live.session.state.projectedEnd(at: live.now) == Fixtures.start + 105)
    #expect(live.session.state.scheduleReport(at: live.now).allSatisfy { $0.status == .done })
  }

  @Test func airtimeIsTheTimeOfEachPresentersRound() throws {
    let live = try halfWay()
    let airtime = live.session.state.airtime(at: live.now)
    #expect(airtime.map(\.presenter) == [1, 0])
    #expect(airtime.map(\.usedSeconds) == [90, 5])
    #expect(airtime.map(\.plannedSeconds) == [310, 310])
  }

  @Test func phaseUsageSumsEachProtocolPhaseOverRounds() throws {
    let live = try halfWay()
    let usage = live.session.state.phaseUsage(at: live.now)
    #expect(
      usage.map(\.name) == [
        "Check-in", "Presenting", "Questions", "Sense-making", "Process review",
      ])
    #expect(usage.map(\.part) == [.opening, .round, .round, .round, .closing])
    #expect(usage.map(\.occurrences) == [1, 2, 2, 2, 1])
    #expect(usage.map(\.plannedSeconds) == [60, 200, 240, 180, 60])
    #expect(usage.map(\.usedSeconds) == [10, 25, 30, 40, 0])
  }

  /// Each phase's time is held against its plan with the facilitator's adjustments, and says
  /// in which rounds it ran over: `show` and the exports compared the total with the
  /// protocol's plan and marked no overrun, so a round that ran over beside one that ran
  /// short read as on time.
  @Test func phaseUsageHoldsTimeAgainstTheAdjustedPlanAndNamesTheRoundsThatRanOver() throws {
    let live = try LiveFixture()
    try live.session.start()
    // Check-in 70 of 60; round 1: presenting given a minute more, 120 of 160, questions 130
    // of 120, sense-making 10 of 90; round 2: presenting 110 of 100, questions 10, sense-making
    // 100 of 90; the process review 5 of 60.
    for (index, seconds) in [70.0, 120, 130, 10, 110, 10, 100].enumerated() {
      if index == 1 { try live.session.adjustTime(minutes: 1) }
      live.clock.advance(by: seconds)
      try live.session.next()
    }
    live.clock.advance(by: 5)
    let usage = live.session.state.phaseUsage(at: live.now)
    #expect(usage.map(\.plannedSeconds) == [60, 200, 240, 180, 60])
    #expect(usage.map(\.adjustedSeconds) == [60, 260, 240, 180, 60])
    #expect(usage.map(\.wholeUsedSeconds) == [70, 230, 140, 110, 5])
    #expect(usage.map(\.ranOver) == [true, true, true, true, false])
    #expect(usage.map(\.roundsOver) == [[], [1], [0], [1], []])
    #expect(usage.map(\.roundsOverText) == ["", "round 2", "round 1", "round 2", nil])
    var several = usage[2]
    several.roundsOver = [0, 1, 3]
    #expect(several.roundsOverText == "rounds 1, 2 and 4")
  }
}
