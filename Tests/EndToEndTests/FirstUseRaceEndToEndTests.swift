import Foundation
import Testing

/// Three programs starting at once on an empty data folder: two imports (each creating the
/// database if it is not there yet) and a listing. None may fail (issue 14, item 9).
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct FirstUseRaceEndToEndTests {
  /// The golden export split in two files, one session each, so the two imports write
  /// different sessions.
  private func splitExport(into folder: URL) throws -> [String] {
    let data = try Data(contentsOf: URL(fileURLWithPath: OutputEndToEndTests.sessionsExport))
    let export = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let sessions = try #require(export["sessions"] as? [Any])
    return try sessions.indices.map { index in
      var one = export
      one["sessions"] = [sessions[index]]
      let file = folder.appendingPathComponent("session-\(index).json")
      try JSONSerialization.data(withJSONObject: one).write(to: file)
      return file.path
    }
  }

  /// What each program of a round came to.
  final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [(arguments: [String], status: Int32, stderr: String)] = []

    func add(_ arguments: [String], status: Int32, stderr: String) {
      lock.withLock { results.append((arguments, status, stderr)) }
    }

    var all: [(arguments: [String], status: Int32, stderr: String)] { lock.withLock { results } }
  }

  @Test func threeProgramsStartingAtOnceOnAnEmptyFolderAllSucceed() throws {
    let root = FileManager.default.temporaryDirectory
      .appendingPathComponent("pc-first-use-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let files = try splitExport(into: root)
    let rounds = 30
    let results = Results()
    for round in 0..<rounds {
      let data = root.appendingPathComponent("data-\(round)").path
      let programs = [["import", files[0]], ["import", files[1]], ["list"]].map {
        $0 + ["--data-dir", data]
      }
      DispatchQueue.concurrentPerform(iterations: programs.count) { index in
        do {
          let run = try SpawnedCommand(programs[index], in: root)
          results.add(programs[index], status: run.status, stderr: run.stderr)
        } catch {
          results.add(programs[index], status: -1, stderr: "\(error)")
        }
      }
    }
    let failures = results.all.filter { $0.status != 0 }
    print("reliability: first-use race: tried \(results.all.count) · failed \(failures.count)")
    #expect(results.all.count == rounds * 3)
    for failure in failures.prefix(5) {
      Issue.record("\(failure.arguments): status \(failure.status): \(failure.stderr)")
    }
    #expect(failures.isEmpty)
  }
}
