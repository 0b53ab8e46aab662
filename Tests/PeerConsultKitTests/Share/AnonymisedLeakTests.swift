import Foundation
import Testing

@testable import PeerConsultKit

/// No participant's name, no part of it, and no organisation survives in any anonymised
/// output, checked independently of the anonymiser's own matching.
@Suite struct AnonymisedLeakTests {
  /// Every anonymised output of the fixture: each session format and each harvest format.
  private func outputs() throws -> [(name: String, text: String)] {
    let records = try ShareFixture.records()
    let programme = try ShareFixture.programmeRecords()
    let options = ShareFixture.anonymisedUTC
    var outputs: [(String, String)] = []
    // The harvest as `harvest --anonymise` reads it: from the store's tables.
    let database = try AppDatabase.inMemory()
    try ShareFixture.record(into: database)
    let fromTables = try database.anonymisedProgrammeSessions(programme: "Alcohol Plan")
    for format in ShareFormat.allCases {
      outputs.append(
        (
          "harvest from the tables.\(format)",
          HarvestExport.render(
            anonymisedSessions: fromTables.sessions, programme: "Alcohol Plan", as: format,
            timeZone: options.timeZone)
        ))
      outputs.append(
        ("sessions.\(format)", try SessionExport.render(records, as: format, options: options)))
      outputs.append(
        (
          "harvest.\(format)",
          try HarvestExport.render(
            programme, programme: "Alcohol Plan", as: format, options: options)
        ))
    }
    return outputs
  }

  /// What must not be found: whole names, their parts, the bare form of "O'Neill",
  /// and organisations.
  private var secrets: [String] {
    var secrets: [String] = []
    for person in ShareFixture.everyone {
      secrets.append(person.name)
      secrets.append(person.organisation)
      let words = person.name.split(separator: " ").map(String.init)
      secrets += words.filter { $0 != "Dr" }
      secrets += words.flatMap { $0.split(separator: "-").map(String.init) }
    }
    secrets.append("ONeill")
    return secrets
  }

  @Test func noNameOrOrganisationSurvivesInAnyFormat() throws {
    let matchers = try secrets.map { ($0, try matcher(for: fold($0))) }
    for (name, text) in try outputs() {
      // JSON is checked as the strings it holds, so an escape could not hide a name.
      let haystack =
        name.hasSuffix("json") ? try strings(inJSON: text).joined(separator: "\n") : text
      let folded = fold(haystack)
      for (secret, matcher) in matchers
      where matcher.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded)) != nil
      {
        Issue.record("\(name) leaks \"\(secret)\"")
      }
      #expect(text.contains("[Participant A]"), "\(name) shows no pseudonym")
      // Zoë is the only senior: her level would name her.
      #expect(!text.contains(", senior]"), "\(name) shows the level of the only senior")
      #expect(!text.contains("Attendees"), "\(name) lists attendees")
      #expect(!text.contains("zoe.angstrom"), "\(name) shows the protocol's path")
    }
  }

  @Test func whatWasSaidSurvives() throws {
    for (name, text) in try outputs() where name.hasPrefix("sessions") {
      #expect(text.contains("referral backlog"), "\(name) lost a note")
      #expect(text.contains("[Organisation 2] doubled"), "\(name) lost a replaced organisation")
    }
  }

  @Test func withdrawnWordsDoNotTravel() throws {
    for (name, text) in try outputs() {
      #expect(!text.contains("off the record"), "\(name) shows a deleted note")
      #expect(!text.contains("Data sharing agreements take months"), "\(name) shows an old version")
    }
  }

  /// Names split by characters nobody sees (a zero-width space or a soft hyphen pasted in with
  /// the text) read as the names, so none may read so in any output once those characters,
  /// and the marks that stand for the controls among them, are taken out; and the words around
  /// them, "Benjamin" among them, stay as they were said.
  @Test func aNameSplitByACharacterNobodySeesDoesNotLeak() throws {
    let database = try AppDatabase.inMemory()
    let clock = ManualClock(Fixtures.start)
    let setup = SessionSetup(
      title: "Referrals", programme: "Alcohol Plan",
      consultingProtocol: Fixtures.consultingProtocol,
      participants: [
        ShareFixture.zoe, ShareFixture.sean, ShareFixture.wei, ShareFixture.anneMarie,
      ],
      rounds: [SessionRound(presenter: 1)])
    let id = ShareFixture.firstID
    let session = try LiveSession.create(setup, id: id, store: database, clock: clock)
    try session.start()
    for (index, hidden) in TermReplacerTests.invisible.enumerated() {
      clock.advance(by: 5)
      try session.addNote(
        .init(
          text:
            "Note \(index): Zo\(hidden)ë Ång\(hidden)ström asked Se\(hidden)án O'Ne\(hidden)ill "
            + "and 王\(hidden)伟 about Anne-Ma\(hidden)rie's plan for Benjamin.",
          kind: .insight, speaker: 0))
    }
    clock.advance(by: 60)
    try session.finish()
    let records = [try SessionRecord(id: id, events: database.events(of: id))]
    let options = ShareFixture.anonymisedUTC
    let fromTables = try database.anonymisedProgrammeSessions(programme: "Alcohol Plan")
    let matchers = try secrets.map { ($0, try matcher(for: fold($0))) }
    for format in ShareFormat.allCases {
      for (name, text) in [
        ("sessions.\(format)", try SessionExport.render(records, as: format, options: options)),
        (
          "harvest.\(format)",
          try HarvestExport.render(records, programme: "Alcohol Plan", as: format, options: options)
        ),
        (
          "harvest from the tables.\(format)",
          HarvestExport.render(
            anonymisedSessions: fromTables.sessions, programme: "Alcohol Plan", as: format,
            timeZone: options.timeZone)
        ),
      ] {
        let strings = format == .json ? try strings(inJSON: text) : [text]
        let seen = strings.map { string in
          var visible = String.UnicodeScalarView()
          visible.append(
            contentsOf: string.unicodeScalars.filter {
              !$0.properties.isDefaultIgnorableCodePoint && $0 != "\u{FFFD}"
            })
          return String(visible)
        }.joined(separator: "\n")
        let folded = fold(seen)
        for (secret, matcher) in matchers
        where matcher.firstMatch(in: folded, range: NSRange(folded.startIndex..., in: folded))
          != nil
        {
          Issue.record("\(name) leaks \"\(secret)\"")
        }
        // The harvest quotes a theme's notes, not every note.
        guard name.hasPrefix("sessions") else { continue }
        #expect(seen.contains("plan for Benjamin."), "\(name) changed what was said")
        #expect(seen.contains("Note 16:"), "\(name) lost a note")
      }
    }
  }

  private func fold(_ text: String) -> String {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "’", with: "'")
  }

  /// Finds `word` as a whole word in Latin text, or anywhere for CJK.
  private func matcher(for word: String) throws -> NSRegularExpression {
    let escaped = NSRegularExpression.escapedPattern(for: word)
    let isCJK = word.unicodeScalars.contains { $0.value >= 0x3000 }
    return try NSRegularExpression(
      pattern: isCJK ? escaped : "(?<![\\p{L}\\p{N}])\(escaped)(?![\\p{L}\\p{N}])")
  }

  private func strings(inJSON text: String) throws -> [String] {
    var found: [String] = []
    func walk(_ value: Any) {
      if let string = value as? String {
        found.append(string)
      } else if let array = value as? [Any] {
        array.forEach(walk)
      } else if let object = value as? [String: Any] {
        for (key, value) in object {
          found.append(key)
          walk(value)
        }
      }
    }
    walk(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    return found
  }
}
