import Foundation
import GRDB
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The services on an in-memory database see what is stored in it, as they do on the data
/// folder's file: the same queries serve review, search and the home screen.
@Suite struct InMemoryServicesTests {
  @Test func reviewSearchAndTheHomeCountSeeAnInMemoryDatabase() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let database = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "Night-time economy", programme: "Alcohol Plan",
      consultingProtocol: LiveFixture.drill, participants: LiveFixture.participants,
      rounds: [SessionRound(presenter: 0)])
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
    #expect(runner.state.notice == nil)

    runner.handle(.key(.down))
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
