import Foundation
import TestSupport
import Testing

/// Later writes to a session of a shared programme from the command line (`delete`,
/// `erase-person`, `--replace`/`--keep` of an anonymised export) take the session's lease on
/// the store for that write, against a real server: refused in one line naming who holds it
/// and since when while another machine does, let go of right after otherwise, and written
/// anyway when the store cannot be reached, as a review edit is.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"))
struct StoreLeaseWritesEndToEndTests {
  @Test func laterWritesFromTheCommandLineAreRefusedWhileAnotherMachineHoldsTheSession() throws {
    let server = try StoreEndToEndTests.Server()
    let alice = try server.facilitator("alice", password: "pw", programmes: ["Alcohol Plan"])
    let laptop = try server.laptop(alice, password: "pw")
    try laptop.importSessions(2, programme: "Alcohol Plan", prefix: "eeee")
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    try laptop.succeed(["sync"])
    let sessions = try laptop.sessions()
    try #require(sessions.count == 2)
    let held = sessions[0]
    let short = String(held.prefix(8))
    // Another laptop runs the first session.
    try server.cluster.superuser(
      """
      INSERT INTO peerconsult.session_leases (session_id, programme_id, holder_id, holder, expires_at)
        SELECT '\(held)', id, 'laptop-2', 'dan@laptop-2', now() + interval '1 hour'
        FROM peerconsult.programmes WHERE name = 'Alcohol Plan'
      """, database: server.database)

    func refused(_ arguments: [String]) throws {
      let result = try laptop.run(arguments)
      let line = result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      #expect(result.status == 1, "\(arguments): \(result.stdout)")
      #expect(!line.contains("\n"), "\(line)")
      #expect(line.contains("Session \(short) is held by dan@laptop-2 since 20"), "\(line)")
    }
    try refused(["delete", held, "--yes"])
    // Ben Okafor took part in both sessions: neither is erased.
    try refused(["erase-person", "Ben Okafor", "--yes"])
    try refused([
      "export", held, "--format", "markdown", "--anonymise", "--replace", "Leeds",
    ])
    let unchanged = try laptop.succeed(["export", held, "--format", "json"])
    #expect(unchanged.contains("Ben Okafor") && !unchanged.contains("shareChoice"))
    #expect(try laptop.sessions() == sessions)
    #expect(try server.count("session_leases", "holder = 'dan@laptop-2'") == 1)

    // The other session is free: its choice is written, and its lease taken for that write
    // is let go of right after.
    try laptop.succeed([
      "export", sessions[1], "--format", "markdown", "--anonymise", "--replace", "Leeds",
    ])
    #expect(
      try laptop.succeed(["export", sessions[1], "--format", "json"]).contains("shareChoice"))
    #expect(try server.count("session_leases") == 1)

    // Once dan's machine lets go, the deletion goes through and leaves no lease behind.
    try server.cluster.superuser(
      "DELETE FROM peerconsult.session_leases", database: server.database)
    try laptop.succeed(["delete", held, "--yes"])
    #expect(try laptop.sessions() == [sessions[1]])
    #expect(try server.count("session_leases") == 0)

    // Offline (the store moved to a port where nothing listens), the erasure is written here;
    // the next sync carries it.
    try laptop.succeed([
      "store", "add", "office",
      "postgres://\(alice)@127.0.0.1:1/\(server.database)?sslmode=disable",
    ])
    let erased = try laptop.succeed(["erase-person", "Ben Okafor", "--yes"])
    #expect(erased.contains("Erased Ben Okafor from 1 session"), "\(erased)")
  }
}
