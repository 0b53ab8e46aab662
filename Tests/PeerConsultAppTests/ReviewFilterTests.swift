import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The review list filtered over a store of more sessions than a page: it reads what the
/// filter looks in of every session once, and lists only the sessions it shows, so that ten
/// thousand sessions' listings are neither read nor kept for a filter.
@Suite struct ReviewFilterTests {
  /// More sessions than a first page: the first 60 listed are not all there are.
  static let count = 130

  /// A data folder of ``count`` sessions a minute apart, "Session 1" the oldest; session n is
  /// presented by the fixture's participant n % 3 (Zoë Müller, Amira O'Neill, 王小明).
  private static func services(in folder: TemporaryFolder) throws -> AppServices {
    let data = folder.path("data")
    let database = try AppDatabase(directory: data)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    for n in 1...count {
      _ = try LiveSession.create(
        SessionSetup(
          title: "Session \(n)", programme: n.isMultiple(of: 2) ? "North" : "South",
          consultingProtocol: LiveFixture.drill, participants: LiveFixture.participants,
          presenters: [n % 3]),
        store: database, clock: clock)
      clock.advance(by: 60)
    }
    try database.close()
    return AppServices(
      location: DataLocation(dataDirectory: data, protocolsDirectory: folder.path("p")),
      clock: ManualClock(), openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
  }

  /// Every listing of the data folder, newest first, read apart from the services.
  private static func everyListing(in folder: TemporaryFolder) throws -> [SessionListing] {
    let database = try #require(try AppDatabase.openForReading(directory: folder.path("data")))
    defer { try? database.close() }
    return try database.sessions()
  }

  /// Performs each command of `effects` as the runner does, feeding its result back, until
  /// nothing more is asked; returns the commands performed.
  @discardableResult
  private static func settle(
    _ effects: [Effect], _ state: inout AppState, _ services: AppServices
  ) -> [AppCommand] {
    var effects = effects
    var performed: [AppCommand] = []
    while !effects.isEmpty {
      guard case .command(let command) = effects.removeFirst() else { continue }
      performed.append(command)
      effects += App.update(&state, .result(services.perform(command)))
    }
    return performed
  }

  /// The review list as `peerconsult review` opens it on `services`' data.
  private static func opened(_ services: AppServices) -> AppState {
    var state = AppState(screen: HomeState(), width: 80, height: 24)
    settle([.command(.loadReview)], &state, services)
    return state
  }

  private static func review(_ state: AppState) throws -> ReviewState {
    try #require(state.screen as? ReviewState)
  }

  private static func type(_ text: String, _ state: inout AppState, _ services: AppServices)
    -> [AppCommand]
  {
    var performed: [AppCommand] = []
    for character in text {
      performed += settle(App.update(&state, .key(.character(character))), &state, services)
    }
    return performed
  }

  /// Moves the selection down `steps` times, answering what the list asks for.
  private static func scroll(_ steps: Int, _ state: inout AppState, _ services: AppServices)
    -> [AppCommand]
  {
    var performed: [AppCommand] = []
    for _ in 0..<steps { performed += settle(App.update(&state, .key(.down)), &state, services) }
    return performed
  }

  @Test func aFilterFindsInEverySessionButListsOnlyWhatItShows() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(try Self.review(state).sessions.count == ReviewState.pageSize)
    let every = try Self.everyListing(in: folder)
    #expect(every.count == Self.count)

    // Every session is found by its protocol; a page and a bit of them are listed.
    let typed = Self.type("drill", &state, services)
    #expect(typed.filter { $0 == .loadReviewFilter }.count == 1, "\(typed)")
    #expect(!typed.contains(.loadEveryReviewSession), "\(typed)")
    var review = try Self.review(state)
    #expect(review.foundCount == Self.count && review.sessions.count == ReviewState.pageSize)
    #expect(review.shown.count < Self.count && review.shown.count >= ReviewState.pageSize)
    let frame = App.render(state).grid.lines.joined()
    #expect(frame.contains("130 of 130 sessions, newest first"), "\(frame)")

    // Scrolled to the end, every session is listed, in the order of every listing.
    let scrolled = Self.scroll(Self.count - 1, &state, services)
    #expect(!scrolled.contains(.loadEveryReviewSession) && !scrolled.contains(.loadReviewFilter))
    review = try Self.review(state)
    #expect(review.shown == every && review.selectedSession?.title == "Session 1")
  }

  /// What is found is what the filter's rule finds in every listing, accents and case aside,
  /// in a presenter's name, the title, a programme and the date.
  @Test func aFilterFindsWhatItsRuleFindsInEveryListing() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    let every = try Self.everyListing(in: folder)
    for filter in [
      "MULLER", "zoë north", "王小", "session 1", "ses 12", "no such person", "2027-01",
      "15 :1", "drill 08:", "-1",
    ] {
      var state = Self.opened(services)
      _ = Self.type(filter, &state, services)
      _ = Self.scroll(Self.count, &state, services)
      let review = try Self.review(state)
      let expected = every.filter(review.matches)
      #expect(review.foundCount == expected.count, "\(filter)")
      #expect(review.shown == expected, "\(filter)")
      #expect(!expected.isEmpty || filter == "no such person", "\(filter)")
    }
  }

  /// A number typed finds the sessions numbered so, as it is typed: "session 2" finds
  /// Session 2 and Sessions 20-29, not Session 12 nor every session of 2027 by its date; in
  /// a date a number alone finds only the year ("2027"), and a month or a day is found as it
  /// is written ("2027-01"): "session 12" found every session begun at 12 past, and "session
  /// 15" every session of the 15th.
  @Test func aNumberFindsTheStartOfANumberAndADatesYearWhole() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    let every = try Self.everyListing(in: folder)
    for (filter, titles) in [
      ("session 2", ["Session 2"] + (20...29).map { "Session \($0)" }),
      // Sessions 13 and 73 began at 08:12 and 09:12, and every one on the 15th.
      ("session 12", ["Session 12"] + (120...129).map { "Session \($0)" }),
      ("session 15", ["Session 15"]),
      ("2027", (1...Self.count).map { "Session \($0)" }),
      ("session 2027", (1...Self.count).map { "Session \($0)" }),
      ("2027-01-15", (1...Self.count).map { "Session \($0)" }),
      ("08:12", ["Session 13"]),
    ] {
      var state = Self.opened(services)
      _ = Self.type(filter, &state, services)
      _ = Self.scroll(Self.count, &state, services)
      let review = try Self.review(state)
      #expect(Set(review.shown.map(\.title)) == Set(titles), "\(filter)")
      #expect(review.shown == every.filter(review.matches), "\(filter)")
    }
  }

  /// Once its first frame is out and nobody types, the list reads every session's filter
  /// entry ahead, once: the filter's first key then only refilters.
  @Test func theListReadsTheFilterAheadAndTheFirstKeyOnlyRefilters() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(App.readsAhead(state))
    let ahead = Self.settle(App.update(&state, .idle), &state, services)
    #expect(ahead == [.loadReviewFilter], "\(ahead)")
    #expect(!App.readsAhead(state) && App.update(&state, .idle).isEmpty)
    // Unfiltered, the list is the page it was.
    #expect(
      try Self.review(state).shown.map(\.title) == (71...130).reversed().map { "Session \($0)" })
    let typed = Self.type("zoë", &state, services)
    #expect(!typed.contains(.loadReviewFilter), "\(typed)")
    let every = try Self.everyListing(in: folder)
    _ = Self.scroll(Self.count, &state, services)
    let review = try Self.review(state)
    #expect(review.foundCount == every.filter(review.matches).count && review.foundCount > 0)
    #expect(review.shown == every.filter(review.matches))
    // Back from a transcript the list is read again, and so is what the filter looks in.
    Self.settle(App.update(&state, .key(.enter)), &state, services)
    Self.settle(App.update(&state, .key(.escape)), &state, services)
    #expect(try Self.review(state).filter.string == "zoë")
  }

  /// Scrolled down, the list reads older sessions a page at a time; what it read ahead for the
  /// filter still holds and is not read again at each page. A page whose held sessions
  /// changed is read after a change, and so is what the filter looks in.
  @Test func aListScrolledDownKeepsWhatItReadAhead() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(Self.settle(App.update(&state, .idle), &state, services) == [.loadReviewFilter])
    let scrolled = Self.scroll(50, &state, services)
    #expect(scrolled == [.loadReviewSessions(count: 2 * ReviewState.pageSize)], "\(scrolled)")
    var review = try Self.review(state)
    #expect(review.sessions.count == 2 * ReviewState.pageSize && !review.hasEverySession)
    let readsAgain = App.readsAhead(state)
    #expect(!readsAgain && App.update(&state, .idle).isEmpty)
    let typed = Self.type("zoë", &state, services)
    #expect(!typed.contains(.loadReviewFilter), "\(typed)")
    _ = Self.scroll(Self.count, &state, services)
    review = try Self.review(state)
    let every = try Self.everyListing(in: folder)
    #expect(review.foundCount > 0 && review.shown == every.filter(review.matches))

    // The same page and more at the same data version, but the newest session changed since
    // (taken from a shared store): read after a change, and what the filter looks in again.
    state = Self.opened(services)
    Self.settle(App.update(&state, .idle), &state, services)
    var changed = Array(every.prefix(2 * ReviewState.pageSize))
    changed[0].origin = "Kirklees store"
    let reread = ServiceResult.reviewLoaded(
      sessions: changed, programmes: ["North", "South"], total: Self.count, hasDatabase: true,
      dataVersion: try services.database().flatMap(services.version(of:)))
    #expect(App.update(&state, .result(reread)).isEmpty)
    let readsAfterTheChange = App.readsAhead(state)
    #expect(readsAfterTheChange)
    #expect(Self.settle(App.update(&state, .idle), &state, services) == [.loadReviewFilter])
  }

  /// Another program rearranges the presenters of a session beyond the pages read after the
  /// list read what its filter looks in: no page shows the change, but the data version
  /// moved, so the next page drops the entries and the list reads them again.
  @Test func aWriteElsewhereBetweenPagesIsReadAgain() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(Self.settle(App.update(&state, .idle), &state, services) == [.loadReviewFilter])
    let target = try Self.presentedByZoeElsewhere(in: folder)
    try Self.expectReadAgainAndFound(target, &state, services, folder)
  }

  /// Session 5, presented by 王小明 and beyond the two pages that scrolling 50 rows reads, now
  /// presented by Zoë Müller, written by another opening of the database.
  private static func presentedByZoeElsewhere(in folder: TemporaryFolder) throws
    -> SessionListing
  {
    let target = try #require(try everyListing(in: folder).first { $0.title == "Session 5" })
    let elsewhere = try AppDatabase(directory: folder.path("data"))
    try LiveSession.resume(target.id, store: elsewhere).rearrangePresenters([0])
    try elsewhere.close()
    return target
  }

  /// Scrolls down 50 rows, a page read on the way, and expects the list to drop what its
  /// filter read and read it again, so that "zoë" finds `target` by its new presenter.
  private static func expectReadAgainAndFound(
    _ target: SessionListing, _ state: inout AppState, _ services: AppServices,
    _ folder: TemporaryFolder
  ) throws {
    #expect(scroll(50, &state, services) == [.loadReviewSessions(count: 120)])
    let readsAgain = App.readsAhead(state)
    #expect(readsAgain)
    #expect(settle(App.update(&state, .idle), &state, services) == [.loadReviewFilter])
    _ = type("zoë", &state, services)
    _ = scroll(count, &state, services)
    let review = try review(state)
    let every = try everyListing(in: folder)
    #expect(review.shown == every.filter(review.matches))
    #expect(review.shown.contains { $0.id == target.id })
  }

  /// The database opened for writing between the entries' read (on the reading opening) and a
  /// page's (now on the writing one): their versions are counted apart, so even equal numbers
  /// do not keep the entries, which another program changed meanwhile.
  @Test func aPageReadOnAnotherOpeningIsReadAgain() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(Self.settle(App.update(&state, .idle), &state, services) == [.loadReviewFilter])
    let entriesRead = try services.database()?.dataVersion()
    let target = try Self.presentedByZoeElsewhere(in: folder)
    // As storing a choice made in the share review opens it; its count starts where the
    // reading opening's stood, so the numbers alone would match.
    #expect(try services.store().dataVersion() == entriesRead)
    try Self.expectReadAgainAndFound(target, &state, services, folder)
  }

  /// Reading ahead that failed says nothing and is not tried again while nobody types; the
  /// filter's first key asks for the entries itself and finds in every session.
  @Test func aFailedReadingAheadIsSilentAndTheFirstKeyAsksAgain() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(App.update(&state, .idle) == [.command(.loadReviewFilter)])
    let failed = ServiceResult.failed(.loadReviewFilter, error: "disk I/O error", latest: nil)
    #expect(App.update(&state, .result(failed)).isEmpty)
    #expect(state.notice == nil && !App.readsAhead(state))
    let typed = Self.type("drill", &state, services)
    #expect(typed.first == .loadReviewFilter, "\(typed)")
    #expect(try Self.review(state).foundCount == Self.count)
  }

  /// A list that holds every session has nothing to read ahead, nor one under a question.
  @Test func aListOfEverySessionOrUnderAQuestionDoesNotReadAhead() throws {
    var state = AppState(
      screen: ReviewState(sessions: [], programmes: [], total: 0), width: 80, height: 24)
    #expect(!App.readsAhead(state) && App.update(&state, .idle).isEmpty)
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    state = Self.opened(services)
    state.overlay = .confirm(question: "Delete?", onYes: [])
    #expect(!App.readsAhead(state) && App.update(&state, .idle).isEmpty)
  }

  /// The runner reads ahead after the first frame when no key waits, and not in front of a
  /// key already typed, which reads what it needs itself.
  @Test func theRunnerReadsAheadOnlyWhenNoKeyWaits() throws {
    for keyFirst in [false, true] {
      let folder = try TemporaryFolder()
      let services = try Self.services(in: folder)
      defer { services.closeStore() }
      var state = Self.opened(services)
      state.leavesProgram = true
      let terminal = MemoryTerminal(width: 80, height: 24)
      let runner = AppRunner(terminal: terminal, services: services, state: state)
      let keys: [InputEvent] = [.key(.character("z")), .key(.escape), .key(.escape)]
      func type() { for key in keys { terminal.send(key) } }
      if keyFirst { type() }
      // When the entries came: the frames drawn and the filter typed by then.
      var readings: [(frames: Int, filter: String)] = []
      runner.resultObserver = { [unowned runner] result in
        guard case .reviewFilterLoaded = result else { return }
        let filter = (runner.state.screen as? ReviewState)?.filter.string ?? "?"
        readings.append((terminal.frames, filter))
        if !keyFirst { type() }
      }
      // Typing, or a reading ahead that never came, ends within a few turns.
      var status: Int32?
      for _ in 0..<20 where status == nil { status = runner.step() }
      #expect(status == 0)
      #expect(readings.count == 1, "\(readings)")
      if keyFirst {
        // No frame while keys wait; the key asked for the entries.
        #expect(readings.first?.frames == 0 && readings.first?.filter == "z", "\(readings)")
      } else {
        // After the first frame, before any key.
        #expect(readings.first?.frames == 1 && readings.first?.filter == "", "\(readings)")
        #expect(terminal.waits.first == 0, "\(terminal.waits)")
      }
    }
  }

  @Test func aProgrammeAloneListsItsSessionsAPageAtATime() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    let performed = Self.settle(App.update(&state, .key(.control("p"))), &state, services)
    #expect(performed.first == .loadReviewFilter, "\(performed)")
    let review = try Self.review(state)
    let programme = try #require(review.programme)
    #expect(review.foundCount == Self.count / 2)
    #expect(review.shown.allSatisfy { $0.programme == programme } && !review.shown.isEmpty)
  }

  /// Back from a transcript, a session found beyond those first listed is listed and selected
  /// again, the filter kept.
  @Test func backFromATranscriptTheFoundSessionIsStillSelected() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    _ = Self.type("drill", &state, services)
    _ = Self.scroll(100, &state, services)
    let selected = try #require(try Self.review(state).selectedSession)
    #expect(selected.title == "Session 30")
    Self.settle(App.update(&state, .key(.enter)), &state, services)
    #expect(state.screen is TranscriptState)
    Self.settle(App.update(&state, .key(.escape)), &state, services)
    let review = try Self.review(state)
    #expect(review.filter.string == "drill" && review.selectedSession?.id == selected.id)
  }

  /// A session found beyond the first page read is known by its listing: deleted, it is named
  /// by its title; opened, its listing gives the transcript its origin.
  @Test func aSessionFoundBeyondThePageIsKnownByItsListing() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    _ = Self.type("drill", &state, services)
    _ = Self.scroll(Self.count - 1, &state, services)
    let review = try Self.review(state)
    let selected = try #require(review.selectedSession)
    #expect(selected.title == "Session 1" && !review.sessions.contains(selected))
    #expect(review.listing(selected.id) == selected)
    _ = App.update(&state, .result(.sessionDeleted(selected.id)))
    #expect(
      state.notice?.text.contains("(Session 1) for good") == true,
      "\(String(describing: state.notice))")
  }

  /// A session found and asked for that the store no longer lists (deleted meanwhile) is no
  /// longer counted, the list goes on past it, and it is not asked for again.
  @Test func aSessionFoundButNoLongerListedIsPassedOver() throws {
    let folder = try TemporaryFolder()
    let services = try Self.services(in: folder)
    defer { services.closeStore() }
    var state = Self.opened(services)
    #expect(App.update(&state, .key(.character("d"))) == [.command(.loadReviewFilter)])
    #expect(App.update(&state, .result(services.perform(.loadReviewFilter))).isEmpty)
    var asked: [SessionID] = []
    for _ in 0..<ReviewState.pageSize where asked.isEmpty {
      if case .command(.loadReviewListings(let ids))? = App.update(&state, .key(.down)).last {
        asked = ids
      }
    }
    let gone = try #require(asked.first)
    guard case .reviewListingsLoaded(let listings) = services.perform(.loadReviewListings(asked))
    else {
      Issue.record("not listed")
      return
    }
    let effects = App.update(
      &state, .result(.reviewListingsLoaded(listings.filter { $0.id != gone })))
    let review = try Self.review(state)
    #expect(review.foundCount == Self.count - 1)
    #expect(review.shown.count == ReviewState.pageSize + asked.count - 1)
    #expect(!review.shown.contains { $0.id == gone })
    let later = Self.settle(effects, &state, services) + Self.scroll(Self.count, &state, services)
    #expect(
      !later.contains {
        if case .loadReviewListings(let ids) = $0 { ids.contains(gone) } else { false }
      })
    #expect(try Self.review(state).shown.count == Self.count - 1)
  }
}
