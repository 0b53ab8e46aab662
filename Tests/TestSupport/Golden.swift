import Foundation
import Testing

/// Golden files: the expected output of a test, kept in `Tests/<target>/Golden/`.
///
/// A mismatch fails the test with an explanation of the difference. With
/// `PEERCONSULT_RECORD=1` the current output is written as the new golden file and the test
/// still fails ("recorded, run again without PEERCONSULT_RECORD"), so a re-record is always
/// a deliberate second run: record, read the diff, then run again to see it pass.
public enum Golden {
  /// The environment variable that switches recording on (value `1`).
  public static let recordVariable = "PEERCONSULT_RECORD"

  /// Whether this run records golden files instead of comparing with them.
  public static var isRecording: Bool {
    ProcessInfo.processInfo.environment[recordVariable] == "1"
  }

  /// The golden file `name` of the test target whose source file is `filePath`: the
  /// `Golden` folder at the root of that target, however deep the test file sits.
  public static func url(_ name: String, filePath: String) -> URL {
    var folder = URL(fileURLWithPath: filePath).deletingLastPathComponent()
    while folder.pathComponents.count > 2
      && folder.deletingLastPathComponent().lastPathComponent != "Tests"
    {
      folder.deleteLastPathComponent()
    }
    return folder.appendingPathComponent("Golden").appendingPathComponent(name)
  }

  /// Compares `actual` with the golden file at `url`, or records it; returns the failure to
  /// report, nil when the file matches.
  ///
  /// - Parameter explain: says how `actual` differs from the file's text (by default the
  ///   first differing line).
  public static func check(
    _ actual: String, against url: URL, recording: Bool,
    explain: ((_ expected: String) -> String)? = nil
  ) -> String? {
    let name = url.lastPathComponent
    if recording {
      do {
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
      } catch {
        return "cannot record \(name): \(error)"
      }
      return "recorded \(name), run again without \(recordVariable) (read the diff first)"
    }
    let expected: String
    do {
      expected = try String(contentsOf: url, encoding: .utf8)
    } catch {
      return "no golden file \(name); run with \(recordVariable)=1 to create it"
    }
    guard actual != expected else { return nil }
    let explanation = explain?(expected) ?? firstDifferentLine(actual, expected)
    return "output differs from \(name):\n\(explanation)"
  }

  /// Fails the calling test unless `actual` equals the golden file `name`; see ``Golden``.
  public static func expect(
    _ actual: String, matches name: String, filePath: String = #filePath,
    sourceLocation: SourceLocation = #_sourceLocation,
    explain: ((_ expected: String) -> String)? = nil
  ) {
    let url = url(name, filePath: filePath)
    if let failure = check(actual, against: url, recording: isRecording, explain: explain) {
      Issue.record(Comment(rawValue: failure), sourceLocation: sourceLocation)
    }
  }

  /// The first line where two texts differ, both versions shown.
  public static func firstDifferentLine(_ actual: String, _ expected: String) -> String {
    let actualLines = actual.components(separatedBy: "\n")
    let expectedLines = expected.components(separatedBy: "\n")
    let line =
      zip(actualLines, expectedLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(actualLines.count, expectedLines.count)
    let got = line < actualLines.count ? actualLines[line] : "(end of output)"
    let wanted = line < expectedLines.count ? expectedLines[line] : "(end of file)"
    return "at line \(line + 1):\n  got:      \(got)\n  expected: \(wanted)"
  }
}

/// Fails the calling test unless `text` equals the golden file `name` (extension included) of
/// the caller's test target; `PEERCONSULT_RECORD=1` records it and fails (see ``Golden``).
public func expectGoldenText(
  _ text: String, _ name: String, filePath: String = #filePath,
  sourceLocation: SourceLocation = #_sourceLocation
) {
  Golden.expect(text, matches: name, filePath: filePath, sourceLocation: sourceLocation)
}
