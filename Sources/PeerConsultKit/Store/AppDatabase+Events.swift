import Foundation
import GRDB

extension AppDatabase: SessionStore {
  /// Appends `event` to `session`'s log in one transaction, committed with full sync before
  /// this returns, and brings the sessions, notes and search tables up to date in the same
  /// transaction. Throws ``StoreError/conflict(session:)`` if the sequence does not follow
  /// the last stored event (another process is writing the same session).
  public func append(_ event: RecordedEvent, to session: SessionID) throws(StoreError) {
    try store(event, to: session, resulting: nil)
  }

  /// ``append(_:to:)`` for a live session, which knows the `state` its events fold to with
  /// `event`: a snapshot due with this event is that state, encoded, rather than the last
  /// snapshot and the events after it decoded and replayed inside the commit.
  public func append(
    _ event: RecordedEvent, to session: SessionID, resulting state: SessionState
  ) throws(StoreError) {
    try store(event, to: session, resulting: state)
  }

  /// ``append(_:to:resulting:)``, forgetting the session's kept draft in the same transaction
  /// when `forgettingDraft` (``forgetDraft(of:in:)``).
  public func append(
    _ event: RecordedEvent, to session: SessionID, resulting state: SessionState,
    forgettingDraft: Bool
  ) throws(StoreError) {
    try store(event, to: session, resulting: state, forgettingDraft: forgettingDraft)
  }

  private func store(
    _ event: RecordedEvent, to session: SessionID, resulting: SessionState?,
    forgettingDraft: Bool = false
  ) throws(StoreError) {
    let payload: String
    do {
      payload = try SessionEventCodec.payload(of: event.event)
    } catch {
      throw .writeFailed(path: fileURL.path, reason: "the event could not be encoded: \(error)")
    }
    try write { db in
      _ = try Self.insert(event, payload: payload, to: session, in: db, resulting: resulting)
      if forgettingDraft { try Self.forgetDraft(of: session, in: db) }
    }
  }

  /// Stores `event` with its `payload` and projects it, inside the caller's transaction.
  ///
  /// A run of events stored together passes `keepingSnapshot: false` and calls
  /// ``keepSnapshot(of:afterRun:to:in:)`` once after the run.
  ///
  /// `resulting`, when given, is the state the session's events fold to with `event`: the
  /// snapshot, if one is due, is that state.
  ///
  /// The actions whose states the event may change are folded again at once, unless
  /// `refreshingActions` is false: then their scopes are returned for the caller to fold once
  /// after the run (``ActionStates/refresh(_:in:)``).
  @discardableResult
  static func insert(
    _ event: RecordedEvent, payload: String, to session: SessionID, in db: Database,
    keepingSnapshot: Bool = true, resulting: SessionState? = nil, refreshingActions: Bool = true
  ) throws -> Set<ActionStates.Scope> {
    try advance(session, to: event, in: db)
    // Projected first: a created event's session row must exist before the event's row.
    var scopes = try EventProjection(session: session, at: event.at, db: db, after: resulting)
      .apply(event.event)
    if refreshingActions {
      try ActionStates.refresh(scopes, in: db)
      scopes = []
    }
    try db.cachedStatement(
      sql: "INSERT INTO events (session_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)"
    ).execute(
      arguments: [
        session.rawValue, event.sequence, event.at.millisecondsSince1970, event.event.typeName,
        payload,
      ])
    guard keepingSnapshot else { return scopes }
    if let resulting, event.sequence % SessionSnapshot.interval == 0 {
      try storeSnapshot(resulting, at: event.sequence, of: session, in: db)
    } else {
      try keepSnapshot(of: session, after: event, in: db)
    }
    return scopes
  }

  /// Every event of `session`, in order.
  public func events(of session: SessionID) throws(StoreError) -> [RecordedEvent] {
    let events = try events(of: session, after: 0)
    guard !events.isEmpty else { throw .noSuchSession(session.rawValue) }
    return events
  }

  /// The events of `session` after sequence `sequence`, in order; none when there are none
  /// (or no such session).
  public func events(of session: SessionID, after sequence: Int) throws(StoreError)
    -> [RecordedEvent]
  {
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: "SELECT seq, at, payload FROM events WHERE session_id = ? AND seq > ? ORDER BY seq",
        arguments: [session.rawValue, sequence])
    }
    return try Self.decodedEvents(rows, of: session)
  }

  /// The state of `session` rebuilt from its events: the same slot, notes and pause as when
  /// it was last written, with time computed from the stored wall-clock times. Read from the
  /// session's snapshot and the events after it when it has one (``SessionSnapshot``).
  public func loadSession(_ session: SessionID) throws(StoreError) -> SessionState {
    try storedState(of: session).state
  }

  /// The state of `session` and the sequence of its last event, for a live session to carry
  /// on from (``SessionStore/load(_:)``).
  public func load(_ session: SessionID) throws(StoreError) -> (
    state: SessionState, lastSequence: Int
  ) {
    try storedState(of: session)
  }

  /// Moves the session's `last_seq` on to `event`, or creates the session for its first
  /// event; anything else means a second writer got there first.
  private static func advance(_ session: SessionID, to event: RecordedEvent, in db: Database)
    throws
  {
    if case .created = event.event, event.sequence == 1 {
      let exists = try Bool.fetchOne(
        db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [session.rawValue])
      if exists == true { throw StoreError.conflict(session: session) }
      return
    }
    try db.cachedStatement(
      sql: """
        UPDATE sessions SET last_seq = :seq, updated_at = :at
        WHERE id = :id AND last_seq = :seq - 1
        """
    ).execute(
      arguments: [
        "seq": event.sequence, "at": event.at.millisecondsSince1970, "id": session.rawValue,
      ])
    guard db.changesCount == 1 else {
      let exists = try Bool.fetchOne(
        db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [session.rawValue])
      throw exists == true
        ? StoreError.conflict(session: session) : StoreError.noSuchSession(session.rawValue)
    }
    if case .created = event.event { throw StoreError.conflict(session: session) }
  }
}
