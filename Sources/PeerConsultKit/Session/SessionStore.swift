/// Where a live session's events are kept. An append returns only once the event is durable;
/// if it throws, the event is not stored. ``AppDatabase`` is the store; tests may wrap it to
/// inject failures.
public protocol SessionStore {
  /// Durably records `event` at the end of `session`'s log. Its sequence must follow the last
  /// stored one, and a ``SessionEvent/created(setup:)`` event (sequence 1) creates the session.
  func append(_ event: RecordedEvent, to session: SessionID) throws
  /// Every event of `session`, in order.
  func events(of session: SessionID) throws -> [RecordedEvent]
  /// ``append(_:to:)``, told the state the session's events fold to with `event` stored, so
  /// that a store keeping snapshots need not rebuild it.
  func append(_ event: RecordedEvent, to session: SessionID, resulting state: SessionState)
    throws
  /// ``append(_:to:resulting:)`` of a note saved from the note line, forgetting in the same
  /// transaction the note kept there as being written (``NoteDraft``): no end of the program
  /// can come between the note's save and its draft's forgetting, to bring it back.
  func append(
    _ event: RecordedEvent, to session: SessionID, resulting state: SessionState,
    forgettingDraft: Bool
  ) throws
  /// The events of `session` after sequence `sequence`, in order.
  func events(of session: SessionID, after sequence: Int) throws -> [RecordedEvent]
  /// The state `session`'s events fold to and the sequence of the last of them.
  func load(_ session: SessionID) throws -> (state: SessionState, lastSequence: Int)
}

extension SessionStore {
  /// Stores `event` alone; a store that keeps snapshots uses `state`.
  public func append(
    _ event: RecordedEvent, to session: SessionID, resulting state: SessionState
  ) throws {
    try append(event, to: session)
  }

  /// Stores `event` with `state`; a store that keeps no drafts has none to forget.
  public func append(
    _ event: RecordedEvent, to session: SessionID, resulting state: SessionState,
    forgettingDraft: Bool
  ) throws {
    try append(event, to: session, resulting: state)
  }

  /// Every event after `sequence`, read as all of them; a store that can read fewer does.
  public func events(of session: SessionID, after sequence: Int) throws -> [RecordedEvent] {
    try events(of: session).filter { $0.sequence > sequence }
  }

  /// The replay of every event; a store that keeps snapshots reads less.
  public func load(_ session: SessionID) throws -> (state: SessionState, lastSequence: Int) {
    let events = try events(of: session)
    return (try SessionState.replay(events), events.last?.sequence ?? 0)
  }
}
