import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// The review list opens with a page of the newest sessions and asks for the rest only when
/// it needs them: a filter, a programme, or a selection near the end of the page.
@Suite struct ReviewPagingTests {
  private static func listings(_ count: Int, programme: (Int) -> String = { _ in "P" })
    -> [SessionListing]
  {
    (1...count).map { n in
      SessionListing(
        id: SessionID(rawValue: String(format: "%032x", n))!,
        createdAt: Date(timeIntervalSince1970: 1_800_000_000 - Double(n) * 86_400),
        updatedAt: Date(timeIntervalSince1970: 1_800_000_000), finishedAt: nil,
        title: "Session \(n)", programme: programme(n), protocolName: "Drill", presenters: [],
        noteCount: n, actionCount: 0, actionsDone: 0)
    }
  }

  /// How many times `effects` ask for every session.
  private func asksForEverySession(_ effects: [Effect]) -> Int {
    effects.count {
      if case .command(.loadEveryReviewSession) = $0 { true } else { false }
    }
  }

  private func opened(page: Int, of total: Int) -> AppState {
    AppState(
      screen: ReviewState(
        sessions: Self.listings(page), programmes: ["P"], total: total,
        timeZone: TimeZone(identifier: "UTC")!))
  }

  @Test func scrollingNearTheEndOfThePageAsksForTheRestOnce() {
    var state = opened(page: 40, of: 300)
    let first = App.render(state).grid.lines.joined()
    #expect(first.contains("300 sessions") && first.contains("40 of 300 sessions, newest first"))
    var asked = 0
    var presses = 0
    while asked == 0 && presses < 40 {
      asked += asksForEverySession(App.update(&state, .key(.down)))
      presses += 1
    }
    // Two pages (of 8) before the 40th.
    #expect(asked == 1 && presses == 40 - 2 * ReviewScreen.pageStep)
    for _ in 0..<5 { asked += asksForEverySession(App.update(&state, .key(.down))) }
    #expect(asked == 1)
    let selected = (state.screen as? ReviewState)?.selectedSession?.id
    _ = App.update(
      &state,
      .result(
        .reviewLoaded(
          sessions: Self.listings(300), programmes: ["P"], total: 300, hasDatabase: true)))
    let review = state.screen as? ReviewState
    #expect(review?.hasEverySession == true && review?.shown.count == 300)
    #expect(review?.selectedSession?.id == selected)
  }

  @Test func aFilterAsksForEverySessionAndAPageReadAgainAsksAgain() {
    var state = opened(page: 40, of: 300)
    #expect(asksForEverySession(App.update(&state, .key(.down))) == 0)
    #expect(asksForEverySession(App.update(&state, .key(.character("1")))) == 1)
    #expect(asksForEverySession(App.update(&state, .key(.character("2")))) == 0)
    // Back from a transcript the page is read again: the list asks for the rest again.
    let page = ServiceResult.reviewLoaded(
      sessions: Self.listings(40), programmes: ["P"], total: 300, hasDatabase: true)
    #expect(asksForEverySession(App.update(&state, .result(page))) == 1)
  }

  /// The first frame folds nothing for a filter nobody has typed into; once it is used, the
  /// sessions read are folded once, and sessions read again (as many, but others) are folded
  /// anew, so the filter never looks in the texts of sessions no longer listed.
  @Test func theFilterFoldsTheSessionsOnlyOnceItIsUsed() throws {
    var state = opened(page: 40, of: 40)
    let review = { try #require(state.screen as? ReviewState) }
    #expect(try review().foldedSessions == 0)
    _ = App.update(&state, .key(.down))
    _ = App.update(&state, .key(.control("p")))
    #expect(try review().foldedSessions == 0)
    _ = App.update(&state, .key(.control("p")))
    for key in "ssion 4" { _ = App.update(&state, .key(.character(key))) }
    #expect(try review().foldedSessions == 40)
    // Each session found is one its own text holds, as `matches` folds it afresh.
    let found = try review().shown.map(\.title)
    #expect(found.contains("Session 4") && found.count < 40)
    #expect(try review().shown == review().sessions.filter(review().matches))
    let others = Array(Self.listings(80).suffix(40))
    _ = App.update(
      &state,
      .result(.reviewLoaded(sessions: others, programmes: ["P"], total: 40, hasDatabase: true)))
    #expect(try review().shown.map(\.title).contains("Session 45"))
    #expect(try review().shown == review().sessions.filter(review().matches))
  }

  /// Back from a transcript the list reads every session again, not its first page, once it
  /// had them: the session opened beyond that page is still there and still selected.
  @Test func backFromATranscriptASessionBeyondThePageIsStillSelected() throws {
    var state = opened(page: 40, of: 300)
    #expect((state.screen as? ReviewState)?.reloadCommand == .loadReview)
    for _ in 0..<30 { _ = App.update(&state, .key(.down)) }
    _ = App.update(
      &state,
      .result(
        .reviewLoaded(
          sessions: Self.listings(300), programmes: ["P"], total: 300, hasDatabase: true)))
    for _ in 0..<220 { _ = App.update(&state, .key(.down)) }
    let selected = try #require((state.screen as? ReviewState)?.selectedSession)
    #expect(selected.title == "Session 251")
    #expect(App.update(&state, .key(.enter)) == [.command(.openTranscript(selected.id, note: nil))])
    let session = try SessionState(
      setup: SessionSetup(
        title: selected.title, programme: "P", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0]),
      createdAt: selected.createdAt)
    _ = App.update(&state, .result(.transcriptLoaded(selected.id, session, note: nil)))
    #expect(state.screen is TranscriptState)
    // Escape goes back to the list, which asks for what it held; each command is answered
    // as the store would, a page or every session, until the list asks for nothing more.
    var effects = App.update(&state, .key(.escape))
    #expect(effects.contains(.command(.loadEveryReviewSession)), "\(effects)")
    #expect(!effects.contains(.command(.loadReview)), "\(effects)")
    while let effect = effects.first {
      effects.removeFirst()
      guard case .command(let command) = effect else { continue }
      let count = command == .loadEveryReviewSession ? 300 : 40
      effects += App.update(
        &state,
        .result(
          .reviewLoaded(
            sessions: Self.listings(count), programmes: ["P"], total: 300, hasDatabase: true)))
    }
    #expect((state.screen as? ReviewState)?.selectedSession?.id == selected.id)
  }

  @Test func aProgrammeAsksForEverySessionAndACompleteListNever() {
    var state = opened(page: 40, of: 300)
    #expect(asksForEverySession(App.update(&state, .key(.control("p")))) == 1)
    var complete = opened(page: 40, of: 40)
    var asked = asksForEverySession(App.update(&complete, .key(.character("1"))))
    for _ in 0..<45 { asked += asksForEverySession(App.update(&complete, .key(.down))) }
    #expect(asked == 0)
  }

  @Test func aFilterTypedOnThePageFindsTheSessionsReadAfter() throws {
    var state = opened(page: 40, of: 300)
    for character in "session 25" { _ = App.update(&state, .key(.character(character))) }
    let onThePage = try #require(state.screen as? ReviewState)
    #expect(
      onThePage.shown.map(\.title) == Self.listings(40).filter(onThePage.matches).map(\.title))
    _ = App.update(
      &state,
      .result(
        .reviewLoaded(
          sessions: Self.listings(300), programmes: ["P"], total: 300, hasDatabase: true)))
    // The filter's text of every session read is made with them, so the rest is searched too.
    let all = try #require(state.screen as? ReviewState)
    let titles = all.shown.map(\.title)
    #expect(titles == Self.listings(300).filter(all.matches).map(\.title))
    #expect(titles.contains("Session 25") && titles.contains("Session 259"))
  }
}
