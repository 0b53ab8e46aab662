import Foundation
import TestSupport
import Testing

/// One writer per session across machines (`StoreLease`): two data folders ("two laptops")
/// sharing a programme through one server, each program in tmux. Skipped, saying why, where
/// PostgreSQL or tmux is missing.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"),
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed: the lease test runs programs in it")
)
struct StoreLeaseEndToEndTests {
  @Test func aSecondLaptopIsRefusedByNameUntilTheLeaseExpiresAndIsTakenOverExplicitly() throws {
    let server = try StoreEndToEndTests.Server()
    let alice = try server.facilitator("alice", password: "pw", programmes: ["Alcohol Plan"])
    let first = try server.laptop(alice, password: "pw")
    let second = try server.laptop(alice, password: "pw")
    try first.importSessions(1, programme: "Alcohol Plan", prefix: "eeee")
    for laptop in [first, second] {
      try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    }
    try first.succeed(["sync"])
    try second.succeed(["sync"])
    let session = try #require(try first.sessions().first)
    let short = String(session.prefix(8))
    // A short lease, so that its expiry is seen within the test (60 s by default).
    let environment = ["PGPASSWORD": "pw", "PEERCONSULT_LEASE_SECONDS": "3"]
    let lease = { (column: String) in
      try server.cluster.superuser(
        "SELECT \(column) FROM peerconsult.session_leases WHERE session_id = '\(session)'",
        database: server.database)
    }

    // The first laptop runs the session: it holds the lease.
    let running = try TmuxSession(
      ["resume", short, "--reopen"], environment: environment, dataDir: first.data)
    running.waitFor("Alcohol Plan 0")
    #expect(waitUntil { (try? lease("holder")) != "" }, "no lease was taken")
    let firstHolder = try lease("holder_id")
    let holder = try lease("holder")

    // The second is refused with one line that names the holder and since when.
    let refused = try TmuxSession(
      ["resume", short], environment: environment, dataDir: second.data)
    #expect(refused.waitForExit() == 1)
    let line = refused.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
    #expect(!line.contains("\n"), "\(line)")
    #expect(line.contains("Session \(short) is held by \(holder) since 20"), "\(line)")
    #expect(line.contains("--take-over"), "\(line)")

    // The holder crashes: its lease stays until it expires, and even then only an explicit
    // take-over replaces it.
    let pid = try #require(try running.programPID())
    kill(pid, SIGKILL)
    let crashed = Date()
    #expect(waitUntil(seconds: 20) { (try? lease("expires_at < now()")) == "t" })
    let expiry = Date().timeIntervalSince(crashed)
    #expect(expiry <= 3 + 2, "the lease outlived its length: \(expiry) s")
    let expired = try TmuxSession(
      ["resume", short], environment: environment, dataDir: second.data)
    #expect(expired.waitForExit() == 1)
    #expect(expired.stderr.contains("its lease expired"), "\(expired.stderr)")
    #expect(try lease("holder_id") == firstHolder)

    let takenOver = try TmuxSession(
      ["resume", short, "--reopen", "--take-over"], environment: environment,
      dataDir: second.data)
    takenOver.waitFor("Alcohol Plan 0")
    #expect(
      waitUntil { (try? lease("holder_id")).map { !$0.isEmpty && $0 != firstHolder } ?? false })
    // Now the first laptop is the one refused.
    let back = try TmuxSession(["resume", short], environment: environment, dataDir: first.data)
    #expect(back.waitForExit() == 1)
    #expect(back.stderr.contains("is held by"), "\(back.stderr)")
  }

  /// A network that drops the connection's packets (a captive portal, a firewall) holds
  /// `resume` for the claim's bound (3 s) only, not for the address's connect_timeout, which
  /// PostgresNIO's connect does not give up before: the session then runs offline.
  @Test func aServerThatNeverAnswersHoldsAResumeOnlyForTheClaimsBound() throws {
    let server = try StoreEndToEndTests.Server()
    let alice = try server.facilitator("alice", password: "pw", programmes: ["Alcohol Plan"])
    let laptop = try server.laptop(alice, password: "pw")
    try laptop.importSessions(1, programme: "Alcohol Plan", prefix: "ffff")
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    try laptop.succeed(["sync"])
    let short = String(try #require(try laptop.sessions().first).prefix(8))
    // The store moved to an address that drops connections, where PostgresNIO would try to
    // connect for 60 s.
    let silent = try SilentListener()
    defer { silent.close() }
    try laptop.succeed([
      "store", "add", "office",
      "postgres://alice@127.0.0.1:\(silent.port)/\(server.database)?sslmode=disable&connect_timeout=60",
    ])
    let started = Date()
    let running = try TmuxSession(
      ["resume", short, "--reopen"], environment: ["PGPASSWORD": "pw"], dataDir: laptop.data)
    running.waitFor("Alcohol Plan 0", timeout: 30)
    let waited = Date().timeIntervalSince(started)
    #expect(waited < 15, "resume waited \(waited) s for a server that never answers")
  }

  /// A TCP port on 127.0.0.1 that drops the packets of every new connection, as a firewall
  /// does: its accept queue is kept full by connections of its own, and Linux drops a SYN
  /// that finds the queue full, so the connect waits, resending.
  private struct SilentListener {
    let descriptor: Int32
    let port: UInt16
    private var fillers: [Int32] = []

    init() throws {
      let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
      var address = sockaddr_in()
      address.sin_family = sa_family_t(AF_INET)
      address.sin_addr.s_addr = inet_addr("127.0.0.1")
      var length = socklen_t(MemoryLayout<sockaddr_in>.size)
      let bound = withUnsafeMutablePointer(to: &address) { pointer in
        pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
          bind(listening, socketAddress, length) == 0 && listen(listening, 0) == 0
            && getsockname(listening, socketAddress, &length) == 0
        }
      }
      try #require(listening >= 0 && bound, "no listening socket: errno \(errno)")
      descriptor = listening
      port = UInt16(bigEndian: address.sin_port)
      // Never accepted: they fill the queue (one for a backlog of 0, and one more to be sure).
      for _ in 0..<2 {
        let filler = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
        _ = withUnsafePointer(to: &address) { pointer in
          pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
            connect(filler, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
          }
        }
        fillers.append(filler)
      }
    }

    func close() {
      for filler in fillers { _ = Glibc.close(filler) }
      _ = Glibc.close(descriptor)
    }
  }

  /// Polls `condition` every 50 ms; false after `seconds`.
  private func waitUntil(seconds: Double = 15, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(50_000)
    }
    return false
  }
}
