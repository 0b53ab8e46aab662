import Foundation
import Testing

@testable import PeerConsultKit

/// Someone joins once the session has begun (the `w` screen's `a`): the minutes say when, as
/// they say when someone left; someone added while the group checks in was there from the start.
@Suite struct ArrivalTests {
  @Test func aLatecomersArrivalIsKeptAndOneAddedBeforeTheStartIsNoLatecomer() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.addParticipant(Participant(name: "Dev", organisation: "Fire", level: .frontline))
    try live.start()
    store.clock.advance(by: 20 * 60)
    try live.addParticipant(Participant(name: "Efe", organisation: "Housing", level: .middle))
    let arrivedAt = Fixtures.start.addingTimeInterval(20 * 60)
    #expect(live.state.arrivals == [4: arrivedAt])
    // Stored, replayed and read back through the snapshot an opening may start from.
    #expect(try store.database.loadSession(live.id).arrivals == [4: arrivedAt])
    let payload = try SessionSnapshot.payload(of: live.state)
    #expect(SessionSnapshot.state(fromPayload: payload) == live.state)
    // With someone gone too, both sections come back.
    try live.markLeft(2)
    let both = try SessionSnapshot.payload(of: live.state)
    #expect(SessionSnapshot.state(fromPayload: both) == live.state)
    #expect(try store.database.loadSession(live.id) == live.state)
  }

  @Test func theMinutesSayWhenALatecomerArrivedAndAnAnonymisedOneSaysNothing() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    store.clock.advance(by: 25 * 60)
    try live.addParticipant(Participant(name: "Efe", organisation: "Housing", level: .middle))
    store.clock.advance(by: 30 * 60)
    try live.markLeft(3)
    let record = try store.database.record(of: live.id)
    let utc = ShareOptions(timeZone: TimeZone(identifier: "UTC")!)
    let markdown = try SessionExport.render([record], as: .markdown, options: utc)
    #expect(
      markdown.contains("  - Efe (Housing, middle, arrived 08:25, left 08:55)"), "\(markdown)")
    #expect(markdown.contains("  - Chloé (Police, middle)"))
    let html = try SessionExport.render([record], as: .html, options: utc)
    #expect(html.contains("(Housing, middle, arrived 08:25, left 08:55)"))
    let people = try SessionExport.derivedParticipants(of: record, options: utc)
    #expect(people[3]["arrivedAt"] as? String == "2027-01-15T08:25:00.000Z", "\(people[3])")
    #expect(people[0]["arrivedAt"] == nil)
    let anonymised = try SessionExport.render(
      [record], as: .markdown,
      options: ShareOptions(anonymise: true, timeZone: TimeZone(identifier: "UTC")!))
    #expect(!anonymised.contains("arrived 08:25"))
  }
}

extension SessionExport {
  /// The derived participants of the one session in `record`'s JSON export, as a reader of
  /// the file sees them.
  static func derivedParticipants(of record: SessionRecord, options: ShareOptions) throws
    -> [[String: Any]]
  {
    let json = try render([record], as: .json, options: options)
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let session = try #require((file["sessions"] as? [[String: Any]])?.first)
    return try #require(
      (session["derived"] as? [String: Any])?["participants"] as? [[String: Any]])
  }
}
