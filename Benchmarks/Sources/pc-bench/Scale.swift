import Foundation

// `pc-bench --scale N`: what a user waits for at N sessions, whole process, each command beside
// the same command on an empty data folder in the same run (and beside another build of the
// program, `--before BINARY`, when given), so that what grows with the data shows.

/// A command run to completion with its standard output written to a file (never /dev/null:
/// a program may stop early when it sees nothing reads), timed from spawn to exit.
struct Completed {
  var seconds: Double
  /// Peak resident set, from `wait4`'s resource usage.
  var peakBytes: Int
  var status: Int32
}

func runToCompletion(_ arguments: [String], environment: [String: String], output: URL) throws
  -> Completed
{
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  posix_spawn_file_actions_adddup2(&actions, 1, 2)
  let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
  defer { argv.forEach { free($0) } }
  let envp: [UnsafeMutablePointer<CChar>?] =
    environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { envp.forEach { free($0) } }
  var pid: pid_t = 0
  // The last run's output goes before the clock starts: truncating grep's 150 MB of matches
  // in the spawn's O_TRUNC cost the next run 30-50 ms.
  try? FileManager.default.removeItem(at: output)
  let started = Date()
  let spawned = posix_spawnp(&pid, arguments[0], &actions, nil, argv, envp)
  guard spawned == 0 else { throw BenchError("cannot start \(arguments[0]): error \(spawned)") }
  var status: Int32 = 0
  var usage = rusage()
  while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
  return Completed(
    seconds: Date().timeIntervalSince(started), peakBytes: usage.ru_maxrss * 1024,
    status: status)
}

/// One thing a user does, run against a data folder.
struct ScaleCase {
  var figure: String
  /// The arguments after the binary, for a data folder.
  var arguments: (URL) -> [String]
  /// Text that says the first frame is up, for a screen; nil for a command that ends.
  var screenShows: ((URL) -> String)?
}

/// Median time and peak RSS of `scaleCase` with `binary` on `folder`, `count` times.
func measure(
  _ scaleCase: ScaleCase, binary: String, folder: URL, count: Int,
  environment: [String: String], scratch: URL
) throws -> (seconds: Double, peakBytes: Int) {
  var times: [Double] = []
  var peak = 0
  for _ in 0..<count {
    let arguments = [binary] + scaleCase.arguments(folder)
    if let shows = scaleCase.screenShows {
      let (seconds, rss) = try firstFrame(arguments, showing: shows(folder))
      times.append(seconds)
      peak = max(peak, rss)
    } else {
      let done = try runToCompletion(
        arguments, environment: environment,
        output: scratch.appendingPathComponent("scale-output"))
      times.append(done.seconds)
      peak = max(peak, done.peakBytes)
    }
  }
  return (median(times), peak)
}

/// The scale table: for each case, this build at N sessions, the same on an empty folder, the
/// ratio, and the other build at N sessions when given.
func scaleRows(
  sessions: Int, library: URL, empty: URL, binary: String, before: String?, count: Int,
  environment: [String: String], scratch: URL
) throws -> [Row] {
  let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
  let cases = [
    ScaleCase(figure: "list", arguments: { ["list", "--data-dir", $0.path] }),
    ScaleCase(
      figure: "search licensing", arguments: { ["search", "licensing", "--data-dir", $0.path] }),
    ScaleCase(figure: "show latest", arguments: { ["show", "latest", "--data-dir", $0.path] }),
    ScaleCase(figure: "check (every page)", arguments: { ["check", "--data-dir", $0.path] }),
    ScaleCase(
      figure: "review list: first frame", arguments: { ["review", "--data-dir", $0.path] },
      screenShows: { $0 == empty ? "No sessions" : "SLG" }),
    ScaleCase(
      figure: "home: first frame", arguments: { ["--data-dir", $0.path] },
      screenShows: { _ in "New session" }),
  ]
  var rows: [Row] = []
  for scaleCase in cases {
    log("scale: \(scaleCase.figure)")
    // Alternated, so that the machine's load falls on every column alike.
    var ours: [Double] = []
    var baseline: [Double] = []
    var earlier: [Double] = []
    var oursPeak = 0
    var earlierPeak = 0
    for _ in 0..<count {
      let at = try measure(
        scaleCase, binary: binary, folder: library, count: 1, environment: environment,
        scratch: scratch)
      ours.append(at.seconds)
      oursPeak = max(oursPeak, at.peakBytes)
      baseline.append(
        try measure(
          scaleCase, binary: binary, folder: empty, count: 1, environment: environment,
          scratch: scratch
        ).seconds)
      // The earlier build has no `check`.
      if let before, scaleCase.figure != "check (every page)" {
        let then = try measure(
          scaleCase, binary: before, folder: library, count: 1, environment: environment,
          scratch: scratch)
        earlier.append(then.seconds)
        earlierPeak = max(earlierPeak, then.peakBytes)
      }
    }
    let (o, b) = (median(ours), median(baseline))
    let was = earlier.isEmpty ? "" : "; before: \(ms(median(earlier))), \(mb(earlierPeak))"
    rows.append(
      Row(
        figure: "\(scaleCase.figure), \(sessions) sessions (median; peak RSS)",
        ours: "\(ms(o)), \(mb(oursPeak))", baseline: "\(ms(b)) (empty data folder)\(was)",
        ratio: Row.ratio(o, b), goal: "<= 1.2x",
        met: scaleCase.figure.hasPrefix("check") ? nil : o <= 1.2 * b))
  }
  return rows
}
