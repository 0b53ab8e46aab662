import Synchronization

/// Where a live session's events are kept. An append returns only once the event is durable;
/// if it throws, the event is not stored.
public protocol SessionStore {
  /// Durably records `event` at the end of `session`'s log. Its sequence must follow the last
  /// stored one, and a ``SessionEvent/created(setup:)`` event (sequence 1) creates the session.
  func append(_ event: RecordedEvent, to session: SessionID) throws
  /// Every event of `session`, in order.
  func events(of session: SessionID) throws -> [RecordedEvent]
}

/// A store that keeps events in memory only: for tests and for previews of screens.
public final class InMemorySessionStore: SessionStore, Sendable {
  private let logs = Mutex<[SessionID: [RecordedEvent]]>([:])

  public init() {}

  public func append(_ event: RecordedEvent, to session: SessionID) throws {
    try logs.withLock { logs throws(StoreError) in
      let isCreation = if case .created = event.event { true } else { false }
      if event.sequence == 1 && isCreation {
        guard logs[session] == nil else { throw .conflict(session: session) }
        logs[session] = [event]
        return
      }
      guard let stored = logs[session] else { throw .noSuchSession(session.rawValue) }
      guard !isCreation, event.sequence == stored.count + 1 else {
        throw .conflict(session: session)
      }
      logs[session]?.append(event)
    }
  }

  public func events(of session: SessionID) throws -> [RecordedEvent] {
    guard let events = logs.withLock({ $0[session] }) else {
      throw StoreError.noSuchSession(session.rawValue)
    }
    return events
  }

  /// The sessions held, in no particular order.
  public var sessions: [SessionID] { logs.withLock { Array($0.keys) } }
}
