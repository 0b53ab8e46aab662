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
