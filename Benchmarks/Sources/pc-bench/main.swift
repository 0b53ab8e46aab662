import Foundation
import PeerConsultKit
import SyntheticData

// Whole-process figures: the release binary on a pseudo-terminal next to a baseline program in
// the same harness, then the in-process figures read from package-benchmark's JMH export, all
// printed as one table. Run through Benchmarks/run.sh (Docs/PERFORMANCE.md).

let arguments = CommandLine.arguments
func option(_ name: String) -> String? {
  arguments.firstIndex(of: name).flatMap {
    arguments.indices.contains($0 + 1) ? arguments[$0 + 1] : nil
  }
}
guard let binary = option("--binary"), let dataPath = option("--data"),
  let resultsPath = option("--results")
else {
  print(
    "usage: pc-bench --binary PEERCONSULT --data DIR --results DIR [--long] [--quick]"
      + " [--scale SESSIONS [--before PEERCONSULT] [--search]]")
  exit(2)
}
/// `--scale N`: only the figures of N sessions (`Scale.swift`), on their own generated data.
let scale = option("--scale").flatMap { Int($0) }
/// The data folder of `--scale N`, kept beside the default library.
func scaleLibrary(_ sessions: Int) -> URL {
  URL(fileURLWithPath: dataPath).appendingPathComponent("library-\(sessions)")
}
if arguments.contains("--prepare"), let scale {
  let started = Date()
  let library = scaleLibrary(scale)
  try prepareScale(library, sessions: scale, binary: binary)
  // The files were copied into place, which a start cannot tell from a file put there by a
  // sync tool: one `check` reads every page and vouches for them, as a clean close would.
  let check = Process()
  check.executableURL = URL(fileURLWithPath: binary)
  check.arguments = ["check", "--data-dir", library.path]
  try check.run()
  check.waitUntilExit()
  FileHandle.standardError.write(
    Data(
      String(
        format: "pc-bench: %d sessions ready in %.0f s\n", scale, Date().timeIntervalSince(started)
      )
      .utf8))
  exit(check.terminationStatus)
}
if arguments.contains("--prepare"), arguments.contains("--grouped-programme") {
  try prepareGroupedProgramme(URL(fileURLWithPath: dataPath))
  exit(0)
}
if arguments.contains("--prepare") {
  // Generated once and kept: 1,000 sessions of 100 notes, about 100,000 notes.
  let started = Date()
  _ = try SyntheticData.database(
    at: URL(fileURLWithPath: dataPath).appendingPathComponent("library"), sessions: 1_000,
    notesPerSession: 100)
  // The same size in one programme, for the harvest report.
  _ = try SyntheticData.database(
    at: URL(fileURLWithPath: dataPath).appendingPathComponent("one-programme"), sessions: 1_000,
    notesPerSession: 100, programmeCount: 1)
  try prepareGroupedProgramme(URL(fileURLWithPath: dataPath))
  FileHandle.standardError.write(
    Data(String(format: "pc-bench: data ready in %.0f s\n", Date().timeIntervalSince(started)).utf8)
  )
  exit(0)
}
let longMode = arguments.contains("--long")
let quick = arguments.contains("--quick")
let data = URL(fileURLWithPath: dataPath)
let results = URL(fileURLWithPath: resultsPath)
let scratch = data.appendingPathComponent("scratch-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: scratch) }

let environment: [String: String] = [
  "LANG": "C.UTF-8", "TERM": "xterm-256color", "HOME": scratch.path,
  "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
  "XDG_CONFIG_HOME": scratch.appendingPathComponent("config").path,
  "XDG_DATA_HOME": scratch.appendingPathComponent("xdg").path,
]
var rows: [Row] = []
// `--grouped-programme`: only issue 17's figures (GroupedProgramme.swift).
if arguments.contains("--grouped-programme") {
  print(table(try groupedProgrammeRows(binary: binary, data: data, scratch: scratch, quick: quick)))
  try? FileManager.default.removeItem(at: scratch)
  exit(0)
}

if let scale {
  let empty = scratch.appendingPathComponent("empty-data")
  let count = arguments.contains("--quick") ? 3 : 11
  // `--search`: the search rows alone (SearchScale.swift).
  if !arguments.contains("--search") {
    rows = try scaleRows(
      sessions: scale, library: scaleLibrary(scale), empty: empty, binary: binary,
      before: option("--before"), count: count, environment: environment, scratch: scratch)
  }
  rows += try searchRows(
    sessions: scale, library: scaleLibrary(scale), binary: binary, count: count,
    environment: environment, scratch: scratch)
  print(table(rows))
  // exit() runs no defer.
  try? FileManager.default.removeItem(at: scratch)
  exit(0)
}

func log(_ text: String) { FileHandle.standardError.write(Data(("pc-bench: " + text + "\n").utf8)) }

// `--room`: the room display's rows alone.
if arguments.contains("--room") {
  let roomRows = try roomDisplayRows(
    binary: binary, environment: environment, scratch: scratch, quick: quick)
  try? FileManager.default.removeItem(at: scratch)
  print(table(roomRows))
  exit(0)
}

// `--live-push ON OFF`: a live note's commit with the store's background push on and off
// (LivePush.swift; the folders are made by live-push.sh).
if let on = option("--live-push"), let off = option("--live-push-off") {
  let rows = try livePushRows(
    on: URL(fileURLWithPath: on), off: URL(fileURLWithPath: off), notes: quick ? 200 : 2_000)
  try? FileManager.default.removeItem(at: scratch)
  print(table(rows))
  exit(0)
}

// `--open`: opening a long session, `show`'s first lines, commit and echo (`OpenAndEcho.swift`);
// after the protocol file below, which the echo needs.
let openOnly = arguments.contains("--open")

/// A protocol whose first phase lasts 20 minutes: the live screen at rest.
let longProtocol = scratch.appendingPathComponent("long-phase.yaml")
try """
name: Long phase
description: One long phase for measuring the screen at rest.
opening:
  - name: Presenting
    duration: 20m
    speaker: everyone
    guidance: The presenter describes the challenge without interruption.
    rules: [Group listens in silence]
    prompts: [What is the challenge?]
    note_kind: insight
round:
  - name: Questions
    duration: 20m
    speaker: group
    guidance: Open questions only.
    note_kind: question
""".write(to: longProtocol, atomically: true, encoding: .utf8)

func runArguments(_ folder: URL) -> [String] {
  [
    binary, "run", "--data-dir", folder.path, "--protocol", longProtocol.path, "--title",
    "Alcohol Plan SLG 3", "--participant", "Zoë Müller;City Council;senior", "--participant",
    "王小明;Police;middle", "--participant", "Amira O'Neill;NHS Trust;frontline",
  ]
}

/// Starts `command` and returns the seconds until `text` is on its screen, with its peak RSS then.
func firstFrame(_ command: [String], showing text: String) throws -> (TimeInterval, Int) {
  let started = Date()
  let process = try PtyProcess(command, environment: environment)
  guard process.waitFor(text, timeout: 20) != nil else {
    throw BenchError("\(command[0]) never showed '\(text)'")
  }
  let elapsed = Date().timeIntervalSince(started)
  let peak = ProcessSample(pid: process.pid)?.peakResident ?? 0
  process.stop()
  return (elapsed, peak)
}

// `--commit`: a note's durable commit as the note line saves it, against the sqlite3 CLI.
if arguments.contains("--commit") {
  let rows = try commitRows(
    count: quick ? 100 : 300, rounds: quick ? 1 : 3, scratch: scratch,
    sqlite: { try sqliteInsertLatencies(count: $0) })
  try? FileManager.default.removeItem(at: scratch)
  print(table(rows))
  exit(0)
}

if openOnly {
  let openRows = try openAndEchoRows(
    binary: binary, environment: environment, scratch: scratch, quick: quick,
    editor: runArguments(scratch.appendingPathComponent("echo-open")),
    sqlite: { try sqliteInsertLatencies(count: $0) })
  try? FileManager.default.removeItem(at: scratch)
  print(table(openRows))
  exit(0)
}

// MARK: Start to first frame, against less

let empty = scratch.appendingPathComponent("empty-data")
let smallFile = scratch.appendingPathComponent("small.txt")
try (["PeerConsult benchmark baseline"] + (1...20).map { "line \($0) of a small file" })
  .joined(separator: "\n").write(to: smallFile, atomically: true, encoding: .utf8)
do {
  log("start to first frame")
  var ours: [Double] = []
  var less: [Double] = []
  for _ in 0..<(quick ? 5 : 21) {
    ours.append(try firstFrame([binary, "--data-dir", empty.path], showing: "New session").0)
    less.append(try firstFrame(["less", smallFile.path], showing: "PeerConsult benchmark").0)
  }
  rows.append(
    Row(
      figure: "start to first frame of the home screen (median)", ours: ms(median(ours)),
      baseline: "\(ms(median(less))) (less, small file)",
      ratio: Row.ratio(median(ours), median(less)), goal: "<= 1.5x",
      met: median(ours) <= 1.5 * median(less)))
}

// MARK: The live screen at rest

do {
  log("live screen at rest (12 s)")
  let folder = scratch.appendingPathComponent("at-rest")
  let process = try PtyProcess(runArguments(folder), environment: environment)
  guard process.waitFor("Speaks now") != nil else { throw BenchError("the live screen never came") }
  let settle = Date()
  while Date().timeIntervalSince(settle) < 2 { process.pump(timeout: 0.2) }
  guard let before = ProcessSample(pid: process.pid) else { throw BenchError("no /proc") }
  let bytesBefore = process.output.count
  let started = Date()
  let window: TimeInterval = quick ? 5 : 10
  while Date().timeIntervalSince(started) < window { process.pump(timeout: 0.2) }
  let elapsed = Date().timeIntervalSince(started)
  guard let after = ProcessSample(pid: process.pid) else { throw BenchError("no /proc") }
  let bytes = process.output.count - bytesBefore
  process.stop()
  let cpu = (after.cpuSeconds - before.cpuSeconds) / elapsed * 100
  let wakeups = Double(after.voluntarySwitches - before.voluntarySwitches) / elapsed
  let rate = Double(bytes) / elapsed
  rows.append(
    Row(
      figure: "live screen at rest: CPU", ours: String(format: "%.2f%% of a core", cpu),
      baseline: "0 (floor)", ratio: "-", goal: "<= 0.5%", met: cpu <= 0.5))
  rows.append(
    Row(
      figure: "live screen at rest: wake-ups", ours: String(format: "%.1f /s", wakeups),
      baseline: "0 (floor)", ratio: "-", goal: "<= 5 /s", met: wakeups <= 5))
  rows.append(
    Row(
      figure: "live screen at rest: bytes to the terminal", ours: String(format: "%.0f B/s", rate),
      baseline: "0 (floor)", ratio: "-", goal: "<= 64 B/s", met: rate <= 64))
}

// MARK: Keystroke to echo, against cat

/// Seconds from each key written to its character coming back, for `count` keys.
func echoLatencies(_ process: PtyProcess, count: Int) -> [Double] {
  // Two-byte letters never occur in escape sequences, so their bytes mean the echo came.
  let letters = Array("éüßøåçñàèìòùâêîôû")
  var latencies: [Double] = []
  for index in 0..<count {
    let letter = String(letters[index % letters.count])
    let mark = process.output.count
    let started = Date()
    process.send(letter)
    if process.waitFor(letter, from: mark, timeout: 5) != nil {
      latencies.append(Date().timeIntervalSince(started))
    }
    // Let the frame finish before the next key, as between a person's keystrokes.
    while process.pump(timeout: 0.005) > 0 {}
  }
  return latencies
}
do {
  log("keystroke to echo")
  let folder = scratch.appendingPathComponent("echo")
  let ours = try PtyProcess(runArguments(folder), environment: environment)
  guard ours.waitFor("Speaks now") != nil else { throw BenchError("the live screen never came") }
  // A session is ready, not running, until Space starts it; then Enter opens the editor.
  ours.send(" ")
  guard ours.waitFor("19:5") != nil else { throw BenchError("the session never started") }
  ours.send("\r")
  guard ours.waitFor("Note ▸") != nil else { throw BenchError("the note editor never opened") }
  let oursLatency = echoLatencies(ours, count: quick ? 50 : 300)
  ours.stop()
  let cat = try PtyProcess(
    ["sh", "-c", "stty raw -echo; echo ready; exec cat"], environment: environment)
  guard cat.waitFor("ready") != nil else { throw BenchError("cat never started") }
  let catLatency = echoLatencies(cat, count: quick ? 50 : 300)
  cat.stop()
  let (o50, c50) = (median(oursLatency), median(catLatency))
  rows.append(
    Row(
      figure: "keystroke to echo in the note editor (p50 / p99)",
      ours: "\(ms(o50)) / \(ms(percentile(oursLatency, 0.99)))",
      baseline: "\(ms(c50)) / \(ms(percentile(catLatency, 0.99))) (cat)",
      ratio: Row.ratio(o50, c50), goal: "<= 1.5x", met: o50 <= 1.5 * c50))
}

// MARK: In-process figures from package-benchmark (JMH export)

/// Percentiles in seconds of a benchmark's wall clock, and its peak RSS in bytes.
struct InProcessResult {
  var p50: Double
  var p95: Double
  var p99: Double
  var peakResident: Double?
}

func inProcessResults() -> [String: InProcessResult] {
  var found: [String: InProcessResult] = [:]
  let files = (try? FileManager.default.contentsOfDirectory(atPath: results.path)) ?? []
  for file in files where file.hasSuffix(".jmh") || file.hasSuffix(".json") {
    guard
      let bytes = FileManager.default.contents(atPath: results.appendingPathComponent(file).path),
      let elements = try? JSONSerialization.jsonObject(with: bytes) as? [[String: Any]]
    else { continue }
    for element in elements {
      guard let name = element["benchmark"] as? String,
        let secondary = element["secondaryMetrics"] as? [String: [String: Any]],
        let wall = secondary.first(where: { $0.key.lowercased().contains("wall") })?.value,
        let percentiles = wall["scorePercentiles"] as? [String: Double]
      else { continue }
      // JMH scores are in microseconds.
      let memory = secondary.first { $0.key.lowercased().contains("resident peak") }?.value
      let key =
        name.components(separatedBy: ".").last?.replacingOccurrences(of: "_", with: " ") ?? name
      found[key] = InProcessResult(
        p50: (percentiles["50.0"] ?? .nan) / 1e6, p95: (percentiles["95.0"] ?? .nan) / 1e6,
        p99: (percentiles["99.0"] ?? .nan) / 1e6,
        peakResident: (memory?["scorePercentiles"] as? [String: Double])?["100.0"])
    }
  }
  return found
}
let inProcess = inProcessResults()
if inProcess.isEmpty { log("no in-process results in \(results.path); run Benchmarks/run.sh") }

// MARK: Note committed durably, against the sqlite3 CLI

/// The sqlite3 CLI inserting rows like our events, one transaction each, WAL, synchronous=FULL,
/// timed per statement through a pipe (the round trip adds tens of microseconds to it).
func sqliteInsertLatencies(count: Int) throws -> [Double] {
  let folder = data.appendingPathComponent("sqlite3-baseline")
  try? FileManager.default.removeItem(at: folder)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  let process = Process()
  process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  process.arguments = ["sqlite3", folder.appendingPathComponent("baseline.sqlite").path]
  let input = Pipe()
  let output = Pipe()
  process.standardInput = input
  process.standardOutput = output
  try process.run()
  let reader = output.fileHandleForReading
  var pending = Data()
  func send(_ sql: String) {
    input.fileHandleForWriting.write(Data((sql + "\nSELECT 'done';\n").utf8))
    while !pending.contains(Data("done\n".utf8)) { pending.append(reader.availableData) }
    pending.removeAll()
  }
  send(
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE events (session TEXT NOT NULL, sequence INTEGER NOT NULL, at REAL NOT NULL, event TEXT NOT NULL, PRIMARY KEY (session, sequence));"
  )
  var rng = SeededGenerator(seed: 42)
  var latencies: [Double] = []
  for sequence in 1...count {
    let content = SyntheticData.note(kind: .insight, participants: 3, using: &rng)
    let event = SessionEvent.noteAdded(id: sequence, slot: 0, content: content)
    let json = try SessionEventCodec.payload(of: event).replacingOccurrences(of: "'", with: "''")
    let started = Date()
    send("INSERT INTO events VALUES ('s', \(sequence), \(sequence), '\(json)');")
    latencies.append(Date().timeIntervalSince(started))
  }
  input.fileHandleForWriting.closeFile()
  process.waitUntilExit()
  return latencies
}
do {
  log("sqlite3 baseline")
  let baseline = try sqliteInsertLatencies(count: quick ? 100 : 500)
  let (b50, b99) = (median(baseline), percentile(baseline, 0.99))
  if let ours = inProcess["note committed durably"] {
    rows.append(
      Row(
        figure: "note committed durably (p50 / p99)", ours: "\(ms(ours.p50)) / \(ms(ours.p99))",
        baseline: "\(ms(b50)) / \(ms(b99)) (sqlite3 CLI, WAL, FULL)",
        ratio: "p99 " + Row.ratio(ours.p99, b99), goal: "p99 <= 2x", met: ours.p99 <= 2 * b99))
  }
}

// MARK: Search, against grep over the Markdown exports

let library = data.appendingPathComponent("library")
let exports = data.appendingPathComponent("library-markdown")
let queries = [
  "licensing", "safeguarding leads", "Zoë", "夜間", "ambulance", "trust", "Müller", "café",
  "partnership board", "GP surgeries", "monthly", "résidents", "Ødegård", "success March",
  "commissioners", "street pastors", "schools", "named contact", "Ngata", "crisis team",
]
if FileManager.default.fileExists(atPath: library.appendingPathComponent(AppDatabase.fileName).path)
{
  log("grep baseline")
  let markdown = exports.appendingPathComponent("all-sessions.md")
  if !FileManager.default.fileExists(atPath: markdown.path) {
    try FileManager.default.createDirectory(at: exports, withIntermediateDirectories: true)
    let export = Process()
    export.executableURL = URL(fileURLWithPath: binary)
    export.arguments = [
      "export", "--all", "--format", "markdown", "--data-dir", library.path, "-o", markdown.path,
    ]
    export.standardOutput = FileHandle.nullDevice
    try export.run()
    export.waitUntilExit()
  }
  var grep: [Double] = []
  for _ in 0..<(quick ? 1 : 5) {
    for query in queries {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["grep", "-ri", "--", query, exports.path]
      process.standardOutput = FileHandle.nullDevice
      let started = Date()
      try process.run()
      process.waitUntilExit()
      grep.append(Date().timeIntervalSince(started))
    }
  }
  if let ours = inProcess["search 1,000 sessions / 100,000 notes"] {
    let (g50, g95) = (median(grep), percentile(grep, 0.95))
    rows.append(
      Row(
        figure: "search 1,000 sessions / 100,000 notes (p50 / p95)",
        ours: "\(ms(ours.p50)) / \(ms(ours.p95))",
        baseline: "\(ms(g50)) / \(ms(g95)) (grep -ri over the Markdown export)",
        ratio: Row.ratio(ours.p50, g50),
        goal: ">= 10x faster, p95 <= 20 ms", met: ours.p50 * 10 <= g50 && ours.p95 <= 0.020))
  }

  // MARK: Review list of 1,000 sessions, against home with an empty data folder
  log("review list first frame")
  var review: [Double] = []
  var reviewPeak = 0
  var home: [Double] = []
  var homePeak = 0
  for _ in 0..<(quick ? 3 : 11) {
    let (reviewTime, reviewRSS) = try firstFrame(
      [binary, "review", "--data-dir", library.path], showing: "SLG")
    review.append(reviewTime)
    reviewPeak = max(reviewPeak, reviewRSS)
    let (homeTime, homeRSS) = try firstFrame(
      [binary, "--data-dir", empty.path], showing: "New session")
    home.append(homeTime)
    homePeak = max(homePeak, homeRSS)
  }
  let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
  rows.append(
    Row(
      figure: "review list of 1,000 sessions: first frame (median)", ours: ms(median(review)),
      baseline: "\(ms(median(home))) (home, empty data folder)",
      ratio: Row.ratio(median(review), median(home)), goal: "<= 2x",
      met: median(review) <= 2 * median(home)))
  rows.append(
    Row(
      figure: "review list of 1,000 sessions: peak RSS", ours: mb(reviewPeak),
      baseline: "\(mb(homePeak)) (home, empty data folder)",
      ratio: Row.ratio(Double(reviewPeak), Double(homePeak)), goal: "<= 50 MB",
      met: reviewPeak <= 50 * 1_048_576))
} else {
  log("no library at \(library.path): the in-process benchmarks build it; run Benchmarks/run.sh")
}

// MARK: The harvest report of one programme of 1,000 sessions, against its review list

let oneProgramme = data.appendingPathComponent("one-programme")
if FileManager.default.fileExists(
  atPath: oneProgramme.appendingPathComponent(AppDatabase.fileName).path)
{
  log("harvest report of 1,000 sessions")
  let programme = SyntheticData.programmes[0]
  var report: [Double] = []
  var reportPeak = 0
  var list: [Double] = []
  for _ in 0..<(quick ? 1 : 5) {
    for format in ["html", "markdown", "json"] {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: binary)
      process.arguments = [
        "harvest", "--programme", programme, "--format", format, "--data-dir", oneProgramme.path,
      ]
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      let started = Date()
      try process.run()
      var usage = rusage()
      var status: Int32 = 0
      // wait4 rather than waitUntilExit: it gives the child's peak RSS with its end.
      while wait4(process.processIdentifier, &status, 0, &usage) == -1 && errno == EINTR {}
      report.append(Date().timeIntervalSince(started))
      reportPeak = max(reportPeak, Int(usage.ru_maxrss) * 1_024)
    }
    let (listTime, _) = try firstFrame(
      [binary, "review", "--data-dir", oneProgramme.path], showing: "SLG")
    list.append(listTime)
  }
  rows.append(
    Row(
      figure: "harvest report of one programme, 1,000 sessions / 100,000 notes (median)",
      ours: ms(median(report)),
      baseline: "\(ms(median(list))) (review list of the same data: first frame)",
      ratio: Row.ratio(median(report), median(list)), goal: "<= 1 s",
      met: median(report) <= 1))
  rows.append(
    Row(
      figure: "harvest report of one programme: peak RSS",
      ours: String(format: "%.1f MB", Double(reportPeak) / 1_048_576), baseline: "-", ratio: "-",
      goal: "none", met: nil))
} else {
  log("no one-programme data at \(oneProgramme.path): run pc-bench --prepare")
}

// MARK: One session of 10,000 notes against 10

for (figure, name) in [
  ("one session of 10,000 notes: render a live frame", "live frame"),
  (
    "one session of 10,000 notes: page down in the transcript, and a frame",
    "transcript page down and frame"
  ),
  ("one session of 10,000 notes: open (replay every event)", "open session"),
] {
  guard let long = inProcess["\(name), 10,000 notes"], let short = inProcess["\(name), 10 notes"]
  else { continue }
  let frame = name != "open session"
  rows.append(
    Row(
      figure: figure + " (p50)", ours: ms(long.p50), baseline: "\(ms(short.p50)) (10 notes)",
      ratio: Row.ratio(long.p50, short.p50),
      goal: frame ? "<= 1.2x" : "none (grows with the events)",
      met: frame ? long.p50 <= 1.2 * short.p50 : nil))
  // Ten notes leave most of the screen empty; a hundred fill it, so this isolates length.
  if frame, let full = inProcess["\(name), 100 notes"] {
    rows.append(
      Row(
        figure: figure + ", against a full screen (p50)", ours: ms(long.p50),
        baseline: "\(ms(full.p50)) (100 notes)", ratio: Row.ratio(long.p50, full.p50),
        goal: "<= 1.2x", met: long.p50 <= 1.2 * full.p50))
  }
}

// MARK: The room display

rows += try roomDisplayRows(
  binary: binary, environment: environment, scratch: scratch, quick: quick)

// MARK: Timer accuracy after 10 minutes (long mode)

if longMode {
  // ncurses sends only the cells that change, so the moment the display turns over is read
  // from a terminal emulator's screen: tmux, polled every few milliseconds around it.
  log("timer accuracy: 10 minutes")
  let folder = scratch.appendingPathComponent("timer")
  let socket = "pc-bench-\(getpid())"
  /// Runs tmux to completion with posix_spawn and waitpid: Foundation's Process can miss the
  /// exit of `new-session`'s client, and a pipe would be held open by the server it starts,
  /// so output goes through a file.
  func tmux(_ arguments: [String]) -> String {
    let outputPath = scratch.appendingPathComponent("tmux-output").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let all = ["tmux", "-L", socket, "-f", "/dev/null"] + arguments
    let argv: [UnsafeMutablePointer<CChar>?] = all.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    guard posix_spawnp(&pid, "tmux", &actions, nil, argv, environ) == 0 else { return "" }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
  }
  let command = (["env"] + environment.map { "\($0.key)=\($0.value)" } + runArguments(folder))
    .map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
  _ = tmux(["new-session", "-d", "-x", "80", "-y", "24", command])
  defer { _ = tmux(["kill-server"]) }
  /// Polls the screen until `text` shows; returns when it was first seen.
  func seen(_ text: String, timeout: TimeInterval) -> Date? {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if tmux(["capture-pane", "-p", "-t", "0"]).contains(text) { return Date() }
      usleep(2_000)
    }
    return nil
  }
  guard let first = seen("19:59 left", timeout: 20) else {
    throw BenchError("the timer never showed 19:59")
  }
  // Idle until just before the expected moment, so the polling itself does not load the machine.
  Thread.sleep(forTimeInterval: 598)
  guard let tenMinutes = seen("09:59 left", timeout: 10) else {
    throw BenchError("the timer did not reach 09:59")
  }
  let drift = tenMinutes.timeIntervalSince(first) - 600
  rows.append(
    Row(
      figure: "timer after 10 minutes: display vs wall clock",
      ours: String(format: "%+.0f ms", drift * 1000), baseline: "wall clock", ratio: "-",
      goal: "<= 50 ms", met: abs(drift) <= 0.050))
}

rows += try groupedProgrammeRows(binary: binary, data: data, scratch: scratch, quick: quick)
print(table(rows))
