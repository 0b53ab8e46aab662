import Foundation
import PeerConsultKit
import SyntheticData

// `pc-bench --prepare --scale N`: the Zipf library of N sessions (`ScaleLibrary`), and the
// Markdown export of the same sessions that `grep -ri` is timed over.

/// The Markdown export beside the library of `library`, for the grep baseline.
func markdownExport(of library: URL) -> URL {
  library.deletingLastPathComponent().appendingPathComponent(
    library.lastPathComponent + ".md")
}

/// Peak resident set of this process so far.
func ownPeakBytes() -> Int {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return usage.ru_maxrss * 1024
}

/// Generates the library unless kept, has `check` vouch for the copied file, and writes the
/// Markdown export of every session, a few hundred sessions at a time.
func prepareScale(_ library: URL, sessions: Int, binary: String) throws {
  let seconds = try ScaleLibrary.database(at: library, sessions: sessions)
  if seconds > 0 {
    log(
      String(
        format: "generated %d sessions in %.0f s, peak RSS %.0f MB", sessions, seconds,
        Double(ownPeakBytes()) / 1_048_576))
  }
  // The files were copied into place, which a start cannot tell from a file put there by a
  // sync tool: one `check` reads every page and vouches for them, as a clean close would.
  let check = Process()
  check.executableURL = URL(fileURLWithPath: binary)
  check.arguments = ["check", "--data-dir", library.path]
  try check.run()
  check.waitUntilExit()
  guard check.terminationStatus == 0 else { throw BenchError("check failed on \(library.path)") }
  let export = markdownExport(of: library)
  guard !FileManager.default.fileExists(atPath: export.path) else { return }
  guard let database = try AppDatabase.openForReading(directory: library) else {
    throw BenchError("no database in \(library.path)")
  }
  defer { try? database.close() }
  let partial = export.appendingPathExtension("partial")
  _ = FileManager.default.createFile(atPath: partial.path, contents: nil)
  let file = try FileHandle(forWritingTo: partial)
  let ids = try database.sessions().map(\.id)
  for start in stride(from: 0, to: ids.count, by: 200) {
    let chunk = Array(ids[start..<min(start + 200, ids.count)])
    let text = try SessionExport.render(database.records(of: chunk).records, as: .markdown)
    try file.write(contentsOf: Data(text.utf8))
  }
  try file.close()
  try FileManager.default.moveItem(at: partial, to: export)
}
