import Foundation
import Testing

/// A session whose stored events do not decode is reported in one line and skipped by the
/// commands about many sessions; the rest is written and the status says something was left
/// out (issue 14, item 6).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct DamagedSessionEndToEndTests {
  static let damaged = "4567456745674567abcdabcdabcdabcd"

  /// A folder holding the golden export's two sessions, the second with an event that no
  /// longer decodes.
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pc-damaged-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    let imported = try SpawnedCommand(
      [
        "import", OutputEndToEndTests.sessionsExport, "--data-dir",
        url.appendingPathComponent("data").path,
      ],
      in: url)
    try #require(imported.status == 0, "\(imported.stderr)")
    let database = url.appendingPathComponent("data/peerconsult.sqlite").path
    let result = try TmuxSession.runTool([
      "sqlite3", database,
      "UPDATE events SET payload = '{\"type\":\"noteAdded\",\"note\":' "
        + "WHERE session_id = '\(Self.damaged)' AND seq = 3;",
    ])
    try #require(result.status == 0, "sqlite3 failed: \(result.output)")
    return url
  }

  @Test(arguments: [
    ["export", "--all", "--format", "markdown"], ["export", "--all", "--format", "json"],
    ["actions"], ["harvest", "--programme", "Alcohol Plan"],
  ])
  func oneBadSessionIsSkippedAndReported(_ arguments: [String]) throws {
    let url = try folder()
    defer { try? FileManager.default.removeItem(at: url) }
    let result = try SpawnedCommand(
      arguments + ["--data-dir", url.appendingPathComponent("data").path], in: url)
    #expect(result.status == 1, "\(arguments): \(result.stderr)")
    let lines = result.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(arguments): \(result.stderr)")
    #expect(result.stderr.hasPrefix("Skipped: Session 45674567 cannot be rebuilt at event 3"))
    // The good session is all there.
    #expect(result.stdout.contains("Referrals"), "\(arguments): \(result.stdout)")
    #expect(!result.stdout.contains("Hub design"))
  }

  /// A file that exists is refused (without `--force`) before a session is read: the damaged
  /// session would be reported if any were, and the report of a large programme took its
  /// whole second to make before being refused. The file is left as it was.
  @Test(arguments: [
    ["harvest", "--programme", "Alcohol Plan"],
    ["harvest", "--programme", "Alcohol Plan", "--anonymise"],
    ["export", "--all", "--format", "markdown"],
  ])
  func anExistingOutputFileIsRefusedBeforeAnySessionIsRead(_ arguments: [String]) throws {
    let url = try folder()
    defer { try? FileManager.default.removeItem(at: url) }
    let existing = url.appendingPathComponent("report.out")
    try Data("kept\n".utf8).write(to: existing)
    let result = try SpawnedCommand(
      arguments + ["-o", existing.path, "--data-dir", url.appendingPathComponent("data").path],
      in: url)
    #expect(result.status != 0, "\(arguments)")
    #expect(
      result.stderr == "Error: \(existing.path) already exists: choose another name, or add "
        + "--force to replace it.\n", "\(arguments): \(result.stderr)")
    #expect(try String(contentsOf: existing, encoding: .utf8) == "kept\n")
  }
}
