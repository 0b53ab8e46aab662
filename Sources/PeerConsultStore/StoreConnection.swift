import Foundation
import Logging
import NIOCore
import NIOPosix
import NIOSSL
import PostgresNIO
import Synchronization

/// One connection to a shared store's server, opened with the address's TLS mode and the
/// password that libpq's places give, whose failures are ``StoreSetupError``s of one line.
struct StoreConnection: Sendable {
  let address: StoreAddress
  let connection: PostgresConnection
  let logger: Logger

  /// Connects and logs in, within the address's connect timeout.
  static func open(_ address: StoreAddress, password: String?) async throws(StoreSetupError)
    -> StoreConnection
  {
    var logger = Logger(label: "peerconsult.store")
    logger.logLevel = .critical
    var configuration = PostgresConnection.Configuration(
      host: address.host, port: address.port, username: address.user, password: password,
      database: address.database, tls: try tls(for: address))
    configuration.options.connectTimeout = .seconds(Int64(address.connectTimeout))
    let settings = configuration
    let quiet = logger
    // The connection is handed over rather than returned: when the deadline passes or the
    // task is cancelled (a display that ends), a connect PostgresNIO finishes anyway must
    // still be closed, not dropped (its deinit asserts that it was closed).
    let handoff = Mutex<(connection: PostgresConnection?, abandoned: Bool)>((nil, false))
    do {
      try await withDeadline(seconds: address.connectTimeout + 2) {
        let connection = try await PostgresConnection.connect(
          configuration: settings, id: 1, logger: quiet)
        let kept = handoff.withLock { held in
          if !held.abandoned { held.connection = connection }
          return !held.abandoned
        }
        if !kept { try? await connection.close() }
      }
    } catch {
      let late = handoff.withLock { held in
        held.abandoned = true
        return held.connection.take()
      }
      try? await late?.close()
      if error is DeadlineExceeded {
        throw .timedOut(host: address.host, port: address.port, seconds: address.connectTimeout)
      }
      throw describe(error, at: address, hadPassword: password != nil)
    }
    guard let connection = handoff.withLock({ $0.connection.take() }) else {
      throw .unreachable(host: address.host, port: address.port, reason: "no connection was made")
    }
    return StoreConnection(address: address, connection: connection, logger: logger)
  }

  /// The TLS of `address`'s `sslmode`; `PGSSLROOTCERT` names the authorities that verify-full
  /// trusts instead of the system's, as for libpq.
  private static func tls(for address: StoreAddress) throws(StoreSetupError)
    -> PostgresConnection.Configuration.TLS
  {
    var configuration = TLSConfiguration.makeClientConfiguration()
    switch address.tlsMode {
    case .disable: return .disable
    case .prefer, .require: configuration.certificateVerification = .none
    case .verifyFull:
      configuration.certificateVerification = .fullVerification
      if let roots = ProcessInfo.processInfo.environment["PGSSLROOTCERT"], !roots.isEmpty {
        configuration.trustRoots = .file(roots)
      }
    }
    do {
      let context = try NIOSSLContext(configuration: configuration)
      return address.tlsMode == .prefer ? .prefer(context) : .require(context)
    } catch {
      throw .tls(host: address.host, reason: "\(error)")
    }
  }

  /// Runs `query` and returns its rows.
  func rows(_ query: PostgresQuery) async throws(StoreSetupError) -> PostgresRowSequence {
    do {
      return try await connection.query(query, logger: logger)
    } catch {
      throw Self.describe(error, at: address, hadPassword: true)
    }
  }

  /// Runs `query`, ignoring any rows.
  func run(_ query: PostgresQuery) async throws(StoreSetupError) {
    do {
      _ = try await connection.query(query, logger: logger).collect()
    } catch {
      throw Self.describe(error, at: address, hadPassword: true)
    }
  }

  /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
  func transaction<T: Sendable>(_ body: () async throws(StoreSetupError) -> T)
    async throws(StoreSetupError) -> T
  {
    try await run("BEGIN")
    do {
      let value = try await body()
      try await run("COMMIT")
      return value
    } catch {
      try? await run("ROLLBACK")
      throw error
    }
  }

  func close() async {
    try? await connection.close()
  }

  /// What went wrong, in one line, from PostgresNIO's or NIO's error (whose own descriptions
  /// are either generic or a trace).
  static func describe(_ error: any Error, at address: StoreAddress, hadPassword: Bool)
    -> StoreSetupError
  {
    if let error = error as? StoreSetupError { return error }
    if let error = error as? PSQLError {
      if error.code == .server, let info = error.serverInfo {
        let state = info[.sqlState] ?? ""
        let message = info[.message] ?? "an error"
        switch state {
        case "28P01", "28000":
          return .loginRefused(user: address.user, host: address.host, hadPassword: hadPassword)
        case "23505", "40001":
          return .changedDuringSync(store: address.host)
        default:
          return .server(oneLine(message))
        }
      }
      switch error.code {
      case .authMechanismRequiresPassword:
        return .noPassword(user: address.user, host: address.host)
      case .sslUnsupported:
        return .tls(host: address.host, reason: "the server does not offer TLS")
      case .connectionError:
        if let underlying = error.underlying { return fromNIO(underlying, at: address) }
        return .unreachable(host: address.host, port: address.port, reason: "the connection failed")
      case .serverClosedConnection, .uncleanShutdown:
        return .unreachable(
          host: address.host, port: address.port, reason: "the server closed the connection")
      default:
        if let underlying = error.underlying { return fromNIO(underlying, at: address) }
        return .server("the exchange failed (\(error.code))")
      }
    }
    return fromNIO(error, at: address)
  }

  /// A NIO failure (refused, unresolved, TLS) in a few words.
  private static func fromNIO(_ error: any Error, at address: StoreAddress) -> StoreSetupError {
    if let error = error as? NIOSSLError {
      return .tls(host: address.host, reason: oneLine("\(error)"))
    }
    if let error = error as? BoringSSLError {
      return .tls(host: address.host, reason: oneLine("\(error)"))
    }
    if let error = error as? ChannelError, case .connectTimeout = error {
      return .timedOut(host: address.host, port: address.port, seconds: address.connectTimeout)
    }
    if let error = error as? NIOConnectionError {
      if let resolution = error.dnsAAAAError ?? error.dnsAError, error.connectionErrors.isEmpty {
        return .unreachable(
          host: error.host, port: error.port,
          reason: "the name does not resolve: \(oneLine("\(resolution)"))")
      }
      let reasons = error.connectionErrors.map { attempt in
        if let io = attempt.error as? IOError { return String(cString: strerror(io.errnoCode)) }
        return oneLine("\(attempt.error)")
      }
      return .unreachable(
        host: error.host, port: error.port,
        reason: reasons.first.map { $0.prefix(1).lowercased() + $0.dropFirst() }
          ?? "no address for the name")
    }
    if let error = error as? IOError {
      return .unreachable(
        host: address.host, port: address.port, reason: String(cString: strerror(error.errnoCode)))
    }
    return .server(oneLine(String(describing: type(of: error))))
  }
}

/// `text` on one line, at most 300 characters: a server's message is shown, never obeyed.
func oneLine(_ text: String) -> String {
  let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
  return line.count > 300 ? String(line.prefix(300)) + "…" : line
}

/// Thrown by ``withDeadline(seconds:_:)`` when the work took longer.
struct DeadlineExceeded: Error {}

/// Runs `work`, or throws ``DeadlineExceeded`` after `seconds`: a server that accepts the
/// connection and then says nothing cannot hold the command forever.
func withDeadline<T: Sendable>(
  seconds: Int, _ work: @escaping @Sendable () async throws -> T
) async throws -> T {
  try await withThrowingTaskGroup(of: T.self) { group in
    group.addTask { try await work() }
    group.addTask {
      try await Task.sleep(for: .seconds(seconds))
      throw DeadlineExceeded()
    }
    defer { group.cancelAll() }
    guard let first = try await group.next() else { throw DeadlineExceeded() }
    return first
  }
}

/// Runs `body` to its end on Swift's concurrency pool while the calling thread waits: the
/// command line's commands are synchronous, PostgresNIO is not.
public func waitFor<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
  // Without a limit the wait ends only with `body`, so the outcome is there.
  try waitFor(atMost: nil, body)!
}

/// Runs `body` on Swift's concurrency pool while the calling thread waits at most `seconds`
/// (nil: until it ends): nil when it took longer. `body` then goes on in the background and
/// its outcome is dropped. Unlike a deadline inside the task (``withDeadline(seconds:_:)``),
/// which waits for its work to notice the cancellation, this returns on time even while
/// PostgresNIO is still inside a connect it does not cancel (its own `connect_timeout`).
func waitFor<T: Sendable>(
  atMost seconds: Double?, _ body: @escaping @Sendable () async throws -> T
) throws -> T? {
  let done = DispatchSemaphore(value: 0)
  let outcome = Mutex<Result<T, any Error>?>(nil)
  Task {
    let result: Result<T, any Error>
    do { result = .success(try await body()) } catch { result = .failure(error) }
    outcome.withLock { $0 = result }
    done.signal()
  }
  if let seconds {
    guard done.wait(timeout: .now() + seconds) == .success else { return nil }
  } else {
    done.wait()
  }
  return try outcome.withLock { $0! }.get()
}
