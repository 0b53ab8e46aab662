import Foundation
import GRDB

extension AppDatabase {
  /// Appends runs of events, each to its session, all in one transaction committed with full
  /// sync: either every event is stored or none is. A run that starts at sequence 1 creates its
  /// session; any other run must continue its session's log exactly where it ends. Otherwise
  /// this throws ``StoreError/conflict(session:)`` and nothing is written.
  ///
  /// Import uses this so that no session is ever left half-imported. The query tables are kept
  /// current in the same transaction, as ``append(_:to:)`` does.
  ///
  /// `groups` are runs of standing groups' events, written first in the same transaction, as
  /// ``appendGroupEvents(_:)`` writes them.
  public func appendInOneTransaction(
    _ runs: [(session: SessionID, events: [RecordedEvent])],
    groups: [(group: GroupID, events: [RecordedGroupEvent])] = []
  ) throws(StoreError) {
    var payloads: [[String]] = []
    var groupPayloads: [[String]] = []
    do {
      for run in runs {
        payloads.append(try run.events.map { try SessionEventCodec.payload(of: $0.event) })
      }
      for run in groups {
        groupPayloads.append(try run.events.map { try GroupEventCodec.payload(of: $0.event) })
      }
    } catch {
      throw .writeFailed(path: fileURL.path, reason: "an event could not be encoded: \(error)")
    }
    try write { db in
      // Each action's state is folded once, after every event is stored.
      var scopes = Set<ActionStates.Scope>()
      for (run, payloads) in zip(groups, groupPayloads) {
        for (event, payload) in zip(run.events, payloads) {
          try Self.insertGroupEvent(event, payload: payload, to: run.group, in: db)
        }
      }
      for (run, payloads) in zip(runs, payloads) {
        try Self.appendRun(run.events, payloads: payloads, to: run.session, in: db, scopes: &scopes)
      }
      try ActionStates.refresh(scopes, in: db)
    }
  }

  /// Writes `groups` (as ``appendInOneTransaction(_:groups:)`` does), then lets `body` append
  /// sessions one at a time through an ``ImportWriting``, all in one transaction: import
  /// streams a file's sessions into it without holding them all. When `body` throws, nothing
  /// is written and its error is thrown as it is.
  public func importInOneTransaction(
    groups: [(group: GroupID, events: [RecordedGroupEvent])],
    _ body: (inout ImportWriting) throws -> Void
  ) throws {
    var failure: (any Error)?
    do {
      try write { db in
        for run in groups {
          for event in run.events {
            try Self.insertGroupEvent(
              event, payload: try GroupEventCodec.payload(of: event.event), to: run.group, in: db)
          }
        }
        var writing = ImportWriting(db: db, path: fileURL.path)
        do { try body(&writing) } catch {
          failure = error
          throw error
        }
        try ActionStates.refresh(writing.scopes, in: db)
      }
    } catch {
      // The transaction was rolled back; the reason is the body's own, when it had one.
      throw failure ?? error
    }
  }

  /// Appends `events`, a run of `session`'s log, with their projections and snapshot, in
  /// `db`'s transaction; the action scopes they touch are added to `scopes`. `resulting`, the
  /// state the whole log folds to with the run (an import has just rebuilt it), saves reading
  /// the session back to write its snapshot.
  static func appendRun(
    _ events: [RecordedEvent], payloads: [String], to session: SessionID, in db: Database,
    resulting: SessionState? = nil, scopes: inout Set<ActionStates.Scope>
  ) throws {
    for (event, payload) in zip(events, payloads) {
      try continueLog(of: session, with: event, in: db)
      // Projected first: a created event's session row must exist before the event's row.
      scopes.formUnion(
        try EventProjection(session: session, at: event.at, db: db).apply(event.event))
      // Each statement of the run is prepared once per connection and kept: preparing an
      // insert into `events` compiles its triggers, and an import did it for every event (half
      // of its time).
      try db.cachedStatement(
        sql: "INSERT INTO events (session_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)"
      ).execute(arguments: [
        session.rawValue, event.sequence, event.at.millisecondsSince1970,
        event.event.typeName, payload,
      ])
    }
    guard let first = events.first, let last = events.last else { return }
    if let resulting {
      let interval = SessionSnapshot.interval
      guard last.sequence / interval > (first.sequence - 1) / interval else { return }
      try storeSnapshot(resulting, at: last.sequence, of: session, in: db)
    } else {
      try keepSnapshot(of: session, afterRun: first.sequence, to: last.sequence, in: db)
    }
  }

  /// Checks that `event` continues `session`'s log and moves `last_seq` on to it; a created
  /// event at sequence 1 needs a session not yet stored.
  private static func continueLog(
    of session: SessionID, with event: RecordedEvent, in db: Database
  ) throws {
    let stored = try Int.fetchOne(
      db.cachedStatement(sql: "SELECT last_seq FROM sessions WHERE id = ?"),
      arguments: [session.rawValue])
    let isCreation = if case .created = event.event { true } else { false }
    if event.sequence == 1 && isCreation {
      if stored != nil { throw StoreError.conflict(session: session) }
      return
    }
    guard let stored else { throw StoreError.noSuchSession(session.rawValue) }
    guard !isCreation, event.sequence == stored + 1 else {
      throw StoreError.conflict(session: session)
    }
    try db.cachedStatement(sql: "UPDATE sessions SET last_seq = ?, updated_at = ? WHERE id = ?")
      .execute(arguments: [event.sequence, event.at.millisecondsSince1970, session.rawValue])
  }
}

/// One import's write transaction (``AppDatabase/importInOneTransaction(groups:_:)``): what is
/// stored, as the transaction sees it, and appending to it.
public struct ImportWriting {
  let db: Database
  let path: String
  /// The action scopes touched, folded once when the transaction ends.
  var scopes = Set<ActionStates.Scope>()

  /// Every event of `session` stored so far, this transaction's included; none when there is
  /// no such session.
  public func storedEvents(of session: SessionID) throws(StoreError) -> [RecordedEvent] {
    let rows: [Row]
    do {
      rows = try Row.fetchAll(
        db, sql: "SELECT seq, at, payload FROM events WHERE session_id = ? ORDER BY seq",
        arguments: [session.rawValue])
    } catch {
      throw .whileReading(error, path: path)
    }
    return try AppDatabase.decodedEvents(rows, of: session)
  }

  /// Appends `events`, which continue `session`'s stored log (or create it from sequence 1)
  /// to its end; `resulting` is the state the whole log then folds to, for its snapshot.
  public mutating func append(
    _ events: [RecordedEvent], to session: SessionID, resulting: SessionState
  ) throws(StoreError) {
    do {
      let payloads = try events.map { try SessionEventCodec.payload(of: $0.event) }
      try AppDatabase.appendRun(
        events, payloads: payloads, to: session, in: db, resulting: resulting, scopes: &scopes)
    } catch {
      throw .whileWriting(error, path: path)
    }
  }
}
