/// Where a live session's events are kept. An append returns only once the event is durable;
/// if it throws, the event is not stored. ``AppDatabase`` is the store; tests may wrap it to
/// inject failures.
public protocol SessionStore {
  /// Durably records `event` at the end of `session`'s log. Its sequence must follow the last
  /// stored one, and a ``SessionEvent/created(setup:)`` event (sequence 1) creates the session.
  func append(_ event: RecordedEvent, to session: SessionID) throws
  /// Every event of `session`, in order.
  func events(of session: SessionID) throws -> [RecordedEvent]
}
