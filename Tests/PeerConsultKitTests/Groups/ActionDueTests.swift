import Foundation
import Testing

@testable import PeerConsultKit

/// An action's due date as people write it at the end of the action.
@Suite struct ActionDueTests {
  let utc = TimeZone(identifier: "UTC")!
  /// Friday 15 January 2027, 08:00 UTC.
  let friday = Date(timeIntervalSince1970: 1_799_999_999 + 1)

  private func due(_ text: String) -> ActionDue? {
    ActionDue.find(in: text, writtenAt: friday, timeZone: utc)
  }

  @Test func aWeekdayIsTheNextOneAfterTheDayWritten() {
    #expect(CalendarDay(friday, in: utc).description == "2027-01-15")
    #expect(due("Call licensing by Monday") == .day(CalendarDay(iso: "2027-01-18")!))
    #expect(due("Send it by Fri.") == .day(CalendarDay(iso: "2027-01-22")!))
    #expect(due("by tomorrow, please") == .day(CalendarDay(iso: "2027-01-16")!))
  }

  @Test func aDateWinsOverAWeekdayWhichWinsOverTheNextSession() {
    #expect(
      due("Report by Friday, at the latest 2027-02-01") == .day(CalendarDay(iso: "2027-02-01")!))
    #expect(due("Bring it next session, or by Tuesday") == .day(CalendarDay(iso: "2027-01-19")!))
    #expect(due("Bring the figures next session") == .nextSession)
    #expect(due("Report back at the next meeting") == .nextSession)
  }

  /// Dates as facilitators in Britain write them: "by 15/01/2027" and "by 15 Jan" went
  /// unread, so the action could never be overdue, and nothing said so.
  @Test func aDateAsBritainWritesItIsRead() {
    func day(_ iso: String) -> ActionDue { .day(CalendarDay(iso: iso)!) }
    // Written on Friday 15 January 2027.
    #expect(due("Brief the committee by 18/02/2027") == day("2027-02-18"))
    #expect(due("Brief the committee by 18/2/27.") == day("2027-02-18"))
    #expect(due("Brief the committee by 18-02-2027") == day("2027-02-18"))
    #expect(due("Send it by 18/2") == day("2027-02-18"))
    // Without a year, their next coming, today included.
    #expect(due("Send it by 15/1") == day("2027-01-15"))
    #expect(due("Send it by 14/1") == day("2028-01-14"))
    #expect(due("Map it by 3 Feb") == day("2027-02-03"))
    #expect(due("Map it by the 3rd of February 2028") == day("2028-02-03"))
    #expect(due("Map it due 21st March") == day("2027-03-21"))
    #expect(due("Map it by March 21st, then report") == day("2027-03-21"))
    #expect(due("Map it by Sept 9 2027") == day("2027-09-09"))
    #expect(due("Map it by end of January") == day("2027-01-31"))
    #expect(due("Map it by the end of the month") == day("2027-01-31"))
    #expect(due("Map it by the end of December") == day("2027-12-31"))
    #expect(due("Map it by the end of February 2028") == day("2028-02-29"))
    // Two digits after a month's name are a time, not a year.
    #expect(due("Circulate by 21 March 14:00") == day("2027-03-21"))
    #expect(due("Circulate by 15 Jan 10 am") == day("2027-01-15"))
    // Weekdays either side of a slash: the first.
    #expect(due("Call by Fri/Mon") == day("2027-01-22"))
    #expect(due("Call by tomorrow/Thursday") == day("2027-01-16"))
    // A weekday before its date: the date, not the next such weekday (an attack found
    // "by Friday, 15 January 2027" due a week after it was written).
    #expect(due("Report by Friday, 12 February 2027") == day("2027-02-12"))
    #expect(due("Report by Mon 1 Feb") == day("2027-02-01"))
    #expect(due("Report by Friday 19/02") == day("2027-02-19"))
    // A date wins over a weekday written first.
    #expect(due("Call by Monday, report by 3 Feb") == day("2027-02-03"))
    // No such day, and words that are no date.
    for text in [
      "Send it by 31/2", "Send it by 32 Jan", "Send it by 13/13/2027", "Sign up by e-mail",
      "Cut costs by 10 percent", "Due to the rain", "by the end of the day", "by and/or",
      "by 3", "by May",
      // A review of the first version: ranges, fractions and times were read as dates.
      "Reduce waits by 2-3 weeks", "Cut costs by 5-10%", "Cut the backlog by 1/3",
      "Cut it by 2/3 of what it was", "Staffed by 24/7 cover", "Agreed by 3/4 of the team",
    ] {
      #expect(due(text) == nil, "\(text)")
    }
  }

  @Test func textWithoutADueDateHasNone() {
    #expect(due("Call the council") == nil)
    #expect(due("Stand by me") == nil)
    #expect(due("Read 2027-02-30 minutes") == nil)
    #expect(due("next") == nil)
  }

  @Test func codesReadBackAndNothingElseDoes() {
    for code in ["2027-01-15", "next-session", "2028-02-29"] {
      #expect(ActionDue(code: code)?.code == code)
    }
    for code in ["2027-1-15", "2027-02-29", "next session", "", "２０２７-01-15", "2027-13-01"] {
      #expect(ActionDue(code: code) == nil, "\(code)")
    }
  }

  /// A due date belongs to an action: a stored or imported note of another kind is refused.
  @Test func onlyAnActionHasADueDate() throws {
    var state = try SessionState(setup: Fixtures.setup(), createdAt: friday)
    let insight = NoteContent(text: "Call by Friday", kind: .insight, due: .nextSession)
    #expect(throws: SessionError.dueWithoutAction) {
      try state.apply(.noteAdded(id: 1, slot: 0, content: insight), at: friday)
    }
    #expect(insight.normalized.due == nil)
  }

  /// "Next session" means the group's next meeting: a session of no group has none.
  @Test func nextSessionIsKeptOnlyInAGroupsMeeting() throws {
    let store = try StoreFixture()
    let alone = try store.live()
    try alone.start()
    #expect(
      try alone.addNote(NoteContent(text: "Bring figures next session", kind: .action)).due == nil)
    var setup = Fixtures.setup()
    setup.group = GroupID.random()
    let meeting = try store.live(setup)
    try meeting.start()
    let note = try meeting.addNote(NoteContent(text: "Bring figures next session", kind: .action))
    #expect(note.due == .nextSession)
    #expect(
      try meeting.addNote(NoteContent(text: "Next session was good", kind: .insight)).due == nil)
    // Editing keeps the day counted from when it was agreed.
    try meeting.editNote(
      note.id, to: NoteContent(text: "Bring figures by 2027-03-01", kind: .action))
    #expect(meeting.state.note(note.id)?.due == .day(CalendarDay(iso: "2027-03-01")!))
  }
}
