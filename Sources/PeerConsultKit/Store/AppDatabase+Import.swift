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
        for (event, payload) in zip(run.events, payloads) {
          try Self.continueLog(of: run.session, with: event, in: db)
          // Projected first: a created event's session row must exist before the event's row.
          scopes.formUnion(
            try EventProjection(session: run.session, at: event.at, db: db).apply(event.event))
          try db.execute(
            sql: "INSERT INTO events (session_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
            arguments: [
              run.session.rawValue, event.sequence, event.at.millisecondsSince1970,
              event.event.typeName, payload,
            ])
        }
        if let first = run.events.first, let last = run.events.last {
          try Self.keepSnapshot(
            of: run.session, afterRun: first.sequence, to: last.sequence, in: db)
        }
      }
      try ActionStates.refresh(scopes, in: db)
    }
  }

  /// Checks that `event` continues `session`'s log and moves `last_seq` on to it; a created
  /// event at sequence 1 needs a session not yet stored.
  private static func continueLog(
    of session: SessionID, with event: RecordedEvent, in db: Database
  ) throws {
    let stored = try Int.fetchOne(
      db, sql: "SELECT last_seq FROM sessions WHERE id = ?", arguments: [session.rawValue])
    let isCreation = if case .created = event.event { true } else { false }
    if event.sequence == 1 && isCreation {
      if stored != nil { throw StoreError.conflict(session: session) }
      return
    }
    guard let stored else { throw StoreError.noSuchSession(session.rawValue) }
    guard !isCreation, event.sequence == stored + 1 else {
      throw StoreError.conflict(session: session)
    }
    try db.execute(
      sql: "UPDATE sessions SET last_seq = ?, updated_at = ? WHERE id = ?",
      arguments: [event.sequence, event.at.millisecondsSince1970, session.rawValue])
  }
}
