import Foundation

@testable import PeerConsultKit

/// A store that can be told to fail, and that lets a test look at the world at the moment an
/// event is being stored.
final class ScriptedStore: SessionStore {
  struct Failure: Error, CustomStringConvertible {
    var description: String { "disk full" }
  }

  let inner = InMemorySessionStore()
  var failing = false
  var onAppend: ((RecordedEvent) -> Void)?

  func append(_ event: RecordedEvent, to session: SessionID) throws {
    onAppend?(event)
    if failing { throw Failure() }
    try inner.append(event, to: session)
  }

  func events(of session: SessionID) throws -> [RecordedEvent] {
    try inner.events(of: session)
  }
}
