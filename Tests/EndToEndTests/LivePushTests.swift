import Foundation
import TestSupport
import Testing

/// A live session's background push to a shared store: the program in tmux, against a
/// PostgreSQL cluster of the test's own that it stops and starts again (an outage). The
/// program runs in its own process, so its pusher never waits for this process's busy thread
/// pool. Skipped where PostgreSQL or tmux is missing.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"),
  .enabled(if: TmuxSession.isAvailable, "tmux is not installed: the live push test runs in it"))
struct LivePushTests {
  @Test func theServerStoppedDuringALiveSessionThenTheBacklogIsShownAndFlushedExactlyOnce()
    throws
  {
    let cluster = try PostgresCluster.dedicated()
    defer { cluster.stop() }
    let server = try StoreEndToEndTests.Server(cluster: cluster)
    let alice = try server.facilitator("alice", password: "pw", programmes: ["Alcohol Plan"])
    let laptop = try server.laptop(alice, password: "pw")
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    let tmux = try TmuxSession(
      [
        "run", "--title", "SLG 3", "--programme", "Alcohol Plan", "--participant",
        "Ann Lee;City;senior", "--participant", "Bob Roe;NHS;frontline",
      ], environment: ["PGPASSWORD": "pw"], dataDir: laptop.data)
    try tmux.startWhenReady()
    let events = { try server.count("session_events") }
    let notes = { try server.count("session_events", "type = 'noteAdded'") }
    func note(_ text: String) throws {
      try tmux.send("Enter")
      try tmux.type(text)
      try tmux.send("Enter")
      tmux.waitFor(text)
    }
    try note("Before the outage")
    // Created, started, one note.
    #expect(poll { (try? events()) == 3 }, "\(tmux.capture())")

    try cluster.stopServer()
    // Notes keep being saved while the server is down, and the title bar counts them.
    for number in 1...3 { try note("During the outage \(number)") }
    tmux.waitFor("↑ 3 waiting")
    #expect(tmux.capture().contains("3 notes") || tmux.capture().contains("During the outage 3"))

    try cluster.startServer()
    tmux.waitFor("the backlog sent") { !$0.split(separator: "\n")[0].contains("↑") }
    // Everything once: the events are unique on the server, and each arrived.
    #expect(poll { (try? events()) == 6 })
    #expect(try notes() == 4)
    #expect(try server.count("sessions", "last_seq = 6") == 1)
    #expect(try server.count("session_leases") == 1)
  }

  /// Polls `condition` every 50 ms; false after `seconds`.
  private func poll(seconds: Double = 20, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if condition() { return true }
      usleep(50_000)
    }
    return false
  }
}
