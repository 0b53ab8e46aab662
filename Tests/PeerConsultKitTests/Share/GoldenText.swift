import Foundation
import Testing

/// Compares `text` with `Golden/<name>` (next to this folder's parent), line by line.
///
/// Run with `PEERCONSULT_RECORD=1` to write the current output as the new golden file, then
/// read the diff before committing.
func expectGoldenText(
  _ text: String, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
  if ProcessInfo.processInfo.environment["PEERCONSULT_RECORD"] == "1" {
    try? text.write(to: url, atomically: true, encoding: .utf8)
    return
  }
  guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
    Issue.record(
      "no golden file \(name); run with PEERCONSULT_RECORD=1 to create it",
      sourceLocation: sourceLocation)
    return
  }
  guard text != expected else { return }
  let actualLines = text.components(separatedBy: "\n")
  let expectedLines = expected.components(separatedBy: "\n")
  let line =
    zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
    ?? min(actualLines.count, expectedLines.count)
  let got = line < actualLines.count ? actualLines[line] : "(end of output)"
  let wanted = line < expectedLines.count ? expectedLines[line] : "(end of file)"
  Issue.record(
    "output differs from \(name) at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)",
    sourceLocation: sourceLocation)
}
