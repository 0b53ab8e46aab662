import Foundation
import TestSupport

@testable import PeerConsultKit

/// The groups issue's programme, stored: three standing groups meet eight times each with a
/// manual clock, each meeting's opening marks earlier actions done, carries them forward or
/// drops them, actions are agreed with due dates (some marked done in their own session), and
/// `#tags` come and go: `#licensing` in the first four meetings of groups 0 and 1 (fading),
/// `#night-time-economy` in every group's last four (rising), `#housing` in group 2 only. What
/// should become of each action and where each tag was used is written down as it is
/// generated, so a report's numbers are checked against these records, never against the
/// code under test.
struct GroupedProgramme {
  /// What the generator expects of one action.
  struct Expected {
    let group: Int
    var status = "open"
    var carried = false
    /// Meetings of its group since it was agreed or last followed up that did not follow it
    /// up, and whether the first of them finished.
    var meetingsSince = 0
    var nextFinished = false
    var due: ActionDue?
  }

  static let programme = "Night-time economy"
  static let utc = TimeZone(identifier: "UTC")!

  let store: StoreFixture
  let groups: [GroupID]
  let groupNames: [String]
  /// Everyone who was ever a member of a group.
  let memberNames: [String]
  let actions: [ActionReference: Expected]
  /// For each tag key, the groups (0, 1, 2) and the sessions whose notes carry it.
  let tagGroups: [String: Set<Int>]
  let tagSessions: [String: Set<SessionID>]
  /// Each group's meetings, oldest first.
  let meetings: [[SessionID]]
  /// Three weeks after the last meeting: every "by Friday" still open is late.
  let now: Date

  init(seed: UInt64, groupNames: [String] = ["Harbour set", "Hill set", "Market set"]) throws {
    var random = SeededGenerator(seed: seed)
    // Sessions get their ids from a stream of their own: the opening walks open actions in
    // the order of their ids, so random ids would make each process draw another programme
    // (and a test that needs an action of a given shape would pass in one and fail in the
    // next), while drawing ids from `random` would move every later draw.
    var identities = SeededGenerator(seed: seed ^ 0x1D5)
    let store = try StoreFixture()
    let database = store.database
    let clock = store.clock
    var groups: [GroupID] = []
    var memberNames: [String] = []
    let surnames = ["Okafor", "Lindqvist", "Moreau", "Tanaka", "Brennan", "Ferreira"]
    for (number, name) in groupNames.enumerated() {
      let people = (0..<4).map { index in
        Participant(
          name: "\(["Ines", "Tomas", "Yusuf", "Marta"][index]) \(surnames[(number + index) % 6])",
          organisation: ["Council", "Police", "Health", "Housing"][(number + index) % 4],
          level: [.senior, .middle, .frontline, .other][(number + index) % 4])
      }
      memberNames += people.map(\.name)
      groups.append(
        try database.createGroup(
          name: name, programme: Self.programme, members: people, at: clock.now()
        ).id)
    }
    var actions: [ActionReference: Expected] = [:]
    var tagGroups: [String: Set<Int>] = [:]
    var tagSessions: [String: Set<SessionID>] = [:]
    var meetings: [[SessionID]] = [[], [], []]
    for meeting in 0..<8 {
      for number in 0..<3 {
        clock.advance(by: 7 * 24 * 3600 / 3)
        let group = try database.group(groups[number])
        let setup = SessionSetup(
          title: "Meeting \(meeting + 1)", programme: Self.programme,
          consultingProtocol: Fixtures.consultingProtocol, participants: group.members,
          presenters: [meeting % 4, (meeting + 1) % 4], group: group.id)
        let id = SessionID(
          rawValue: String(format: "%016llx%016llx", identities.next(), identities.next()))!
        let live = try LiveSession.create(setup, id: id, store: database, clock: clock)
        live.timeZone = Self.utc
        meetings[number].append(live.id)

        // The opening: each of this group's open actions, oldest first, followed up or not.
        var followedUp = Set<ActionReference>()
        let open = actions.filter { $0.value.group == number && $0.value.status == "open" }
          .keys.sorted()
        for reference in open {
          clock.advance(by: 5)
          switch Int.random(in: 0..<4, using: &random) {
          case 0:
            try live.followUp(reference, .done)
            actions[reference]?.status = "done"
          case 1:
            try live.followUp(reference, .carried(note: "Still waiting"))
            actions[reference]?.carried = true
            actions[reference]?.due = .nextSession
          case 2:
            try live.followUp(reference, .dropped(reason: "No longer needed"))
            actions[reference]?.status = "dropped"
          default: continue
          }
          followedUp.insert(reference)
          actions[reference]?.meetingsSince = 0
        }
        try live.start()
        clock.advance(by: 60)
        try live.next()

        func tagged(_ text: String, _ kind: NoteKind, _ key: String) throws {
          clock.advance(by: 20)
          _ = try live.addNote(NoteContent(text: text, kind: kind))
          tagGroups[key, default: []].insert(number)
          tagSessions[key, default: []].insert(live.id)
        }
        if meeting < 4 && number < 2 {
          try tagged("Premises reviews are slow #licensing", .theme, "licensing")
        }
        if meeting >= 4 {
          try tagged("Late buses strand staff #Night-Time-Economy", .blockage, "night-time-economy")
        }
        if number == 2 { try tagged("Hostel places help #housing", .worksWell, "housing") }
        // A tagged note deleted later counts for nothing.
        clock.advance(by: 20)
        let ghost = try live.addNote(NoteContent(text: "Mistyped #ghost", kind: .theme))
        try live.deleteNote(ghost.id)

        // Actions: the last meetings always agree one "by Friday" that nobody follows up.
        for index in 0..<(meeting == 7 ? 2 : Int.random(in: 0..<4, using: &random)) {
          clock.advance(by: 30)
          let text = ["Call the council", "Write up by Friday", "Bring figures next session"][
            index % 3]
          let owner = Int.random(in: 0..<live.state.participants.count, using: &random)
          let note = try live.addNote(NoteContent(text: text, kind: .action, owner: owner))
          let reference = ActionReference(session: live.id, note: note.id)
          actions[reference] = Expected(
            group: number,
            due: index % 3 == 1
              ? ActionDue.find(in: text, writtenAt: clock.now(), timeZone: Self.utc)
              : index % 3 == 2 ? .nextSession : nil)
          // Now and then given a day on second thoughts: the edit sets its due date.
          if index == 0 && Int.random(in: 0..<3, using: &random) == 0 {
            clock.advance(by: 10)
            try live.editNote(
              note.id, to: NoteContent(text: text + " by Friday", kind: .action, owner: owner))
            actions[reference]?.due = live.state.note(note.id)?.due
          }
          // Now and then done before the meeting ends.
          if meeting < 7 && Int.random(in: 0..<6, using: &random) == 0 {
            clock.advance(by: 10)
            try live.setActionDone(note.id, true)
            actions[reference]?.status = "done"
          }
        }
        for _ in 0..<Fixtures.consultingProtocol.round.count {
          clock.advance(by: 60)
          try live.next()
        }
        let finishes = Int.random(in: 0..<5, using: &random) > 0
        if finishes { try live.finish() }
        for key in actions.keys
        where actions[key]?.group == number && actions[key]?.status == "open"
          && key.session != live.id && !followedUp.contains(key)
        {
          actions[key]?.meetingsSince += 1
          if actions[key]?.meetingsSince == 1 { actions[key]?.nextFinished = finishes }
        }
      }
    }
    clock.advance(by: 21 * 24 * 3600)
    self.store = store
    self.groups = groups
    self.groupNames = groupNames
    self.memberNames = memberNames
    self.actions = actions
    self.tagGroups = tagGroups
    self.tagSessions = tagSessions
    self.meetings = meetings
    now = clock.now()
  }

  /// Whether `action` is open and late at ``now``, by the rules the facilitator is told.
  func isOverdue(_ action: Expected) -> Bool {
    guard action.status == "open", let due = action.due else { return false }
    switch due {
    case .day(let day): return day < CalendarDay(now, in: Self.utc)
    case .nextSession:
      return action.meetingsSince >= 2 || (action.meetingsSince == 1 && action.nextFinished)
    }
  }

  /// The expected counts of the actions agreed in group `number`'s meetings (or, with nil,
  /// in all of them), in the report's order: agreed, done, dropped, open, carried, overdue.
  func counts(group number: Int?) -> [Int] {
    let mine = actions.values.filter { number == nil || $0.group == number }
    let open = mine.filter { $0.status == "open" }
    return [
      mine.count, mine.count { $0.status == "done" }, mine.count { $0.status == "dropped" },
      open.count, open.count(where: \.carried), open.count(where: isOverdue),
    ]
  }

  /// Every session's record, read back from the store.
  func records() throws -> [SessionRecord] {
    try store.database.records(programme: Self.programme).records
  }

  /// The groups' names by id, as `harvest` passes them.
  var names: [GroupID: String] {
    Dictionary(uniqueKeysWithValues: zip(groups, groupNames))
  }
}
