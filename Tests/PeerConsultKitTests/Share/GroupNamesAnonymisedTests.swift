import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// A standing group's name goes wherever an anonymised export or harvest would show it: in its
/// meetings' titles ("North SLG 1"), which a harvest printed beside the `[Group 1]` it calls
/// the group, and in what was said. Every name the group has had is replaced by its
/// pseudonym; the name of a group around the sessions that none of them was a meeting of by
/// `[a group]`.
@Suite struct GroupNamesAnonymisedTests {
  private static let utc = TimeZone(identifier: "UTC")!
  private static let programme = "Alcohol Plan"
  private static let zoe = Participant(
    name: "Zoë Müller", organisation: "City Council", level: .senior)
  private static let amira = Participant(
    name: "Amira Haddad", organisation: "NHS Trust", level: .frontline)
  private static let wei = Participant(name: "Li Wei", organisation: "Police", level: .middle)

  /// What the second meeting of the first group said.
  private static let notes = [
    "North SLG agreed to meet monthly, as the north slg always has",
    "Riverside Circle will host; ask Kath's set and the South SLG to join",
    "Then ask Phoenix too, who meet on Fridays",
    "A phoenix from the ashes, said someone of the plan; we sat in a riverside circle",
    "Pasted: North\u{00A0}SLG and the North SLGs' plans; Hawk Set and Owl Set came",
    "Plan B: the NHS England figures, as the Alcohol Plan says",
    "Anglo Welsh Forum, AngloWelshForum and St Helens Network sent notes",
  ]

  /// Every distinctive group's name and its words that are no English word.
  private static let secrets = [
    "North SLG", "SLG", "SLGs", "Riverside Circle", "Riverside", "Kath", "South SLG", "Hawk Set",
    "Owl Set", "Anglo Welsh", "AngloWelshForum", "St Helens",
  ]

  /// A folder with four groups of the programme: "North SLG", renamed "Riverside Circle"
  /// after its first meeting, which met twice; "Kath's set", which met once between them; and
  /// "South SLG" and "Phoenix", which never met. Returns it with the three meetings' ids, in
  /// the order they met.
  private func folder() throws -> (StoreFixture, [SessionID]) {
    let fixture = try StoreFixture()
    let database = fixture.database
    let now = fixture.clock.now()
    let members = [Self.zoe, Self.amira, Self.wei]
    let north = try database.createGroup(
      name: "North SLG", programme: Self.programme, members: members, at: now)
    let kath = try database.createGroup(
      name: "Kath's set", programme: Self.programme, members: members, at: now)
    for name in ["South SLG", "Phoenix", "Plan", "NHS"] {
      _ = try database.createGroup(name: name, programme: Self.programme, members: [], at: now)
    }
    // Of another programme, and of none: a note names them all the same.
    _ = try database.createGroup(name: "Hawk Set", programme: "Fire Safety", members: [], at: now)
    _ = try database.createGroup(name: "Owl Set", programme: "", members: [], at: now)
    // Written with a hyphen and a full stop, said without ("Anglo Welsh Forum").
    for name in ["Anglo-Welsh Forum", "St. Helens Network"] {
      _ = try database.createGroup(name: name, programme: "", members: [], at: now)
    }
    func meeting(_ title: String, of group: GroupID, notes: [String] = []) throws -> SessionID {
      fixture.clock.advance(by: 86_400 * 7)
      var setup = SessionSetup(
        title: title, programme: Self.programme,
        consultingProtocol: Fixtures.consultingProtocol, participants: members,
        rounds: [SessionRound(presenter: 0)])
      setup.group = group
      let live = try fixture.live(setup)
      try live.start()
      for text in notes {
        fixture.clock.advance(by: 30)
        _ = try live.addNote(NoteContent(text: text, kind: .insight, speaker: 1))
      }
      try live.finish()
      return live.id
    }
    let first = try meeting("North SLG 1", of: north.id)
    let other = try meeting("Kath's set 1", of: kath.id)
    try database.changeGroup(
      north.id, .renamed(name: "Riverside Circle"), at: fixture.clock.now())
    let second = try meeting("Riverside Circle 2", of: north.id, notes: Self.notes)
    return (fixture, [first, other, second])
  }

  /// The secrets `text` holds, as words written with their capitals ("we sat in a riverside
  /// circle" is no group's; "north slg" is checked where it stands).
  private static func leaks(in text: String) -> [String] {
    secrets.filter {
      text.range(
        of: "\\b" + NSRegularExpression.escapedPattern(for: $0) + "\\b",
        options: [.regularExpression]) != nil
    }
  }

  @Test func aMeetingExportedAloneCallsItsGroupByItsPseudonym() throws {
    let (fixture, ids) = try folder()
    let database = fixture.database
    let around = try database.around([ids[2]])
    #expect(
      around.groups.values.flatMap { $0 }.sorted() == [
        "Anglo-Welsh Forum", "Hawk Set", "Kath's set", "NHS", "North SLG", "Owl Set", "Phoenix",
        "Plan", "Riverside Circle", "South SLG", "St. Helens Network",
      ])
    for format in ShareFormat.allCases {
      let streamed = try fixture.exported(ids[2], as: format, anonymise: true)
      let rendered = try SessionExport.render(
        [try database.record(of: ids[2])], as: format,
        options: ShareOptions(
          anonymise: true, timeZone: Self.utc, others: around.people, groups: around.groups))
      for (name, text) in [("export", streamed), ("rendered", rendered)] {
        #expect(Self.leaks(in: text).isEmpty, "\(name).\(format) leaks \(Self.leaks(in: text))")
        #expect(text.contains("[Group 1] 2"), "\(name).\(format): the title")
      }
    }
    let markdown = try fixture.exported(ids[2], as: .markdown, anonymise: true)
    // Its old name is its too; a group that did not meet names none of the groups shared.
    #expect(markdown.contains("[Group 1] agreed to meet monthly, as the [Group 1] always has"))
    #expect(markdown.contains("[Group 1] will host; ask [a group] and the [a group] to join"))
    // A space that does not break, and the name's plural, are the group's.
    #expect(
      markdown.contains(
        "Pasted: [Group 1] and the [Group 1]s' plans; [a group] and [a group] came"))
    // A group called by one ordinary word, or an acronym, leaves the word where it is one,
    // and where capitals cannot tell it is kept unless replaced.
    #expect(markdown.contains("A phoenix from the ashes"))
    #expect(markdown.contains("Then ask Phoenix too"))
    // Written in lower case, a name of ordinary words is those words.
    #expect(markdown.contains("we sat in a riverside circle") == true)
    #expect(markdown.contains("Plan B: the NHS England figures, as the Alcohol Plan says"))
    #expect(markdown.contains("- **Programme:** Alcohol Plan"))
    #expect(markdown.contains("[a group], [a group] and [a group] sent notes"), "\(markdown)")
  }

  @Test func aHarvestsTitlesCallEachGroupAsItsTablesDo() throws {
    let (fixture, ids) = try folder()
    let database = fixture.database
    let harvest = try database.anonymisedProgrammeSessions(programme: Self.programme)
    // The groups in the order they first met: North SLG, then Kath's set.
    #expect(
      harvest.sessions.map(\.title) == ["[Group 1] 1", "[Group 2] 1", "[Group 1] 2"])
    let around = try database.around(programme: Self.programme)
    let records = try database.records(of: ids).records
    for format in ShareFormat.allCases {
      let fromTables = HarvestExport.render(
        anonymisedSessions: harvest.sessions, programme: Self.programme, as: format,
        timeZone: Self.utc)
      let fromRecords = try HarvestExport.render(
        records, programme: Self.programme, as: format,
        options: ShareOptions(
          anonymise: true, timeZone: Self.utc, others: around.people, groups: around.groups))
      for (name, text) in [("tables", fromTables), ("records", fromRecords)] {
        #expect(Self.leaks(in: text).isEmpty, "\(name).\(format) leaks \(Self.leaks(in: text))")
      }
    }
    let markdown = HarvestExport.render(
      anonymisedSessions: harvest.sessions, programme: Self.programme, as: .markdown,
      timeZone: Self.utc)
    // Each meeting's row: its title and its group, the same pseudonym.
    #expect(markdown.contains("| [Group 1] 1 | [Group 1] |"))
    #expect(markdown.contains("| [Group 2] 1 | [Group 2] |"))
    #expect(markdown.contains("| [Group 1] 2 | [Group 1] |"))
  }

  @Test func theReviewListsAGroupsNameAsReplaced() throws {
    let (fixture, ids) = try folder()
    let review = try fixture.database.shareReview(of: [ids[2]])
    let listed = Dictionary(
      review.items.map { ($0.text, $0) }, uniquingKeysWith: { first, _ in first })
    #expect(listed["North SLG"]?.replacement == "[Group 1]")
    #expect(listed["North SLG"]?.kind == .name)
    #expect(listed["Kath's set"]?.replacement == Anonymiser.otherGroup)
    #expect(listed["South SLG"]?.replacement == Anonymiser.otherGroup)
    // A name of several ordinary words, written with capitals, is the group's even where
    // capitals cannot tell (it starts each text it stands in): a harvest of a programme whose
    // meetings are titled "Night-Time Economy set 1 meeting 4" listed every title as a
    // suspect.
    #expect(listed["Riverside Circle"]?.replacement == "[Group 1]")
    #expect(listed["Riverside Circle"]?.kind == .name)
    #expect(listed["Phoenix"]?.replacement == Anonymiser.otherGroup)
    #expect(listed["Phoenix"]?.kind == .groupWord)
    #expect(listed["Phoenix"]?.isReplaced == false)
    #expect(listed["NHS"]?.kind == .groupWord)
    #expect(listed["Plan"]?.kind == .groupWord)
    #expect(!review.items.contains { $0.text == "phoenix" })
    // Chosen, it is replaced wherever it stands, as the group it names.
    try LiveSession.resume(ids[2], store: fixture.database, clock: fixture.clock)
      .chooseForSharing("Phoenix", replace: true)
    let markdown = try fixture.exported(ids[2], as: .markdown, anonymise: true)
    #expect(markdown.contains("Then ask [a group] too"), "\(markdown)")
    #expect(markdown.contains("A phoenix from the ashes"))
  }
}
