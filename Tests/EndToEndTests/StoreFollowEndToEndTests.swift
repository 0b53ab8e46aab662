import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// The room display on another machine (`follow --store`): a facilitator's laptop syncs a
/// session to a real server, a second data folder follows it there in tmux, each change the
/// server receives reaches that screen, and a lost server shows as a line until it is back.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"),
  needsTmux)
struct StoreFollowEndToEndTests {
  static let session = SessionID(rawValue: "5f" + String(repeating: "0", count: 30))!

  /// Creates the followed session in `laptop`'s folder, ready and not started.
  private func createSession(in laptop: StoreEndToEndTests.Laptop) throws -> LiveSession {
    let database = try AppDatabase(directory: laptop.data)
    return try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: FollowEndToEndTests.consultingProtocol,
        participants: [
          Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
          Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
        ],
        rounds: [SessionRound(presenter: 0, focusQuestion: "How do we share ownership?")]),
      id: Self.session, store: database)
  }

  /// Gives the followed session a lease on `server` held by another machine, expiring
  /// `expiry` (an SQL interval, negative for one already expired) from now.
  private func lease(_ expiry: String, on server: StoreEndToEndTests.Server) throws {
    try server.cluster.superuser(
      """
      INSERT INTO peerconsult.session_leases (session_id, programme_id, holder_id, holder, expires_at)
        SELECT '\(Self.session.rawValue)', id, 'laptop-1', 'alice@laptop-1', now() + interval '\(expiry)'
        FROM peerconsult.programmes WHERE name = 'Alcohol Plan'
      ON CONFLICT (session_id) DO UPDATE SET expires_at = excluded.expires_at
      """, database: server.database)
  }

  /// A server, the facilitator's laptop (alice) and the room's machine (wall), both granted
  /// the programme, each with the store added as `office`.
  private func twoMachines() throws -> (
    StoreEndToEndTests.Server, StoreEndToEndTests.Laptop, StoreEndToEndTests.Laptop
  ) {
    let server = try StoreEndToEndTests.Server()
    let alice = try server.facilitator("alice", password: "a-pw", programmes: ["Alcohol Plan"])
    let wall = try server.facilitator("wall", password: "w-pw", programmes: ["Alcohol Plan"])
    return (
      server, try server.laptop(alice, password: "a-pw"), try server.laptop(wall, password: "w-pw")
    )
  }

  @Test func aDisplayOnAnotherMachineFollowsThroughTheStoreAndSaysWhenItLosesIt() throws {
    let (server, facilitator, room) = try twoMachines()
    let live = try createSession(in: facilitator)
    try facilitator.succeed(["store", "attach", "office", "Alcohol Plan"])
    try facilitator.succeed(["sync", "office"])

    // A server of schema version 1 (what every later migration made removed) cannot announce
    // changes: refused until `store init`.
    try server.cluster.superuser(
      "DELETE FROM peerconsult.store_schema WHERE version > 1; "
        + "DROP FUNCTION peerconsult.notify_session_events() CASCADE; "
        + "DROP TABLE peerconsult.session_leases;", database: server.database)
    let old = try room.run(["follow", "--store", "office", "latest"])
    #expect(old.status == 1 && old.stderr.contains("cannot announce changes yet"), "\(old.stderr)")
    let admin = try StoreEndToEndTests.Laptop()
    let upgraded = try admin.succeed([
      "store", "init", server.cluster.url(user: "postgres", database: server.database),
    ])
    #expect(upgraded.contains("(it had 1)"), "\(upgraded)")
    // The facilitator's machine runs it.
    try lease("1 hour", on: server)

    let display = try TmuxSession(
      ["follow", "--store", "office", String(Self.session.rawValue.prefix(6))],
      environment: ["PGPASSWORD": "w-pw"], dataDir: room.data)
    display.waitFor("Phase 1 of 4: Check-in")
    display.waitFor("READY")
    #expect(!display.capture().contains("NOT RUNNING"))

    // Each change the server receives reaches the other machine's screen.
    try live.start()
    try live.next()
    try facilitator.succeed(["sync", "office"])
    display.waitFor("Phase 2 of 4: Presenting · round 1 of 1")
    display.waitFor("Presenter: Zoë Müller · Focus: How do we share ownership?")

    // The server lost: the display keeps the last state and says so, then reconnects.
    try server.cluster.superuser(
      "ALTER DATABASE \(server.database) ALLOW_CONNECTIONS false; "
        + "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        + "WHERE datname = '\(server.database)';")
    display.waitFor("Showing the last state: lost store office")
    #expect(display.capture().contains("Phase 2 of 4: Presenting"))
    try live.next()
    try server.cluster.superuser("ALTER DATABASE \(server.database) ALLOW_CONNECTIONS true")
    try facilitator.succeed(["sync", "office"])
    display.waitFor("Phase 3 of 4: Powerful questions") { !$0.contains("lost store") }

    // A role that may not read the programme is told so in one line, before any screen.
    let stranger = try server.facilitator("stranger", password: "s-pw", programmes: ["Other"])
    let elsewhere = try server.laptop(stranger, password: "s-pw")
    let refused = try elsewhere.run([
      "follow", "--store", "office", String(Self.session.rawValue.prefix(6)),
    ])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("has no session 5f0000 that \(stranger) may read"))
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")

    // The mirror the display read is gone once it ends.
    try display.send("q")
    #expect(display.waitForExit() == 0)
    let mirrors = room.data.appendingPathComponent("mirrors")
    #expect(try FileManager.default.contentsOfDirectory(atPath: mirrors.path).isEmpty)
  }

  /// A session no machine holds a lease on (none taken, or one its holder stopped renewing)
  /// is not being run: the display says so, as a local one does of a session whose lock is
  /// free, and says when a machine runs it again; read at the display's looks at the server.
  @Test func theDisplaySaysNotRunningWhileNoMachineHoldsTheSessionsLease() throws {
    let (server, facilitator, room) = try twoMachines()
    _ = try createSession(in: facilitator)
    try facilitator.succeed(["store", "attach", "office", "Alcohol Plan"])
    try facilitator.succeed(["sync", "office"])
    let prefix = String(Self.session.rawValue.prefix(6))

    let display = try TmuxSession(
      ["follow", "--store", "office", prefix], environment: ["PGPASSWORD": "w-pw"],
      dataDir: room.data)
    display.waitFor("Phase 1 of 4: Check-in")
    display.waitFor("NOT RUNNING")
    try lease("1 hour", on: server)
    display.waitFor("READY without NOT RUNNING") {
      $0.contains("READY") && !$0.contains("NOT RUNNING")
    }
    // The holder stopped renewing: once expired, nobody runs it.
    try lease("-1 second", on: server)
    display.waitFor("NOT RUNNING")
    try display.send("q")
    #expect(display.waitForExit() == 0)

    let plain = try TmuxSession(
      ["follow", "--store", "office", prefix, "--plain"], environment: ["PGPASSWORD": "w-pw"],
      dataDir: room.data)
    plain.waitFor("The session is not running: waiting for the facilitator")
    try lease("1 hour", on: server)
    plain.waitFor("The facilitator is running the session again")
  }

  @Test func plainFollowingThroughTheStoreEndsWhenTheSessionIsFinished() throws {
    let server = try StoreEndToEndTests.Server()
    let alice = try server.facilitator("alice", password: "a-pw", programmes: ["Alcohol Plan"])
    let facilitator = try server.laptop(alice, password: "a-pw")
    let live = try createSession(in: facilitator)
    try live.start()
    try live.finish()
    try facilitator.succeed(["store", "attach", "office", "Alcohol Plan"])
    try facilitator.succeed(["sync", "office"])
    let followed = try facilitator.run(["follow", "--store", "office", "latest", "--plain"])
    #expect(followed.status == 0, "\(followed.stderr)")
    #expect(followed.stdout.contains("Night-time economy"), "\(followed.stdout)")
  }
}
