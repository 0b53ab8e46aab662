import Foundation
import GRDB
import PeerConsultKit
import TestSupport
import Testing

/// The shared store against a real PostgreSQL server: a throwaway cluster (`PostgresCluster`)
/// that every test of this suite shares, each test in a database of its own, with roles that
/// log in with passwords. Skipped, saying why, where PostgreSQL is not installed.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"))
struct StoreEndToEndTests {
  /// One computer: a data folder and a home with its own password settings.
  final class Laptop {
    let folder: TemporaryFolder
    var data: URL { folder.path("data") }
    let environment: [String]

    init(password: String? = nil) throws {
      folder = try TemporaryFolder(prefix: "peerconsult-store")
      environment = password.map { ["PGPASSWORD=\($0)"] } ?? []
    }

    /// Runs `peerconsult arguments` on this laptop's data folder.
    func run(_ arguments: [String], environment extra: [String] = []) throws -> SpawnedCommand {
      try SpawnedCommand(
        arguments + ["--data-dir", data.path], in: folder.url,
        environment: environment + extra)
    }

    /// Runs and expects success, returning standard output.
    @discardableResult
    func succeed(_ arguments: [String], sourceLocation: SourceLocation = #_sourceLocation) throws
      -> String
    {
      let result = try run(arguments)
      #expect(result.status == 0, "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
      return result.stdout
    }

    /// The session ids the folder lists (via the database, read-only).
    func sessions() throws -> [String] {
      let queue = try DatabaseQueue(path: data.appendingPathComponent("peerconsult.sqlite").path)
      return try queue.read { try String.fetchAll($0, sql: "SELECT id FROM sessions ORDER BY id") }
    }

    /// Imports `count` copies of the golden session in `programme`, with ids from `prefix`.
    func importSessions(_ count: Int, programme: String, prefix: String) throws {
      let golden = try Data(contentsOf: CommandLineTests.sessionsExport)
      var file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
      let template = try #require((file["sessions"] as? [[String: Any]])?.first)
      var sessions: [[String: Any]] = []
      for number in 0..<count {
        var session = template
        var events = try #require(session["events"] as? [[String: Any]])
        var setup = try #require(events[0]["setup"] as? [String: Any])
        setup["programme"] = programme
        setup["title"] = "\(programme) \(number)"
        setup.removeValue(forKey: "group")
        events[0]["setup"] = setup
        session["events"] = events
        let digits = String(format: "%08x", number)
        session["id"] = (prefix + String(repeating: "0", count: 32)).prefix(24) + digits
        sessions.append(session)
      }
      file["sessions"] = sessions
      file["groups"] = nil
      let path = folder.path("import-\(prefix).json")
      try JSONSerialization.data(withJSONObject: file).write(to: path)
      try succeed(["import", path.path])
    }
  }

  /// A fresh database in the shared cluster with the store's schema, and its address.
  struct Server {
    let cluster: PostgresCluster
    let database: String
    static let initialising = NSLock()

    /// In `cluster`, or the test process's shared one.
    init(cluster given: PostgresCluster? = nil) throws {
      cluster = try given ?? PostgresCluster.shared()
      database = try cluster.createDatabase()
      let admin = try Laptop()
      // One at a time: the roles `store init` creates belong to the whole cluster, and the
      // suites that use a server run side by side.
      Self.initialising.lock()
      defer { Self.initialising.unlock() }
      let output = try admin.succeed([
        "store", "init", cluster.url(user: "postgres", database: database),
      ])
      #expect(output.contains("schema version "), "\(output)")
      #expect(output.contains("GRANT peerconsult_facilitator TO alice;"), "\(output)")
    }

    /// A facilitator login (named after the database, as roles are cluster-wide) granted
    /// `programmes`, each created if need be.
    func facilitator(_ name: String, password: String, programmes: [String]) throws -> String {
      let login = "\(name)_\(database)"
      try cluster.superuser(
        "CREATE ROLE \(login) LOGIN PASSWORD '\(password)'; "
          + "GRANT peerconsult_facilitator TO \(login);", database: database)
      for programme in programmes {
        try cluster.superuser(
          """
          INSERT INTO peerconsult.programmes (name) VALUES ('\(programme)') ON CONFLICT DO NOTHING;
          INSERT INTO peerconsult.grants (login, programme_id)
            SELECT '\(login)', id FROM peerconsult.programmes WHERE name = '\(programme)';
          """, database: database)
      }
      return login
    }

    /// A laptop of `login` with the store added as `office`.
    func laptop(_ login: String, password: String) throws -> Laptop {
      let laptop = try Laptop(password: password)
      try laptop.succeed(["store", "add", "office", cluster.url(user: login, database: database)])
      return laptop
    }

    /// Counts rows on the server, as the superuser.
    func count(_ table: String, _ condition: String = "true") throws -> Int {
      Int(
        try cluster.superuser(
          "SELECT count(*) FROM peerconsult.\(table) WHERE \(condition)", database: database)) ?? -1
    }
  }

  @Test func twoLaptopsAndALeadSyncThroughOneServerAndASecondSyncSendsNothing() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "a-secret", programmes: ["Alcohol Plan"])
    let dan = try server.facilitator("dan", password: "d-secret", programmes: ["Alcohol Plan"])
    let lead = try server.facilitator("lead", password: "l-secret", programmes: ["Alcohol Plan"])
    let first = try server.laptop(alice, password: "a-secret")
    let second = try server.laptop(dan, password: "d-secret")
    let leadLaptop = try server.laptop(lead, password: "l-secret")
    try first.importSessions(3, programme: "Alcohol Plan", prefix: "aaaa")
    try first.importSessions(2, programme: "Private Matters", prefix: "cccc")
    try second.importSessions(2, programme: "Alcohol Plan", prefix: "bbbb")

    // Nothing leaves a laptop before its programme is attached.
    let unattached = try first.run(["sync", "office"])
    #expect(unattached.status == 1 && unattached.stderr.contains("No programme is shared"))
    #expect(try server.count("session_events") == 0)

    try first.succeed(["store", "attach", "office", "alcohol plan"])
    try second.succeed(["store", "attach", "office", "Alcohol Plan"])
    try leadLaptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    let sent = try first.succeed(["sync"])
    #expect(sent.contains("sent 105 events of 3 logs"), "\(sent)")
    try second.succeed(["sync", "office"])
    #expect(try server.count("sessions") == 5)
    #expect(try server.count("session_events") == 5 * 35)

    let pulled = try leadLaptop.succeed(["sync", "office"])
    #expect(pulled.contains("took 175 events of 5 logs"), "\(pulled)")
    #expect(try leadLaptop.sessions().count == 5)
    // The private programme stayed on the first laptop.
    #expect(try server.count("sessions", "id LIKE 'cccc%'") == 0)
    // Pulled sessions read like local ones, marked with their origin.
    let listed = try leadLaptop.succeed(["list"])
    let pulledRow = try #require(listed.split(separator: "\n").first { $0.contains("Plan 1 ") })
    #expect(pulledRow.contains("finished, from office"), "\(listed)")
    let found = try leadLaptop.succeed(["search", "backlog"])
    let hits = found.split(separator: "\n").filter { $0.contains("Alcohol Plan ") }
    #expect(hits.count >= 5 && hits.allSatisfy { $0.hasSuffix(" · from office") }, "\(found)")
    let actions = try leadLaptop.succeed(["actions"])
    let headings = actions.split(separator: "\n").filter { $0.contains("  (Alcohol Plan · ") }
    #expect(headings.count == 5 && headings.allSatisfy { $0.hasSuffix(" · from office)") })
    let harvest = try leadLaptop.succeed([
      "harvest", "--programme", "Alcohol Plan", "--format", "json",
    ])
    #expect(harvest.components(separatedBy: "\"origin\" : \"office\"").count == 6)
    // The laptop that wrote a session does not mark it.
    #expect(try !first.succeed(["search", "backlog"]).contains("from office"))
    try first.succeed(["sync"])
    #expect(try first.sessions().count == 7)

    // A second sync transfers nothing.
    let again = try leadLaptop.succeed(["sync", "office"])
    #expect(again.contains("already agree"), "\(again)")
    let status = try first.succeed(["store", "status", "office"])
    #expect(status.contains("Waiting to be sent: 0 events"), "\(status)")
    #expect(status.contains("From the store: 2 sessions"), "\(status)")

    // A deletion on one laptop is carried to the server and then to the others.
    let victim = try #require(try first.sessions().first { $0.hasPrefix("bbbb") })
    try first.succeed(["delete", victim, "--yes"])
    let deleted = try first.succeed(["sync"])
    #expect(deleted.contains("removed 1 deleted session from the store"), "\(deleted)")
    #expect(try server.count("sessions", "id = '\(victim)'") == 0)
    #expect(try server.count("session_events", "session_id = '\(victim)'") == 0)
    try leadLaptop.succeed(["sync"])
    #expect(try !leadLaptop.sessions().contains(victim))
  }

  @Test func anErasureIsCarriedToTheServerAndADivergedSessionIsRefused() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "pw1", programmes: ["Alcohol Plan"])
    let lead = try server.facilitator("lead", password: "pw2", programmes: ["Alcohol Plan"])
    let first = try server.laptop(alice, password: "pw1")
    let other = try server.laptop(lead, password: "pw2")
    try first.importSessions(1, programme: "Alcohol Plan", prefix: "aaaa")
    for laptop in [first, other] {
      try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    }
    try first.succeed(["sync"])
    try other.succeed(["sync"])
    let name = try server.cluster.superuser(
      "SELECT payload FROM peerconsult.session_events WHERE seq = 1", database: server.database)
    #expect(name.contains("Anne-Marie"), "\(name.prefix(300))")

    try first.succeed(["erase-person", "Anne-Marie Smith-Jones", "--yes"])
    let erased = try first.succeed(["sync"])
    #expect(erased.contains("carried 1 erasure to the store"), "\(erased)")
    #expect(try server.count("session_events", "payload LIKE '%Anne-Marie%'") == 0)
    let taken = try other.succeed(["sync"])
    #expect(taken.contains("took 1 erasure from the store"), "\(taken)")
    #expect(try !other.succeed(["show", "latest"]).contains("Anne-Marie"))

    // Both laptops change the same session offline: the second to sync is refused.
    let session = try #require(try first.sessions().first)
    try first.succeed(["erase-person", "Ben Okafor", "--yes"])
    try other.succeed(["erase-person", "Seán O'Neill", "--yes"])
    try first.succeed(["sync"])
    let refused = try other.run(["sync"])
    #expect(refused.status == 1)
    #expect(refused.stdout.contains("Session \(session.prefix(8))"), "\(refused.stdout)")
    #expect(refused.stdout.contains("changed on two machines"), "\(refused.stdout)")
  }

  @Test func aSyncKilledMidTransferIsFinishedByTheNextExactlyOnce() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "pw", programmes: ["Alcohol Plan"])
    let laptop = try server.laptop(alice, password: "pw")
    try laptop.importSessions(40, programme: "Alcohol Plan", prefix: "dddd")
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])

    // Another connection holds the sessions table, so the sync waits inside its transaction.
    let locker = Process()
    locker.executableURL = server.cluster.binaries.appendingPathComponent("psql")
    locker.arguments = [
      "-X", "-h", "127.0.0.1", "-p", "\(server.cluster.port)", "-U", "postgres", "-d",
      server.database, "-c",
      "BEGIN; LOCK TABLE peerconsult.sessions IN EXCLUSIVE MODE; SELECT pg_sleep(60); COMMIT;",
    ]
    locker.standardOutput = FileHandle.nullDevice
    locker.standardError = FileHandle.nullDevice
    try locker.run()
    defer { if locker.isRunning { kill(locker.processIdentifier, SIGKILL) } }
    try waitUntil("the lock is held") {
      try server.cluster.superuser(
        """
        SELECT count(*) FROM pg_locks
        WHERE mode = 'ExclusiveLock' AND relation = 'peerconsult.sessions'::regclass
        """, database: server.database) == "1"
    }
    let sync = Process()
    sync.executableURL = URL(fileURLWithPath: TmuxSession.binary)
    sync.arguments = ["sync", "--data-dir", laptop.data.path]
    sync.environment = ["HOME": laptop.folder.url.path, "PGPASSWORD": "pw", "LANG": "C.UTF-8"]
    sync.standardOutput = FileHandle.nullDevice
    sync.standardError = FileHandle.nullDevice
    try sync.run()
    try waitUntil("the sync waits on the lock in its transaction") {
      Int(
        try server.cluster.superuser(
          "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(alice)' AND wait_event_type = 'Lock'",
          database: server.database)) == 1
    }
    kill(sync.processIdentifier, SIGKILL)
    sync.waitUntilExit()
    kill(locker.processIdentifier, SIGKILL)
    locker.waitUntilExit()
    try server.cluster.superuser(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '\(server.database)' AND pid <> pg_backend_pid()"
    )
    try waitUntil("the killed sync's transaction is gone") {
      Int(
        try server.cluster.superuser(
          "SELECT count(*) FROM pg_stat_activity WHERE usename = '\(alice)'",
          database: server.database)) == 0
    }
    #expect(try server.count("session_events") == 0)

    let finished = try laptop.succeed(["sync"])
    #expect(finished.contains("sent 1400 events of 40 logs"), "\(finished)")
    #expect(try server.count("session_events") == 40 * 35)

    // A sync that committed on the server but died before noting it here: the next one
    // finds the server holds the same events and sends nothing again.
    let queue = try DatabaseQueue(
      path: laptop.data.appendingPathComponent("peerconsult.sqlite").path)
    try queue.write { try $0.execute(sql: "DELETE FROM store_streams") }
    try queue.close()
    let again = try laptop.succeed(["sync"])
    #expect(again.contains("already agree"), "\(again)")
    #expect(try server.count("session_events") == 40 * 35)
  }

  @Test func theServerItselfDeniesAFacilitatorAnotherProgrammesSessions() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "pa", programmes: ["Alcohol Plan"])
    let carol = try server.facilitator("carol", password: "pc", programmes: ["Night Economy"])
    let first = try server.laptop(alice, password: "pa")
    let third = try server.laptop(carol, password: "pc")
    try first.importSessions(2, programme: "Alcohol Plan", prefix: "aaaa")
    try third.importSessions(1, programme: "Night Economy", prefix: "eeee")
    try first.succeed(["store", "attach", "office", "Alcohol Plan"])
    try third.succeed(["store", "attach", "office", "Night Economy"])
    try first.succeed(["sync"])
    try third.succeed(["sync"])
    #expect(try server.count("sessions") == 3)

    // Alice asks the server directly, as her own role: row-level security answers.
    func asAlice(_ sql: String) throws -> String {
      try server.cluster.psql(sql, user: alice, password: "pa", database: server.database)
    }
    #expect(try asAlice("SELECT count(*) FROM peerconsult.sessions") == "2")
    #expect(
      try asAlice("SELECT count(*) FROM peerconsult.session_events WHERE session_id LIKE 'eeee%'")
        == "0")
    #expect(try asAlice("SELECT count(*) FROM peerconsult.programmes") == "1")
    #expect(
      try asAlice(
        "WITH d AS (DELETE FROM peerconsult.sessions WHERE id LIKE 'eeee%' RETURNING id) "
          + "SELECT count(*) FROM d") == "0")
    let other = try server.cluster.superuser(
      "SELECT id FROM peerconsult.programmes WHERE name = 'Night Economy'",
      database: server.database)
    #expect(throws: (any Error).self) {
      try asAlice(
        """
        INSERT INTO peerconsult.sessions (id, programme_id, last_seq)
        VALUES ('ffffffffffffffffffffffffffffffff', '\(other)', 1)
        """)
    }
    #expect(throws: (any Error).self) {
      try asAlice(
        "INSERT INTO peerconsult.grants (login, programme_id) SELECT '\(alice)', programme_id FROM peerconsult.grants"
      )
    }
    // Attaching a programme not granted is refused by what the server shows.
    let refused = try first.run(["store", "attach", "office", "Night Economy"])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("no programme \"Night Economy\" granted"), "\(refused.stderr)")
    #expect(try server.count("sessions", "id LIKE 'eeee%'") == 1)
  }

  @Test func aHostileServerResponseIsRefusedInOneLineAndNothingIsWritten() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "pa", programmes: ["Alcohol Plan"])
    let lead = try server.facilitator("lead", password: "pl", programmes: ["Alcohol Plan"])
    let first = try server.laptop(alice, password: "pa")
    try first.importSessions(2, programme: "Alcohol Plan", prefix: "aaaa")
    try first.succeed(["store", "attach", "office", "Alcohol Plan"])
    try first.succeed(["sync"])

    let reader = try server.laptop(lead, password: "pl")
    try reader.succeed(["store", "attach", "office", "Alcohol Plan"])
    // Event 3 of one session given `payload` on the server: the sync is refused in one
    // line and writes nothing; its words are returned.
    func refusedSync(payload: String) throws -> String {
      try server.cluster.superuser(
        "UPDATE peerconsult.session_events SET payload = \(payload) WHERE seq = 3 AND session_id LIKE '%0'",
        database: server.database)
      let refused = try reader.run(["sync"])
      #expect(refused.status == 1)
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
      #expect(try reader.sessions().isEmpty)
      return refused.stderr
    }
    let malformed = try refusedSync(payload: "'{\"type\":\"noteAdded\",'")
    #expect(malformed.contains("event 3 is not a PeerConsult event"), "\(malformed)")
    // One a newer PeerConsult wrote is no hostile one: this program is behind.
    let newer = try refusedSync(payload: "'{\"type\":\"fromTheFuture\"}'")
    #expect(newer.contains("\"fromTheFuture\"), written by a newer PeerConsult"), "\(newer)")
    #expect(newer.contains("install the newer PeerConsult and sync again"))
    let huge = try refusedSync(payload: "repeat('x', 3000000)")
    #expect(huge.contains("2929 KB, more than 1024 KB"), "\(huge)")
  }

  @Test func badAddressesAndWrongPasswordsAreRefusedInOneLineWithoutThePassword() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "right-one", programmes: ["Alcohol Plan"])
    let laptop = try Laptop()
    func refused(_ arguments: [String], _ text: String, environment: [String] = []) throws {
      let result = try laptop.run(arguments, environment: environment)
      #expect(result.status != 0, "\(arguments)")
      #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
      #expect(result.stderr.contains(text), "\(result.stderr)")
      #expect(!result.stderr.contains("hunter2") && !result.stderr.contains("wrong-one"))
      #expect(!result.stderr.contains("PSQLError"), "\(result.stderr)")
    }
    try refused(["store", "add", "office", "http://example.org/db"], "postgres://user@host")
    try refused(["store", "add", "office", "postgres://alice:hunter2@127.0.0.1/db"], "PGPASSWORD")
    try refused(
      ["store", "add", "office", "postgres://alice@127.0.0.1/db?password=hunter2"], "PGPASSWORD")
    try refused(
      ["store", "add", "office", "postgres://alice@127.0.0.1/db?sslmode=sometimes"],
      "sslmode must be one of")
    try refused(
      ["store", "add", "off ice", "postgres://alice@127.0.0.1/db"], "cannot name a store")
    try refused(["store", "add", "office", "postgres://alice@127.0.0.1:99999/db"], "port 99999")

    let url = server.cluster.url(user: alice, database: server.database)
    try laptop.succeed(["store", "add", "office", url])
    try refused(["store", "attach", "office", "Alcohol Plan"], "asks user \(alice) for a password")
    try refused(
      ["store", "attach", "office", "Alcohol Plan"], "refused user \(alice)",
      environment: ["PGPASSWORD=wrong-one"])
    // The password file is read, and ignored when others may read it, as libpq does.
    let pgpass = laptop.folder.path(".pgpass")
    try "127.0.0.1:\(server.cluster.port):\(server.database):\(alice):right-one\n".write(
      to: pgpass, atomically: false, encoding: .utf8)
    chmod(pgpass.path, 0o644)
    try refused(["store", "attach", "office", "Alcohol Plan"], "asks user \(alice) for a password")
    chmod(pgpass.path, 0o600)
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])

    // Nobody listens on the port: refused at once.
    try laptop.succeed([
      "store", "add", "closed", "postgres://alice@127.0.0.1:1/db?sslmode=disable",
    ])
    try refused(
      ["store", "attach", "closed", "Alcohol Plan"], "Cannot reach the store at 127.0.0.1:1")

    // TLS: require encrypts without checking; verify-full checks the chain and the host.
    try laptop.succeed([
      "store", "add", "tls",
      url.replacingOccurrences(of: "sslmode=disable", with: "sslmode=require"),
    ])
    let encrypted = try laptop.succeed(["store", "init", "tls"])
    #expect(encrypted.contains("already has schema version "), "\(encrypted)")
    let verified = url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
      .replacingOccurrences(of: "sslmode=disable", with: "sslmode=verify-full")
    try laptop.succeed(["store", "add", "checked", verified])
    try refused(["store", "attach", "checked", "Alcohol Plan"], "Cannot make a secure connection")
    let trusted = try laptop.run(
      ["store", "attach", "checked", "Alcohol Plan"],
      environment: [
        "PGSSLROOTCERT=\(server.cluster.rootCertificate.path)", "PGPASSWORD=right-one",
      ])
    #expect(trusted.stderr.contains("already shared with store \"office\""), "\(trusted.stderr)")
  }
}

/// Polls `condition` every 20 ms for up to 20 s.
private func waitUntil(_ what: String, _ condition: () throws -> Bool) throws {
  let deadline = Date().addingTimeInterval(20)
  while Date() < deadline {
    if try condition() { return }
    usleep(20_000)
  }
  throw HarnessError("timed out waiting until \(what)")
}
