import Foundation
import PeerConsultApp
import PeerConsultKit
import PeerConsultStore
import TerminalKit
import TestSupport
import Testing

/// A live session's background push to a shared store, driven in process through the real
/// runner and services with the store's own pusher, against a PostgreSQL cluster of the
/// test's own that it stops and starts again (an outage). Skipped where PostgreSQL is not
/// installed.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"))
struct LivePushTests {
  /// A data folder sharing "Alcohol Plan" with `cluster`'s store as its superuser (no
  /// password, so nothing is set in this process's environment), and the program's services
  /// and runner as `peerconsult run` makes them, on a memory terminal.
  final class LiveProgram {
    let laptop: StoreEndToEndTests.Laptop
    let services: AppServices
    let runner: AppRunner
    let pusher: LivePusher

    init(_ server: StoreEndToEndTests.Server, holder: String) throws {
      laptop = try StoreEndToEndTests.Laptop()
      let url = server.cluster.url(user: "postgres", database: server.database)
      try laptop.succeed(["store", "add", "office", url])
      try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
      let data = laptop.data
      services = AppServices(
        location: DataLocation(
          dataDirectory: data, protocolsDirectory: data.appendingPathComponent("protocols")),
        clock: SystemClock(), openStore: { try AppDatabase(directory: data) },
        openReader: { try AppDatabase.openForReading(directory: data) })
      pusher = LivePusher(holder: LeaseHolder(id: holder, name: "\(holder)@test"))
      services.liveSync = pusher
      runner = AppRunner(
        terminal: MemoryTerminal(width: 80, height: 24), services: services, state: AppState())
    }

    /// Starts a session of "Alcohol Plan" and its first phase.
    func start() throws -> SessionID {
      let library = ProtocolLibrary.load(from: laptop.folder.path("none"))
      let setup = SessionSetup(
        title: "SLG 3", programme: "Alcohol Plan",
        consultingProtocol: try library.resolve(BuiltInProtocols.defaultID),
        participants: [
          Participant(name: "Ann Lee", organisation: "City", level: .senior),
          Participant(name: "Bob Roe", organisation: "NHS", level: .frontline),
        ], presenters: [0, 1])
      runner.perform(.startSession(setup))
      runner.perform(.session(.start))
      return try #require(services.live?.id)
    }

    /// Adds a note through the runner; true when the store acknowledged it (`.noteSaved`).
    func note(_ text: String) -> Bool {
      var saved = false
      runner.resultObserver = { if case .noteSaved = $0 { saved = true } }
      runner.perform(.session(.addNote(NoteContent(text: text, kind: .insight))))
      runner.resultObserver = nil
      return saved
    }

    /// Runs the loop's steps with no key until the title bar's backlog is `waiting`; false
    /// after `seconds`.
    func waitForBacklog(_ waiting: Int, seconds: Double = 20) async -> Bool {
      await waitUntil(seconds: seconds) { runner.state.pushStatus.waiting == waiting }
    }

    /// Runs the loop's steps with no key until `condition` holds; false after `seconds`.
    /// Sleeps between looks without holding a thread of Swift's pool, where the pusher runs
    /// (on two cores the pool has two threads, and other suites' tests block theirs).
    func waitUntil(seconds: Double = 20, _ condition: () -> Bool) async -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        runner.handle(nil)
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
      }
      return false
    }
  }

  @Test func theServerStoppedDuringALiveSessionThenTheBacklogIsShownAndFlushedExactlyOnce()
    async throws
  {
    let cluster = try PostgresCluster.dedicated()
    defer { cluster.stop() }
    let server = try StoreEndToEndTests.Server(cluster: cluster)
    try cluster.superuser(
      "INSERT INTO peerconsult.programmes (name) VALUES ('Alcohol Plan')",
      database: server.database)
    let program = try LiveProgram(server, holder: "laptop-one")
    let session = try program.start()
    #expect(program.note("Before the outage"))
    // Created, started, one note: acknowledged by the server.
    #expect(await program.waitUntil { program.pusher.sentEvents == 3 })
    let onServer = {
      try server.count("session_events", "session_id = '\(session.rawValue)'")
    }
    #expect(try onServer() == 3)
    #expect(program.runner.state.pushStatus == .idle)

    try cluster.stopServer()
    // Notes keep committing while the server is down, and the title bar counts them.
    for number in 1...3 { #expect(program.note("During the outage \(number)")) }
    #expect(await program.waitForBacklog(3), "\(program.runner.state.pushStatus)")
    let frame = App.render(program.runner.state).grid
    #expect(frame.line(0).contains("↑ 3 waiting"), "\(frame.line(0))")

    try cluster.startServer()
    #expect(await program.waitForBacklog(0), "\(program.runner.state.pushStatus)")
    #expect(!App.render(program.runner.state).grid.line(0).contains("↑"))
    // Everything once: the events are unique on the server, and each arrived.
    #expect(try onServer() == 6)
    let notes = try cluster.superuser(
      """
      SELECT count(*) FROM peerconsult.session_events
      WHERE session_id = '\(session.rawValue)' AND type = 'noteAdded'
      """, database: server.database)
    #expect(notes == "4")
    #expect(try server.count("sessions", "last_seq = 6") == 1)
    // Leaving lets go of the lease.
    program.runner.perform(.leaveSession)
    program.pusher.finish(waitingAtMost: 10)
    #expect(try server.count("session_leases") == 0)
  }
}
