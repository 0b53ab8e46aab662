import Foundation
import Testing

@testable import PeerConsultKit

/// The programme view reads aggregates from the store (``ProgrammeOverview``); the report
/// counts the sessions' own notes (``ProgrammeReport``). Over the same generated programme
/// they must tell the same story.
@Suite struct ReportAgreesWithOverviewTests {
  @Test func tagsActionsAndRatingsMatchTheProgrammeView() throws {
    let programme = try ReportProgramme(sessions: 24, seed: ProgrammeReportTests.seed)
    let database = try AppDatabase.inMemory()
    try database.appendInOneTransaction(programme.records.map { ($0.id, $0.events) })
    let overview = try database.programmeOverview("Alcohol Plan")
    let report = ProgrammeReport(digests: programme.digests)
    #expect(overview.sessions.map(\.id) == report.sessions.map(\.id))
    #expect(overview.sessions.map(\.averageRating) == report.sessions.map(\.averageRating))
    #expect(overview.actions.agreed == report.actions.agreed)
    #expect(overview.actions.done == report.actions.done)
    #expect(overview.tags.count == report.tags.count)
    for (seen, counted) in zip(overview.tags, report.tags) {
      #expect(seen.tag == counted.tag)
      #expect(seen.sessions == counted.sessions)
      #expect(seen.notes == counted.notes)
      #expect(seen.firstSeen == counted.firstSeen)
      #expect(seen.lastSeen == counted.lastSeen)
      #expect(seen.trend == counted.trend)
    }
  }
}
