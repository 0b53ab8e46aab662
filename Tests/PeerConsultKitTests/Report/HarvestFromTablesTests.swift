import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// `harvest` reads the store's tables (``AppDatabase/programmeSessions(programme:in:)``, and
/// with `--anonymise` ``AppDatabase/anonymisedProgrammeSessions(programme:in:)``) instead of
/// replaying every session; the briefing and report it writes must be, byte for byte, those of
/// the replayed records (anonymised together, as `export --anonymise` anonymises them).
@Suite struct HarvestFromTablesTests {
  static let utc = TimeZone(identifier: "UTC")!

  /// The harvest of `programme` in `database` both ways, in every format, plain and
  /// anonymised.
  static func expectSameBothWays(
    _ database: AppDatabase, programme: String, period: ReportPeriod = .always,
    groups: [GroupID: String] = [:], now: Date, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let records = try database.records(programme: programme).records
    let read = try database.programmeSessions(programme: programme, in: period)
    #expect(read.skipped.isEmpty, sourceLocation: sourceLocation)
    let sessions = read.sessions
    #expect(
      sessions.map(\.id)
        == SessionRecord.chronological(HarvestExport.records(records, in: period)).map(\.id),
      sourceLocation: sourceLocation)
    for format in ShareFormat.allCases {
      let replayed = try HarvestExport.render(
        records, programme: programme, as: format, options: ShareOptions(timeZone: utc),
        period: period, groups: groups, now: now)
      let read = HarvestExport.render(
        sessions: sessions, programme: programme, as: format, timeZone: utc, period: period,
        groups: groups, now: now)
      #expect(read == replayed, "\(format)", sourceLocation: sourceLocation)
    }
    let anonymised = try database.anonymisedProgrammeSessions(programme: programme, in: period)
    #expect(anonymised.skipped.isEmpty, sourceLocation: sourceLocation)
    for format in ShareFormat.allCases {
      let replayed = try HarvestExport.render(
        records, programme: programme, as: format,
        options: ShareOptions(anonymise: true, timeZone: utc), period: period, now: now)
      let read = HarvestExport.render(
        anonymisedSessions: anonymised.sessions, programme: programme, as: format,
        timeZone: utc, period: period, now: now)
      #expect(read == replayed, "anonymised \(format)", sourceLocation: sourceLocation)
    }
  }

  /// What anonymising must get right (accents, apostrophes, hyphens, CJK, names in notes, a
  /// near-miss of a name that only a note holds, a latecomer, edits, a deletion), and what the anonymiser learns only from the log:
  /// organisations' other names, the facilitator's choices for suspects; with `#tags` that
  /// name someone, and a note that grows past the longest allowed once names are replaced.
  @Test func anonymisingFromTheTablesIsAnonymisingTheRecords() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let setup = SessionSetup(
      title: "Night patrols with Okafor", programme: "Alcohol Plan",
      consultingProtocol: Fixtures.consultingProtocol,
      participants: [
        ShareFixture.ben,
        Participant(
          name: "Kemi Adeyemi", organisation: "Devon and Cornwall Police",
          organisationAliases: ["DCP", "D&C Police"], level: .frontline),
      ],
      rounds: [SessionRound(presenter: 1, focusQuestion: "Can DCP share the night log?")])
    store.clock.advance(by: 30 * 86_400)
    let live = try store.live(setup)
    try live.start()
    try live.addParticipant(
      Participant(
        name: "Lena Vogt", organisation: "Street Pastors", organisationAliases: ["the Pastors"],
        level: .frontline))
    for text in [
      "#okafor-pilot and #DCP-night-log came up with D&C Police", "Okafur agreed; Kwame too",
      "the Pastors run the night bus #night-bus with Lena",
      // A near-miss of a name, in a note alone: found only among the notes' words.
      "Adeyemy will follow it up",
      String(repeating: "Ben ", count: 2_499) + "#end",
    ] {
      store.clock.advance(by: 20)
      _ = try live.addNote(NoteContent(text: text, kind: .theme))
    }
    _ = try live.addNote(NoteContent(text: "Kemi to ring DCP", kind: .action, owner: 1))
    try live.chooseForSharing("Kwame", replace: true)
    try live.chooseForSharing("Okafur", replace: false)
    try live.finish()
    try Self.expectSameBothWays(
      store.database, programme: "Alcohol Plan", now: store.clock.now())
    let read = try store.database.anonymisedProgrammeSessions(programme: "Alcohol Plan")
    let html = HarvestExport.render(
      anonymisedSessions: read.sessions, programme: "Alcohol Plan", as: .html, timeZone: Self.utc)
    for secret in [
      "DCP", "D&amp;C Police", "Pastors", "Kwame", "Okafor", "Kemi", "Lena", "Adeyemy",
    ] {
      #expect(!html.contains(secret), "\(secret)")
    }
  }

  @Test func theGeneratedReportProgrammeReadsTheSameFromTheTables() throws {
    let programme = try ReportProgramme(sessions: 24, seed: ProgrammeReportTests.seed)
    let database = try AppDatabase.inMemory()
    try database.appendInOneTransaction(programme.records.map { ($0.id, $0.events) })
    let now = ReportProgramme.start.addingTimeInterval(200 * 86_400)
    try Self.expectSameBothWays(database, programme: "Alcohol Plan", now: now)
    let period = try ReportPeriod(since: "2027-02-01", until: "2027-03-31", timeZone: Self.utc)
    try Self.expectSameBothWays(database, programme: "Alcohol Plan", period: period, now: now)
  }

  @Test func standingGroupsFollowUpsAndEditsReadTheSameFromTheTables() throws {
    let programme = try GroupedProgramme(seed: GroupReportTests.seed)
    try Self.expectSameBothWays(
      programme.store.database, programme: GroupedProgramme.programme, groups: programme.names,
      now: programme.now)
  }

  @Test func anUnfinishedSessionWithPausesAndMovesBackReadsTheSame() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    store.clock.advance(by: 30)
    _ = try live.addNote(NoteContent(text: "Trust is thin #trust", kind: .theme))
    try live.togglePause()
    try live.next()
    store.clock.advance(by: 30)
    try live.togglePause()
    try live.previous()
    let action = try live.addNote(NoteContent(text: "Ring the police", kind: .action, owner: 1))
    try live.setActionDone(action.id, true)
    try live.editNote(action.id, to: NoteContent(text: "Ring them by Friday", kind: .action))
    try live.rateProcess(participant: 0, rating: 4)
    try live.clearRating(participant: 0)
    try live.rateProcess(participant: 1, rating: 2)
    try Self.expectSameBothWays(
      store.database, programme: "Alcohol Plan", now: store.clock.now())
  }

  @Test func aSessionWhoseEventIsNotJSONIsLeftOutAndNamed() throws {
    let store = try StoreFixture()
    let good = try store.live()
    store.clock.advance(by: 60)
    let bad = try store.live(Fixtures.setup(title: "Damaged"))
    try bad.start()
    _ = try bad.addNote(NoteContent(text: "Lost", kind: .theme))
    try store.database.writer.write { db in
      try db.execute(
        sql: "UPDATE events SET payload = '{\"type\":\"noteAdded\",\"note\":' "
          + "WHERE session_id = ? AND seq = 3",
        arguments: [bad.id.rawValue])
    }
    let read = try store.database.programmeSessions(programme: "Alcohol Plan")
    #expect(read.sessions.map(\.id) == [good.id])
    #expect(read.skipped.count == 1)
    guard case .damagedSession(let id, let sequence, _) = read.skipped.first else {
      Issue.record("no damaged session named: \(read.skipped)")
      return
    }
    #expect(id == bad.id && sequence == 3)
  }
}
