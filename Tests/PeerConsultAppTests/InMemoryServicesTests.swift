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

    var state = AppState(now: clock.now())
    state.route = .home(HomeState())
    services.refreshHome(&state)
    guard case .home(let home) = state.route else {
      Issue.record("refreshing left the home screen: \(state.route)")
      return
    }
    #expect(home.unfinishedCount == 1)
    #expect(state.notice == nil)

    _ = services.perform(.openReview, on: &state)
    guard case .review(var review) = state.route else {
      Issue.record("no review screen: \(state.route), \(String(describing: state.notice))")
      return
    }
    #expect(review.hasDatabase)
    #expect(review.sessions.map(\.id) == [session.id])
    #expect(review.programmes == ["Alcohol Plan"])

    for character in "licensing" { _ = review.editQuery(.character(character)) }
    state.route = .review(review)
    _ = services.perform(.searchNotes, on: &state)
    guard case .review(let searched) = state.route else {
      Issue.record("searching left the review screen: \(state.route)")
      return
    }
    #expect(searched.hits.map(\.session) == [session.id])
    #expect(searched.hits.map(\.noteID) == [1])
  }

  @Test func aDatabaseThatCannotBeReadIsNamedOnTheHomeScreen() throws {
    let queue = try DatabaseQueue()
    let database = try AppDatabase(queue)
    // Every listing of sessions now fails inside SQLite, as a damaged file's would.
    try queue.write { try $0.execute(sql: "DROP TABLE sessions") }
    let services = try testServices(database: database)
    var state = AppState()
    state.route = .home(HomeState())
    services.refreshHome(&state)
    #expect(state.notice?.tone == .error)
    #expect(state.notice?.text.hasPrefix("Cannot count the unfinished sessions: ") == true)

    _ = services.perform(.openSetup, on: &state)
    guard case .setup(let setup) = state.route else {
      Issue.record("the setup form did not open: \(state.route)")
      return
    }
    #expect(setup.previousProgrammes.isEmpty)
    #expect(state.notice?.tone == .error)
    #expect(state.notice?.text.hasPrefix("Earlier programmes not listed: ") == true)
  }
}
