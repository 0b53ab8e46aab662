import Foundation
import GRDB

/// One append-only log that a shared store holds a copy of: a session's or a standing group's.
public struct StreamKey: Hashable, Comparable, Sendable {
  public enum Kind: String, Sendable, Comparable {
    case session, group
    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue > rhs.rawValue }
  }
  public let kind: Kind
  /// The session's or group's id (32 hexadecimal digits).
  public let id: String

  public init(_ kind: Kind, _ id: String) {
    self.kind = kind
    self.id = id
  }

  // Groups sort first: a session may name its group, so groups are written before sessions.
  public static func < (lhs: StreamKey, rhs: StreamKey) -> Bool {
    (lhs.kind, lhs.id) < (rhs.kind, rhs.id)
  }
}

/// A programme shared with a store (`peerconsult store attach`).
public struct ProgrammeAttachment: Hashable, Sendable {
  /// The programme's name in this data folder.
  public let programme: String
  /// The store's name as given to `store add`.
  public let store: String
  /// The programme's id on the server, which its access rules name.
  public let serverID: String
  public let attachedAt: Date
}

/// What the data folder and a store agreed on about one log at the last sync.
public struct StreamSyncRecord: Hashable, Sendable {
  /// Both sides held events 1 through this.
  public let syncedSequence: Int
  /// Whether the log was first written here (`true`) or came from the store.
  public let writtenHere: Bool

  public init(syncedSequence: Int, writtenHere: Bool) {
    self.syncedSequence = syncedSequence
    self.writtenHere = writtenHere
  }
}

/// A log held here: its last sequence number and the programme it belongs to.
public struct LocalLog: Hashable, Sendable {
  public let last: Int
  public let programme: String
}

/// When a store was last synced, and what that sync moved.
public struct LastSync: Hashable, Sendable {
  public let at: Date
  public let pushed: Int
  public let pulled: Int
}

extension AppDatabase {
  /// Remembers the shared store `name` at `url` (checked by the caller: it holds no
  /// password), replacing the address of a store of that name.
  public func addStore(named name: String, url: String, at date: Date) throws(StoreError) {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO stores (name, url, added_at) VALUES (?, ?, ?)
          ON CONFLICT (name) DO UPDATE SET url = excluded.url
          """,
        arguments: [name, url, date.millisecondsSince1970])
    }
  }

  /// The stores remembered, by name, with their addresses.
  public func stores() throws(StoreError) -> [(name: String, url: String)] {
    try read { db in
      try Row.fetchAll(db, sql: "SELECT name, url FROM stores ORDER BY name").map {
        (name: $0["name"], url: $0["url"])
      }
    }
  }

  /// Remembers that `programme` (its name as stored here, or a programme only the server has
  /// yet) is shared with `store`, where its id is `serverID`. Attaching again to the same store
  /// changes nothing; a programme shared with another store is refused.
  public func attach(programme: String, to store: String, serverID: String, at date: Date)
    throws(StoreError)
  {
    try write { db in
      let time = date.millisecondsSince1970
      try Self.recordProgramme(programme, at: time, in: db)
      let id = try String.fetchOne(
        db, sql: "SELECT id FROM programmes WHERE name = ?", arguments: [programme])
      let existing = try Row.fetchOne(
        db, sql: "SELECT store, server_id FROM store_attachments WHERE programme_id = ?",
        arguments: [id])
      if let existing {
        let other: String = existing["store"]
        guard other == store else {
          throw StoreError.attachedElsewhere(programme: programme, store: other)
        }
        return
      }
      try db.execute(
        sql: """
          INSERT INTO store_attachments (programme_id, store, server_id, attached_at)
          VALUES (?, ?, ?, ?)
          """,
        arguments: [id, store, serverID, time])
    }
  }

  /// The programmes shared with `store`, or with any store; by name.
  public func attachments(store: String? = nil) throws(StoreError) -> [ProgrammeAttachment] {
    try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT p.name, a.store, a.server_id, a.attached_at FROM store_attachments a
          JOIN programmes p ON p.id = a.programme_id
          WHERE ?1 IS NULL OR a.store = ?1 ORDER BY p.name
          """, arguments: [store]
      ).map {
        ProgrammeAttachment(
          programme: $0["name"], store: $0["store"], serverID: $0["server_id"],
          attachedAt: Date(millisecondsSince1970: $0["attached_at"]))
      }
    }
  }

  /// The logs of the sessions and groups of `programmes` held here, each with its last
  /// sequence number and programme.
  public func streams(ofProgrammes programmes: [String]) throws(StoreError)
    -> [StreamKey: LocalLog]
  {
    guard !programmes.isEmpty else { return [:] }
    return try read { db in
      let marks = databaseQuestionMarks(count: programmes.count)
      var streams: [StreamKey: LocalLog] = [:]
      for (kind, table) in [(StreamKey.Kind.session, "sessions"), (.group, "groups")] {
        let rows = try Row.fetchAll(
          db, sql: "SELECT id, last_seq, programme FROM \(table) WHERE programme IN (\(marks))",
          arguments: StatementArguments(programmes))
        for row in rows {
          streams[StreamKey(kind, row["id"])] = LocalLog(
            last: row["last_seq"], programme: row["programme"])
        }
      }
      return streams
    }
  }

  /// The last sequence number of each of `keys` held here (absent: not held).
  public func lastSequences(of keys: [StreamKey]) throws(StoreError) -> [StreamKey: Int] {
    try read { db in
      var found: [StreamKey: Int] = [:]
      for key in keys {
        let table = key.kind == .session ? "sessions" : "groups"
        if let last = try Int.fetchOne(
          db, sql: "SELECT last_seq FROM \(table) WHERE id = ?", arguments: [key.id])
        {
          found[key] = last
        }
      }
      return found
    }
  }

  /// What this folder and `store` agreed on at the last sync, log by log.
  public func syncRecords(store: String) throws(StoreError) -> [StreamKey: StreamSyncRecord] {
    try read { db in
      var records: [StreamKey: StreamSyncRecord] = [:]
      let rows = try Row.fetchAll(
        db, sql: "SELECT kind, id, synced_seq, origin FROM store_streams WHERE store = ?",
        arguments: [store])
      for row in rows {
        guard let kind = StreamKey.Kind(rawValue: row["kind"]) else { continue }
        records[StreamKey(kind, row["id"])] = StreamSyncRecord(
          syncedSequence: row["synced_seq"], writtenHere: row["origin"] == "here")
      }
      return records
    }
  }

  /// Records what this folder and `store` now agree on: `agreed` logs held by both up to the
  /// given sequence, `forgotten` logs that neither holds any more.
  public func recordSync(
    store: String, agreed: [StreamKey: StreamSyncRecord], forgotten: [StreamKey] = []
  ) throws(StoreError) {
    guard !agreed.isEmpty || !forgotten.isEmpty else { return }
    try write { db in
      for (key, record) in agreed {
        try db.execute(
          sql: """
            INSERT INTO store_streams (store, kind, id, synced_seq, origin) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (store, kind, id) DO UPDATE SET synced_seq = excluded.synced_seq
            """,
          arguments: [
            store, key.kind.rawValue, key.id, record.syncedSequence,
            record.writtenHere ? "here" : "store",
          ])
      }
      for key in forgotten {
        try db.execute(
          sql: "DELETE FROM store_streams WHERE store = ? AND kind = ? AND id = ?",
          arguments: [store, key.kind.rawValue, key.id])
      }
    }
  }

  /// Records that a sync with `store` finished at `date`, having moved these many events.
  public func recordSyncFinished(store: String, at date: Date, pushed: Int, pulled: Int)
    throws(StoreError)
  {
    try write { db in
      try db.execute(
        sql: """
          INSERT INTO store_syncs (store, synced_at, pushed, pulled) VALUES (?, ?, ?, ?)
          ON CONFLICT (store) DO UPDATE SET synced_at = excluded.synced_at,
            pushed = excluded.pushed, pulled = excluded.pulled
          """,
        arguments: [store, date.millisecondsSince1970, pushed, pulled])
    }
  }

  /// When `store` was last synced, or nil if never.
  public func lastSync(store: String) throws(StoreError) -> LastSync? {
    try read { db in
      try Row.fetchOne(
        db, sql: "SELECT synced_at, pushed, pulled FROM store_syncs WHERE store = ?",
        arguments: [store]
      ).map {
        LastSync(
          at: Date(millisecondsSince1970: $0["synced_at"]), pushed: $0["pushed"],
          pulled: $0["pulled"])
      }
    }
  }

  /// The sessions that came from a store rather than being written here, with its name: their
  /// origin, shown beside them in listings.
  public func sessionOrigins() throws(StoreError) -> [SessionID: String] {
    try read { db in
      var origins: [SessionID: String] = [:]
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT id, min(store) AS store FROM store_streams
          WHERE kind = 'session' AND origin = 'store' GROUP BY id
          """)
      for row in rows {
        if let id = SessionID(rawValue: row["id"]) { origins[id] = row["store"] }
      }
      return origins
    }
  }

  /// SQL for the name of the store the session whose id is `column` was taken from, or NULL
  /// for one written here, to select beside it: one lookup by primary key per store
  /// remembered (a handful), so a listing or a search pays for its own rows only, however
  /// many sessions came from stores. (`CROSS JOIN` keeps the stores outside: with `min()`
  /// SQLite would walk `store_streams` in key order instead, every row for a local session.)
  static func origin(ofSession column: String) -> String {
    """
    (SELECT o.store FROM stores st CROSS JOIN store_streams o
      ON o.store = st.name AND o.kind = 'session' AND o.id = \(column)
      WHERE o.origin = 'store' ORDER BY st.name LIMIT 1)
    """
  }

  /// Replaces `session`'s whole log with `events` (a version of it in which a person was
  /// erased elsewhere), leaving nothing of the old one in the file, as an erasure here does.
  public func replaceLog(of session: SessionID, with events: [RecordedEvent]) throws(StoreError) {
    let payloads: [String]
    do {
      payloads = try events.map { try SessionEventCodec.payload(of: $0.event) }
    } catch {
      throw .writeFailed(path: fileURL.path, reason: "an event could not be encoded: \(error)")
    }
    try leavingNoTrace { db in
      try Self.removeRows(of: session, in: db)
      var scopes = Set<ActionStates.Scope>()
      for (event, payload) in zip(events, payloads) {
        scopes.formUnion(
          try Self.insert(event, payload: payload, to: session, in: db, refreshingActions: false))
      }
      try ActionStates.refresh(scopes, in: db)
    }
  }

  /// Replaces `group`'s whole log with `events`, as ``replaceLog(of:with:)`` does a session's.
  public func replaceLog(ofGroup group: GroupID, with events: [RecordedGroupEvent])
    throws(StoreError)
  {
    let payloads: [String]
    do {
      payloads = try events.map { try GroupEventCodec.payload(of: $0.event) }
    } catch {
      throw .writeFailed(path: fileURL.path, reason: "an event could not be encoded: \(error)")
    }
    try leavingNoTrace { db in
      try db.execute(
        sql: "DELETE FROM group_events WHERE group_id = ?", arguments: [group.rawValue])
      try db.execute(sql: "DELETE FROM groups WHERE id = ?", arguments: [group.rawValue])
      for (event, payload) in zip(events, payloads) {
        try Self.insertGroupEvent(event, payload: payload, to: group, in: db)
      }
    }
  }

  /// Gives the programme called `name` a record with an id, if it has none yet; inside the
  /// caller's transaction (the projection of a session's or group's creation).
  static func recordProgramme(_ name: String, at time: Int64, in db: Database) throws {
    guard !name.isEmpty else { return }
    try db.execute(
      sql: """
        INSERT OR IGNORE INTO programmes (id, name, created_at)
        VALUES (lower(hex(randomblob(16))), ?, ?)
        """,
      arguments: [name, time])
  }
}

/// One event of a log as stored: its payload is the export's JSON of the event, so a shared
/// store holds exactly what an export would carry.
public struct StoredEventRow: Hashable, Sendable {
  public let sequence: Int
  /// Milliseconds since 1970.
  public let at: Int64
  public let type: String
  public let payload: String
}

extension AppDatabase {
  /// The events of a log after `sequence`, as stored, in order.
  public func storedEvents(of key: StreamKey, after sequence: Int) throws(StoreError)
    -> [StoredEventRow]
  {
    let (table, column) =
      key.kind == .session ? ("events", "session_id") : ("group_events", "group_id")
    return try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT seq, at, type, payload FROM \(table) WHERE \(column) = ? AND seq > ?
          ORDER BY seq
          """,
        arguments: [key.id, sequence]
      ).map {
        StoredEventRow(sequence: $0["seq"], at: $0["at"], type: $0["type"], payload: $0["payload"])
      }
    }
  }
}
