import Foundation
import PeerConsultKit

extension LivePusher {
  /// The background side of ``LivePusher``: owns the connections and what it knows of each
  /// session it works for, and runs one pass each time it is woken.
  actor Worker {
    /// What the worker knows of one session.
    struct Tracked {
      let database: AppDatabase
      /// The store its programme is attached to and the programme's id there, once looked up.
      var target: (store: SharedStore, programme: String)?
      /// The last sequence number the server is known to agree on; nil until checked.
      var confirmed: Int?
      /// The last one it acknowledged in this program, kept while ``confirmed`` is checked
      /// again: what the title bar counts from.
      var acknowledged = 0
      /// Whether events were on their way when the connection failed.
      var sending = false
      /// When the lease was last taken or renewed; nil when not held.
      var renewed: ContinuousClock.Instant?
      /// Why nothing is sent, when not only the network.
      var blocked: String?
      /// Let go of by the app: sent what is left, release the lease, then forget it.
      var ending = false
      var waiting = 0
      /// Whether the folder's record of what the store holds lags behind what was sent.
      var unrecorded = false
    }

    let holder: LeaseHolder
    let leaseSeconds: Int
    let mailbox: Mailbox
    /// Written to (a byte) when the status changes.
    let report: Int32?
    private var tracked: [SessionID: Tracked] = [:]
    private var connections: [String: StoreConnection] = [:]
    /// Events the server acknowledged since the program started.
    private var sent = 0
    private let clock = ContinuousClock()

    init(holder: LeaseHolder, leaseSeconds: Int, shared: Mailbox, report: Int32?) {
      self.holder = holder
      self.leaseSeconds = leaseSeconds
      self.mailbox = shared
      self.report = report
    }

    /// Runs a pass at each wake-up until the stream ends.
    func run(_ wakes: AsyncStream<Void>) async {
      for await _ in wakes { await pass() }
      for connection in connections.values { await connection.close() }
    }

    /// Takes the app's messages, then brings each session's copy on its store up to date.
    private func pass() async {
      let messages = mailbox.withLock { shared in
        defer { shared.messages = [] }
        return shared.messages
      }
      for message in messages {
        switch message {
        case .began(let id, let database):
          if tracked[id] == nil { tracked[id] = Tracked(database: database) }
          tracked[id]?.ending = false
        case .ended(let id): tracked[id]?.ending = true
        case .endAll: for id in tracked.keys { tracked[id]?.ending = true }
        }
      }
      var offline = false
      for id in tracked.keys.sorted() {
        guard var session = tracked[id] else { continue }
        do {
          tracked[id] = try await step(id, &session) ? nil : session
        } catch {
          // What was being sent may or may not have arrived: compare again next time.
          if session.sending { session.confirmed = nil }
          session.sending = false
          session.renewed = nil
          tracked[id] = session
          var lost = true
          if let name = session.target?.store.name, let connection = connections[name] {
            lost = connection.connection.isClosed
            connections[name] = nil
            await connection.close()
          }
          switch error as? StoreSetupError {
          case .unreachable?, .timedOut?, nil: offline = true
          case _ where lost: offline = true
          default:
            // The server refused something: `sync` says what; the title bar says where to look.
            tracked[id]?.blocked = "the store refused; run sync"
          }
        }
      }
      let status = PushStatus(
        waiting: tracked.values.map(\.waiting).reduce(0, +),
        blocked: tracked.values.compactMap(\.blocked).first)
      let changed = mailbox.withLock { shared in
        defer {
          shared.status = status
          shared.busy = tracked.count
          shared.offline = offline
          shared.sent = sent
        }
        return shared.status != status
      }
      if changed, let report {
        var byte: UInt8 = 1
        _ = write(report, &byte, 1)
      }
    }

    /// One pass for one session; true when it is done with (let go of, or not shared).
    private func step(_ id: SessionID, _ session: inout Tracked) async throws -> Bool {
      if session.target == nil {
        guard let found = try LivePusher.store(of: id, in: session.database) else { return true }
        session.target = found
      }
      guard let (store, programme) = session.target else { return true }
      let key = StreamKey(.session, id.rawValue)
      let database = session.database
      let last = try database.lastSequences(of: [key])[key] ?? 0
      let record = session.confirmed == nil ? try database.syncRecords(store: store.name)[key] : nil
      session.waiting = max(
        0, last - (session.confirmed ?? max(session.acknowledged, record?.syncedSequence ?? 0)))
      let connection = try await connect(store)

      if session.renewed.map({ clock.now - $0 > .seconds(leaseSeconds / 3) }) ?? true {
        if let holding = try await StoreLease.take(
          id, programme: programme, holder: holder, seconds: leaseSeconds, takeOver: false,
          on: connection)
        {
          // Another machine runs it: nothing is sent; `sync` later finds out whether the
          // two copies differ.
          session.renewed = nil
          session.blocked = "held by \(holding.holder)"
          return session.ending
        }
        session.renewed = clock.now
        session.blocked = nil
      }
      if session.confirmed == nil {
        session.confirmed = try await agreed(
          key, last: last, record: record?.syncedSequence ?? 0, database: database,
          on: connection)
      }
      guard let confirmed = session.confirmed else {
        session.blocked = "differs in the store; run sync"
        return session.ending
      }
      if last > confirmed {
        let events = try database.storedEvents(of: key, after: confirmed)
        let push = StoreSync.Push(
          key: key, programme: programme, expected: confirmed, replacing: false, events: events)
        session.sending = true
        let holds = try await send(push, of: id, to: store, from: database, on: connection)
        session.sending = false
        guard holds else {
          // Lost the lease, or another machine wrote: look again from the start next pass.
          session.renewed = nil
          session.confirmed = nil
          return false
        }
        session.confirmed = events.last?.sequence ?? confirmed
        session.acknowledged = session.confirmed ?? 0
        session.unrecorded = true
        sent += events.count
      }
      session.waiting = max(0, last - (session.confirmed ?? 0))
      guard session.ending, session.waiting == 0 else { return false }
      // Recorded once at the end rather than at each push: the folder's writer stays free for
      // the live session's commits. (A crash before this only makes the next sync compare.)
      if session.unrecorded, let sent = session.confirmed {
        let writtenHere = try database.syncRecords(store: store.name)[key]?.writtenHere ?? true
        try database.recordSync(
          store: store.name,
          agreed: [key: StreamSyncRecord(syncedSequence: sent, writtenHere: writtenHere)])
      }
      try await StoreLease.release(id, holder: holder, on: connection)
      return true
    }

    /// Sends `push` in one transaction with a check that this folder still holds `session`'s
    /// lease; false when it does not, or when another machine wrote meanwhile.
    private func send(
      _ push: StoreSync.Push, of session: SessionID, to store: SharedStore,
      from database: AppDatabase, on connection: StoreConnection
    ) async throws -> Bool {
      let sync = StoreSync(store: store, database: database) { _ in true }
      let holder = holder
      do {
        return try await connection.transaction { () async throws(StoreSetupError) -> Bool in
          // The lease is checked and kept in the same transaction as the write.
          let rows = try await connection.rows(
            """
            SELECT 1 FROM peerconsult.session_leases
            WHERE session_id = \(session.rawValue) AND holder_id = \(holder.id) FOR UPDATE
            """)
          var holds = false
          do {
            for try await _ in rows { holds = true }
          } catch {
            throw StoreConnection.describe(error, at: store.address, hadPassword: true)
          }
          if holds { try await sync.write([push], deleting: [], on: connection) }
          return holds
        }
      } catch .changedDuringSync {
        return false
      }
    }

    /// The last sequence number on which the server's copy of `key` agrees with this folder's
    /// (0 when it has none), or nil when it differs or holds more: `sync` must decide.
    private func agreed(
      _ key: StreamKey, last: Int, record: Int, database: AppDatabase,
      on connection: StoreConnection
    ) async throws -> Int? {
      let rows = try await connection.rows(
        "SELECT last_seq FROM peerconsult.sessions WHERE id = \(key.id)")
      var there = 0
      for try await (found, ) in rows.decode((Int,).self) { there = found }
      if there == 0 { return 0 }
      if there > last || there < record { return nil }
      if there == record { return there }
      // Events sent since the last sync (by an earlier run of this program): compare them.
      let ours = try database.storedEvents(of: key, after: record).prefix(there - record)
      let theirs = try await connection.rows(
        """
        SELECT seq, payload FROM peerconsult.session_events
        WHERE session_id = \(key.id) AND seq > \(record) ORDER BY seq
        """)
      var index = ours.startIndex
      for try await (sequence, payload) in theirs.decode((Int, String).self) {
        guard index < ours.endIndex, ours[index].sequence == sequence,
          ours[index].payload == payload
        else { return nil }
        index += 1
      }
      return index == ours.endIndex ? there : nil
    }

    /// The open connection to `store`, or a new one when there is none or the server closed it
    /// (a query sent on a connection the server dropped may never be answered).
    private func connect(_ store: SharedStore) async throws -> StoreConnection {
      if let connection = connections[store.name] {
        if !connection.connection.isClosed { return connection }
        connections[store.name] = nil
        await connection.close()
      }
      let connection = try await store.connect()
      connections[store.name] = connection
      return connection
    }
  }
}
