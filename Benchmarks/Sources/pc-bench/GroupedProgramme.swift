import Foundation
import PeerConsultKit
import SyntheticData

// Issue 17's goals over one programme of 50 standing groups meeting 20 times (1,000
// sessions, 100,000 notes): the harvest report in under 1 s and the programme view in under
// 100 ms, each beside the review list of the same data, whole process and in process.

/// The programme's name and where its data is kept, beside the other generated data.
let groupedProgrammeName = "Night-Time Economy"
func groupedProgrammeFolder(_ data: URL) -> URL {
  data.appendingPathComponent("grouped-programme")
}

/// Generates the grouped programme once (kept like the rest of the data).
func prepareGroupedProgramme(_ data: URL) throws {
  let started = Date()
  _ = try SyntheticData.groupedDatabase(
    at: groupedProgrammeFolder(data), programme: groupedProgrammeName, groups: 50, meetings: 20,
    notesPerSession: 100)
  log(String(format: "grouped programme ready in %.0f s", Date().timeIntervalSince(started)))
}

/// The seconds `body` takes, `count` times.
private func timed(_ count: Int, _ body: () throws -> Void) rethrows -> [Double] {
  var times: [Double] = []
  for _ in 0..<count {
    let started = Date()
    try body()
    times.append(Date().timeIntervalSince(started))
  }
  return times
}

/// Runs `arguments` to completion with its output in a file, for its time, the processor
/// time it used (user and system: on a machine shared with other builds, what the wall clock
/// would be on an idle one) and its peak RSS.
///
/// Spawned with posix_spawn and reaped here with wait4, which gives the child's own usage:
/// Foundation's Process reaps its children on a thread of its own, and whichever wait came
/// first took the usage, so a run measured that way could read 0 ms and 0 MB.
private func wholeProcess(_ binary: String, _ arguments: [String], output: URL) throws
  -> (seconds: Double, cpu: Double, peak: Int)
{
  var actions = posix_spawn_file_actions_t()
  posix_spawn_file_actions_init(&actions)
  defer { posix_spawn_file_actions_destroy(&actions) }
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
  posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
  let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
  let envp: [UnsafeMutablePointer<CChar>?] =
    environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
  defer { for pointer in argv + envp { free(pointer) } }
  let started = Date()
  var pid: pid_t = 0
  let spawned = posix_spawn(&pid, binary, &actions, nil, argv, envp)
  guard spawned == 0 else { throw BenchError("cannot run \(binary): error \(spawned)") }
  var usage = rusage()
  var status: Int32 = 0
  while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
  let seconds = Date().timeIntervalSince(started)
  guard status == 0 else { throw BenchError("\(arguments) ended with status \(status)") }
  let cpu =
    Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
    + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1_000_000
  return (seconds, cpu, Int(usage.ru_maxrss) * 1_024)
}

/// The programme view the way a person opens it: `review` on the data, its list's first
/// frame, then Ctrl-O; returns the time from the start to the view's first frame, and from the
/// key to it.
func programmeViewFrame(binary: String, folder: URL) throws -> (
  whole: TimeInterval, afterKey: TimeInterval
) {
  let started = Date()
  let process = try PtyProcess(
    [binary, "review", "--data-dir", folder.path], environment: environment)
  defer { process.stop() }
  guard process.waitFor("meeting", timeout: 20) != nil else {
    throw BenchError("review never showed its list")
  }
  let mark = process.output.count
  let pressed = Date()
  process.send("\u{0F}")
  guard process.waitFor("Standing groups (", from: mark, timeout: 60) != nil else {
    throw BenchError("Ctrl-O never showed the programme view")
  }
  let now = Date()
  return (now.timeIntervalSince(started), now.timeIntervalSince(pressed))
}

/// The figures of the harvest report and the programme view over the grouped programme.
func groupedProgrammeRows(binary: String, data: URL, scratch: URL, quick: Bool) throws -> [Row] {
  let folder = groupedProgrammeFolder(data)
  guard
    FileManager.default.fileExists(atPath: folder.appendingPathComponent(AppDatabase.fileName).path)
  else {
    log("no grouped programme at \(folder.path): run pc-bench --prepare")
    return []
  }
  log("harvest report and programme view of 50 groups x 20 meetings")
  let output = scratch.appendingPathComponent("harvest-output")
  _ = FileManager.default.createFile(atPath: output.path, contents: nil)
  let repeats = quick ? 1 : 5
  let mb = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1_048_576) }
  var rows: [Row] = []

  // Whole process: the report in each format, the anonymised one, the review list.
  var formats: [String: [Double]] = [:]
  var cpu: [String: [Double]] = [:]
  var peak: [String: Int] = [:]
  var list: [Double] = []
  var viewWhole: [Double] = []
  var viewAfterKey: [Double] = []
  var anonymised: [Double] = []
  var anonymisedPeak = 0
  var anonymisedCPU: [Double] = []
  for _ in 0..<repeats {
    for format in ["html", "markdown", "json"] {
      let run = try wholeProcess(
        binary,
        [
          "harvest", "--programme", groupedProgrammeName, "--format", format, "--data-dir",
          folder.path,
        ], output: output)
      formats[format, default: []].append(run.seconds)
      cpu[format, default: []].append(run.cpu)
      peak[format] = max(peak[format] ?? 0, run.peak)
    }
    list.append(
      try firstFrame([binary, "review", "--data-dir", folder.path], showing: "meeting").0)
    let view = try programmeViewFrame(binary: binary, folder: folder)
    viewWhole.append(view.whole)
    viewAfterKey.append(view.afterKey)
  }
  for _ in 0..<(quick ? 1 : 3) {
    let run = try wholeProcess(
      binary,
      [
        "harvest", "--programme", groupedProgrammeName, "--format", "html", "--anonymise",
        "--data-dir", folder.path,
      ], output: output)
    anonymised.append(run.seconds)
    anonymisedCPU.append(run.cpu)
    anonymisedPeak = max(anonymisedPeak, run.peak)
  }
  let listLabel = "\(ms(median(list))) (review list of the same data: first frame)"
  for format in ["html", "markdown", "json"] {
    let time = median(formats[format] ?? [])
    rows.append(
      Row(
        figure: "harvest --format \(format), 50 groups x 20 meetings / 100,000 notes, whole "
          + "process (median of \(repeats))",
        ours: ms(time), baseline: listLabel, ratio: Row.ratio(time, median(list)), goal: "<= 1 s",
        met: time <= 1))
  }
  for format in ["html", "markdown", "json"] {
    let time = median(cpu[format] ?? [])
    rows.append(
      Row(
        figure: "the same, \(format): processor time, user + system (median)", ours: ms(time),
        baseline: "-", ratio: "-", goal: "<= 1 s", met: time <= 1))
  }
  for format in ["html", "markdown", "json"] {
    rows.append(
      Row(
        figure: "the same, \(format): peak RSS", ours: mb(peak[format] ?? 0), baseline: "-",
        ratio: "-", goal: "none", met: nil))
  }
  rows.append(
    Row(
      figure: "harvest --anonymise --format html (read from the tables), whole process",
      ours: ms(median(anonymised)), baseline: listLabel,
      ratio: Row.ratio(median(anonymised), median(list)), goal: "<= 1 s",
      met: median(anonymised) <= 1))
  rows.append(
    Row(
      figure: "the same: processor time, user + system (median)",
      ours: ms(median(anonymisedCPU)), baseline: "-", ratio: "-", goal: "<= 1 s",
      met: median(anonymisedCPU) <= 1))
  rows.append(
    Row(
      figure: "the same: peak RSS", ours: mb(anonymisedPeak), baseline: "-", ratio: "-",
      goal: "none", met: nil))

  rows.append(
    Row(
      figure: "programme view, whole process: review, its list, Ctrl-O, to the view's first "
        + "frame (median of \(repeats))",
      ours: ms(median(viewWhole)), baseline: listLabel,
      ratio: Row.ratio(median(viewWhole), median(list)), goal: "-", met: nil))
  rows.append(
    Row(
      figure: "the same, from Ctrl-O to the view's first frame (median)",
      ours: ms(median(viewAfterKey)), baseline: "-", ratio: "-", goal: "<= 100 ms",
      met: median(viewAfterKey) <= 0.1))

  // In process: reading the tables against replaying the records (the way before), the
  // programme view's overview against the review list's listing.
  guard let database = try AppDatabase.openForReading(directory: folder) else {
    throw BenchError("cannot open \(folder.path)")
  }
  defer { try? database.close() }
  let groups = Dictionary(
    try database.groups().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
  let fromTables = try timed(repeats) {
    let read = try database.programmeSessions(programme: groupedProgrammeName)
    _ = HarvestExport.render(
      sessions: read.sessions, programme: groupedProgrammeName, as: .html, groups: groups)
  }
  let replayed = try timed(quick ? 1 : 3) {
    let records = try database.records(programme: groupedProgrammeName).records
    _ = try HarvestExport.render(
      records, programme: groupedProgrammeName, as: .html, groups: groups)
  }
  rows.append(
    Row(
      figure: "harvest HTML in process: read from the tables and render (median)",
      ours: ms(median(fromTables)),
      baseline: "\(ms(median(replayed))) (replaying every session, as before)",
      ratio: Row.ratio(median(fromTables), median(replayed)), goal: "<= 1 s",
      met: median(fromTables) <= 1))
  let overview = try timed(repeats * 2) {
    _ = try database.programmeOverview(groupedProgrammeName)
  }
  let listing = try timed(repeats * 2) { _ = try database.sessions() }
  rows.append(
    Row(
      figure: "programme view in process: AppDatabase.programmeOverview, 1,000 sessions (median)",
      ours: ms(median(overview)),
      baseline: "\(ms(median(listing))) (the review list's listing, AppDatabase.sessions)",
      ratio: Row.ratio(median(overview), median(listing)), goal: "<= 100 ms",
      met: median(overview) <= 0.1))
  return rows
}
