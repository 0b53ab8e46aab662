import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The schedule marks what ran over, keeps the protocol's plan apart from the adjusted one and
/// says when rows are below the fold; the summary shows time round by round.
@Suite struct ScheduleAndSummaryTests {
  /// Four presenters, so the airtime is below the fold at 80x24.
  private func fourPresenters() throws -> LiveFixture {
    let slg = try #require(BuiltInProtocols.all.first { $0.id == BuiltInProtocols.defaultID })
    let f = try LiveFixture(consultingProtocol: slg)
    f.press(.character("w"))
    f.press(.character("a"))
    f.type("Dev O'Brien; Licensing; middle")
    f.press(.enter)
    f.press(.down, .down, .down, .character(" "))  // Dev presents third
    f.press(.character("a"))
    f.type("Eve; Fire Service; senior")
    f.press(.enter)
    f.press(.down, .down, .character(" "))  // Eve presents fourth
    f.press(.escape)
    return f
  }

  @Test func overrunsAdjustedPlansAndTheFoldShowAt80x24() throws {
    let f = try fourPresenters()
    #expect(f.live?.session.setup.presenters.count == 4)
    f.press(.character("+"))
    f.advance(680)  // the check-in ran over: 11:20 of its 11:00
    f.press(.character("n"))
    f.advance(10)
    f.press(.character("s"))
    let text = f.text
    #expect(text.contains(" !  08:00  Check-in"))
    #expect(text.contains("10:00  11:00  11:20 over"))
    #expect(text.contains("more rows below (airtime per presenter at the end)"))
    expectGolden(f.screen, "live-schedule-fold-80x24")
  }

  @Test func aLongPresenterNameIsCutBeforeThePlanColumnWithASpaceToSpare() throws {
    let f = try LiveFixture()
    f.press(.character("w"))
    f.press(.character("a"))
    f.type("Siobhán Ó Briain-Nakamura Fitzgerald; Licensing; middle")
    f.press(.enter)
    f.press(.down, .down, .down, .character(" "))  // she presents too
    f.press(.escape)
    f.press(.character("s"))
    let rows = f.text.split(separator: "\n").filter { $0.contains("Siobhán") }
    #expect(!rows.isEmpty)
    for row in rows {
      // The planned time never runs into the name: "…Briain-N…15:00" read as one word.
      #expect(row.range(of: #"[^ ]\d\d:\d\d"#, options: .regularExpression) == nil, "\(row)")
    }
  }

  @Test func theSummaryShowsEachRoundInsightsFeedbackAndAPlainRating() throws {
    let f = try LiveFixture(width: 80, height: 40)
    f.press(.character("n"))  // Zoë presents
    f.press(.enter)
    f.type("Licensing and health never meet")
    f.press(.enter)  // an insight, the phase's kind
    f.advance(400)  // round 1 overruns its 5:00
    for _ in 0..<4 { f.press(.character("n")) }
    f.press(.enter)
    f.type("The pace was right")
    f.press(.tab, .character("f"))  // the kind chooser: f for feedback
    f.press(.enter)
    f.press(.character("r"), .character("4"), .down, .character("3"), .escape)
    f.press(.character("n"))
    let text = f.text
    #expect(text.contains("Insights (1)"))
    #expect(text.contains("• Licensing and health never meet"))
    #expect(text.contains("Feedback (1)"))
    #expect(text.contains("Process rating: average 3.5 out of 5, from 2 people"))
    #expect(text.contains("Round 1 · Zoë Müller"))
    #expect(text.contains("Presenting: 06:40 / 05:00 · over"))
    #expect(text.contains("Round 2 · 王小明"))
    #expect(!text.contains("×2"))
  }

  /// PgDn turns a page of what shows (it moved 10 rows of 19), and no key scrolls past the
  /// last page: three PgDn too many made the next three PgUp do nothing.
  @Test func theSummaryScrollsByPagesAndStopsAtTheEnd() throws {
    let f = try LiveFixture(width: 80, height: 24)
    for text in (1...30).map({ "Theme number \($0) of the session" }) {
      f.press(.enter)
      f.type(text)
      f.press(.tab, .character("t"), .enter)
    }
    for _ in 0..<12 { f.press(.character("n")) }
    let summary = try #require(f.runner.state.screen as? SummaryState)
    let body = f.runner.state.environment.bodyHeight
    let total = SummaryScreen.lines(summary, now: f.clock.now(), width: 76).count
    #expect(total > 2 * body)
    f.press(.pageDown)
    #expect((f.runner.state.screen as? SummaryState)?.scroll == body - 2)
    for _ in 0..<10 { f.press(.pageDown) }
    let last = try #require((f.runner.state.screen as? SummaryState)?.scroll)
    #expect(last == total - (body - 1))
    #expect(f.text.contains("↑↓ PgUp PgDn scroll") && !f.text.contains("below ·"))
    f.press(.pageUp)
    #expect((f.runner.state.screen as? SummaryState)?.scroll == last - (body - 2))
  }
}
