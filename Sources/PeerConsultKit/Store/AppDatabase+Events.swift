import Foundation
import GRDB

extension AppDatabase: SessionStore {
  /// Appends `event` to `session`'s log in one transaction, committed with full sync before
  /// this returns, and brings the sessions, notes and search tables up to date in the same
  /// transaction. Throws ``StoreError/conflict(session:)`` if the sequence does not follow
  /// the last stored event (another process is writing the same session).
  public func append(_ event: RecordedEvent, to session: SessionID) throws(StoreError) {
    let payload: String
    do {
      payload = try SessionEventCodec.payload(of: event.event)
    } catch {
      throw .writeFailed(path: fileURL.path, reason: "the event could not be encoded: \(error)")
    }
    try write { db in try Self.insert(event, payload: payload, to: session, in: db) }
  }

  /// Stores `event` with its `payload` and projects it, inside the caller's transaction.
  static func insert(
    _ event: RecordedEvent, payload: String, to session: SessionID, in db: Database
  ) throws {
    try advance(session, to: event, in: db)
    // Projected first: a created event's session row must exist before the event's row.
    try EventProjection(session: session, at: event.at, db: db).apply(event.event)
    try db.execute(
      sql: "INSERT INTO events (session_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
      arguments: [
        session.rawValue, event.sequence, event.at.millisecondsSince1970, event.event.typeName,
        payload,
      ])
  }

  /// Every event of `session`, in order.
  public func events(of session: SessionID) throws(StoreError) -> [RecordedEvent] {
    let rows = try read { db in
      try Row.fetchAll(
        db, sql: "SELECT seq, at, payload FROM events WHERE session_id = ? ORDER BY seq",
        arguments: [session.rawValue])
    }
    guard !rows.isEmpty else { throw .noSuchSession(session.rawValue) }
    return try rows.map { row throws(StoreError) in
      let sequence: Int = row["seq"]
      do {
        let payload: String = row["payload"]
        return RecordedEvent(
          sequence: sequence, at: Date(millisecondsSince1970: row["at"]),
          event: try SessionEventCodec.event(fromPayload: payload))
      } catch {
        throw .damagedSession(session, sequence: sequence, reason: "\(error)")
      }
    }
  }

  /// The state of `session` rebuilt from its events: the same slot, notes and pause as when
  /// it was last written, with time computed from the stored wall-clock times.
  public func loadSession(_ session: SessionID) throws(StoreError) -> SessionState {
    let events = try events(of: session)
    do {
      return try SessionState.replay(events)
    } catch {
      if case .unreplayable(let sequence, let reason) = error {
        throw .damagedSession(session, sequence: sequence, reason: reason)
      }
      throw .damagedSession(session, sequence: 0, reason: error.description)
    }
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
    try db.execute(
      sql: """
        UPDATE sessions SET last_seq = :seq, updated_at = :at
        WHERE id = :id AND last_seq = :seq - 1
        """,
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
