import Foundation
import PeerConsultKit
import SyntheticData

// `pc-bench --scale N --search`: search at N sessions, for each kind of query a user types, in
// both orders: in process (p95 of `AppDatabase.searchNotes`) and whole process (`peerconsult
// search`), beside `grep -ri` of the same text over the Markdown export of the same sessions,
// its output written to a file (GNU grep stops at the first match when writing to /dev/null).

/// One query and what grep is given for it.
struct SearchCase {
  var label: String
  var query: String
  /// The text grep looks for: the word, the phrase or the prefix as a substring.
  var grep: String
}

/// The queries: the most common English word, one of a thousand times rarer, a prefix shared
/// by many made-up words, a phrase of two common words, and CJK terms of one to three
/// characters.
func searchCases() -> [SearchCase] {
  let words = ZipfWords.english.words
  let rare = words[4_000]
  return [
    SearchCase(label: "common word", query: words[0], grep: words[0]),
    SearchCase(label: "middling word", query: words[8], grep: words[8]),
    SearchCase(label: "rare word", query: rare, grep: rare),
    SearchCase(label: "prefix", query: "bra*", grep: "bra"),
    SearchCase(label: "phrase", query: "\"the partnership\"", grep: "the partnership"),
    SearchCase(label: "CJK 1 character", query: "酒", grep: "酒"),
    SearchCase(label: "CJK 2 characters", query: "飲酒", grep: "飲酒"),
    SearchCase(label: "CJK 3 characters", query: "居酒屋", grep: "居酒屋"),
  ]
}

/// The search rows at `sessions`: in process p95 of both orders, whole process median of both
/// orders, and grep's median, alternated run by run so load falls on each alike.
func searchRows(
  sessions: Int, library: URL, binary: String, count: Int, environment: [String: String],
  scratch: URL
) throws -> [Row] {
  let export = markdownExport(of: library)
  guard FileManager.default.fileExists(atPath: export.path) else {
    throw BenchError("no Markdown export at \(export.path): run pc-bench --prepare --scale")
  }
  let output = scratch.appendingPathComponent("search-output")
  let cases = searchCases()
  // Every whole-process run first, with no connection open here, so that nothing of this
  // process's reading stands between the command and the file.
  var whole: [[NoteSearchOrder: [Double]]] = []
  var grepTimes: [Double] = []
  var peaks: [Int] = []
  for searchCase in cases {
    log("scale search, whole process: \(searchCase.label)")
    var times: [NoteSearchOrder: [Double]] = [:]
    var grep: [Double] = []
    var peak = 0
    for _ in 0..<count {
      for order in NoteSearchOrder.allCases {
        let run = try runToCompletion(
          [binary, "search", searchCase.query, "--data-dir", library.path]
            + (order == .newest ? ["--newest"] : []),
          environment: environment, output: output)
        guard run.status == 0 else {
          throw BenchError("peerconsult search \(searchCase.query) failed: \(run.status)")
        }
        times[order, default: []].append(run.seconds)
        peak = max(peak, run.peakBytes)
      }
      let grepped = try runToCompletion(
        ["grep", "-ri", searchCase.grep, export.path], environment: environment, output: output)
      grep.append(grepped.seconds)
    }
    whole.append(times)
    grepTimes.append(median(grep))
    peaks.append(peak)
  }
  guard let database = try AppDatabase.openForReading(directory: library) else {
    throw BenchError("no database in \(library.path)")
  }
  defer { try? database.close() }
  var rows: [Row] = []
  for (index, searchCase) in cases.enumerated() {
    log("scale search, in process: \(searchCase.label)")
    var inProcess: [NoteSearchOrder: [Double]] = [:]
    var matches = 0
    for order in NoteSearchOrder.allCases {
      // One untimed search first: the first reads the pages from the file.
      matches = try database.searchNotes(searchCase.query, order: order).count
      for _ in 0..<max(count * 5, 20) {
        let started = Date()
        _ = try database.searchNotes(searchCase.query, order: order)
        inProcess[order, default: []].append(Date().timeIntervalSince(started))
      }
    }
    let grepTime = grepTimes[index]
    for order in NoteSearchOrder.allCases {
      let p95 = percentile(inProcess[order] ?? [], 0.95)
      let wall = median(whole[index][order] ?? [])
      let name = "search \(searchCase.label) `\(searchCase.query)`, \(order.rawValue)"
      rows.append(
        Row(
          figure: "\(name), \(sessions) sessions: in process (p95; \(matches) shown)",
          ours: ms(p95), baseline: "-", ratio: "-", goal: "<= 10 ms", met: p95 <= 0.010))
      rows.append(
        Row(
          figure: "\(name), \(sessions) sessions: whole process (median; peak RSS)",
          ours: String(format: "%@, %.1f MB", ms(wall), Double(peaks[index]) / 1_048_576),
          baseline: "\(ms(grepTime)) (grep -ri over the Markdown export)",
          ratio: Row.ratio(wall, grepTime), goal: "<= 0.2x", met: wall <= 0.2 * grepTime))
    }
  }
  return rows
}
