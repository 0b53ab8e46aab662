import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The report's numbers over a generated programme, checked against what the generator put
/// in (``ReportProgramme``), counted here without the report's code.
@Suite struct ProgrammeReportTests {
  static let seed = SeededGenerator.seed(17)

  @Test func sessionsCarryTheirSliceActionsAndRatings() throws {
    let programme = try ReportProgramme(sessions: 24, seed: Self.seed)
    let report = ProgrammeReport(digests: programme.digests.reversed())
    #expect(report.sessions.map(\.id) == programme.planned.map(\.id), "oldest first")
    for (session, plan) in zip(report.sessions, programme.planned) {
      let people = plan.people.map { ReportProgramme.pool[$0] }
      #expect(session.people == people.count)
      for level in Level.allCases {
        #expect(session.people(at: level) == people.count { $0.level == level })
      }
      #expect(session.organisations == Set(people.map(\.organisation)).count)
      #expect(session.presenters == plan.presenters.map { ReportProgramme.pool[$0].name })
      #expect(session.actionsAgreed == plan.actionsAgreed)
      #expect(session.actionsDone == plan.actionsDone)
      #expect(session.ratings == plan.ratings.count)
      let mean =
        plan.ratings.isEmpty ? nil : Double(plan.ratings.reduce(0, +)) / Double(plan.ratings.count)
      #expect(session.averageRating == mean)
    }
    #expect(report.actions.agreed == programme.planned.reduce(0) { $0 + $1.actionsAgreed })
    #expect(report.actions.done == programme.planned.reduce(0) { $0 + $1.actionsDone })
    let ratings = programme.planned.flatMap(\.ratings)
    let overall = try #require(report.averageRating)
    #expect(abs(overall - Double(ratings.reduce(0, +)) / Double(ratings.count)) < 1e-9)
    #expect(report.ratedSessions.count == programme.planned.count { !$0.ratings.isEmpty })
  }

  @Test func tagsAreCountedOncePerNoteWithTheirTrend() throws {
    let programme = try ReportProgramme(sessions: 24, seed: Self.seed)
    let report = ProgrammeReport(digests: programme.digests)
    let count = programme.planned.count
    var expected: [String: (notes: Int, sessions: Set<Int>, first: Date, last: Date)] = [:]
    for (position, plan) in programme.planned.enumerated() {
      for (key, dates) in plan.tagged {
        var entry = expected[key] ?? (0, [], dates[0], dates[0])
        entry.notes += dates.count
        entry.sessions.insert(position)
        entry.first = min(entry.first, dates.min()!)
        entry.last = max(entry.last, dates.max()!)
        expected[key] = entry
      }
    }
    #expect(Set(report.tags.map(\.key)) == Set(expected.keys), "no #ghost-tag, no C#")
    for tag in report.tags {
      let want = try #require(expected[tag.key])
      #expect(tag.notes == want.notes, "\(tag.key)")
      #expect(tag.sessions == want.sessions.count, "\(tag.key)")
      #expect(tag.firstSeen == want.first)
      #expect(tag.lastSeen == want.last)
      // The latest three sessions' share against the earlier ones', as fractions.
      let recent = Double(want.sessions.count { $0 >= count - 3 }) / 3
      let earlier = Double(want.sessions.count { $0 < count - 3 }) / Double(count - 3)
      let trend: TagTrend =
        earlier == 0 ? .new : recent > earlier ? .rising : recent < earlier ? .fading : .steady
      #expect(tag.trend == trend, "\(tag.key)")
    }
    #expect(report.tags.first { $0.key == ReportProgramme.fading }?.trend == .fading)
    #expect(report.tags.first { $0.key == ReportProgramme.rising }?.trend == .rising)
    // The most used first.
    let order = report.tags.map { -$0.sessions * 1_000 - $0.notes }
    #expect(order == order.sorted())
  }

  @Test func themeNotesWrittenAlikeCountAsOne() throws {
    let programme = try ReportProgramme(sessions: 24, seed: Self.seed)
    let report = ProgrammeReport(digests: programme.digests)
    var expected: [Int: (notes: Int, sessions: Int)] = [:]
    for plan in programme.planned {
      for (theme, dates) in plan.themes {
        expected[theme, default: (0, 0)].notes += dates.count
        expected[theme, default: (0, 0)].sessions += 1
      }
    }
    #expect(report.themes.count == expected.count, "the deleted #ghost-tag theme is left out")
    for (theme, counts) in expected {
      let found = try #require(
        report.themes.first { ReportProgramme.themeSpellings[theme].contains($0.text) })
      #expect(found.notes == counts.notes)
      #expect(found.sessions == counts.sessions)
    }
  }

  @Test func everyoneWithTheirSessionsAndPresentations() throws {
    let programme = try ReportProgramme(sessions: 24, seed: Self.seed)
    let report = ProgrammeReport(digests: programme.digests)
    var sessions: [Int: Int] = [:]
    var presentations: [Int: Int] = [:]
    for plan in programme.planned {
      for person in plan.people { sessions[person, default: 0] += 1 }
      for person in plan.presenters { presentations[person, default: 0] += 1 }
    }
    #expect(report.people.count == sessions.count)
    for person in report.people {
      let index = try #require(ReportProgramme.pool.firstIndex { $0.name == person.name })
      #expect(person.sessions == sessions[index])
      #expect(person.presentations == presentations[index] ?? 0)
      #expect(person.organisation == ReportProgramme.pool[index].organisation)
    }
    #expect(report.presented == presentations.count)
    let order = report.people.map(\.presentations)
    #expect(order == order.sorted(by: >), "those who presented most first")
  }

  @Test func aPeriodKeepsTheSessionsHeldInIt() throws {
    let programme = try ReportProgramme(sessions: 10, seed: Self.seed)
    let utc = TimeZone(identifier: "UTC")!
    // Sessions are a week apart from 2027-01-15 08:00 UTC: the 3rd to the 5th.
    let period = try ReportPeriod(since: "2027-01-29", until: "2027-02-12", timeZone: utc)
    let report = ProgrammeReport(digests: programme.digests, period: period)
    #expect(report.sessions.map(\.id) == programme.planned[2...4].map(\.id))
    let tagged = programme.planned[2...4].filter { !$0.tagged.isEmpty }.count
    #expect(report.tags.map(\.sessions).max() ?? 0 <= tagged)
    let open = try ReportPeriod(since: nil, until: "2027-01-22", timeZone: utc)
    #expect(ProgrammeReport(digests: programme.digests, period: open).sessions.count == 2)
  }

  @Test func periodsRefuseWhatIsNotADayInOneLine() {
    let utc = TimeZone(identifier: "UTC")!
    for text in ["2027-02-30", "27-01-01", "2027-1-1", "yesterday", "2027-13-01", "\u{1B}[2J"] {
      #expect(throws: ReportPeriod.Refusal.notADay(text)) {
        try ReportPeriod(since: text, until: nil, timeZone: utc)
      }
    }
    #expect(
      throws: ReportPeriod.Refusal.endsBeforeItStarts(since: "2027-02-01", until: "2027-01-31")
    ) {
      try ReportPeriod(since: "2027-02-01", until: "2027-01-31", timeZone: utc)
    }
    let message = ReportPeriod.Refusal.notADay("\u{1B}[2J" + String(repeating: "x", count: 500))
      .description
    #expect(!message.contains("\u{1B}"))
    #expect(message.count < 120)
    #expect((try? ReportPeriod(since: "2027-01-31", until: "2027-01-31", timeZone: utc)) != nil)
  }
}

/// Anonymised, the report does not undo what the pseudonyms hide.
@Suite struct AnonymisedReportTests {
  /// Zoë is the fixture's only senior, so her pseudonym carries no level; a table pairing it
  /// with "senior" would name her.
  @Test func noPseudonymIsPairedWithItsLevel() throws {
    let records = try ShareFixture.programmeRecords()
    let markdown = try HarvestExport.render(
      records, programme: "Alcohol Plan", as: .markdown, options: ShareFixture.anonymisedUTC)
    let people = markdown.split(separator: "\n").filter { $0.hasPrefix("| [Participant") }
    #expect(people.count == 6)
    for line in people {
      for level in Level.allCases { #expect(!line.contains("| \(level.rawValue) |"), "\(line)") }
    }
    let html = try HarvestExport.render(
      records, programme: "Alcohol Plan", as: .html, options: ShareFixture.anonymisedUTC)
    let start = try #require(html.range(of: "<table class=\"people\">"))
    let end = try #require(html.range(of: "</table>", range: start.upperBound..<html.endIndex))
    let table = html[start.lowerBound..<end.upperBound]
    #expect(table.contains("[Participant A]"))
    #expect(!table.contains("Level"))
    for level in Level.allCases { #expect(!table.contains("<td>\(level.rawValue)</td>")) }
    let json = try HarvestExport.render(
      records, programme: "Alcohol Plan", as: .json, options: ShareFixture.anonymisedUTC)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let report = try #require(object["report"] as? [String: Any])
    let everyone = try #require(report["people"] as? [[String: Any]])
    #expect(everyone.count == 6 && everyone.allSatisfy { $0["level"] == nil })
  }
}
