import Foundation
import Testing

@testable import PeerConsultKit

/// Someone leaves before the end (the `w` screen's `l`): the time is kept and shown in the
/// attendee list; a presenter still to come no longer presents; they can come back.
@Suite struct DepartureTests {
  /// Asha (0) and Ben (1) present, Ben first; Chloé (2) does not.
  @Test func someoneLeavesAndComesBackAndTheStoredSessionAgrees() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    store.clock.advance(by: 125)
    try live.markLeft(2)
    let leftAt = Fixtures.start.addingTimeInterval(125)
    #expect(live.state.departures == [2: leftAt])
    // Stored, and read back through the snapshot an opening may start from.
    #expect(try store.database.loadSession(live.id).departures == [2: leftAt])
    let payload = try SessionSnapshot.payload(of: live.state)
    #expect(SessionSnapshot.state(fromPayload: payload) == live.state)
    #expect(throws: SessionError.self) { try live.markLeft(2) }
    try live.markReturned(2)
    #expect(live.state.departures.isEmpty)
    #expect(throws: SessionError.self) { try live.markReturned(2) }
    #expect(try store.database.loadSession(live.id) == live.state)
  }

  @Test func aPresenterStillToComeWhoLeavesNoLongerPresentsAndCannotBeGivenARound() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    #expect(live.state.presentersToCome == [1, 0])
    try live.markLeft(1)
    #expect(live.state.presentersToCome == [0])
    #expect(live.state.departures[1] != nil)
    // Raw events are checked too: a presenter to come cannot leave without being skipped,
    // and someone who left cannot be given a round.
    var state = live.state
    #expect(throws: SessionError.self) {
      try state.apply(.participantLeft(participant: 0), at: store.clock.now())
    }
    #expect(throws: SessionError.self) { try live.rearrangePresenters([0, 1]) }
    // The last presenter cannot go: the session keeps one.
    #expect(throws: SessionError.self) { try live.markLeft(0) }
    #expect(live.state.presentersToCome == [0] && live.state.departures[0] == nil)
    // Back again, they can present after all.
    try live.markReturned(1)
    try live.rearrangePresenters([0, 1])
    #expect(live.state.presentersToCome == [0, 1])
  }

  @Test func theAttendeeListSaysWhenSomeoneLeftAndAnAnonymisedOneSaysNothing() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    store.clock.advance(by: 40 * 60)
    try live.markLeft(2)
    let record = try store.database.record(of: live.id)
    let utc = ShareOptions(timeZone: TimeZone(identifier: "UTC")!)
    let markdown = try SessionExport.render([record], as: .markdown, options: utc)
    #expect(markdown.contains("  - Chloé (Police, middle, left 08:40)"), "\(markdown)")
    #expect(markdown.contains("  - Asha (Council, senior, presents round 2)"))
    let html = try SessionExport.render([record], as: .html, options: utc)
    #expect(html.contains("(Police, middle, left 08:40)"))
    let json = try SessionExport.render([record], as: .json, options: utc)
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let session = try #require((file["sessions"] as? [[String: Any]])?.first)
    let people = try #require(
      (session["derived"] as? [String: Any])?["participants"] as? [[String: Any]])
    #expect(people[2]["leftAt"] as? String == "2027-01-15T08:40:00.000Z", "\(people[2])")
    #expect(people[0]["leftAt"] == nil)
    let events = try #require(session["events"] as? [[String: Any]])
    #expect(
      events.last?["type"] as? String == "participantLeft" && events.last?["who"] as? Int == 2)
    let anonymised = try SessionExport.render(
      [record], as: .markdown,
      options: ShareOptions(anonymise: true, timeZone: TimeZone(identifier: "UTC")!))
    #expect(!anonymised.contains("left 08:40"))
  }
}
