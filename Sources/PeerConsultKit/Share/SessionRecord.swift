import Foundation

/// A session as exports see it: its identity, its whole event log, and the state that log
/// folds to. Every export, the harvest and import work on records, so what they show is
/// always what the events say.
public struct SessionRecord: Hashable, Sendable {
  public let id: SessionID
  /// Every event, in order, from the ``SessionEvent/created(setup:)`` event on.
  public let events: [RecordedEvent]
  public let state: SessionState

  /// Replays `events`; throws if they do not rebuild a session.
  public init(id: SessionID, events: [RecordedEvent]) throws(SessionError) {
    self.id = id
    self.events = events
    state = try SessionState.replay(events)
  }

  /// The moment the record speaks for: when the session finished, else its last event. Times
  /// used are computed at this moment, so an export never depends on when it was made.
  public var asOf: Date { state.finishedAt ?? events.last?.at ?? state.createdAt }

  /// Sorts records oldest first, ties broken by id, the order every export uses.
  static func chronological(_ records: [SessionRecord]) -> [SessionRecord] {
    records.sorted { ($0.state.createdAt, $0.id) < ($1.state.createdAt, $1.id) }
  }
}

extension AppDatabase {
  /// The record of `session`: its events and the state they rebuild.
  public func record(of session: SessionID) throws(StoreError) -> SessionRecord {
    let events = try events(of: session)
    do {
      return try SessionRecord(id: session, events: events)
    } catch {
      guard case .unreplayable(let sequence, let reason) = error else {
        throw .damagedSession(session, sequence: 0, reason: error.description)
      }
      throw .damagedSession(session, sequence: sequence, reason: reason)
    }
  }
}
