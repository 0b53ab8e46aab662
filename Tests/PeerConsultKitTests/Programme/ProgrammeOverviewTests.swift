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

  @Test func standingGroupsAndTheTagsTheirMeetingsUsedAreCounted() throws {
    let store = try StoreFixture()
    let people = Fixtures.setup().participants
    let north = try store.database.createGroup(
      name: "North SLG", programme: "Alcohol Plan", members: people, at: store.clock.now())
    let south = try store.database.createGroup(
      name: "South SLG", programme: "Alcohol Plan", members: people, at: store.clock.now())
    try store.database.createGroup(
      name: "Elsewhere", programme: "Night Economy", members: people, at: store.clock.now())
    for (group, text) in [
      (north.id, "#licensing"), (north.id, "#licensing"), (south.id, "#licensing #taxis"),
    ] {
      store.clock.advance(by: 86_400)
      var setup = Fixtures.setup()
      setup.group = group
      let session = try store.live(setup)
      try session.start()
      _ = try session.addNote(.init(text: text, kind: .theme))
    }
    let overview = try store.database.programmeOverview("Alcohol Plan")
    #expect(overview.groups.map(\.name) == ["North SLG", "South SLG"])
    #expect(overview.groups.map(\.sessionCount) == [2, 1])
    #expect(overview.sessions.map(\.group) == ["North SLG", "North SLG", "South SLG"])
    #expect(overview.tags.map(\.tag) == ["licensing", "taxis"])
    #expect(overview.tags.map(\.groups) == [2, 1])
  }

  @Test func aProgrammeWithoutSessionsIsEmpty() throws {
    let (store, _) = try programme()
    let overview = try store.database.programmeOverview("Nobody's")
    #expect(overview.sessions.isEmpty && overview.tags.isEmpty && overview.actions.agreed == 0)
  }

  /// The ratings are read with SQLite's JSON functions when the payload is in the codec's
  /// shape; any other payload is decoded by the codec, as every rating was before.
  @Test func ratingsInAnyStoredShapeReadAsTheCodecReadsThem() throws {
    let (store, ids) = try programme()
    // Week 2's ratings as PeerConsult 0.1.0 stored them.
    try store.database.writer.write { db in
      try db.execute(
        sql: """
          UPDATE events SET payload = json_object('processRating', json_object(
            'participant', json_extract(payload, '$.rater'),
            'rating', json_extract(payload, '$.rating')))
          WHERE session_id = ? AND type = 'processRating'
          """, arguments: [ids[1].rawValue])
    }
    #expect(
      try store.database.programmeOverview("Alcohol Plan").sessions.map(\.averageRating)
        == [nil, 4.5, nil, 3, nil, nil])
    // A rater that JSON calls true is no participant: refused, not read as participant 1.
    try store.database.writer.write { db in
      try db.execute(
        sql: """
          UPDATE events SET payload = '{"rater":true,"rating":3,"type":"processRating"}'
          WHERE session_id = ? AND type = 'processRating'
          """, arguments: [ids[3].rawValue])
    }
    #expect(throws: (any Error).self) {
      try store.database.programmeOverview("Alcohol Plan")
    }
  }

  /// Standing groups numbered by their names are listed as people count them.
  @Test func standingGroupsComeInNaturalOrder() throws {
    let store = try StoreFixture()
    let people = Fixtures.setup().participants
    for name in ["Set 10", "Set 2", "set 1", "Set 11", "Harbour"] {
      try store.database.createGroup(
        name: name, programme: "Alcohol Plan", members: people, at: store.clock.now())
    }
    #expect(
      try store.database.programmeOverview("Alcohol Plan").groups.map(\.name)
        == ["Harbour", "set 1", "Set 2", "Set 10", "Set 11"])
    // `groups list` and the group picker read the same listing, so they agree with the view.
    #expect(
      try store.database.groups().map(\.name) == ["Harbour", "set 1", "Set 2", "Set 10", "Set 11"])
  }
}
