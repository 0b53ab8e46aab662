import Foundation
import PeerConsultKit
import PostgresNIO
import Synchronization

/// `peerconsult follow --store NAME SESSION`: keeps a copy of one session of a shared store in
/// a private data folder (the mirror) that the room display reads as it reads a local one.
///
/// It listens on the session's channel (``channel(of:)``: schema version 2's trigger notifies
/// it at each statement that adds or removes the session's events) and, woken, reads the
/// session again through the same bounded fetch and the same checks as `sync` and `import`;
/// row-level security decides what this login may read. It also looks every
/// ``checkInterval`` without a notification, so a lost notification or a silent network
/// costs at most that long. A lost server is ``problem`` (the display shows it over the last
/// state) and it reconnects every ``retryDelay`` until the server is back. Each look also
/// reads the session's lease (``StoreLease``), in the same query: the session is run while a
/// machine holds an unexpired one, as a local session is while its lock is held.
public final class StoreFollow: FollowSource {
  public let store: SharedStore
  public let session: SessionID
  /// The private folder the session is copied into; only this writes it.
  let mirror: AppDatabase
  private let shared = Mutex(Shared())

  /// What the display's thread reads and the listening task writes.
  private struct Shared {
    var problem: String?
    /// Whether a machine held an unexpired lease on the session at the last look.
    var isLeased = false
    var task: Task<Void, Never>?
  }

  /// How often the server is asked without a notification.
  public static let checkInterval = Duration.seconds(2)
  /// How long to wait before connecting again after losing the server.
  public static let retryDelay = Duration.seconds(1)
  /// Seconds one look at the server may take before the connection counts as lost.
  static let lookDeadline = 5

  /// The channel schema version 2 notifies when `session`'s events change.
  public static func channel(of session: SessionID) -> String {
    "peerconsult_session_" + session.rawValue
  }

  /// Finds the session `prefix` names in `store` (`latest`: the one changed last), copies it
  /// into `mirror` and starts listening. Fails in one line when the store cannot be reached or
  /// holds no such session this login may read.
  public static func start(store: SharedStore, session prefix: String, mirror: AppDatabase)
    throws -> StoreFollow
  {
    let wanted = prefix.trimmingCharacters(in: .whitespaces).lowercased()
    guard wanted == "latest" || (1...32).contains(wanted.count) && wanted.allSatisfy(\.isHexDigit)
    else { throw StoreFollowError.badSession(prefix) }
    let id = try store.withConnection { connection -> SessionID in
      try await ServerSchema.check(connection, store: store.name)
      guard try await isFollowable(connection) else {
        throw StoreFollowError.serverTooOld(store: store.name)
      }
      let found = try await sessions(matching: wanted, on: connection)
      guard found.count == 1, let id = found.first.flatMap(SessionID.init(rawValue:)) else {
        throw found.isEmpty
          ? StoreFollowError.noSuchSession(prefix, store: store.name, user: store.address.user)
          : StoreFollowError.ambiguous(prefix, store: store.name)
      }
      return id
    }
    let follow = StoreFollow(store: store, session: id, mirror: mirror)
    try store.withConnection { connection in try await follow.catchUp(on: connection) }
    follow.listen()
    return follow
  }

  init(store: SharedStore, session: SessionID, mirror: AppDatabase) {
    self.store = store
    self.session = session
    self.mirror = mirror
  }

  public func isLive(_ session: SessionID) -> Bool {
    // As of the last look (at most ``checkInterval`` ago): asked at every frame, it never
    // waits on the network.
    session == self.session && shared.withLock(\.isLeased)
  }

  public var problem: String? { shared.withLock(\.problem) }

  /// Stops listening and closes the connection.
  public func stop() {
    shared.withLock { $0.task }?.cancel()
  }

  /// Starts the task that listens, looks and reconnects until ``stop()``.
  private func listen() {
    let task = Task { [self] in
      while !Task.isCancelled {
        do {
          let connection = try await store.connect()
          do {
            try await follow(on: connection)
          } catch {
            await connection.close()
            throw error
          }
          await connection.close()
        } catch {
          guard !Task.isCancelled else { break }
          let problem = Self.problem(of: error, store: store.name)
          shared.withLock { $0.problem = problem }
          try? await Task.sleep(for: Self.retryDelay)
        }
      }
    }
    shared.withLock { $0.task = task }
  }

  /// Listens on one connection until it fails: reads the session again after each
  /// notification and every ``checkInterval``, one look at a time.
  private func follow(on connection: StoreConnection) async throws {
    let channel = Self.channel(of: session)
    try await connection.connection.listen(on: channel) { notifications in
      // Listening before looking: a change made between the two is seen by the look.
      try await withDeadline(seconds: Self.lookDeadline) {
        try await self.catchUp(on: connection)
      }
      shared.withLock { $0.problem = nil }
      let (wakes, wake) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
      try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
          for try await _ in notifications { wake.yield() }
          throw StoreSetupError.unreachable(
            host: connection.address.host, port: connection.address.port,
            reason: "the server closed the connection")
        }
        group.addTask {
          while true {
            try await Task.sleep(for: Self.checkInterval)
            wake.yield()
          }
        }
        group.addTask {
          for await _ in wakes {
            try await withDeadline(seconds: Self.lookDeadline) {
              try await self.catchUp(on: connection)
            }
            self.shared.withLock { $0.problem = nil }
          }
        }
        do {
          try await group.next()
        } catch {
          // Closed first: a notification sequence ends when its connection does, so the
          // group can finish and the loop reconnect.
          group.cancelAll()
          await connection.close()
          throw error
        }
      }
    }
  }

  /// Copies what the server holds of the session and the mirror lacks, checked as an
  /// imported file is; a log the server rewrote (an erasure) replaces the mirror's. Notes
  /// whether a machine holds the session's lease, read with its length in one query.
  func catchUp(on connection: StoreConnection) async throws {
    let key = StreamKey(.session, session.rawValue)
    let rows = try await connection.rows(
      """
      SELECT s.last_seq, EXISTS (SELECT 1 FROM peerconsult.session_leases l
        WHERE l.session_id = s.id AND l.expires_at > now())
      FROM peerconsult.sessions s WHERE s.id = \(session.rawValue)
      """)
    var last: Int?
    var leased = false
    do {
      for try await (value, held) in rows.decode((Int, Bool).self) {
        (last, leased) = (value, held)
      }
    } catch {
      throw StoreConnection.describe(error, at: store.address, hadPassword: true)
    }
    shared.withLock { $0.isLeased = leased }
    guard let last else { throw StoreFollowError.gone(store: store.name) }
    guard (1...StoreSync.maximumEventsPerLog).contains(last) else {
      throw StoreSetupError.hostile("the session has \(last) events")
    }
    let here = try mirror.lastSequences(of: [key])[key] ?? 0
    if here == last { return }
    let sync = StoreSync(store: store, database: mirror, isLive: { _ in false })
    let fetched = try await sync.fetch([key], lengths: [key: last], on: connection)
    guard let copy = fetched[key] else { throw StoreFollowError.gone(store: store.name) }
    var batch = ImportBatch()
    try sync.add(copy, key: key, to: &batch)
    if try !write(batch) {
      // Rewritten on the server: the mirror is only a copy, so it takes the server's.
      try mirror.deleteSession(session)
      _ = try write(batch)
    }
  }

  /// Writes `batch` into the mirror; false when the mirror's copy diverged from it.
  private func write(_ batch: ImportBatch) throws -> Bool {
    do {
      _ = try SessionImport.write(batch, into: mirror)
      return true
    } catch {
      if case .diverged = error { return false }
      throw error
    }
  }

  /// The ids of the sessions this login may read that start with `prefix`, or the one
  /// changed last for `latest`; at most two.
  private static func sessions(matching prefix: String, on connection: StoreConnection)
    async throws -> [String]
  {
    let rows =
      prefix == "latest"
      ? try await connection.rows(
        "SELECT id FROM peerconsult.sessions ORDER BY updated_at DESC, id LIMIT 1")
      : try await connection.rows(
        """
        SELECT id FROM peerconsult.sessions
        WHERE starts_with(id, \(prefix)) ORDER BY id LIMIT 2
        """)
    var ids: [String] = []
    do {
      for try await (id, ) in rows.decode((String,).self) { ids.append(id) }
    } catch {
      throw StoreConnection.describe(error, at: connection.address, hadPassword: true)
    }
    return ids
  }

  /// Whether the server's schema has the notifying trigger (version 2) and the leases that
  /// say whether a session is run (version 3).
  private static func isFollowable(_ connection: StoreConnection) async throws -> Bool {
    let rows = try await connection.rows(
      """
      SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'session_events_notify_insert')
        AND to_regclass('peerconsult.session_leases') IS NOT NULL
      """)
    do {
      for try await (found, ) in rows.decode((Bool,).self) { return found }
    } catch {
      throw StoreConnection.describe(error, at: connection.address, hadPassword: true)
    }
    return false
  }

  /// What the display says while the server cannot be read: short, as it shares one line.
  static func problem(of error: any Error, store: String) -> String {
    let reason: String
    switch error {
    case let error as StoreFollowError: return error.description
    case StoreSetupError.unreachable(_, _, let why): reason = why
    case StoreSetupError.server(let message): reason = message
    case StoreSetupError.timedOut, is DeadlineExceeded: reason = "no answer"
    default: reason = "\(error)"
    }
    return "lost store \(store) (\(reason)); reconnecting…"
  }
}

/// Why `follow --store` cannot follow a session: one line each, saying what to do.
public enum StoreFollowError: Error, Hashable, Sendable, CustomStringConvertible {
  case badSession(String)
  case noSuchSession(String, store: String, user: String)
  case ambiguous(String, store: String)
  case gone(store: String)
  case serverTooOld(store: String)

  public var description: String {
    switch self {
    case .badSession(let text):
      "\"\(text)\" is not a session id: give its first hexadecimal digits, or `latest`."
    case .noSuchSession(let prefix, let store, let user):
      "Store \(store) has no session \(prefix) that \(user) may read: check the id "
        + "(`peerconsult list` on the facilitator's machine) and that its programme is "
        + "granted to \(user) and synced."
    case .ambiguous(let prefix, let store):
      "Several sessions in store \(store) start with \(prefix): give more of the id."
    case .gone(let store):
      "the session is no longer in store \(store)"
    case .serverTooOld(let store):
      "Store \(store) cannot announce changes yet, nor say who runs a session: its "
        + "administrator runs "
        + "`peerconsult store init \(store)` to upgrade it."
    }
  }
}
