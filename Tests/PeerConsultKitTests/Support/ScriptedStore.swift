import Foundation

@testable import PeerConsultKit

/// A store that can be told to fail, and that lets a test look at the world at the moment an
/// event is being stored; it keeps what it stores in an in-memory database.
final class ScriptedStore: SessionStore {
  struct Failure: Error, CustomStringConvertible {
    var description: String { "disk full" }
  }

  let inner: AppDatabase
  var failing = false
  var onAppend: ((RecordedEvent) -> Void)?

  init() throws { inner = try AppDatabase.inMemory() }

  func append(_ event: RecordedEvent, to session: SessionID) throws {
    onAppend?(event)
    if failing { throw Failure() }
    try inner.append(event, to: session)
  }

  func events(of session: SessionID) throws -> [RecordedEvent] {
    try inner.events(of: session)
  }
}
