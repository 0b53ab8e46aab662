import Foundation
import GRDB

/// Reading and keeping sessions' snapshots (`session_snapshots`, ``SessionSnapshot``): an
/// opening reads the latest snapshot and the events after it, so it costs the same for a
/// session of ten notes as for one of ten thousand, bar decoding the state itself.
extension AppDatabase {
  /// The state of `session` and the sequence of its last event, from its snapshot and the
  /// events after it, or from every event when it has no usable snapshot.
  func storedState(of session: SessionID) throws(StoreError) -> (
    state: SessionState, lastSequence: Int
  ) {
    let loaded = try read { db in try Self.loadedState(of: session, in: db) }
    switch loaded {
    case .success(let result):
      if result.snapshotSequence == nil || !result.snapshotIsCurrent,
        result.lastSequence >= SessionSnapshot.interval
      {
        backfillSnapshot(result.state, at: result.lastSequence, of: session)
      }
      return (result.state, result.lastSequence)
    case .failure(let error): throw error
    }
  }

  /// Stores `state`, read from every event up to `sequence`, as the snapshot of a long session
  /// that had none of this encoding (written before schema v8, or by another encoding, or one
  /// completed at each opening: ``SessionSnapshot/versionBeforeArrivals``), so that its next
  /// opening is flat. Only an opening that may write does it, and only if no
  /// event was stored since the read; a snapshot is a cache, so a write that fails leaves the
  /// session as it was and the next opening tries again.
  private func backfillSnapshot(_ state: SessionState, at sequence: Int, of session: SessionID) {
    guard !isReadOnly else { return }
    _ = try? write { db in
      let last = try Int.fetchOne(
        db, sql: "SELECT last_seq FROM sessions WHERE id = ?", arguments: [session.rawValue])
      guard last == sequence else { return }
      try Self.storeSnapshot(state, at: sequence, of: session, in: db)
    }
  }

  /// The digest of `session` at the moment it speaks for (when it finished, else its last
  /// event, as ``SessionRecord/asOf``), read from its snapshot and the events after it.
  public func digest(of session: SessionID) throws(StoreError) -> SessionDigest {
    let (state, asOf) = try openedSession(session)
    return SessionDigest(id: session, state: state, at: asOf)
  }

  /// The state of `session`, read from its snapshot and the events after it, and the moment
  /// its digest speaks for (when it finished, else its last event, as ``SessionRecord/asOf``).
  public func openedSession(_ session: SessionID) throws(StoreError) -> (
    state: SessionState, asOf: Date
  ) {
    let (state, _) = try storedState(of: session)
    let lastEventAt = try read { db in
      try Int64.fetchOne(
        db, sql: "SELECT updated_at FROM sessions WHERE id = ?", arguments: [session.rawValue])
    }
    let asOf = state.finishedAt ?? lastEventAt.map(Date.init(millisecondsSince1970:))
    return (state, asOf ?? state.createdAt)
  }

  /// ``storedState(of:)`` inside the caller's transaction; an error about the session
  /// itself (no such session, an event that does not decode or replay) is returned, not
  /// thrown, so that the transaction is not taken to have failed.
  static func storedState(of session: SessionID, in db: Database) throws -> Result<
    (state: SessionState, lastSequence: Int), StoreError
  > {
    try loadedState(of: session, in: db).map { ($0.state, $0.lastSequence) }
  }

  /// ``storedState(of:in:)`` with the sequence of the snapshot it started from (nil when there
  /// was none it could read and every event was replayed), and whether that snapshot is of
  /// this encoding.
  private static func loadedState(of session: SessionID, in db: Database) throws -> Result<
    (state: SessionState, lastSequence: Int, snapshotSequence: Int?, snapshotIsCurrent: Bool),
    StoreError
  > {
    var base: (state: SessionState, sequence: Int)?
    var isCurrent = false
    // Read through a cursor, whose row points at SQLite's own copy of the payload: a fetched
    // row would copy it whole (1.2 MB for 10,000 notes) before the decoding copies it again.
    let snapshots = try Row.fetchCursor(
      db, sql: "SELECT seq, version, payload FROM session_snapshots WHERE session_id = ?",
      arguments: [session.rawValue])
    if let row = try snapshots.next(), let version: Int = row["version"],
      version == SessionSnapshot.encodingVersion
        || version == SessionSnapshot.versionBeforeArrivals,
      var state = try row.withUnsafeData(named: "payload", { $0.flatMap(SessionSnapshot.state) })
    {
      let sequence: Int = row["seq"]
      isCurrent = version == SessionSnapshot.encodingVersion
      // Arrivals that cannot be read (an index missing from a file edited by hand) leave the
      // snapshot aside: every event is replayed, as for one of another encoding. So does a
      // presenter skipped before the snapshot: encoding 3 was written for a while before the
      // focus questions of skipped presenters were kept (``SessionState/setAsideQuestions``),
      // and one given back would have had none.
      if isCurrent {
        base = (state, sequence)
      } else if (try? rearranged(session, through: sequence, in: db)) == false,
        let arrivals = try? arrivals(of: session, through: sequence, among: state, in: db)
      {
        state.arrivals = arrivals
        base = (state, sequence)
      }
    }
    let rows = try Row.fetchAll(
      db, sql: "SELECT seq, at, payload FROM events WHERE session_id = ? AND seq > ? ORDER BY seq",
      arguments: [session.rawValue, base?.sequence ?? 0])
    return Result { () throws(StoreError) in
      let events = try decodedEvents(rows, of: session)
      guard let base else {
        guard !events.isEmpty else { throw .noSuchSession(session.rawValue) }
        return (try replayed(events, of: session), events.last?.sequence ?? 0, nil, false)
      }
      var state = base.state
      for recorded in events {
        do {
          try state.apply(recorded.event, at: recorded.at)
        } catch {
          throw .damagedSession(session, sequence: recorded.sequence, reason: "\(error)")
        }
      }
      return (state, events.last?.sequence ?? base.sequence, base.sequence, isCurrent)
    }
  }

  /// Whether `session`'s presenters were rearranged by an event up to `sequence`.
  private static func rearranged(_ session: SessionID, through sequence: Int, in db: Database)
    throws -> Bool
  {
    try Bool.fetchOne(
      db,
      sql: """
        SELECT EXISTS (SELECT 1 FROM events
          WHERE session_id = ? AND seq <= ? AND type = 'roundsRearranged')
        """, arguments: [session.rawValue, sequence]) ?? true
  }

  /// Who arrived late among `state`'s people, from the events up to `sequence`: a snapshot of
  /// ``SessionSnapshot/versionBeforeArrivals`` kept none, and its state carried forward would
  /// never have them. Two short reads (the people added, through `events_people`, and the
  /// first phase started, through `events_phases`) instead of a replay of every event.
  private static func arrivals(
    of session: SessionID, through sequence: Int, among state: SessionState, in db: Database
  ) throws -> [Int: Date] {
    // The partial index serves only its own condition, `created` included.
    let added = try Row.fetchAll(
      db,
      sql: """
        SELECT seq, at, type FROM events INDEXED BY events_people
        WHERE session_id = ? AND seq <= ? AND type IN ('created', 'participantAdded')
        ORDER BY seq
        """, arguments: [session.rawValue, sequence]
    ).filter { $0["type"] as String == "participantAdded" }
    guard !added.isEmpty,
      let started = try Int.fetchOne(
        db,
        sql: """
          SELECT seq FROM events INDEXED BY events_phases
          WHERE session_id = ? AND type = 'phaseStarted' ORDER BY seq LIMIT 1
          """, arguments: [session.rawValue])
    else { return [:] }
    // Those added are the last of the people, in the order added.
    let first = state.participants.count - added.count
    var arrivals: [Int: Date] = [:]
    for (offset, row) in added.enumerated() where row["seq"] as Int > started && first >= 0 {
      arrivals[first + offset] = Date(millisecondsSince1970: row["at"])
    }
    return arrivals
  }

  /// Rewrites `session`'s snapshot when `event`, just stored in `db`'s transaction, falls on a
  /// snapshot boundary: the state then is the last snapshot and the events after it.
  static func keepSnapshot(
    of session: SessionID, after event: RecordedEvent, in db: Database
  ) throws {
    guard event.sequence % SessionSnapshot.interval == 0 else { return }
    // A session that does not rebuild gets no new snapshot: its opening replays and reports
    // the damage, as it would without snapshots, and the event is stored all the same.
    guard case .success(let (state, sequence)) = try storedState(of: session, in: db) else {
      return
    }
    try storeSnapshot(state, at: sequence, of: session, in: db)
  }

  /// Brings `session`'s snapshot up to date after a run of events from `first` to `last` was
  /// stored in `db`'s transaction without one (import, erasure): one rebuild for the run
  /// rather than one per boundary in it, and none for a run that crosses no boundary.
  static func keepSnapshot(
    of session: SessionID, afterRun first: Int, to last: Int, in db: Database
  )
    throws
  {
    let interval = SessionSnapshot.interval
    guard last / interval > (first - 1) / interval else { return }
    guard case .success(let (state, sequence)) = try storedState(of: session, in: db) else {
      return
    }
    try storeSnapshot(state, at: sequence, of: session, in: db)
  }

  /// Stores `state`, the state after event `sequence`, as `session`'s snapshot.
  static func storeSnapshot(
    _ state: SessionState, at sequence: Int, of session: SessionID, in db: Database
  ) throws {
    try db.execute(
      sql: """
        INSERT INTO session_snapshots (session_id, seq, version, payload) VALUES (?, ?, ?, ?)
        ON CONFLICT (session_id) DO UPDATE
        SET seq = excluded.seq, version = excluded.version, payload = excluded.payload
        """,
      arguments: [
        session.rawValue, sequence, SessionSnapshot.encodingVersion,
        try SessionSnapshot.payload(of: state),
      ])
  }

  /// Decodes stored event rows (`seq`, `at`, `payload`); a payload that does not decode makes
  /// the session damaged at that event.
  static func decodedEvents(_ rows: [Row], of session: SessionID) throws(StoreError)
    -> [RecordedEvent]
  {
    try rows.map { row throws(StoreError) in
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

  /// The state `events`, from the created one on, fold to; a replay that fails makes the
  /// session damaged at the event it failed on.
  static func replayed(_ events: [RecordedEvent], of session: SessionID) throws(StoreError)
    -> SessionState
  {
    do {
      return try SessionState.replay(events)
    } catch {
      if case .unreplayable(let sequence, let reason) = error {
        throw .damagedSession(session, sequence: sequence, reason: reason)
      }
      throw .damagedSession(session, sequence: 0, reason: error.description)
    }
  }
}
