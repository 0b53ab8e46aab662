import Foundation
import Testing

@testable import PeerConsultKit

/// The programme view's numbers, checked against what the test itself wrote.
@Suite struct ProgrammeOverviewTests {
  /// Six sessions of the Alcohol Plan a week apart, one of another programme between them:
  /// `#licensing` in the first three only (fading), `#outreach` in the last two only (new),
  /// `#taxis` in the first and the last two (rising); actions, some done and one deleted;
  /// ratings in some sessions, one changed and one cleared.
  private func programme() throws -> (StoreFixture, [SessionID]) {
    let store = try StoreFixture()
    var ids: [SessionID] = []
    for week in 0..<6 {
      let session = try store.live(Fixtures.setup(title: "Week \(week + 1)"))
      ids.append(session.id)
      try session.start()
      if week < 3 { _ = try session.addNote(.init(text: "#licensing again", kind: .theme)) }
      if week >= 4 { _ = try session.addNote(.init(text: "#outreach #Outreach", kind: .theme)) }
      if week == 0 || week >= 4 {
        _ = try session.addNote(.init(text: "#taxis at 3am", kind: .blockage))
      }
      let action = try session.addNote(.init(text: "Write to licensing", kind: .action))
      if week % 2 == 0 { try session.setActionDone(action.id, true) }
      if week == 5 {
        let dropped = try session.addNote(.init(text: "Gone", kind: .action))
        try session.deleteNote(dropped.id)
      }
      if week == 1 {
        try session.rateProcess(participant: 0, rating: 2)
        try session.rateProcess(participant: 1, rating: 5)
        try session.rateProcess(participant: 0, rating: 4)  // changed: 4 and 5
      }
      if week == 3 {
        try session.rateProcess(participant: 0, rating: 3)
        try session.rateProcess(participant: 1, rating: 1)
        try session.clearRating(participant: 1)  // 3 alone
      }
      if week == 2 {
        let other = try store.live(Fixtures.setup(title: "Elsewhere", programme: "Night Economy"))
        try other.start()
        _ = try other.addNote(.init(text: "#licensing elsewhere", kind: .theme))
        try other.rateProcess(participant: 0, rating: 1)
      }
      store.clock.advance(by: 7 * 86_400)
    }
    return (store, ids)
  }

  @Test func sessionsComeOldestFirstWithTheirNotesAndRatings() throws {
    let (store, ids) = try programme()
    let overview = try store.database.programmeOverview("Alcohol Plan")
    #expect(overview.sessions.map(\.id) == ids)
    #expect(overview.sessions.map(\.title) == (1...6).map { "Week \($0)" })
    #expect(overview.sessions.map(\.notes) == [3, 2, 2, 1, 3, 3])
    #expect(overview.sessions.map(\.averageRating) == [nil, 4.5, nil, 3, nil, nil])
    #expect(overview.ratings == [4.5, 3])
    #expect(overview.sessions.allSatisfy { !$0.isFinished })
  }

  @Test func tagsAreCountedPerSessionWithTheirTrend() throws {
    let (store, _) = try programme()
    let tags = try store.database.programmeOverview("Alcohol Plan").tags
    #expect(tags.map(\.tag) == ["licensing", "taxis", "outreach"])
    #expect(tags.map(\.sessions) == [3, 3, 2])
    #expect(tags.map(\.notes) == [3, 3, 2])
    #expect(tags.map(\.trend) == [.fading, .rising, .new])
    let week = 7 * 86_400.0
    #expect(tags[0].firstSeen == Fixtures.start && tags[0].lastSeen == Fixtures.start + 2 * week)
  }

  @Test func actionsCountWhatWasAgreedAndDone() throws {
    let (store, _) = try programme()
    let actions = try store.database.programmeOverview("Alcohol Plan").actions
    #expect(actions.agreed == 6 && actions.done == 3 && actions.open == 3)
  }

  @Test func aProgrammeWithoutSessionsIsEmpty() throws {
    let (store, _) = try programme()
    let overview = try store.database.programmeOverview("Nobody's")
    #expect(overview.sessions.isEmpty && overview.tags.isEmpty && overview.actions.agreed == 0)
  }
}
