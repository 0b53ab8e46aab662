import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// An anonymised export of one meeting replaces the people it may name who were not there:
/// the group's members who sent apologies or never came, the guest of a meeting before, and
/// the people of the programme's other sessions, with their organisations. They get no letter,
/// which would say that they were there.
@Suite struct AbsentPeopleAnonymisedTests {
  private static let amira = Participant(
    name: "Amira Haddad", organisation: "NHS Trust", level: .frontline)
  private static let wei = Participant(name: "Li Wei", organisation: "Police", level: .middle)
  private static let zoe = Participant(
    name: "Zoë Müller", organisation: "City Council", level: .senior)
  /// A member who never came to a meeting.
  private static let priya = Participant(
    name: "Priya Raman", organisation: "Citizens Advice", organisationAliases: ["CAB"],
    level: .middle)
  /// A guest at the first meeting only.
  private static let kofi = Participant(
    name: "Kofi Mensah", organisation: "Shelter Housing", organisationAliases: ["SHL"],
    level: .frontline)
  /// At a session of the programme outside the group.
  private static let dana = Participant(
    name: "Dana Whitfield", organisation: "Fire Service", level: .senior)

  /// The notes of the second meeting, which name every one of them.
  private static let notes = [
    "Zoë Müller sent apologies; Kofi from Shelter Housing is on leave",
    "Ask Zoë for the council's figures next session",
    "Müller's figures are late and SHL has not replied",
    "Priya at CAB has the data, and Raman agreed",
    "Dana said the Fire Service sees the same at Whitfield's station",
  ]

  private static let secrets = [
    "Zoë", "Zoe", "Müller", "Muller", "City Council", "Kofi", "Mensah", "Shelter", "SHL",
    "Priya", "Raman", "Citizens Advice", "CAB", "Dana", "Whitfield", "Fire Service",
  ]

  /// A folder with the group, its two meetings and a session of the programme outside it;
  /// returns it with the second meeting's id.
  private func folder() throws -> (StoreFixture, SessionID) {
    let fixture = try StoreFixture()
    let database = fixture.database
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan",
      members: [Self.zoe, Self.amira, Self.wei, Self.priya], at: fixture.clock.now())
    func setup(_ title: String, _ people: [Participant], group: GroupID?) -> SessionSetup {
      var setup = SessionSetup(
        title: title, programme: "Alcohol Plan", consultingProtocol: Fixtures.consultingProtocol,
        participants: people, rounds: [SessionRound(presenter: 0)])
      setup.group = group
      return setup
    }
    fixture.clock.advance(by: 60)
    let first = try fixture.live(
      setup("North 1", [Self.zoe, Self.amira, Self.wei, Self.kofi], group: group.id))
    try first.start()
    try first.finish()
    fixture.clock.advance(by: 86_400)
    let outside = try fixture.live(setup("Fire safety", [Self.dana, Self.wei], group: nil))
    try outside.start()
    try outside.finish()
    fixture.clock.advance(by: 86_400 * 30)
    let second = try fixture.live(setup("North 2", [Self.amira, Self.wei], group: group.id))
    try second.start()
    for text in Self.notes {
      fixture.clock.advance(by: 30)
      _ = try second.addNote(NoteContent(text: text, kind: .insight, speaker: 0))
    }
    try second.finish()
    return (fixture, second.id)
  }

  @Test func aMeetingsExportReplacesWhoWasNotThere() throws {
    let (fixture, id) = try folder()
    let database = fixture.database
    let around = try database.around([id])
    let utc = TimeZone(identifier: "UTC")!
    var outputs: [(String, String)] = []
    for format in ShareFormat.allCases {
      outputs.append(("export.\(format)", try fixture.exported(id, as: format, anonymise: true)))
      outputs.append(
        (
          "rendered.\(format)",
          try SessionExport.render(
            [try database.record(of: id)], as: format,
            options: ShareOptions(
              anonymise: true, timeZone: utc, others: around.people, groups: around.groups))
        ))
    }
    // The harvest of the month of the second meeting alone: the first meeting, the session
    // outside the group and the member who never came are around it.
    let period = try ReportPeriod(
      since: "2027-02-14", until: "2027-02-16", timeZone: utc)
    let harvest = try database.anonymisedProgrammeSessions(programme: "Alcohol Plan", in: period)
    // The title is the group's name, "North": one ordinary word, listed for review and kept
    // unless replaced (GroupNamesAnonymisedTests).
    #expect(harvest.sessions.map(\.title) == ["North 2"])
    outputs.append(
      (
        "harvest",
        HarvestExport.render(
          anonymisedSessions: harvest.sessions, programme: "Alcohol Plan", as: .markdown,
          timeZone: utc)
      ))
    for (name, text) in outputs {
      // As words: a session's random id ("…3f9cab12…") held "cab" once in a few hundred runs.
      for secret in Self.secrets
      where text.range(
        of: "\\b" + NSRegularExpression.escapedPattern(for: secret) + "\\b",
        options: [.regularExpression, .caseInsensitive]) != nil
      {
        Issue.record("\(name) leaks \"\(secret)\"")
      }
      // Two people were there, and only two letters are given.
      #expect(text.contains("[Participant A"), "\(name) names nobody there")
      #expect(!text.contains("[Participant C"), "\(name) gives a letter to someone absent")
      guard name != "harvest" else { continue }
      #expect(text.contains("[a person] sent apologies"), "\(name): \(text)")
      #expect(text.contains("[an organisation] is on leave"), "\(name)")
      #expect(text.contains("at [an organisation] has the data"), "\(name)")
    }
  }

  @Test func theReviewListsThemAsReplaced() throws {
    let (fixture, id) = try folder()
    let review = try fixture.database.shareReview(of: [id])
    let replaced = Dictionary(
      review.replacements.map { ($0.text, $0.replacement) }, uniquingKeysWith: { first, _ in first }
    )
    #expect(replaced["Zoë Müller"] == Anonymiser.someoneElse)
    #expect(replaced["Kofi"] == Anonymiser.someoneElse)
    // "CAB" is a word too: replaced unless kept, as a participant's organisation's would be.
    let cab = review.items.first { $0.text == "CAB" }
    #expect(cab?.replacement == Anonymiser.otherOrganisation && cab?.isReplaced == true)
    #expect(review.suspects.allSatisfy { !["Zoë", "Müller", "Priya", "Dana"].contains($0.text) })
  }

  /// Someone there whose name another session gives with another organisation keeps their
  /// letter, and that organisation is hidden all the same; what an erasure left names nobody,
  /// so its words ("person") stay ordinary words.
  @Test func anOrganisationOfANameSharedIsHiddenAndAnErasureNamesNobody() throws {
    let (fixture, id) = try folder()
    let database = fixture.database
    let elsewhere = try fixture.live(
      SessionSetup(
        title: "Licensing", programme: "Alcohol Plan",
        consultingProtocol: Fixtures.consultingProtocol,
        participants: [
          Participant(name: "Li Wei", organisation: "Quixcorp", level: .middle), Self.dana,
        ],
        rounds: [SessionRound(presenter: 0)]))
    try elsewhere.start()
    try elsewhere.finish()
    _ = try database.erasePerson(named: "Kofi Mensah", at: fixture.clock.now())
    let live = try LiveSession.resume(id, store: database, clock: fixture.clock)
    try live.previous()
    _ = try live.addNote(
      NoteContent(
        text: "Li Wei used to be at Quixcorp. Person-centred planning needs time.",
        kind: .insight))
    try live.finish()
    let text = try fixture.exported(id, as: .markdown, anonymise: true)
    #expect(text.contains("[Participant B] used to be at [an organisation]."), "\(text)")
    #expect(text.contains(" Person-centred planning needs time."), "\(text)")
  }

  /// Who was there keeps their pseudonym, whoever else the programme holds.
  @Test func thoseThereKeepTheirLetters() throws {
    let (fixture, id) = try folder()
    let record = try fixture.database.record(of: id)
    let alone = Anonymiser(records: [record])
    let around = Anonymiser(records: [record], others: try fixture.database.peopleAround([id]))
    for person in [Self.amira, Self.wei] {
      #expect(around.pseudonym(for: person) == alone.pseudonym(for: person))
    }
    #expect(around.scrub("Amira asked Li Wei") == alone.scrub("Amira asked Li Wei"))
  }
}
