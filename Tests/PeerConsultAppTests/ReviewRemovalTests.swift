import Foundation
import GRDB
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// Deleting a session from the review list and erasing a person from a transcript: each asks
/// first, naming what will go, and is done by the model functions `peerconsult delete` and
/// `erase-person` use; a session live in another program is refused with one line.
@Suite struct ReviewRemovalTests {
  private static let night = ShareReviewFixture.withSuspects
  private static let discharge = ShareReviewFixture.plain

  private func question(_ f: ShareReviewFixture) -> String? {
    if case .confirm(let question, _, _, _) = f.runner.state.overlay { return question }
    return nil
  }

  @Test func ctrlXDeletesTheSelectedSessionOnceConfirmed() throws {
    let f = try ShareReviewFixture()
    f.press(.control("x"))
    #expect(question(f) == "Delete session d4000000 “Night-time economy” (3 notes) for good? y/n")
    f.press(.character("n"))
    #expect(try f.stored().setup.title == "Night-time economy")
    f.press(.control("x"), .character("y"))
    #expect(
      f.runner.state.notice?.text == "Deleted session d4000000 (Night-time economy) for good.")
    let review = try #require(f.runner.state.screen as? ReviewState)
    #expect(review.sessions.map(\.id) == [Self.discharge])
    #expect(throws: StoreError.noSuchSession(Self.night.rawValue)) { try f.stored() }
  }

  /// Another program in the middle of a read (or a full disk) keeps the file from being
  /// rewritten: the removal stands, and the notice says that its words wait in the free space,
  /// as `peerconsult delete` and `erase-person` warn. Before, it said "for good." and nothing
  /// else.
  @Test func aRemovalWhoseClearingWaitsSaysSo() throws {
    let f = try ShareReviewFixture()
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(
      path: f.dataFolder.appendingPathComponent("peerconsult.sqlite").path,
      configuration: configuration)
    try reader.inDatabase { db in
      try db.execute(sql: "BEGIN")
      _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions")
    }
    defer { try? reader.inDatabase { try $0.execute(sql: "COMMIT") } }
    let waits =
      "what was removed is still in the file's free space: PeerConsult clears it the next "
      + "time it saves, once there is room."
    f.press(.control("x"), .character("y"))
    #expect(
      f.runner.state.notice
        == Notice(
          "Deleted session d4000000 (Night-time economy) for good; " + waits, tone: .warning))
    #expect(throws: StoreError.noSuchSession(Self.night.rawValue)) { try f.stored() }
    f.press(.enter, .character("w"), .down, .character("e"), .character("y"))
    #expect(
      f.runner.state.notice
        == Notice("Erased from 1 session: now [Erased person 1]; " + waits, tone: .warning))
  }

  @Test func aSessionLiveElsewhereIsNotDeleted() throws {
    let f = try ShareReviewFixture()
    let lock = try #require(try SessionLock.acquire(Self.night, in: f.dataFolder))
    defer { lock.release() }
    f.press(.control("x"), .character("y"))
    #expect(
      f.runner.state.notice?.text
        == "Not deleted: Session d4000000 is open in another PeerConsult window: carry on there, "
        + "or leave it there (q) first. Nothing was changed.")
    #expect(try f.stored().setup.title == "Night-time economy")
  }

  /// Reviewed during the meeting, the presenter still talking is presenting, not done.
  @Test func thePeopleOfAMeetingUnderWaySayWhoIsPresenting() throws {
    let f = try ShareReviewFixture()
    f.clock.advance(by: 60)
    let live = try LiveSession.create(
      SessionSetup(
        title: "Street outreach", programme: "Alcohol Plan",
        consultingProtocol: LiveFixture.drill, participants: ShareReviewFixture.people,
        presenters: [2, 0]),
      store: AppDatabase(directory: f.dataFolder), clock: f.clock)
    try live.start()
    while live.state.current?.round != 0 { try live.next() }
    f.runner.perform(.loadReview)
    #expect(f.text.contains("Street outreach"), "\(f.text)")
    f.press(.up, .enter, .character("w"))
    #expect(f.text.contains("City Council · senior · presenting round 1"), "\(f.text)")
    #expect(f.text.contains("Harbour Trust · senior · presents round 2"), "\(f.text)")
  }

  /// `w` on a transcript lists who took part; `e` erases the selected one from every session.
  @Test func aPersonIsErasedFromEverySessionFromTheTranscript() throws {
    let f = try ShareReviewFixture()
    f.press(.enter, .character("w"))
    #expect(f.text.contains("People · 3 took part"))
    #expect(f.text.contains("Harbour Trust · senior · presented round 1"))
    f.press(.down, .character("e"))
    #expect(
      question(f)
        == "Erase Amira O'Neill (NHS Trust) and every mention of them from every session they "
        + "took part in and every meeting of their standing groups, for good? y/n"
    )
    f.press(.character("y"))
    #expect(f.runner.state.notice?.text == "Erased from 2 sessions: now [Erased person 1].")
    let transcript = try #require(f.runner.state.screen as? TranscriptState)
    #expect(transcript.session.participants[1].name == "[Erased person 1]")
    #expect(f.text.contains("[Erased person 1]"))
    for id in [Self.night, Self.discharge] {
      let stored = try f.stored(id)
      #expect(stored.participants[1].name == "[Erased person 1]")
      #expect(!stored.visibleNotes.contains { $0.text.contains("Amira") })
    }
    f.press(.escape)
    #expect(f.runner.state.screen is TranscriptState)
  }

  /// The copies `restore` kept beside the database were made before: the notice says they may
  /// still hold the person, as `erase-person` does. Before, it said they were erased and
  /// nothing else, while a copy in the data folder still named them.
  @Test func anErasureSaysTheCopiesRestoreKeptMayStillHoldThem() throws {
    let f = try ShareReviewFixture()
    for time in ["20261201-120000", "20261202-090000"] {
      try Data("copy".utf8).write(
        to: f.dataFolder.appendingPathComponent(AppDatabase.restoreCopyName(time)))
    }
    f.press(.enter, .character("w"), .down, .character("e"), .character("y"))
    #expect(
      f.runner.state.notice
        == Notice(
          "Erased from 2 sessions: now [Erased person 1]. 2 copies restore kept may still hold "
            + "them: see the data folder.", tone: .warning))
    try FileManager.default.removeItem(
      at: f.dataFolder.appendingPathComponent(AppDatabase.restoreCopyName("20261202-090000")))
    f.press(.down, .character("e"), .character("y"))
    #expect(
      f.runner.state.notice
        == Notice(
          "Erased from 2 sessions: now [Erased person 2]. A copy restore kept may still hold "
            + "them: see the data folder.", tone: .warning))
  }

  @Test func nobodyIsErasedWhileOneOfTheirSessionsIsLiveElsewhere() throws {
    let f = try ShareReviewFixture()
    let lock = try #require(try SessionLock.acquire(Self.discharge, in: f.dataFolder))
    defer { lock.release() }
    f.press(.enter, .character("w"), .down, .character("e"), .character("y"))
    #expect(
      f.runner.state.notice?.text
        == "Not erased: Session e5000000 is open in another PeerConsult window: carry on there, "
        + "or leave it there (q) first. Nothing was changed.")
    #expect(try f.stored().participants[1].name == "Amira O'Neill")
  }
}
