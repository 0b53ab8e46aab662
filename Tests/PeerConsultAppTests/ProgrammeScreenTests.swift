import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The programme view: Ctrl-O from review, what it shows, scrolling and the way back.
@Suite struct ProgrammeScreenTests {
  /// The review fixture plus four weekly Alcohol Plan sessions with tags and ratings, and
  /// actions the group's later meetings carry, drop or let go by.
  private func fixture(
    width: Int = 80, height: Int = 24, weeks: Int = 4, groupName: String = "North SLG"
  ) throws -> ReviewFixture {
    let f = try ReviewFixture(width: width, height: height)
    let database = try AppDatabase(directory: f.dataFolder)
    let people = LiveFixture.participants
    let group = try database.createGroup(
      name: groupName, programme: "Alcohol Plan", members: people, at: f.clock.now())
    var actions: [ActionReference] = []
    for week in 0..<weeks {
      f.clock.advance(by: 7 * 86_400)
      let session = try LiveSession.create(
        SessionSetup(
          title: "Week \(week + 1)", programme: "Alcohol Plan",
          consultingProtocol: LiveFixture.drill, participants: people, presenters: [week % 3],
          group: group.id),
        store: database, clock: f.clock)
      // Week 1 agrees two actions, week 2 carries one and agrees a third, week 3 drops that;
      // the first, due at the next meeting, is never followed up, so it becomes overdue.
      if week == 1 { try session.followUp(actions[1], .carried(note: "")) }
      if week == 2 { try session.followUp(actions[2], .dropped(reason: "Not ours")) }
      try session.start()
      let agreed = [0: ["Bring figures next session", "Ask the police"], 1: ["Map the venues"]]
      for text in agreed[week] ?? [] {
        let note = try session.addNote(NoteContent(text: text, kind: .action, owner: 0))
        actions.append(ActionReference(session: session.id, note: note.id))
      }
      if week < 2 { _ = try session.addNote(NoteContent(text: "#licensing again", kind: .theme)) }
      if week >= 2 {
        _ = try session.addNote(NoteContent(text: "#night-time-economy rising", kind: .theme))
      }
      try session.rateProcess(participant: 0, rating: min(5, 2 + week))
      try session.rateProcess(participant: 1, rating: min(5, 3 + week))
      if week == weeks - 1 { try session.finish() }
    }
    try database.close()
    f.runner.perform(.loadReview)
    return f
  }

  @Test func ctrlOOpensTheSelectedSessionsProgrammeAndEscGoesBack() throws {
    let f = try fixture()
    f.type("week 4")
    f.press(.control("o"))
    let view = try #require(f.runner.state.screen as? ProgrammeState)
    #expect(view.overview.programme == "Alcohol Plan")
    #expect(view.overview.sessions.count == 6)
    #expect(f.text.contains("Programme · Alcohol Plan"))
    #expect(f.text.contains("#licensing"))
    f.press(.escape)
    #expect(f.review?.filter.string == "week 4", "the review list as it was left")
  }

  @Test func theViewAt80x24() throws {
    let f = try fixture()
    f.press(.control("p"), .control("o"))
    expectGolden(f.screen, "programme-80x24")
  }

  /// A long group name gives way to its counts at 80 columns: it pushed "1 open · 4 meetings ·
  /// last met …" off the row.
  @Test func aLongGroupNameGivesWayToItsCounts() throws {
    let f = try fixture(
      groupName:
        "North Alcohol Plan Systems Learning Group (city centre and the night-time economy)"
    )
    f.press(.control("p"), .control("o"))
    let row = try #require(f.screen.lines.first { $0.contains("North Alcohol Plan") })
    #expect(row.contains("… · "), "\(row)")
    #expect(row.contains("4 meetings · last met "), "\(row)")
  }

  @Test func theViewAt120x40() throws {
    let f = try fixture(width: 120, height: 40)
    f.press(.control("p"), .control("o"))
    expectGolden(f.screen, "programme-120x40")
  }

  @Test func scrollingStopsAtTheLastPage() throws {
    let f = try fixture(weeks: 12)
    f.press(.control("p"), .control("o"))
    #expect(f.text.contains("more rows below"))
    for _ in 0..<40 { f.press(.down) }
    #expect(f.text.contains("↑↓ PgUp PgDn scroll"))
    #expect(f.text.contains("Week 12"))
    f.press(.up)
    #expect(f.text.contains("↓ 1 more row below"))
  }

  @Test func anEmptyFolderAsksForAProgrammeFirst() throws {
    let f = try ReviewFixture(seed: false)
    f.press(.control("o"))
    #expect(f.runner.state.notice?.text == "Choose a programme first: Ctrl-P steps through them.")
    #expect(f.review != nil)
  }
}
