import Foundation
import Testing

@testable import PeerConsultKit

/// A standing group's meeting's minutes (`show`, the Markdown and HTML exports, the JSON's
/// `derived.absentMembers`) name the members who were not there: those who sent apologies
/// (`run --absent`, left out of the form) or did not come. Before, only the group's log knew,
/// and minutes are read for exactly that. Anonymised, they are left out with the attendees.
@Suite struct AbsentMembersMinutesTests {
  let utc = TimeZone(identifier: "UTC")!
  static let asha = Participant(name: "Asha Rao", organisation: "City Council", level: .senior)
  static let ben = Participant(name: "Ben Ode", organisation: "NHS Trust", level: .middle)
  static let chloe = Participant(
    name: "Chloé Martin", organisation: "Police", level: .frontline)
  static let dev = Participant(name: "Dev Shah", organisation: "Shelter", level: .middle)
  static let erin = Participant(name: "Erin Hall", organisation: "Probation", level: .senior)
  static let guest = Participant(name: "Gus Lee", organisation: "Fire Service", level: .other)

  /// A group "North" of Alcohol Plan, created at `at`, then `events`, each that many seconds
  /// after it: the group's log alone, without a store.
  private static func north(
    _ id: GroupID, at: Date, _ events: [(seconds: TimeInterval, event: GroupEvent)]
  ) throws -> StandingGroup {
    let created = RecordedGroupEvent(
      sequence: 1, at: at, event: .created(name: "North", programme: "Alcohol Plan"))
    return try StandingGroup.replay(
      id,
      [created]
        + events.enumerated().map {
          RecordedGroupEvent(
            sequence: $0.offset + 2, at: at.addingTimeInterval($0.element.seconds),
            event: $0.element.event)
        })
  }

  /// A meeting of the group `id` with `participants`, the first presenting, begun at `at`.
  private static func meeting(of id: GroupID, _ participants: [Participant], at: Date) throws
    -> SessionState
  {
    var setup = SessionSetup(
      title: "North 1", programme: "Alcohol Plan", consultingProtocol: Fixtures.consultingProtocol,
      participants: participants, rounds: [SessionRound(presenter: 0)])
    setup.group = id
    return try SessionState(setup: setup, createdAt: at)
  }

  /// The `derived` section of the first session of a JSON export.
  private static func derived(_ json: String) throws -> [String: Any] {
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let sessions = try #require(file["sessions"] as? [[String: Any]])
    return try #require(sessions.first?["derived"] as? [String: Any])
  }

  /// North, of Asha, Ben, Chloé and Dev. The first meeting: Asha, Ben, Chloé and a guest; Dev
  /// sent apologies. Then Erin joins and Dev leaves. The second: Asha and Erin, Ben arriving
  /// late; Chloé did not come.
  private func meetings() throws -> (StoreFixture, first: SessionID, second: SessionID) {
    let store = try StoreFixture()
    let database = store.database
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan",
      members: [Self.asha, Self.ben, Self.chloe, Self.dev], at: store.clock.now())
    func meeting(_ title: String, _ people: [Participant]) throws -> LiveSession {
      store.clock.advance(by: 7 * 86_400)
      var setup = SessionSetup(
        title: title, programme: "Alcohol Plan", consultingProtocol: Fixtures.consultingProtocol,
        participants: people, rounds: [SessionRound(presenter: 0)])
      setup.group = group.id
      let live = try store.live(setup)
      try live.start()
      return live
    }
    let first = try meeting("North 1", [Self.asha, Self.ben, Self.chloe, Self.guest])
    try first.finish()
    store.clock.advance(by: 86_400)
    try database.changeGroup(group.id, .memberJoined(participant: Self.erin), at: store.clock.now())
    try database.changeGroup(group.id, .memberLeft(name: Self.dev.name), at: store.clock.now())
    let second = try meeting("North 2", [Self.asha, Self.erin])
    store.clock.advance(by: 600)
    try second.addParticipant(Self.ben)
    try second.finish()
    return (store, first.id, second.id)
  }

  @Test func theMinutesNameTheMembersWhoWereNotThere() throws {
    let (store, first, second) = try meetings()
    // A member then, not there: a member since, or one who came late, is not absent; a
    // guest is no member.
    #expect(
      try store.exported(first, as: .markdown).contains(
        "- **Absent:** Dev Shah (Shelter)\n\n## Transcript"))
    let markdown = try store.exported(second, as: .markdown)
    #expect(markdown.contains("- **Absent:** Chloé Martin (Police)\n"), "\(markdown)")
    // And which group's meeting it was.
    #expect(markdown.contains("- **Programme:** Alcohol Plan\n- **Group:** North\n"))
    for name in ["Dev Shah", "Ben Ode (NHS Trust)\n"] {
      #expect(!markdown.contains("**Absent:** \(name)"))
    }
    // `show` lays out the same from the state.
    let (state, asOf) = try store.database.openedSession(second)
    let group = try store.database.standingGroup(of: state)
    #expect(group?.absentMembers(from: state) == [Self.chloe])
    var shown = ""
    SessionExport.plainText(second, state, at: asOf, group: group, timeZone: utc) {
      shown += $0
    }
    #expect(shown.contains("- Absent: Chloé Martin (Police)\n"), "\(shown)")
    #expect(shown.contains("- Group: North\n"), "\(shown)")
    let html = try store.exported(second, as: .html)
    let absent = try #require(html.range(of: "<p class=\"absent\">"))
    let paragraph = html[absent.upperBound...].prefix(200)
    for piece in [
      "<strong>Absent: </strong>", "<bdi>Chloé Martin</bdi>", "<span class=\"detail\">(Police)",
    ] {
      #expect(paragraph.contains(piece), "\(paragraph)")
    }
    #expect(html.contains("<dt>Group</dt>"), "\(html)")
    // A session of no group names nobody absent.
    let alone = try store.live(
      SessionSetup(
        title: "Alone", programme: "Alcohol Plan",
        consultingProtocol: Fixtures.consultingProtocol, participants: [Self.asha],
        rounds: [SessionRound(presenter: 0)]))
    let aloneMinutes = try store.exported(alone.id, as: .markdown)
    #expect(!aloneMinutes.contains("Absent") && !aloneMinutes.contains("Group:"))
  }

  /// A member left out of the form and added back written otherwise ("Chloe  Martin") was
  /// there: people are told apart without case, accents or spacing.
  @Test func aMemberWrittenOtherwiseWasThere() throws {
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    let id = GroupID(rawValue: String(repeating: "a", count: 32))!
    let group = try Self.north(
      id, at: at,
      [(0, .memberJoined(participant: Self.chloe)), (0, .memberJoined(participant: Self.dev))])
    let written = Participant(name: "chloe  martin", organisation: "Police", level: .frontline)
    let state = try Self.meeting(of: id, [written], at: at.addingTimeInterval(60))
    #expect(group.absentMembers(from: state) == [Self.dev])
    // Before they joined, nobody was a member.
    #expect(
      group.absentMembers(from: try Self.meeting(of: id, [written], at: at.addingTimeInterval(-1)))
        .isEmpty)
  }

  /// A guest (`run --participant` beside `--group`) was listed among the attendees as a
  /// member would be: minutes of a standing group's meeting are read for who belongs. Marked
  /// "guest" in the Markdown, `show`, the HTML and the JSON; a member since, one who came late
  /// or one written otherwise is no guest; anonymised, nothing is said.
  @Test func theMinutesMarkAGuest() throws {
    let (store, first, second) = try meetings()
    let markdown = try store.exported(first, as: .markdown)
    #expect(markdown.contains("  - Gus Lee (Fire Service, other, guest)\n"), "\(markdown)")
    #expect(markdown.contains("  - Ben Ode (NHS Trust, middle)\n"), "\(markdown)")
    #expect(markdown.components(separatedBy: "guest").count == 2, "\(markdown)")
    // Erin joined the group between the meetings, Ben came late: members both.
    #expect(!(try store.exported(second, as: .markdown)).contains("guest"))
    let (state, asOf) = try store.database.openedSession(first)
    var shown = ""
    SessionExport.plainText(
      first, state, at: asOf, group: try store.database.standingGroup(of: state), timeZone: utc
    ) { shown += $0 }
    #expect(shown.contains("  - Gus Lee (Fire Service, other, guest)\n"), "\(shown)")
    #expect(
      try store.exported(first, as: .html).contains(
        "<span class=\"detail\">(Fire Service, other, guest)</span>"))
    let derived = try Self.derived(try store.exported(first, as: .json))
    let people = try #require(derived["participants"] as? [[String: Any]])
    #expect(people.map { $0["guest"] as? Bool } == [nil, nil, nil, true])
    for format in ShareFormat.allCases {
      #expect(!(try store.exported(first, as: format, anonymise: true)).contains("guest"))
    }
    // Joined while the meeting ran, or left it before, a member was a member.
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    let id = GroupID(rawValue: String(repeating: "b", count: 32))!
    let group = try Self.north(
      id, at: at,
      [
        (0, .memberJoined(participant: Self.dev)), (120, .memberJoined(participant: Self.erin)),
        (180, .memberLeft(name: Self.dev.name)),
      ])
    let meeting = try Self.meeting(
      of: id, [Self.dev, Self.erin, Self.guest], at: at.addingTimeInterval(60))
    #expect(group.guests(in: meeting) == [2])
  }

  @Test func theJSONNamesThemAndAnonymisedNothingDoes() throws {
    let (store, _, second) = try meetings()
    let derived = try Self.derived(try store.exported(second, as: .json))
    let absent = try #require(derived["absentMembers"] as? [[String: String]])
    #expect(absent == [["name": "Chloé Martin", "organisation": "Police", "level": "frontline"]])
    for format in ShareFormat.allCases {
      let text = try store.exported(second, as: format, anonymise: true)
      #expect(!text.contains("Absent") && !text.contains("absentMembers"), "\(format)")
      #expect(!text.contains("Group:") && !text.contains("<dt>Group"), "\(format)")
      #expect(!text.contains("Chloé") && !text.contains("Police"), "\(format)")
    }
  }
}
