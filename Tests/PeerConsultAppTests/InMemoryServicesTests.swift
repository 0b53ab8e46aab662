import Foundation
import GRDB
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The services on an in-memory database see what is stored in it, as they do on the data
/// folder's file: the same queries serve review, search and the home screen.
@Suite struct InMemoryServicesTests {
  /// A session of the drill protocol, one round.
  static let setup = SessionSetup(
    title: "Night-time economy", programme: "Alcohol Plan",
    consultingProtocol: LiveFixture.drill, participants: LiveFixture.participants,
    rounds: [SessionRound(presenter: 0)])

  @Test func reviewSearchAndTheHomeCountSeeAnInMemoryDatabase() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let database = try AppDatabase.inMemory()
    let setup = Self.setup
    let session = try LiveSession.create(setup, store: database, clock: clock)
    try session.start()
    try session.addNote(.init(text: "Who owns late licensing?", kind: .question))
    let services = try testServices(clock: clock, database: database)

    let runner = AppRunner(
      terminal: MemoryTerminal(), services: services, state: AppState(now: clock.now()))
    runner.perform(.countUnfinished)
    guard let home = runner.state.screen as? HomeState else {
      Issue.record("counting left the home screen: \(runner.state.screen)")
      return
    }
    #expect(home.unfinishedCount == 1)
    // Left unfinished a moment ago: home starts on Resume.
    #expect(home.selection == HomeScreen.Entry.resume.rawValue)
    #expect(runner.state.notice == nil)

    runner.handle(.key(.down))
    runner.handle(.key(.enter))
    guard runner.state.screen is ReviewState else {
      Issue.record(
        "no review screen: \(runner.state.screen), \(String(describing: runner.state.notice))")
      return
    }
    var review: ReviewState? { runner.state.screen as? ReviewState }
    #expect(review?.hasDatabase == true)
    #expect(review?.sessions.map(\.id) == [session.id])
    #expect(review?.programmes == ["Alcohol Plan"])

    runner.handle(.key(.tab))
    for character in "licensing" { runner.handle(.key(.character(character))) }
    #expect(review?.hits.map(\.session) == [session.id])
    #expect(review?.hits.map(\.noteID) == [1])
  }

  /// After a crash or a break the same day, Enter on the home screen carries the meeting on:
  /// it started on New session, and a facilitator in a hurry set up the meeting again.
  @Test func homeStartsOnResumeOnlyForASessionLeftUnfinishedToday() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let database = try AppDatabase.inMemory()
    let services = try testServices(clock: clock, database: database)
    func homeAtStart() -> HomeState? {
      let runner = AppRunner(
        terminal: MemoryTerminal(), services: services, state: AppState(now: clock.now()))
      runner.perform(.countUnfinished)
      return runner.state.screen as? HomeState
    }
    #expect(homeAtStart()?.selection == HomeScreen.Entry.newSession.rawValue)

    let setup = Self.setup
    let older = try LiveSession.create(setup, store: database, clock: clock)
    try older.start()
    clock.advance(by: 3_600)
    let session = try LiveSession.create(setup, store: database, clock: clock)
    try session.start()
    try session.addNote(.init(text: "Who owns late licensing?", kind: .question))
    let glance = try database.unfinishedAtAGlance()
    #expect(glance.count == 2)
    #expect(glance.latest.map(\.id) == [session.id, older.id])
    #expect(glance.latest.first?.touched == clock.now())

    // Another window facilitating the last one: the one that crashed before it is offered;
    // with both running elsewhere, none can be resumed here, so home offers New session.
    clock.advance(by: 2 * 3_600)
    let folder = services.location.dataDirectory
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
    let lock = try #require(try SessionLock.acquire(session.id, in: folder))
    #expect(homeAtStart()?.selection == HomeScreen.Entry.resume.rawValue)
    let olderLock = try #require(try SessionLock.acquire(older.id, in: folder))
    #expect(homeAtStart()?.selection == HomeScreen.Entry.newSession.rawValue)
    lock.release()
    olderLock.release()

    clock.advance(by: HomeState.resumeWithin - 2 * 3_600 - 60)
    #expect(homeAtStart()?.selection == HomeScreen.Entry.resume.rawValue)
    #expect(homeAtStart()?.unfinishedCount == 2)

    // Left unfinished more than half a day ago: an abandoned meeting, not today's.
    clock.advance(by: 120)
    #expect(homeAtStart()?.selection == HomeScreen.Entry.newSession.rawValue)
    #expect(homeAtStart()?.unfinishedCount == 2)
  }

  /// A selection made with the keys, or the entry just come back from, is the user's: a count
  /// arriving later leaves it.
  @Test func theCountLeavesAChosenSelectionAlone() {
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var state = AppState(now: now)
    _ = App.update(&state, .key(.down))
    _ = App.update(&state, .key(.down))
    _ = App.update(&state, .result(.unfinishedCounted(1, resumable: now)))
    #expect((state.screen as? HomeState)?.selection == HomeScreen.Entry.review.rawValue)
    #expect((state.screen as? HomeState)?.unfinishedCount == 1)

    var back = AppState(now: now)
    _ = App.apply([.leave(to: .review)], &back)
    _ = App.update(&back, .result(.unfinishedCounted(1, resumable: now)))
    #expect((back.screen as? HomeState)?.selection == HomeScreen.Entry.review.rawValue)

    var fresh = AppState(now: now)
    _ = App.update(&fresh, .result(.unfinishedCounted(1, resumable: now)))
    #expect((fresh.screen as? HomeState)?.selection == HomeScreen.Entry.resume.rawValue)

    // Touched a minute ahead of this clock (another laptop's) is just now; ten minutes ahead
    // (an import dated later, a clock put back) is not, or home would start on Resume for good.
    var ahead = AppState(now: now)
    _ = App.update(&ahead, .result(.unfinishedCounted(1, resumable: now + 60)))
    #expect((ahead.screen as? HomeState)?.selection == HomeScreen.Entry.resume.rawValue)
    var future = AppState(now: now)
    _ = App.update(&future, .result(.unfinishedCounted(1, resumable: now + 600)))
    #expect((future.screen as? HomeState)?.selection == HomeScreen.Entry.newSession.rawValue)
  }

  @Test func aDatabaseThatCannotBeReadIsNamedOnTheHomeScreen() throws {
    let queue = try DatabaseQueue()
    let database = try AppDatabase(queue)
    // Every listing of sessions now fails inside SQLite, as a damaged file's would.
    try queue.write { try $0.execute(sql: "DROP TABLE sessions") }
    let services = try testServices(database: database)
    let runner = AppRunner(terminal: MemoryTerminal(), services: services, state: AppState())
    runner.perform(.countUnfinished)
    #expect(runner.state.notice?.tone == .error)
    #expect(
      runner.state.notice?.text.hasPrefix("Cannot count the unfinished sessions: ") == true)

    runner.handle(.key(.enter))
    guard let setup = runner.state.screen as? SetupState else {
      Issue.record("the setup form did not open: \(runner.state.screen)")
      return
    }
    #expect(setup.previousProgrammes.isEmpty)
    #expect(runner.state.notice?.tone == .error)
    #expect(runner.state.notice?.text.hasPrefix("Earlier programmes not listed: ") == true)
  }
}
