import Foundation
import PeerConsultKit

/// The room display's figures (issue 15): how soon a facilitator's change shows in a
/// `peerconsult follow` on a pseudo-terminal, what the display costs at rest, and the
/// facilitator's commit with three displays attached against none.
///
/// This process is the facilitator: it runs the session through `LiveSession` on the data
/// folder and holds its lock, as `peerconsult run` would, so each change's commit time is
/// known to the microsecond.
func roomDisplayRows(
  binary: String, environment: [String: String], scratch: URL, quick: Bool
) throws -> [Row] {
  log("room display")
  let folder = scratch.appendingPathComponent("room-display")
  let store = try AppDatabase(directory: folder)
  let phase = Phase(name: "Presenting", durationSeconds: 1200, speaker: .presenter)
  let setup = SessionSetup(
    title: "Alcohol Plan SLG 3", programme: "Alcohol Plan",
    consultingProtocol: ConsultingProtocol(
      id: "long", name: "Long phase", description: "One long phase.", opening: [phase],
      round: [Phase(name: "Questions", durationSeconds: 1200, speaker: .group)], closing: []),
    participants: [
      Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
      Participant(name: "王小明", organisation: "Police", level: .middle),
    ],
    rounds: [SessionRound(presenter: 0)])
  let session = try LiveSession.create(setup, store: store)
  let lock = try SessionLock.acquire(session.id, in: folder)
  defer { lock?.release() }
  try session.start()
  let follow = [binary, "follow", "--data-dir", folder.path]
  var rows: [Row] = []

  // At rest: the timer runs, nothing else changes.
  do {
    let display = try PtyProcess(follow, environment: environment)
    guard display.waitFor("Speaks now") != nil else { throw BenchError("no room display") }
    let settle = Date()
    while Date().timeIntervalSince(settle) < 2 { display.pump(timeout: 0.2) }
    guard let before = ProcessSample(pid: display.pid) else { throw BenchError("no /proc") }
    let started = Date()
    let window: TimeInterval = quick ? 5 : 10
    while Date().timeIntervalSince(started) < window { display.pump(timeout: 0.2) }
    let elapsed = Date().timeIntervalSince(started)
    guard let after = ProcessSample(pid: display.pid) else { throw BenchError("no /proc") }
    display.stop()
    let cpu = (after.cpuSeconds - before.cpuSeconds) / elapsed * 100
    let wakeups = Double(after.voluntarySwitches - before.voluntarySwitches) / elapsed
    rows.append(
      Row(
        figure: "room display at rest: CPU", ours: String(format: "%.2f%% of a core", cpu),
        baseline: "0 (floor)", ratio: "-", goal: "<= 0.5%", met: cpu <= 0.5))
    rows.append(
      Row(
        figure: "room display at rest: wake-ups", ours: String(format: "%.1f /s", wakeups),
        baseline: "0 (floor)", ratio: "-", goal: "<= 1 /s (the clock)", met: wakeups <= 1.5))
  }

  // Change to follower: paused, the display draws nothing until something changes, so the
  // first byte after a commit is that change arriving. Each change moves the time by a
  // minute, which every frame shows. Baseline: the same display's own clock tick.
  do {
    try session.togglePause()
    let display = try PtyProcess(follow, environment: environment)
    guard display.waitFor("PAUSED") != nil else { throw BenchError("no paused room display") }
    let settle = Date()
    while Date().timeIntervalSince(settle) < 1.5 { display.pump(timeout: 0.1) }
    // The measure holds only if a paused display sends nothing by itself.
    let quiet = display.output.count
    let listen = Date()
    while Date().timeIntervalSince(listen) < 2.5 { display.pump(timeout: 0.1) }
    guard display.output.count == quiet else {
      throw BenchError("a paused room display wrote \(display.output.count - quiet) bytes at rest")
    }
    var latencies: [Double] = []
    let count = quick ? 40 : 200
    for index in 0..<count {
      // A pause between changes that is not a multiple of anything the display waits for.
      usleep(useconds_t(40_000 + (index * 7919) % 60_000))
      while display.pump(timeout: 0) > 0 {}
      let before = display.output.count
      try session.adjustTime(minutes: index % 2 == 0 ? 1 : -1)
      let committed = Date()
      var arrived: Date?
      while arrived == nil && Date().timeIntervalSince(committed) < 3 {
        if display.pump(timeout: 0.5) > 0 && display.output.count > before { arrived = Date() }
      }
      guard let arrived else { throw BenchError("change \(index) never reached the display") }
      latencies.append(arrived.timeIntervalSince(committed))
    }
    display.stop()
    try session.togglePause()
    rows.append(
      Row(
        figure: "change by the facilitator to the room display (p50 / p99, \(count) changes)",
        ours: "\(ms(median(latencies))) / \(ms(percentile(latencies, 0.99)))",
        baseline: "1000 ms (a once-a-second look)",
        ratio: Row.ratio(percentile(latencies, 0.99), 1), goal: "p99 <= 200 ms",
        met: percentile(latencies, 0.99) <= 0.2))
  }

  // The facilitator's commit, alone and with three displays attached.
  do {
    func commits(_ count: Int) throws -> [Double] {
      var latencies: [Double] = []
      for index in 0..<count {
        let started = Date()
        try session.addNote(NoteContent(text: "Room display note \(index)", kind: .theme))
        latencies.append(Date().timeIntervalSince(started))
        usleep(5_000)
      }
      return latencies
    }
    let count = quick ? 100 : 300
    let alone = try commits(count)
    let displays = try (0..<3).map { _ in
      try PtyProcess(follow + ["--notes"], environment: environment)
    }
    for display in displays where display.waitFor("Speaks now") == nil {
      throw BenchError("a room display did not start")
    }
    // The displays read each commit while the next is made; their output is drained meanwhile.
    var watched: [Double] = []
    for _ in 0..<count {
      watched += try commits(1)
      for display in displays { _ = display.pump(timeout: 0) }
    }
    for display in displays { display.stop() }
    let (alone99, watched99) = (percentile(alone, 0.99), percentile(watched, 0.99))
    rows.append(
      Row(
        figure: "note committed durably with three room displays attached (p50 / p99)",
        ours: "\(ms(median(watched))) / \(ms(watched99))",
        baseline: "\(ms(median(alone))) / \(ms(alone99)) (no display, same run)",
        ratio: "p99 " + Row.ratio(watched99, alone99), goal: "p99 <= 1.2x",
        met: watched99 <= 1.2 * alone99))
  }
  try store.close()
  return rows
}
