import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Three standing groups meet eight times each over a generated programme, with a manual
/// clock: members join and leave, actions are agreed with due dates, and each meeting's
/// opening marks earlier ones done, carries them forward or drops them. The test keeps its
/// own account of what should have happened, step by step as it generates it, and compares
/// the stored groups and the ``ActionLedger`` folded from the stored sessions with it.
@Suite struct GeneratedProgrammeTests {
  /// What the test expects of one action.
  struct Expected {
    let group: Int
    var status = "open"
    var carried = 0
    /// Meetings since it was agreed or carried that did not follow it up, and whether the
    /// first of them finished.
    var meetingsSince = 0
    var nextFinished = false
    var due: ActionDue?
  }

  @Test func threeGroupsOverEightMeetingsFoldAsGenerated() throws {
    let seed = SeededGenerator.seed(16)
    var random = SeededGenerator(seed: seed)
    let store = try StoreFixture()
    let database = store.database
    let clock = store.clock
    let utc = TimeZone(identifier: "UTC")!
    var members: [[String]] = []
    var groups: [GroupID] = []
    var joins = [0, 0, 0]
    var leaves = [0, 0, 0]
    var nextPerson = 0
    func person() -> Participant {
      nextPerson += 1
      return Participant(
        name: "Person \(nextPerson)", organisation: "Org \(nextPerson % 5)",
        organisationAliases: nextPerson % 3 == 0 ? ["O\(nextPerson % 5)"] : [],
        level: [.senior, .middle, .frontline, .other][nextPerson % 4])
    }
    for number in 0..<3 {
      let people = (0..<4).map { _ in person() }
      let group = try database.createGroup(
        name: "Group \(number)", programme: "Programme", members: people, at: clock.now())
      groups.append(group.id)
      members.append(people.map(\.name))
      joins[number] = 4
    }
    var expected: [ActionReference: Expected] = [:]
    var lastPresented: [String: Date] = [:]

    for meeting in 0..<8 {
      for number in 0..<3 {
        clock.advance(by: 7 * 24 * 3600 / 3)
        // Someone joins, or someone leaves (never below three).
        switch Int.random(in: 0..<4, using: &random) {
        case 0:
          let newcomer = person()
          try database.changeGroup(
            groups[number], .memberJoined(participant: newcomer), at: clock.now())
          members[number].append(newcomer.name)
          joins[number] += 1
        case 1 where members[number].count > 3:
          let leaving = members[number].remove(
            at: Int.random(in: 0..<members[number].count, using: &random))
          try database.changeGroup(groups[number], .memberLeft(name: leaving), at: clock.now())
          leaves[number] += 1
        default: break
        }
        let group = try database.group(groups[number])
        #expect(group.members.map(\.name) == members[number])
        let earlier = try database.records(of: try database.sessions(inGroup: group.id)).records
        let suggestion = PresenterSuggestion(members: group.members, records: earlier)
        // Whoever presented least recently comes first: never, else the oldest date.
        let first = try #require(suggestion.entries.first)
        for entry in suggestion.entries {
          #expect(entry.lastPresented == lastPresented[entry.name])
          if let date = lastPresented[entry.name] {
            #expect(lastPresented[first.name].map { $0 <= date } ?? true)
          }
        }
        let setup = SessionSetup(
          title: "Group \(number) meeting \(meeting + 1)", programme: group.programme,
          consultingProtocol: Fixtures.consultingProtocol, participants: group.members,
          presenters: Array(suggestion.order.prefix(2)), group: group.id)
        let live = try LiveSession.create(setup, store: database, clock: clock)
        live.timeZone = utc

        // The opening: this group's open actions, as the test expects them.
        let open = ActionLedger(earlier).openNewestFirst
        let expectedOpen = expected.filter { $0.value.group == number && $0.value.status == "open" }
        #expect(Set(open.map(\.reference)) == Set(expectedOpen.keys))
        var followedUp = Set<ActionReference>()
        for item in open {
          clock.advance(by: 5)
          switch Int.random(in: 0..<4, using: &random) {
          case 0:
            try live.followUp(item.reference, .done)
            expected[item.reference]?.status = "done"
          case 1:
            try live.followUp(item.reference, .carried(note: "Still waiting"))
            expected[item.reference]?.carried += 1
            expected[item.reference]?.due = .nextSession
          case 2:
            try live.followUp(item.reference, .dropped(reason: "No longer needed"))
            expected[item.reference]?.status = "dropped"
          default: continue
          }
          followedUp.insert(item.reference)
          expected[item.reference]?.meetingsSince = 0
        }
        // The opening phase, then the first round: its presenter has presented.
        try live.start()
        clock.advance(by: 60)
        try live.next()
        let presented = live.state.setup.presenters.map { live.state.participants[$0].name }
        lastPresented[presented[0]] = clock.now()
        // Actions agreed in the first round, some due next session, some by Friday.
        // The last meetings always agree one "by Friday", which nobody follows up.
        for index in 0..<(meeting == 7 ? 2 : Int.random(in: 0..<4, using: &random)) {
          clock.advance(by: 30)
          let text = ["Call the council", "Write up by Friday", "Bring figures next session"][
            index % 3]
          let owner = Int.random(in: 0..<live.state.participants.count, using: &random)
          let note = try live.addNote(NoteContent(text: text, kind: .action, owner: owner))
          let due: ActionDue? =
            switch index % 3 {
            case 1: ActionDue.find(in: text, writtenAt: clock.now(), timeZone: utc)
            case 2: .nextSession
            default: nil
            }
          #expect(note.due == due)
          expected[ActionReference(session: live.id, note: note.id)] = Expected(
            group: number, due: due)
        }
        // The second round starts too, so both presenters have presented.
        for _ in 0..<Fixtures.consultingProtocol.round.count {
          clock.advance(by: 60)
          try live.next()
        }
        if presented.count > 1 { lastPresented[presented[1]] = clock.now() }
        // Most meetings finish; a few are left open.
        let finishes = Int.random(in: 0..<5, using: &random) > 0
        if finishes { try live.finish() }
        for key in expected.keys
        where expected[key]?.group == number && expected[key]?.status == "open"
          && key.session != live.id && !followedUp.contains(key)
        {
          expected[key]?.meetingsSince += 1
          if expected[key]?.meetingsSince == 1 { expected[key]?.nextFinished = finishes }
        }
      }
    }

    // Three weeks on, every "by Friday" still open is late.
    clock.advance(by: 21 * 24 * 3600)
    let now = clock.now()
    var overdueInAll = 0
    for number in 0..<3 {
      let group = try database.group(groups[number])
      #expect(group.memberships.count == joins[number])
      #expect(group.memberships.count { !$0.isCurrent } == leaves[number])
      let records = try database.records(of: try database.sessions(inGroup: group.id)).records
      #expect(records.count == 8)
      let ledger = ActionLedger(records)
      let mine = expected.filter { $0.value.group == number }
      #expect(ledger.items.count == mine.count)
      for status in ["open", "done", "dropped"] {
        let counted = ledger.items.count { item in
          switch item.status {
          case .open: status == "open"
          case .done: status == "done"
          case .dropped: status == "dropped"
          }
        }
        #expect(counted == mine.count { $0.value.status == status }, "\(status), seed \(seed)")
      }
      let carried = ledger.items.reduce(0) { sum, item in
        sum + item.followUps.count { if case .carried = $0.outcome { true } else { false } }
      }
      #expect(carried == mine.reduce(0) { $0 + $1.value.carried })
      let overdue = mine.count { _, action in
        guard action.status == "open", let due = action.due else { return false }
        switch due {
        case .day(let day): return day < CalendarDay(now, in: utc)
        case .nextSession:
          return action.meetingsSince >= 2 || (action.meetingsSince == 1 && action.nextFinished)
        }
      }
      #expect(ledger.items.count { $0.isOverdue(at: now, timeZone: utc) } == overdue)
      overdueInAll += overdue
    }
    #expect(overdueInAll > 0, "a programme this long leaves some action late (seed \(seed))")
  }
}
