import Foundation
import Testing

@testable import PeerConsultKit

/// `peerconsult actions` and `groups show` with actions followed up from one meeting to the
/// next.
@Suite struct FollowedUpActionsTextTests {
  let utc = ReadableTime(timeZone: TimeZone(identifier: "UTC")!)

  /// Two meetings a week apart: the first agrees three actions, the second carries one,
  /// marks one done and drops one.
  private func meetings() throws -> (StoreFixture, GroupID, [SessionRecord]) {
    let store = try StoreFixture()
    let (group, first, second) = try store.northMeetings(
      agreeing: [
        ("Call licensing by Friday", 0), ("Bring figures next session", 1), ("Ask the police", 2),
      ], carried: "Late data", timeZone: utc.timeZone)
    let records = try [first.id, second.id].map(store.database.record(of:))
    return (store, group, records)
  }

  @Test func eachActionSaysWhatLaterMeetingsMadeOfIt() throws {
    let (store, _, records) = try meetings()
    let id = records[0].id.short
    #expect(
      CommandText.actions(records, now: store.clock.now(), time: utc) == """
        2027-01-15  North 1  (Alcohol Plan · \(id))
          [x] Call licensing by Friday (Asha; done 2027-01-22)
          [ ] Bring figures next session (Ben; due next session; carried 2027-01-22: Late data)
          [-] Ask the police (Chloé; dropped 2027-01-22: Police joined us)

        3 actions, 1 done, 1 dropped.

        """)
    // The meeting after the carry finished without it: it is late.
    #expect(
      CommandText.actions(records, overdueOnly: true, now: store.clock.now(), time: utc)
        == "No actions match.\n")
    store.clock.advance(by: 7 * 24 * 3600)
    let third = try store.live(records[1].state.setup)
    try third.finish()
    let later = records + [try store.database.record(of: third.id)]
    #expect(
      CommandText.actions(later, overdueOnly: true, now: store.clock.now(), time: utc) == """
        2027-01-15  North 1  (Alcohol Plan · \(id))
          [ ] Bring figures next session (Ben; overdue: due next session; carried 2027-01-22: Late data)

        1 overdue action.

        """)
  }

  @Test func aGroupShowsItsMembersMeetingsPresentersAndOpenActions() throws {
    let (store, group, records) = try meetings()
    let text = CommandText.group(
      try store.database.group(group), meetings: records, now: store.clock.now(), time: utc)
    #expect(
      text == """
        North  (Alcohol Plan · \(group.short))

        Members:
          Asha; Council; senior  joined 2027-01-15
          Ben; NHS; frontline    joined 2027-01-15
          Chloé; Police; middle  joined 2027-01-15

        2 meetings, the last 2027-01-22.

        Presenters next time:
          1. Asha (never presented)
          2. Ben (never presented)
          3. Chloé (never presented)

        1 open action.

        """)
  }

  /// For a terminal narrower than the members' table, its columns are not padded past the
  /// width and lines wrap on words: every row was padded to the longest organisation and the
  /// terminal broke each one mid-word.
  @Test func aGroupShownInANarrowTerminalIsNotPaddedPastIt() throws {
    let (store, group, records) = try meetings()
    try store.database.changeGroup(
      group,
      .memberJoined(
        participant: Participant(
          name: "Dev Patel",
          organisation: "Northumberland Community Voluntary Action Partnership Trust",
          level: .frontline)), at: store.clock.now())
    let text = CommandText.group(
      try store.database.group(group), meetings: records, now: store.clock.now(), time: utc,
      width: 60)
    #expect(text.split(separator: "\n").allSatisfy { String($0).displayWidth <= 60 }, "\(text)")
    #expect(text.contains("  Asha; Council; senior · joined 2027-01-15\n"), "\(text)")
    #expect(text.contains("  Partnership Trust; frontline · joined 2027-01-22\n"), "\(text)")
  }
}
