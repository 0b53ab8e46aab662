import Foundation
import Testing

@testable import PeerConsultKit

/// The harvest counts cases that were presented, not those planned.
@Suite struct HarvestCountTests {
  @Test func aSessionStoppedInItsFirstRoundPresentedOneCase() throws {
    let store = try AppDatabase.inMemory()
    var setup = Fixtures.setup()
    setup.participants.append(Participant(name: "Dev", organisation: "NHS", level: .other))
    setup.rounds.append(SessionRound(presenter: 2))
    setup.rounds.append(SessionRound(presenter: 3))
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock(Fixtures.start))
    try live.start()
    try live.next()  // Round 1: Presenting
    try live.finish()
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    #expect(SessionDigest(record).rounds.map(\.hasStarted) == [true, false, false, false])
    let harvest = try HarvestExport.render(
      [record], programme: "Alcohol Plan", as: .markdown, options: ShareFixture.utc)
    #expect(harvest.contains("and 1 case was presented."))
    let json = try HarvestExport.render(
      [record], programme: "Alcohol Plan", as: .json, options: ShareFixture.utc)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let participation = try #require(object["participation"] as? [String: Any])
    let byLevel = try #require(participation["byLevel"] as? [[String: Any]])
    #expect(byLevel.reduce(0) { $0 + ($1["presentations"] as? Int ?? 0) } == 1)
  }
}
