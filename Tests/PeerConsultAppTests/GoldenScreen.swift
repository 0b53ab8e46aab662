import Foundation
import Testing

@testable import TerminalKit

/// Compares a rendered grid with a golden text file under `Golden/`, line by line.
///
/// On a mismatch the failure lists each differing cell. Run with `PEERCONSULT_RECORD=1` to
/// write the current rendering as the new golden file (then read the diff before committing).
func expectGolden(
  _ grid: Grid, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden/\(name).txt")
  let rendered = grid.lines.map {
    $0.replacingOccurrences(of: " +$", with: "", options: .regularExpression)
  }
  if ProcessInfo.processInfo.environment["PEERCONSULT_RECORD"] == "1" {
    try? (rendered.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let text = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no golden file \(url.lastPathComponent); run with PEERCONSULT_RECORD=1 to create it",
      sourceLocation: sourceLocation)
    return
  }
  var expected = text.components(separatedBy: "\n")
  if expected.last == "" { expected.removeLast() }
  if let diff = grid.difference(from: expected) {
    Issue.record("screen differs from \(name).txt:\n\(diff)", sourceLocation: sourceLocation)
  }
}
