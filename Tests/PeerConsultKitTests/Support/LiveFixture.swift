import Foundation

@testable import PeerConsultKit

/// A session driven by a manual clock over an in-memory database.
struct LiveFixture {
  let clock = ManualClock(Fixtures.start)
  let store: AppDatabase
  let session: LiveSession

  init(_ setup: SessionSetup = Fixtures.setup()) throws {
    store = try AppDatabase.inMemory()
    session = try LiveSession.create(setup, store: store, clock: clock)
  }

  var now: Date { clock.now() }
}
