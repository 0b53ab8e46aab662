import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The programme view reads indexes and kept tables (the sessions' kept counts, `note_tags`,
/// `action_states`, the rating events' index); what it shows must be exactly what
/// replaying every session says. Over the groups issue's generated programme, with tags
/// rising and fading and process ratings given, changed and taken back.
@Suite struct OverviewAgreesWithReplayTests {
  /// The generated programme with groups named so that text order is not natural order, and
  /// ratings: most meetings rated afterwards by some of their members, now and then a
  /// rating changed or taken back.
  private func programme() throws -> GroupedProgramme {
    let programme = try GroupedProgramme(seed: 11, groupNames: ["set 10", "set 2", "Set 1"])
    var random = SeededGenerator(seed: 5)
    for (index, id) in programme.meetings.joined().enumerated() where index % 4 != 3 {
      let live = try LiveSession.resume(
        id, store: programme.store.database, clock: programme.store.clock)
      for participant in live.state.participants.indices where Bool.random(using: &random) {
        programme.store.clock.advance(by: 1)
        try live.rateProcess(
          participant: participant, rating: Int.random(in: 1...5, using: &random))
      }
      if let first = live.state.ratings.keys.min(), index % 3 == 0 {
        programme.store.clock.advance(by: 1)
        try live.rateProcess(participant: first, rating: 5)
      }
      if let last = live.state.ratings.keys.max(), index % 5 == 0 {
        programme.store.clock.advance(by: 1)
        try live.clearRating(participant: last)
      }
    }
    return programme
  }

  @Test func theOverviewIsWhatReplayingTheSessionsSays() throws {
    let programme = try programme()
    let overview = try programme.store.database.programmeOverview(
      GroupedProgramme.programme, now: programme.now, timeZone: GroupedProgramme.utc)
    let expected = try derived(programme)
    // The fixture shows what it must: tags of every trend the generator meant, sessions
    // rated and not, a rating taken back.
    #expect(expected.tags.map(\.trend).contains(.rising))
    #expect(expected.tags.map(\.trend).contains(.fading))
    #expect(expected.sessions.contains { $0.averageRating == nil })
    #expect(Set(expected.ratings).count > 3)

    #expect(overview.groups.map(\.name) == ["Set 1", "set 2", "set 10"])
    #expect(overview.sessions == expected.sessions)
    #expect(overview.tags == expected.tags)
    #expect(overview.actions == expected.actions)
    #expect(overview.groupActions == expected.groupActions)
    #expect(overview == expected)
  }

  /// The overview as the replayed records and the generator's own account say it should be,
  /// counted here without the store's tables. The groups are the store's, in the order the
  /// test above checks by name.
  private func derived(_ programme: GroupedProgramme) throws -> ProgrammeOverview {
    let records = try programme.records().sorted {
      ($0.state.createdAt, $0.id.rawValue) < ($1.state.createdAt, $1.id.rawValue)
    }
    let names = programme.names
    let sessions = records.map { record in
      let state = record.state
      let ratings = state.ratings.values
      return ProgrammeOverview.Session(
        id: record.id, title: state.setup.title, createdAt: state.createdAt,
        isFinished: state.finishedAt != nil, notes: state.notes.count { !$0.isDeleted },
        group: state.setup.group.flatMap { names[$0] },
        averageRating: ratings.isEmpty
          ? nil : Double(ratings.reduce(0, +)) / Double(ratings.count))
    }

    struct Use {
      var tag = ""
      var notes = 0
      var sessions: Set<Int> = []
      var groups: Set<GroupID> = []
      var first: Date?
      var last: Date?
    }
    var uses: [String: Use] = [:]
    // Oldest note first, so the last spelling read is the tag as last written.
    let notes = records.enumerated().flatMap { position, record in
      record.state.notes.filter { !$0.isDeleted }.map { (position, record, $0) }
    }.sorted { $0.2.createdAt < $1.2.createdAt }
    for (position, record, note) in notes {
      for tag in NoteTag.distinct(in: note.text) {
        var use = uses[tag.key] ?? Use()
        use.tag = tag.text
        use.notes += 1
        use.sessions.insert(position)
        if let group = record.state.setup.group { use.groups.insert(group) }
        use.first = use.first ?? note.createdAt
        use.last = note.createdAt
        uses[tag.key] = use
      }
    }
    let tags = uses.sorted { a, b in
      (b.value.sessions.count, b.value.notes, a.key) < (
        a.value.sessions.count, a.value.notes, b.key
      )
    }.map { _, use in
      ProgrammeOverview.Tag(
        tag: use.tag, sessions: use.sessions.count, groups: use.groups.count, notes: use.notes,
        firstSeen: use.first!, lastSeen: use.last!,
        trend: TagTrend.of(carrying: use.sessions, sessionCount: records.count))
    }

    // The generator's own account of each action, in the report's order.
    func counts(_ group: Int?) -> ActionLedger.Counts {
      let numbers = programme.counts(group: group)
      var counts = ActionLedger.Counts()
      counts.agreed = numbers[0]
      counts.done = numbers[1]
      counts.dropped = numbers[2]
      counts.carried = numbers[4]
      counts.overdue = numbers[5]
      return counts
    }
    var groupActions: [GroupID: ActionLedger.Counts] = [:]
    for (number, group) in programme.groups.enumerated() { groupActions[group] = counts(number) }
    let groups = try programme.store.database.groups().filter {
      $0.programme == GroupedProgramme.programme
    }.sorted { NaturalOrder.precedes($0.name, $1.name) }
    return ProgrammeOverview(
      programme: GroupedProgramme.programme, groups: groups, sessions: sessions, tags: tags,
      actions: counts(nil), groupActions: groupActions)
  }
}
