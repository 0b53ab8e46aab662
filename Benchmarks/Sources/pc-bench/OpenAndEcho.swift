import Foundation
import PeerConsultApp
import PeerConsultKit
import SyntheticData

/// Issue 19's figures for one session (`pc-bench --open`): opening a session of 10,000 notes
/// against one of 10 (in process, from its snapshot, beside the full replay every opening did
/// before), the first 40 lines of `show` whole-process for both, a note's durable commit
/// against the `sqlite3` CLI, and keystroke to echo against `nano` and `cat`, each beside its
/// baseline in the same run.
///
/// `editor` is the command that starts a live session (its note editor is opened with Enter);
/// `sqlite` times `count` inserts through the `sqlite3` CLI.
func openAndEchoRows(
  binary: String, environment: [String: String], scratch: URL, quick: Bool,
  editor: [String], sqlite: (_ count: Int) throws -> [Double]
) throws -> [Row] {
  var rows: [Row] = [] {
    didSet { if let row = rows.last { log(table([row])) } }
  }
  let folder = scratch.appendingPathComponent("open")
  log("open: sessions of 10 and 10,000 notes")
  let (database, short, long) = try sessionsOfTwoLengths(in: folder)
  let repeats = quick ? 5 : 21

  // In process: the opening the live screen, review and follow use, and the replay before.
  // Each opening also reads the newest 24 notes, what a screen of the transcript shows, since
  // an opened state decodes a note only when it is read.
  var opened: [String: [Double]] = [:]
  var read = 0
  func readNewest(_ state: SessionState) {
    for note in state.notes.suffix(24) { read += note.text.utf8.count }
  }
  // Each opening is timed after another opening, as a program opens a session: timed right
  // after the full replay, resume paid for the allocator tidying the replay's 10,000 freed
  // notes (glibc consolidates its freed small blocks at the next large allocation, here the
  // snapshot's payload), 2-3x the opening itself. That case is kept as a row of its own.
  for _ in 0..<repeats {
    for (label, id) in [("short", short), ("long", long)] {
      var started = Date()
      readNewest(try database.loadSession(id))
      opened["open " + label, default: []].append(Date().timeIntervalSince(started))
      started = Date()
      readNewest(try LiveSession.resume(id, store: database).state)
      opened["resume " + label, default: []].append(Date().timeIntervalSince(started))
      started = Date()
      readNewest(try SessionState.replay(database.events(of: id)))
      opened["replay " + label, default: []].append(Date().timeIntervalSince(started))
      started = Date()
      readNewest(try LiveSession.resume(id, store: database).state)
      opened["after replay " + label, default: []].append(Date().timeIntervalSince(started))
    }
  }
  precondition(read > 0, "the openings read no notes")
  // The review transcript's first frame: the session opened, laid out (lazily since
  // `review5`) and drawn at 80x24, as opening it from the review list does.
  var drawn = 0
  for _ in 0..<repeats {
    for (label, id) in [("short", short), ("long", long)] {
      let started = Date()
      let session = try database.loadSession(id)
      let transcript = TranscriptState(
        sessionID: id, session: session, screenWidth: 80, timeZone: .current,
        back: ReviewState(sessions: [], programmes: []))
      drawn += App.render(AppState(screen: transcript, width: 80, height: 24)).grid.width
      opened["review " + label, default: []].append(Date().timeIntervalSince(started))
    }
  }
  precondition(drawn > 0, "no transcript was drawn")
  func middle(_ key: String) -> Double { median(opened[key] ?? []) }
  for (figure, key) in [
    ("open a session of 10,000 notes and read its newest 24 (loadSession: review, follow)", "open"),
    (
      "resume a session of 10,000 notes and read its newest 24 (LiveSession.resume: the live screen)",
      "resume"
    ),
    ("open a session of 10,000 notes in review: its transcript's first frame at 80x24", "review"),
  ] {
    rows.append(
      Row(
        figure: figure + " (p50)", ours: ms(middle(key + " long")),
        baseline: "\(ms(middle(key + " short"))) (10 notes)",
        ratio: Row.ratio(middle(key + " long"), middle(key + " short")), goal: "<= 2x",
        met: middle(key + " long") <= 2 * middle(key + " short")))
  }
  rows.append(
    Row(
      figure: "resume timed right after the full replay, as this row was before `echo4` (p50)",
      ours: ms(middle("after replay long")),
      baseline: "\(ms(middle("after replay short"))) (10 notes)",
      ratio: Row.ratio(middle("after replay long"), middle("after replay short")), goal: "-",
      met: nil))
  rows.append(
    Row(
      figure: "the same, replaying every event as before snapshots (p50)",
      ours: ms(middle("replay long")), baseline: "\(ms(middle("replay short"))) (10 notes)",
      ratio: Row.ratio(middle("replay long"), middle("replay short")), goal: "-", met: nil))
  try database.close()

  // Whole process: `show … | head -40`, as a reader of a long transcript would start.
  log("show: first 40 lines")
  var show: [String: [Double]] = [:]
  for _ in 0..<(quick ? 3 : 11) {
    for (label, id) in [("short", short), ("long", long)] {
      show[label, default: []].append(
        try firstLines(
          40, of: [binary, "show", id.rawValue, "--data-dir", folder.path],
          environment: environment))
    }
  }
  let (showLong, showShort) = (median(show["long"]!), median(show["short"]!))
  rows.append(
    Row(
      figure: "`show` of a 10,000-note session: first 40 lines, whole process (median)",
      ours: ms(showLong), baseline: "\(ms(showShort)) (10 notes)",
      ratio: Row.ratio(showLong, showShort), goal: "<= 2x", met: showLong <= 2 * showShort))

  // A note's durable commit, against the sqlite3 CLI, in the same run.
  log("note commit against sqlite3")
  let count = quick ? 100 : 500
  let ours = try commitLatencies(count: count, in: scratch.appendingPathComponent("commit"))
  let sqliteLatencies = try sqlite(count)
  let (o99, s99) = (percentile(ours, 0.99), percentile(sqliteLatencies, 0.99))
  rows.append(
    Row(
      figure: "note committed durably (p50 / p99)",
      ours: "\(ms(median(ours))) / \(ms(o99))",
      baseline: "\(ms(median(sqliteLatencies))) / \(ms(s99)) (sqlite3 CLI, WAL, FULL)",
      ratio: "p99 " + Row.ratio(o99, s99), goal: "p99 <= 2x", met: o99 <= 2 * s99))

  // Keystroke to echo: ours in the note editor, nano (the editor peer), cat (the floor).
  log("keystroke to echo against nano and cat")
  let keys = quick ? 50 : 300
  let live = try PtyProcess(editor, environment: environment)
  guard live.waitFor("Speaks now") != nil else { throw BenchError("the live screen never came") }
  // A session is ready, not running, until Space starts it; then Enter opens the editor.
  live.send(" ")
  guard live.waitFor("19:5") != nil else { throw BenchError("the session never started") }
  live.send("\r")
  guard live.waitFor("Note ▸") != nil else { throw BenchError("the note editor never opened") }
  let oursEcho = echoLatencies(live, count: keys)
  live.stop()
  let nano = try PtyProcess(
    ["nano", "--ignorercfiles", scratch.appendingPathComponent("nano.txt").path],
    environment: environment)
  guard nano.waitFor("Help") != nil else { throw BenchError("nano never started") }
  let nanoEcho = echoLatencies(nano, count: keys)
  nano.stop()
  let cat = try PtyProcess(
    ["sh", "-c", "stty raw -echo; echo ready; exec cat"], environment: environment)
  guard cat.waitFor("ready") != nil else { throw BenchError("cat never started") }
  let catEcho = echoLatencies(cat, count: keys)
  cat.stop()
  let (e50, n50, c50) = (
    median(oursEcho), median(nanoEcho), median(catEcho)
  )
  rows.append(
    Row(
      figure: "keystroke to echo in the note editor (p50 / p99)",
      ours: "\(ms(e50)) / \(ms(percentile(oursEcho, 0.99)))",
      baseline: "\(ms(n50)) / \(ms(percentile(nanoEcho, 0.99))) (nano)",
      ratio: Row.ratio(e50, n50), goal: "p50 <= 1.0x nano", met: e50 <= n50))
  rows.append(
    Row(
      figure: "the floor: cat (p50 / p99)", ours: "\(ms(e50)) / \(ms(percentile(oursEcho, 0.99)))",
      baseline: "\(ms(c50)) / \(ms(percentile(catEcho, 0.99))) (cat)",
      ratio: Row.ratio(e50, c50), goal: "-", met: nil))
  return rows
}

/// A data folder holding one unfinished session of 10 notes and one of 10,000, written as the
/// live screen writes them (edits, deletions, phases moved on) and stored in one import.
private func sessionsOfTwoLengths(in folder: URL) throws -> (AppDatabase, SessionID, SessionID) {
  try? FileManager.default.removeItem(at: folder)
  let builder = try AppDatabase.inMemory()
  var rng = SeededGenerator(seed: SyntheticData.seed &+ 19)
  let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
  let short = try SyntheticData.session(
    notes: 10, programme: "Alcohol Plan", number: 1, in: builder, clock: clock, finish: false,
    using: &rng)
  let long = try SyntheticData.session(
    notes: 10_000, programme: "Alcohol Plan", number: 2, in: builder, clock: clock,
    finish: false, using: &rng)
  let database = try AppDatabase(directory: folder)
  try database.appendInOneTransaction([
    (short, try builder.events(of: short)), (long, try builder.events(of: long)),
  ])
  return (database, short, long)
}

/// Seconds from starting `command` until `count` lines have come from its standard output;
/// the process is then ended, as `head` ends it by closing the pipe.
private func firstLines(_ count: Int, of command: [String], environment: [String: String])
  throws -> Double
{
  let process = Process()
  process.executableURL = URL(fileURLWithPath: command[0])
  process.arguments = Array(command.dropFirst())
  process.environment = environment
  let output = Pipe()
  process.standardOutput = output
  let started = Date()
  try process.run()
  var lines = 0
  while lines < count {
    let chunk = output.fileHandleForReading.availableData
    if chunk.isEmpty { break }
    lines += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
  }
  let elapsed = Date().timeIntervalSince(started)
  guard lines >= count else { throw BenchError("\(command[1]) wrote fewer than \(count) lines") }
  output.fileHandleForReading.closeFile()
  process.terminate()
  process.waitUntilExit()
  return elapsed
}

/// `--commit`: a note's durable commit as the interactive program makes it (its kept draft
/// forgotten in the same transaction, check-points left to the loop's idle moments), beside
/// the same notes committed as before that (SQLite's own check-points inside the commit, the
/// draft forgotten by a write of its own, not timed here) and the `sqlite3` CLI's insert, in
/// `rounds` rounds of `count` each, alternated so that the disk's load falls on all three
/// alike.
func commitRows(
  count: Int, rounds: Int, scratch: URL, sqlite: (Int) throws -> [Double]
) throws -> [Row] {
  var now: [Double] = []
  var before: [Double] = []
  var cli: [Double] = []
  for round in 0..<rounds {
    log("note commit, round \(round + 1) of \(rounds)")
    now += try commitLatencies(
      count: count, in: scratch.appendingPathComponent("commit-now"), asTheProgram: true)
    before += try commitLatencies(
      count: count, in: scratch.appendingPathComponent("commit-before"), asTheProgram: false)
    cli += try sqlite(count)
  }
  let (nowP99, beforeP99, cliP99) = (
    percentile(now, 0.99), percentile(before, 0.99), percentile(cli, 0.99)
  )
  let cliBaseline = "\(ms(median(cli))) / \(ms(cliP99)) (sqlite3 CLI, WAL, FULL)"
  return [
    Row(
      figure: "note committed durably, as the interactive program commits it (p50 / p99)",
      ours: "\(ms(median(now))) / \(ms(nowP99))", baseline: cliBaseline,
      ratio: "p99 " + Row.ratio(nowP99, cliP99), goal: "p99 <= 2x", met: nowP99 <= 2 * cliP99),
    Row(
      figure: "the same, check-pointed inside the commit by SQLite (before) (p50 / p99)",
      ours: "\(ms(median(before))) / \(ms(beforeP99))", baseline: cliBaseline,
      ratio: "p99 " + Row.ratio(beforeP99, cliP99), goal: "p99 <= 2x",
      met: beforeP99 <= 2 * cliP99),
  ]
}

/// Seconds for each of `count` notes added through `LiveSession` to a data folder on disk
/// (WAL, `synchronous=FULL`): `asTheProgram`, as the interactive program saves them (the note
/// line's kept draft forgotten in the same transaction, and the check-point its loop makes
/// when idle, after the note is acknowledged and outside the time measured); otherwise with
/// SQLite's own check-points inside the commit, as before.
private func commitLatencies(count: Int, in folder: URL, asTheProgram: Bool = true) throws
  -> [Double]
{
  try? FileManager.default.removeItem(at: folder)
  let database = try AppDatabase(directory: folder)
  if asTheProgram { database.deferCheckpoints() }
  var rng = SeededGenerator(seed: 42)
  let live = try LiveSession.create(
    SyntheticData.setup(programme: "Alcohol Plan", number: 1, using: &rng), store: database,
    clock: ManualClock())
  try live.start()
  var latencies: [Double] = []
  for _ in 0..<count {
    let content = SyntheticData.note(kind: .insight, participants: 3, using: &rng)
    let started = Date()
    _ = try live.addNote(content, forgettingDraft: asTheProgram)
    latencies.append(Date().timeIntervalSince(started))
    if asTheProgram { database.checkpointIfDue() }
  }
  try database.close()
  return latencies
}
