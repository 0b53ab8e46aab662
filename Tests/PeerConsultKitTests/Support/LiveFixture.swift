import Foundation

@testable import PeerConsultKit

/// A session driven by a manual clock over an in-memory store.
struct LiveFixture {
  let clock = ManualClock(Fixtures.start)
  let store = InMemorySessionStore()
  let session: LiveSession

  init(_ setup: SessionSetup = Fixtures.setup()) throws {
    session = try LiveSession.create(setup, store: store, clock: clock)
  }

  var now: Date { clock.now() }
}
