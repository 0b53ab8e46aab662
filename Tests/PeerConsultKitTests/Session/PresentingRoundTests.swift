import Foundation
import Testing

@testable import PeerConsultKit

/// The attendee list says of a presenter what their round is at the time: still to come,
/// under way, or done. `show` during a meeting said "presented round 1" of the presenter
/// still talking.
@Suite struct PresentingRoundTests {
  /// Ben (1) presents round 1 and Asha (0) round 2 in the fixture's setup.
  @Test func aPresenterIsPresentingWhileTheirRoundIsUnderWay() throws {
    let store = try StoreFixture()
    let live = try store.live()
    let utc = ShareOptions(timeZone: TimeZone(identifier: "UTC")!)
    func minutes() throws -> String {
      try SessionExport.render([store.database.record(of: live.id)], as: .markdown, options: utc)
    }
    func move(toRound round: Int) throws {
      while live.state.current?.round != round { try live.next() }
    }
    try live.start()
    #expect(live.state.roundUnderWay == nil)
    var text = try minutes()
    #expect(text.contains("  - Ben (NHS, frontline, presents round 1)"), "\(text)")

    try move(toRound: 0)
    #expect(live.state.roundUnderWay == 0)
    text = try minutes()
    #expect(text.contains("  - Ben (NHS, frontline, presenting round 1)"), "\(text)")
    #expect(text.contains("  - Asha (Council, senior, presents round 2)"), "\(text)")

    try move(toRound: 1)
    text = try minutes()
    #expect(text.contains("  - Ben (NHS, frontline, presented round 1)"), "\(text)")
    #expect(text.contains("  - Asha (Council, senior, presenting round 2)"), "\(text)")
    // Paused, the round is still under way.
    try live.togglePause()
    #expect(try minutes().contains("presenting round 2"))

    try live.finish()
    #expect(live.state.roundUnderWay == nil)
    text = try minutes()
    #expect(text.contains("  - Asha (Council, senior, presented round 2)"), "\(text)")
  }
}
