import Foundation
import PeerConsultKit
import PostgresNIO

/// What one `peerconsult sync` did.
public struct SyncReport: Hashable, Sendable {
  /// Events sent to the store, and the logs they belong to.
  public var pushedEvents = 0
  public var pushedStreams = 0
  /// Events taken from the store, and their logs.
  public var pulledEvents = 0
  public var pulledStreams = 0
  /// Sessions deleted here and removed from the store, and the other way round.
  public var deletedThere = 0
  public var deletedHere = 0
  /// Logs rewritten by an erasure, carried to the store or taken from it.
  public var erasedThere = 0
  public var erasedHere = 0
  /// One line for each log left alone because its two copies diverged.
  public var refused: [String] = []
}

/// Brings a data folder and a shared store level for the programmes attached to the store:
/// sends the events the server lacks, takes those it has and the folder lacks, and carries
/// deletions and erasures both ways. A log's identity is its id and each event's sequence
/// number (unique on the server), so running it twice sends nothing the second time, and a
/// sync cut off at any point is finished by the next one without doubling anything.
///
/// Two copies of a log that differ at the same sequence numbers (written on two machines
/// offline) are never merged: that log is left as it is on both sides and named in
/// ``SyncReport/refused``.
public struct StoreSync: Sendable {
  /// Larger payloads are refused unread: a note is far smaller.
  public static let maximumPayloadBytes = 1024 * 1024
  /// A log with more events than this is refused.
  public static let maximumEventsPerLog = 200_000
  /// All payloads one sync takes, at most.
  public static let maximumPulledBytes = 512 * 1024 * 1024
  /// Events sent in one statement.
  static let batchSize = 5_000

  public let store: SharedStore
  public let database: AppDatabase
  /// Whether a session is being facilitated here, so it is not deleted or rewritten.
  public let isLive: @Sendable (SessionID) -> Bool

  public init(
    store: SharedStore, database: AppDatabase, isLive: @escaping @Sendable (SessionID) -> Bool
  ) {
    self.store = store
    self.database = database
    self.isLive = isLive
  }

  /// Syncs, recording the time as `now`.
  public func run(now: Date) throws -> SyncReport {
    let attachments = try database.attachments(store: store.name)
    guard !attachments.isEmpty else { throw StoreSetupError.notAttached(store.name) }
    let sync = self
    let report = try store.withConnection { connection in
      try await sync.run(attachments, on: connection)
    }
    try database.recordSyncFinished(
      store: store.name, at: now, pushed: report.pushedEvents, pulled: report.pulledEvents)
    return report
  }

  /// What the server says of one log.
  struct ServerLog {
    let last: Int
    let programme: String
  }

  /// One log's events as the server sent them, decoded.
  enum Fetched {
    case session([RecordedEvent])
    case group([RecordedGroupEvent])
  }

  /// What is to be sent for one log.
  struct Push {
    let key: StreamKey
    let programme: String
    /// The server's last sequence number before (0: new to it), checked when writing.
    let expected: Int
    /// Whether the server's copy is replaced from the start (an erasure here).
    let replacing: Bool
    let events: [StoredEventRow]
  }

  private func run(_ attachments: [ProgrammeAttachment], on connection: StoreConnection)
    async throws -> SyncReport
  {
    try await ServerSchema.check(connection, store: store.name)
    let server = try await serverLogs(of: attachments.map(\.serverID), on: connection)
    let programmeOfName = Dictionary(
      attachments.map { ($0.programme, $0.serverID) }, uniquingKeysWith: { first, _ in first })
    let local = try database.streams(ofProgrammes: attachments.map(\.programme))
    let records = try database.syncRecords(store: store.name)
    let others = Array(Set(records.keys).union(server.keys).subtracting(local.keys))
    let localLast = local.mapValues(\.last).merging(
      try database.lastSequences(of: others), uniquingKeysWith: { first, _ in first })

    var report = SyncReport()
    var pushes: [Push] = []
    var toFetch: [StreamKey] = []
    var deleteThere: [StreamKey] = []
    var deleteHere: [SessionID] = []
    var agreed: [StreamKey: StreamSyncRecord] = [:]
    var forgotten: [StreamKey] = []

    for key in Set(server.keys).union(local.keys).union(records.keys).sorted() {
      let there = server[key]?.last ?? 0
      let here = localLast[key] ?? 0
      let record = records[key]
      let programme = server[key]?.programme ?? local[key].flatMap { programmeOfName[$0.programme] }
      if let record {
        if here == 0 && there == 0 {
          forgotten.append(key)
          continue
        }
        if here == 0 {
          deleteThere.append(key)
          continue
        }
        if there == 0, key.kind == .session, let id = SessionID(rawValue: key.id) {
          deleteHere.append(id)
          continue
        }
        if there == here && record.syncedSequence == here { continue }
        if there == record.syncedSequence, here > there, let programme {
          let events = try database.storedEvents(of: key, after: there)
          // An erasure here rewrote the events before it too: compare the whole logs.
          if !events.contains(where: { $0.type == "personErased" }) {
            pushes.append(
              Push(
                key: key, programme: programme, expected: there, replacing: false,
                events: events))
            continue
          }
        }
      }
      if there == 0, let programme {
        pushes.append(
          Push(
            key: key, programme: programme, expected: 0, replacing: false,
            events: try database.storedEvents(of: key, after: 0)))
      } else if there > 0 {
        toFetch.append(key)
      }
    }

    let fetched = try await fetch(toFetch, lengths: server.mapValues(\.last), on: connection)
    var batch = ImportBatch()
    var replaceHere: [(StreamKey, Fetched)] = []
    for key in toFetch {
      guard let copy = fetched[key], let serverLog = server[key] else { continue }
      let there = serverLog.last
      let decision = try compare(
        key, copy, unchangedThere: records[key]?.syncedSequence == there,
        unchangedHere: records[key]?.syncedSequence == localLast[key])
      switch decision {
      case .same:
        agreed[key] = StreamSyncRecord(
          syncedSequence: there, writtenHere: records[key]?.writtenHere ?? true)
      case .take:
        try add(copy, key: key, to: &batch)
      case .send:
        pushes.append(
          Push(
            key: key, programme: serverLog.programme, expected: there, replacing: false,
            events: try database.storedEvents(of: key, after: there)))
      case .sendErasure:
        pushes.append(
          Push(
            key: key, programme: serverLog.programme, expected: there, replacing: true,
            events: try database.storedEvents(of: key, after: 0)))
      case .takeErasure:
        replaceHere.append((key, copy))
      case .diverged(let what):
        report.refused.append(StoreSetupError.diverged(what: what, store: store.name).description)
      }
    }

    // The server first, in one transaction: a sync cut off here leaves the server as it was.
    if !pushes.isEmpty || !deleteThere.isEmpty {
      let name = store.name
      var failure: StoreSetupError?
      do throws(StoreSetupError) {
        try await connection.transaction { () async throws(StoreSetupError) in
          try await write(pushes, deleting: deleteThere, on: connection)
        }
      } catch {
        failure = error
      }
      if let error = failure {
        // A unique key the server reports taken means another machine wrote the same log.
        if case .changedDuringSync = error { throw StoreSetupError.changedDuringSync(store: name) }
        throw error
      }
    }
    for push in pushes {
      let last = push.events.last?.sequence ?? push.expected
      agreed[push.key] = StreamSyncRecord(
        syncedSequence: last, writtenHere: records[push.key]?.writtenHere ?? true)
      report.pushedEvents += push.events.count
      report.pushedStreams += 1
      if push.replacing { report.erasedThere += 1 }
    }
    report.deletedThere = deleteThere.count
    forgotten += deleteThere

    // Then this folder: what the server now agrees on, and what it had that this lacked.
    try database.recordSync(store: store.name, agreed: agreed)
    agreed = [:]
    if !batch.sessions.isEmpty || !batch.groups.isEmpty {
      let outcome: (sessions: [ImportOutcome], groups: [GroupImportOutcome])
      do {
        outcome = try SessionImport.write(batch, into: database)
      } catch {
        throw StoreSetupError.hostile(detail(of: error))
      }
      for imported in batch.sessions {
        let key = StreamKey(.session, imported.record.id.rawValue)
        agreed[key] = StreamSyncRecord(
          syncedSequence: imported.record.events.count,
          writtenHere: records[key]?.writtenHere ?? false)
      }
      for imported in batch.groups {
        let key = StreamKey(.group, imported.record.id.rawValue)
        agreed[key] = StreamSyncRecord(
          syncedSequence: imported.record.events.count,
          writtenHere: records[key]?.writtenHere ?? false)
      }
      let changes: [(ImportOutcome.Change, Int)] =
        outcome.sessions.map { ($0.change, $0.eventCount) }
        + zip(outcome.groups, batch.groups).map { ($0.change, $1.record.events.count) }
      for (change, count) in changes {
        switch change {
        case .added:
          report.pulledStreams += 1
          report.pulledEvents += count
        case .extended(let events):
          report.pulledStreams += 1
          report.pulledEvents += events
        case .alreadyPresent, .newerPresent: break
        }
      }
    }
    for (key, copy) in replaceHere {
      switch copy {
      case .session(let events):
        guard let id = SessionID(rawValue: key.id), !isLive(id) else { continue }
        try database.replaceLog(of: id, with: events)
        agreed[key] = StreamSyncRecord(
          syncedSequence: events.count, writtenHere: records[key]?.writtenHere ?? false)
      case .group(let events):
        guard let id = GroupID(rawValue: key.id) else { continue }
        try database.replaceLog(ofGroup: id, with: events)
        agreed[key] = StreamSyncRecord(
          syncedSequence: events.count, writtenHere: records[key]?.writtenHere ?? false)
      }
      report.erasedHere += 1
    }
    for id in deleteHere where !isLive(id) {
      try database.deleteSession(id, isLive: isLive)
      forgotten.append(StreamKey(.session, id.rawValue))
      report.deletedHere += 1
    }
    try database.recordSync(store: store.name, agreed: agreed, forgotten: forgotten)
    return report
  }

  /// The logs of `programmes` the server lets this login read, with their last sequence
  /// numbers and programmes.
  private func serverLogs(of programmes: [String], on connection: StoreConnection)
    async throws -> [StreamKey: ServerLog]
  {
    let rows = try await connection.rows(
      """
      SELECT 'group', left(id, 64), last_seq, programme_id::text FROM peerconsult.groups
        WHERE programme_id = ANY(CAST(\(programmes) AS uuid[]))
      UNION ALL
      SELECT 'session', left(id, 64), last_seq, programme_id::text FROM peerconsult.sessions
        WHERE programme_id = ANY(CAST(\(programmes) AS uuid[]))
      """)
    var logs: [StreamKey: ServerLog] = [:]
    do {
      for try await (kind, id, last, programme) in rows.decode((String, String, Int, String).self) {
        guard let kind = StreamKey.Kind(rawValue: kind), id.count == 32,
          id.allSatisfy(\.isHexDigit), id == id.lowercased()
        else { throw StoreSetupError.hostile("a log's id is not 32 hexadecimal digits") }
        guard (1...Self.maximumEventsPerLog).contains(last) else {
          throw StoreSetupError.hostile(
            "\(kind.rawValue) \(id.prefix(8)) has \(last) events, more than "
              + "\(Self.maximumEventsPerLog)")
        }
        logs[StreamKey(kind, id)] = ServerLog(last: last, programme: programme)
      }
    } catch let error as StoreSetupError {
      throw error
    } catch {
      throw StoreConnection.describe(error, at: store.address, hadPassword: true)
    }
    return logs
  }

  /// The server's copies of `keys`, decoded; payloads are bounded before they are read.
  func fetch(
    _ keys: [StreamKey], lengths: [StreamKey: Int], on connection: StoreConnection
  ) async throws -> [StreamKey: Fetched] {
    var result: [StreamKey: Fetched] = [:]
    var total = 0
    for kind in [StreamKey.Kind.group, .session] {
      let ids = keys.filter { $0.kind == kind }.map(\.id)
      guard !ids.isEmpty else { continue }
      let (table, column) =
        kind == .session ? ("session_events", "session_id") : ("group_events", "group_id")
      let limit = Self.maximumPayloadBytes
      let rows = try await connection.rows(
        """
        SELECT left(\(unescaped: column), 64), seq, at, octet_length(payload),
          CASE WHEN octet_length(payload) <= \(limit) THEN payload END
        FROM peerconsult.\(unescaped: table) WHERE \(unescaped: column) = ANY(\(ids))
        ORDER BY 1, 2
        """)
      var sessions: [String: [RecordedEvent]] = [:]
      var groups: [String: [RecordedGroupEvent]] = [:]
      do {
        for try await (id, sequence, at, size, payload) in rows.decode(
          (String, Int, Int64, Int, String?).self)
        {
          let place = "\(kind.rawValue) \(id.prefix(8)), event \(sequence)"
          guard let payload, size <= limit else {
            throw StoreSetupError.hostile(
              "\(place) is \(size / 1024) KB, more than \(limit / 1024) KB")
          }
          total += size
          guard total <= Self.maximumPulledBytes else {
            throw StoreSetupError.hostile(
              "more than \(Self.maximumPulledBytes / 1024 / 1024) MB of events in one sync")
          }
          let count = (kind == .session ? sessions[id]?.count : groups[id]?.count) ?? 0
          guard count < (lengths[StreamKey(kind, id)] ?? 0) else {
            throw StoreSetupError.hostile("\(place) is beyond the log's last event")
          }
          let time = Date(millisecondsSince1970: at)
          guard !SessionEventCodec.holdsFraction(payload) else {
            throw StoreSetupError.hostile(
              "\(place) holds a number with a fraction or an exponent, which no event has")
          }
          do {
            if kind == .session {
              sessions[id, default: []].append(
                RecordedEvent(
                  sequence: sequence, at: time,
                  event: try SessionEventCodec.event(fromPayload: payload)))
            } else {
              groups[id, default: []].append(
                RecordedGroupEvent(
                  sequence: sequence, at: time,
                  event: try GroupEventCodec.event(fromPayload: payload)))
            }
          } catch {
            if let type = SessionEventCodec.unknownType(inPayload: payload) {
              throw StoreSetupError.newerEvent(place: place, type: type)
            }
            throw StoreSetupError.hostile("\(place) is not a PeerConsult event")
          }
        }
      } catch let error as StoreSetupError {
        throw error
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      for (id, events) in sessions { result[StreamKey(.session, id)] = .session(events) }
      for (id, events) in groups { result[StreamKey(.group, id)] = .group(events) }
    }
    return result
  }

  /// What to do with a log both sides hold, or the server alone.
  enum Decision: Equatable {
    case same, take, send, sendErasure, takeErasure
    case diverged(String)
  }

  /// Compares the server's copy of a log with this folder's, as import compares a file's.
  private func compare(
    _ key: StreamKey, _ copy: Fetched, unchangedThere: Bool, unchangedHere: Bool
  ) throws -> Decision {
    switch copy {
    case .session(let theirs):
      guard let id = SessionID(rawValue: key.id) else { return .diverged(key.id) }
      var ours: [RecordedEvent] = []
      do throws(StoreError) {
        ours = try database.events(of: id)
      } catch {
        guard case .noSuchSession = error else { throw error }
      }
      let title = ours.first.flatMap { first -> String? in
        if case .created(let setup) = first.event { return setup.title }
        return nil
      }
      return decide(
        ours, theirs, erasures: { $0.compactMap(\.event.erasedAs) },
        unchangedThere: unchangedThere, unchangedHere: unchangedHere,
        what: "Session \(id.short)" + (title.map { " (\"\($0)\")" } ?? ""))
    case .group(let theirs):
      guard let id = GroupID(rawValue: key.id) else { return .diverged(key.id) }
      var ours: [RecordedGroupEvent] = []
      do throws(StoreError) {
        ours = try database.groupEvents(of: id)
      } catch {
        guard case .noSuchGroup = error else { throw error }
      }
      return decide(
        ours, theirs, erasures: { $0.compactMap(\.event.erasedAs) },
        unchangedThere: unchangedThere, unchangedHere: unchangedHere,
        what: "Group \(id.short)")
    }
  }

  /// The decision for two copies of one log: equal, one the start of the other, or
  /// diverged. A divergence that is an erasure made on one side (a `personErased` the other
  /// lacks, and none the other way) is carried to the other side, but only when that side
  /// has not changed since the last sync: its new events would otherwise be lost.
  private func decide<Event: Equatable>(
    _ ours: [Event], _ theirs: [Event], erasures: ([Event]) -> [String],
    unchangedThere: Bool, unchangedHere: Bool, what: String
  ) -> Decision {
    if let (change, _) = ImportOutcome.Change.comparing(stored: ours, incoming: theirs) {
      switch change {
      case .alreadyPresent: return .same
      case .added, .extended: return .take
      case .newerPresent: return .send
      }
    }
    let erasedHere = Set(erasures(ours))
    let erasedThere = Set(erasures(theirs))
    if erasedHere.isStrictSuperset(of: erasedThere), unchangedThere { return .sendErasure }
    if erasedThere.isStrictSuperset(of: erasedHere), unchangedHere { return .takeErasure }
    return .diverged(what)
  }

  /// Adds a fetched log to the batch written here, checked as an imported file is.
  func add(_ copy: Fetched, key: StreamKey, to batch: inout ImportBatch) throws {
    let source = "store \(store.name)"
    do {
      switch copy {
      case .session(let events):
        guard let id = SessionID(rawValue: key.id) else { return }
        batch.sessions.append(try SessionImport.checked(id, events, path: source))
      case .group(let events):
        guard let id = GroupID(rawValue: key.id) else { return }
        batch.groups.append(try SessionImport.checked(id, events, path: source))
      }
    } catch {
      throw StoreSetupError.hostile(detail(of: error))
    }
  }

  /// Sends `pushes` and removes `deletions`, inside the caller's transaction; refuses when
  /// another machine changed one of the logs since it was read. (`LivePusher` sends a live
  /// session's events with it too.)
  func write(
    _ pushes: [Push], deleting deletions: [StreamKey], on connection: StoreConnection
  ) async throws(StoreSetupError) {
    for kind in [StreamKey.Kind.group, .session] {
      let (logs, table, column) =
        kind == .session
        ? ("sessions", "session_events", "session_id") : ("groups", "group_events", "group_id")
      let gone = deletions.filter { $0.kind == kind }.map(\.id)
      if !gone.isEmpty {
        try await connection.run(
          "DELETE FROM peerconsult.\(unescaped: logs) WHERE id = ANY(\(gone))")
      }
      let sending = pushes.filter { $0.key.kind == kind && !$0.events.isEmpty }
      guard !sending.isEmpty else { continue }
      let ids = sending.map(\.key.id)
      let current = try await connection.rows(
        "SELECT id, last_seq FROM peerconsult.\(unescaped: logs) WHERE id = ANY(\(ids)) FOR UPDATE"
      )
      var found: [String: Int] = [:]
      do {
        for try await (id, last) in current.decode((String, Int).self) { found[id] = last }
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      for push in sending where (found[push.key.id] ?? 0) != push.expected {
        throw .changedDuringSync(store: store.name)
      }
      let replaced = sending.filter(\.replacing).map(\.key.id)
      if !replaced.isEmpty {
        try await connection.run(
          "DELETE FROM peerconsult.\(unescaped: table) WHERE \(unescaped: column) = ANY(\(replaced))"
        )
      }
      try await connection.run(
        """
        INSERT INTO peerconsult.\(unescaped: logs) (id, programme_id, last_seq)
        SELECT i, p::uuid, l FROM unnest(\(ids), \(sending.map(\.programme)),
          \(sending.map { $0.events.last?.sequence ?? $0.expected })) AS u(i, p, l)
        ON CONFLICT (id) DO UPDATE SET last_seq = excluded.last_seq, updated_at = now()
        """)
      var rows: [(String, StoredEventRow)] = []
      for push in sending { rows += push.events.map { (push.key.id, $0) } }
      var start = 0
      while start < rows.count {
        let chunk = rows[start..<min(start + Self.batchSize, rows.count)]
        try await connection.run(
          """
          INSERT INTO peerconsult.\(unescaped: table) (\(unescaped: column), seq, at, type, payload)
          SELECT * FROM unnest(\(chunk.map(\.0)), \(chunk.map(\.1.sequence)),
            \(chunk.map(\.1.at)), \(chunk.map(\.1.type)), \(chunk.map(\.1.payload)))
          """)
        start += Self.batchSize
      }
    }
  }

  /// An import refusal's own words, without the file-oriented advice.
  private func detail(of error: any Error) -> String {
    switch error as? ImportError {
    case .invalid(_, let detail)?: detail
    case .unreplayable(_, let session, let reason)?:
      "session \(session.short) does not rebuild: \(reason)"
    case .diverged(_, let session, _)?: "session \(session.short) changed here during the sync"
    case .divergedGroup(_, let group, _)?: "group \(group.short) changed here during the sync"
    default: String(describing: error)
    }
  }
}

extension SessionEvent {
  /// The pseudonym of a person erased by this event, if it records an erasure.
  fileprivate var erasedAs: String? {
    if case .personErased(let pseudonym) = self { return pseudonym }
    return nil
  }
}

extension GroupEvent {
  /// The pseudonym of a person erased by this event, if it records an erasure.
  fileprivate var erasedAs: String? {
    if case .personErased(let pseudonym) = self { return pseudonym }
    return nil
  }
}
