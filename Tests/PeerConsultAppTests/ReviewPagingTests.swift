import Foundation
import TestSupport
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

  /// What `effects` ask the store for: the count of newest sessions, or nil for every one.
  private func asked(_ effects: [Effect]) -> [Int?] {
    effects.compactMap {
      switch $0 {
      case .command(.loadReviewSessions(let count)): count
      case .command(.loadEveryReviewSession): .some(nil)
      default: nil
      }
    }
  }

  /// Scrolling asks for twice what the list holds, once, when the selection comes within two
  /// pages (of 8) of its end; and for every session when that is as many.
  @Test func scrollingNearTheEndAsksForTwiceAsManyOnceThenForTheRest() {
    var state = opened(page: 40, of: 300)
    let first = App.render(state).grid.lines.joined()
    #expect(first.contains("300 sessions") && first.contains("40 of 300 sessions, newest first"))
    var selection = 0
    var requests: [(at: Int, count: Int?)] = []
    while selection < 299 {
      let effects = App.update(&state, .key(.down))
      selection += 1
      for count in asked(effects) {
        requests.append((selection, count))
        // Answered at once, but only the first time: the list must not ask twice.
        _ = App.update(
          &state,
          .result(
            .reviewLoaded(
              sessions: Self.listings(count ?? 300), programmes: ["P"], total: 300,
              hasDatabase: true)))
      }
    }
    #expect(requests.map(\.at) == [40 - 16, 80 - 16, 160 - 16])
    #expect(requests.map(\.count) == [80, 160, nil])
    let review = state.screen as? ReviewState
    #expect(review?.hasEverySession == true && review?.shown.count == 300)
    #expect(review?.selectedSession?.title == "Session 300")
  }

  /// While what it asked for is on its way, the list asks for nothing more.
  @Test func theListAsksOnceForWhatIsOnItsWay() {
    var state = opened(page: 40, of: 300)
    var asks: [Int?] = []
    for _ in 0..<39 { asks += asked(App.update(&state, .key(.down))) }
    #expect(asks == [80])
    // A page read again meanwhile (after a delete, say): the list asks again.
    let page = ServiceResult.reviewLoaded(
      sessions: Self.listings(40), programmes: ["P"], total: 300, hasDatabase: true)
    #expect(asked(App.update(&state, .result(page))) == [80])
  }

  /// How many times `effects` ask for every session's filter entry.
  private func asksForTheFilter(_ effects: [Effect]) -> Int {
    effects.count { $0 == .command(.loadReviewFilter) }
  }

  /// A filter asks for what it looks in of every session, never for every listing; once, and
  /// again after a page read again (whose sessions may have changed).
  @Test func aFilterAsksForEverySessionsTextAndAPageReadAgainAsksAgain() {
    var state = opened(page: 40, of: 300)
    #expect(asksForTheFilter(App.update(&state, .key(.down))) == 0)
    let typed = App.update(&state, .key(.character("1")))
    #expect(asksForTheFilter(typed) == 1 && asksForEverySession(typed) == 0)
    #expect(asksForTheFilter(App.update(&state, .key(.character("2")))) == 0)
    // Back from a transcript the page is read again: the list asks for the texts again.
    let page = ServiceResult.reviewLoaded(
      sessions: Self.listings(40), programmes: ["P"], total: 300, hasDatabase: true)
    #expect(asksForTheFilter(App.update(&state, .result(page))) == 1)
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

  /// Answers each command of `effects` as a store of 300 sessions would (a page, the newest
  /// `count`, or all), and each command the answers bring, until the list asks for nothing.
  private func serve(_ effects: [Effect], _ state: inout AppState) {
    var effects = effects
    while let effect = effects.first {
      effects.removeFirst()
      let count: Int
      switch effect {
      case .command(.loadReview): count = ReviewState.pageSize
      case .command(.loadReviewSessions(let wanted)): count = min(wanted, 300)
      case .command(.loadEveryReviewSession): count = 300
      default: continue
      }
      effects += App.update(
        &state,
        .result(
          .reviewLoaded(
            sessions: Self.listings(count), programmes: ["P"], total: 300, hasDatabase: true)))
    }
  }

  /// Back from a transcript the list reads as many sessions as it held, not its first page:
  /// the session opened beyond that page is still there and still selected.
  @Test func backFromATranscriptASessionBeyondThePageIsStillSelected() throws {
    var state = opened(page: 40, of: 300)
    #expect((state.screen as? ReviewState)?.reloadCommand == .loadReview)
    for _ in 0..<250 { serve(App.update(&state, .key(.down)), &state) }
    let review = try #require(state.screen as? ReviewState)
    let selected = try #require(review.selectedSession)
    #expect(selected.title == "Session 251" && review.sessions.count == 300)
    #expect(App.update(&state, .key(.enter)) == [.command(.openTranscript(selected.id, note: nil))])
    let session = try SessionState(
      setup: SessionSetup(
        title: selected.title, programme: "P", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0]),
      createdAt: selected.createdAt)
    _ = App.update(&state, .result(.transcriptLoaded(selected.id, session, note: nil)))
    #expect(state.screen is TranscriptState)
    // Escape goes back to the list, which asks for what it held.
    let back = App.update(&state, .key(.escape))
    #expect(back.contains(.command(.loadEveryReviewSession)), "\(back)")
    #expect(!back.contains(.command(.loadReview)), "\(back)")
    serve(back, &state)
    #expect((state.screen as? ReviewState)?.selectedSession?.id == selected.id)
  }

  /// Held beyond the first page but not all: back from a transcript reads as many again.
  @Test func backFromATranscriptTheListReadsAsManyAsItHeld() throws {
    var state = opened(page: 40, of: 300)
    for _ in 0..<70 { serve(App.update(&state, .key(.down)), &state) }
    let review = try #require(state.screen as? ReviewState)
    #expect(review.sessions.count == 160 && !review.hasEverySession)
    #expect(review.reloadCommand == .loadReviewSessions(count: 160))
  }

  /// A store that lists fewer sessions than it counts (a session whose id is not one, in a
  /// file edited by hand) answers with every session it can list, so the list neither asks
  /// again nor stops short of the older ones.
  @Test func fewerListedThanAskedReadsEverySessionListed() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let database = try AppDatabase(directory: data)
    let clock = ManualClock()
    var ids: [SessionID] = []
    for title in ["One", "Two", "Three"] {
      ids.append(
        try LiveSession.create(
          SessionSetup(
            title: title, programme: "P", consultingProtocol: LiveFixture.drill,
            participants: LiveFixture.participants, presenters: [0]),
          store: database, clock: clock
        ).id)
      clock.advance(by: 60)
    }
    // An id that is not one (32 characters, not hexadecimal), which a listing leaves out.
    try database.writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA foreign_keys = OFF")
      try db.execute(
        sql: "UPDATE sessions SET id = ? WHERE id = ?",
        arguments: [String(repeating: "z", count: 32), ids[2].rawValue])
      try db.execute(sql: "PRAGMA foreign_keys = ON")
    }
    try database.close()
    let services = AppServices(
      location: DataLocation(dataDirectory: data, protocolsDirectory: folder.path("p")),
      clock: ManualClock(), openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    // The newest is not listed: two asked for, one listed of the three counted.
    let result = services.perform(.loadReviewSessions(count: 2))
    guard case .reviewLoaded(let sessions, _, let total, _, _) = result else {
      Issue.record("not loaded: \(result)")
      return
    }
    #expect(sessions.map(\.title) == ["Two", "One"] && total == 2)
    var review = ReviewState(sessions: [], programmes: [])
    review.reload(sessions: sessions, programmes: [], total: total)
    #expect(review.sessionsStillWanted == nil && review.hasEverySession)
    services.closeStore()
  }

  /// A window taller than the sessions read asks for more at once, without scrolling; one of
  /// 24 rows does not.
  @Test func aWindowThatShowsEverySessionReadAsksForMore() {
    var state = opened(page: 40, of: 300)
    #expect(asked(App.update(&state, .resize(width: 80, height: 24))).isEmpty)
    #expect(asked(App.update(&state, .resize(width: 80, height: 100))) == [80])
    // Opened from home (and by `peerconsult review`) in such a window: before its first frame.
    let page = ServiceResult.reviewLoaded(
      sessions: Self.listings(40), programmes: ["P"], total: 300, hasDatabase: true)
    for (height, asks) in [(24, [Int?]()), (100, [80])] {
      var home = AppState(screen: HomeState(), width: 80, height: height)
      #expect(asked(App.update(&home, .result(page))) == asks, "\(height) rows")
      #expect(home.screen is ReviewState)
    }
  }

  @Test func aProgrammeAsksForEverySessionsTextAndACompleteListNever() {
    var state = opened(page: 40, of: 300)
    #expect(asksForTheFilter(App.update(&state, .key(.control("p")))) == 1)
    var complete = opened(page: 40, of: 40)
    var effects = App.update(&complete, .key(.character("1")))
    for _ in 0..<45 { effects += App.update(&complete, .key(.down)) }
    #expect(asksForTheFilter(effects) == 0 && asksForEverySession(effects) == 0)
    #expect(asked(effects).isEmpty)
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
