import Foundation
import Synchronization

/// A throwaway PostgreSQL cluster for the shared-store tests: `initdb` into a temporary
/// folder, the server on 127.0.0.1 at a free port with its socket in that folder, stopped
/// (`pg_ctl -m immediate`) and removed when the test process ends. When the tests run as root
/// (CI does), every server program runs as the `postgres` user, as the server refuses root.
///
/// The superuser `postgres` logs in without a password (trust); every other role must give
/// its password (scram-sha-256), so the tests see real password checks.
public final class PostgresCluster: Sendable {
  public let folder: URL
  public let port: Int
  /// Where `psql`, `initdb` and `pg_ctl` are.
  public let binaries: URL
  /// A certificate authority's file that verifies the server's certificate (for verify-full).
  public let rootCertificate: URL

  /// The one cluster of this test process, started on first use; or why there is none.
  public static func shared() throws -> PostgresCluster {
    try sharedCluster.withLock { state in
      if let cluster = state.cluster { return cluster }
      if let reason = state.failure { throw ClusterUnavailable(reason) }
      do {
        let cluster = try PostgresCluster()
        state.cluster = cluster
        atexit { PostgresCluster.stopShared() }
        return cluster
      } catch {
        state.failure = "\(error)"
        throw error
      }
    }
  }

  /// A cluster of the caller's own, which it may stop and start again (the shared one must keep
  /// running for the other tests); the caller ends it with ``stop()``.
  public static func dedicated() throws -> PostgresCluster {
    try PostgresCluster()
  }

  /// Why no cluster could be started: PostgreSQL is not installed, or it failed.
  public struct ClusterUnavailable: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
  }

  /// The folder of PostgreSQL's server programs (Debian's `/usr/lib/postgresql/N/bin`, the
  /// newest), or nil when PostgreSQL is not installed.
  public static var installedBinaries: URL? {
    let root = URL(fileURLWithPath: "/usr/lib/postgresql")
    let versions =
      (try? FileManager.default.contentsOfDirectory(atPath: root.path))?
      .compactMap(Int.init).sorted() ?? []
    for version in versions.reversed() {
      let bin = root.appendingPathComponent("\(version)/bin")
      if FileManager.default.isExecutableFile(atPath: bin.appendingPathComponent("initdb").path) {
        return bin
      }
    }
    return nil
  }

  private init() throws {
    guard let binaries = Self.installedBinaries else {
      throw ClusterUnavailable(
        "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
          + "apt-get install postgresql")
    }
    self.binaries = binaries
    folder = URL(fileURLWithPath: "/tmp/peerconsult-pg-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    port = try Self.freePort()
    rootCertificate = folder.appendingPathComponent("root.crt")
    let asRoot = geteuid() == 0
    if asRoot { try Self.run(["/bin/chown", "postgres:postgres", folder.path]) }
    let data = folder.appendingPathComponent("data").path
    try runServerProgram(
      "initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"])
    // Trust for the superuser only; every role the tests create logs in with its password.
    let hba = """
      local all postgres trust
      host all postgres 127.0.0.1/32 trust
      host all all 127.0.0.1/32 scram-sha-256
      """
    try hba.write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
    try makeCertificate(in: data)
    if asRoot { try Self.run(["/bin/chown", "-R", "postgres:postgres", folder.path]) }
    try startServer()
  }

  /// Starts the server (again), on the same port.
  public func startServer() throws {
    try runServerProgram(
      "pg_ctl",
      [
        "-D", folder.appendingPathComponent("data").path, "-l",
        folder.appendingPathComponent("server.log").path, "-w", "-o",
        "-c listen_addresses=127.0.0.1 -c port=\(port) -c unix_socket_directories=\(folder.path) "
          + "-c fsync=off -c ssl=on -c ssl_cert_file=server.crt -c ssl_key_file=server.key",
        "start",
      ])
  }

  /// Stops the server, keeping its data, as an outage would: connections are cut.
  public func stopServer() throws {
    try runServerProgram(
      "pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "fast", "-w", "stop"])
  }

  /// A self-signed authority and a server certificate for `localhost` signed by it.
  private func makeCertificate(in data: String) throws {
    let root = rootCertificate.path
    let rootKey = folder.appendingPathComponent("root.key").path
    try Self.run([
      "/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
      "-subj", "/CN=PeerConsult test authority", "-keyout", rootKey, "-out", root,
    ])
    try Self.run([
      "/usr/bin/openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
      "-keyout", data + "/server.key", "-out", data + "/server.csr",
    ])
    let extensions = folder.appendingPathComponent("san.cnf").path
    try "subjectAltName=DNS:localhost\n".write(
      toFile: extensions, atomically: false, encoding: .utf8)
    try Self.run([
      "/usr/bin/openssl", "x509", "-req", "-in", data + "/server.csr", "-CA", root, "-CAkey",
      rootKey, "-CAcreateserial", "-days", "2", "-extfile", extensions, "-out",
      data + "/server.crt",
    ])
    chmod(data + "/server.key", 0o600)
  }

  /// Runs `psql` as the superuser on `database`, giving the output (`-At`: unaligned rows).
  @discardableResult
  public func superuser(_ sql: String, database: String = "postgres") throws -> String {
    try psql(sql, user: "postgres", password: nil, database: database)
  }

  /// Runs `psql` as `user` over TCP with `password`; throws with its error output on failure.
  @discardableResult
  public func psql(_ sql: String, user: String, password: String?, database: String) throws
    -> String
  {
    let environment = password.map { ["PGPASSWORD": $0] } ?? [:]
    return try Self.run(
      [
        binaries.appendingPathComponent("psql").path, "-X", "-At", "-v", "ON_ERROR_STOP=1",
        "-h", "127.0.0.1", "-p", "\(port)", "-U", user, "-d", database, "-c", sql,
      ], environment: environment)
  }

  /// A new empty database, for one test.
  public func createDatabase() throws -> String {
    let name =
      "t"
      + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12)
      .lowercased()
    try superuser("CREATE DATABASE \(name)")
    return name
  }

  /// The address of `database` for `user`, in the form `store add` takes.
  public func url(user: String, database: String, sslmode: String = "disable") -> String {
    "postgres://\(user)@127.0.0.1:\(port)/\(database)?sslmode=\(sslmode)"
  }

  /// Stops the server at once and removes its folder.
  public func stop() {
    try? runServerProgram(
      "pg_ctl", ["-D", folder.appendingPathComponent("data").path, "-m", "immediate", "stop"])
    try? FileManager.default.removeItem(at: folder)
  }

  static func stopShared() {
    sharedCluster.withLock { $0.cluster?.stop() }
  }

  /// Runs one of the server's programs, as `postgres` when this process is root.
  private func runServerProgram(_ name: String, _ arguments: [String]) throws {
    let program = binaries.appendingPathComponent(name).path
    if geteuid() == 0 {
      try Self.run(["/usr/sbin/runuser", "-u", "postgres", "--", program] + arguments)
    } else {
      try Self.run([program] + arguments)
    }
  }

  /// A TCP port nobody listens on now.
  private static func freePort() throws -> Int {
    let socket = Foundation.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(socket) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
      }
    }
    guard bound else { throw ClusterUnavailable("no free port on 127.0.0.1") }
    return Int(UInt16(bigEndian: address.sin_port))
  }

  /// Runs a program to its end; throws with its error output when it fails. Spawned and
  /// waited for with `waitpid`: the server that `pg_ctl start` leaves running inherits the
  /// descriptors Foundation's `Process` watches, which would then wait forever.
  @discardableResult
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> String {
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("peerconsult-run-\(UUID().uuidString)")
    let outFile = scratch.appendingPathExtension("out").path
    let errFile = scratch.appendingPathExtension("err").path
    defer {
      unlink(outFile)
      unlink(errFile)
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, errFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let variables = ProcessInfo.processInfo.environment.merging(environment) { $1 }
      .map { "\($0.key)=\($0.value)" }
    let cArguments: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = variables.map { strdup($0) } + [nil]
    defer { for pointer in cArguments + cEnvironment { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, arguments[0], &actions, nil, cArguments, cEnvironment)
    guard spawned == 0 else {
      throw ClusterUnavailable("cannot start \(arguments[0]): error \(spawned)")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let out = (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
    let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
    guard status == 0 else {
      throw ClusterUnavailable(
        "\(URL(fileURLWithPath: arguments[0]).lastPathComponent) failed: \(err)")
    }
    return out.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// The process's one cluster, or why it could not start.
private let sharedCluster = Mutex<(cluster: PostgresCluster?, failure: String?)>((nil, nil))
