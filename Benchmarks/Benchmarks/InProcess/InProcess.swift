import Benchmark
import Foundation
import PeerConsultApp
import PeerConsultKit
import SyntheticData
import TerminalKit

// In-process figures: p50/p95/p99 of the costs a facilitator feels, each next to a baseline
// from the same run where one makes sense (10 notes against 10,000). Benchmarks/run.sh runs
// them and prints them with the whole-process figures; Docs/PERFORMANCE.md has the results.

/// Where generated data is kept between runs (Benchmarks/run.sh sets it; a temporary folder
/// otherwise). It must be on a real disk: the commit benchmark measures fsync.
let dataRoot: URL = {
  if let path = ProcessInfo.processInfo.environment["PEERCONSULT_BENCH_DATA"] {
    return URL(fileURLWithPath: path)
  }
  return FileManager.default.temporaryDirectory.appendingPathComponent("peerconsult-bench-data")
}()

/// 1,000 sessions of 100 notes (about 100,000 notes) across ten programmes.
let library: AppDatabase = {
  let folder = try! SyntheticData.database(
    at: dataRoot.appendingPathComponent("library"), sessions: 1_000, notesPerSession: 100)
  return try! AppDatabase(directory: folder)
}()

/// Sessions of 10, 100 (a screen's worth) and 10,000 notes, in one database.
let lengths: (database: AppDatabase, short: SessionID, full: SessionID, long: SessionID) = {
  let folder = dataRoot.appendingPathComponent("lengths")
  let marker = folder.appendingPathComponent("ids")
  if let ids = try? String(contentsOf: marker, encoding: .utf8).split(separator: " ")
    .compactMap({ SessionID(rawValue: $0.trimmingCharacters(in: .whitespacesAndNewlines)) }),
    ids.count == 3
  {
    return (try! AppDatabase(directory: folder), ids[0], ids[1], ids[2])
  }
  try? FileManager.default.removeItem(at: folder)
  let database = try! AppDatabase(directory: folder)
  var rng = SeededGenerator(seed: SyntheticData.seed &+ 1)
  let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
  // Unfinished, so the live screen can show them.
  let short = try! SyntheticData.session(
    notes: 10, programme: "Alcohol Plan", number: 1, in: database, clock: clock, finish: false,
    using: &rng)
  let full = try! SyntheticData.session(
    notes: 100, programme: "Alcohol Plan", number: 2, in: database, clock: clock, finish: false,
    using: &rng)
  let long = try! SyntheticData.session(
    notes: 10_000, programme: "Alcohol Plan", number: 3, in: database, clock: clock,
    finish: false, using: &rng)
  try! "\(short.rawValue) \(full.rawValue) \(long.rawValue)".write(
    to: marker, atomically: true, encoding: .utf8)
  return (database, short, full, long)
}()

/// Words facilitators search for: common and rare, accented, CJK, several words.
let queries = [
  "licensing", "safeguarding leads", "Zoë", "夜間", "ambulance", "trust", "Müller", "café",
  "partnership board", "GP surgeries", "monthly", "résidents", "Ødegård", "success March",
  "commissioners", "street pastors", "schools", "named contact", "Ngata", "crisis team",
]

/// The live screen of a stored session at 120x40, as the app would show it.
func liveState(_ id: SessionID) -> AppState {
  let session = try! lengths.database.loadSession(id)
  let now = session.current.map { _ in Date(timeIntervalSince1970: 1_760_000_000) } ?? Date()
  var state = AppState(
    screen: LiveState(sessionID: id, session: session, now: now),
    width: 120, height: 40, now: now)
  state.timeZone = TimeZone(identifier: "Europe/London")!
  return state
}

/// The review transcript of a stored session, opened through the services as the app does.
func transcriptState(_ id: SessionID) -> AppState {
  let services = AppServices(
    location: DataLocation(
      dataDirectory: dataRoot.appendingPathComponent("lengths"),
      protocolsDirectory: dataRoot.appendingPathComponent("no-protocols")),
    clock: ManualClock(), openStore: { lengths.database })
  var state = AppState(width: 120, height: 40)
  _ = App.update(&state, .result(services.perform(.loadReview)))
  _ = App.update(&state, .result(services.perform(.openTranscript(id, note: nil))))
  return state
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .throughput, .peakMemoryResident], warmupIterations: 3,
    maxDuration: .seconds(3), maxIterations: 2_000)

  // One note through LiveSession: the event and its projections in one transaction, WAL with
  // synchronous=FULL, on the disk dataRoot is on.
  Benchmark("note committed durably") { benchmark in
    let folder = dataRoot.appendingPathComponent("commit")
    try? FileManager.default.removeItem(at: folder)
    let database = try AppDatabase(directory: folder)
    var rng = SeededGenerator(seed: 42)
    let clock = ManualClock()
    let live = try LiveSession.create(
      SyntheticData.setup(programme: "Alcohol Plan", number: 1, using: &rng), store: database,
      clock: clock)
    try live.start()
    let notes = (0..<500).map { _ in
      SyntheticData.note(kind: .insight, participants: 3, using: &rng)
    }
    var index = 0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(try live.addNote(notes[index % notes.count]))
      index += 1
    }
    benchmark.stopMeasurement()
    try database.close()
  }

  Benchmark("search 1,000 sessions / 100,000 notes") { benchmark in
    _ = try library.sessions()
    var index = 0
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      blackHole(
        try library.searchNotes(queries[index % queries.count], limit: ReviewState.hitLimit))
      index += 1
    }
  }

  for (label, pick) in [
    ("10 notes", { lengths.short }), ("100 notes", { lengths.full }),
    ("10,000 notes", { lengths.long }),
  ] {
    Benchmark("open session, \(label)") { benchmark in
      let id = pick()
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { blackHole(try lengths.database.loadSession(id)) }
      benchmark.stopMeasurement()
    }

    Benchmark("live frame, \(label)") { benchmark in
      let state = liveState(pick())
      benchmark.startMeasurement()
      for _ in benchmark.scaledIterations { blackHole(App.render(state)) }
      // Stopped before the state goes out of scope: freeing 10,000 notes is not a frame.
      benchmark.stopMeasurement()
    }

    Benchmark("transcript page down and frame, \(label)") { benchmark in
      var state = transcriptState(pick())
      benchmark.startMeasurement()
      for index in benchmark.scaledIterations {
        // Down through the transcript, back to the top now and then.
        let key: Key = index % 50 == 49 ? .home : .pageDown
        blackHole(App.update(&state, .key(key)))
        blackHole(App.render(state))
      }
      benchmark.stopMeasurement()
    }
  }
}
