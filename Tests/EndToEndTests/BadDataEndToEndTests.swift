import Foundation
import PeerConsultKit
import Testing

/// The program facing a data folder it must not use: one clear line, non-zero exit, and the
/// file left exactly as it was.
@Suite(needsTmux) struct BadDataEndToEndTests {
  private func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("pc-bad-\(UUID())")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  private func expectRefused(
    _ dataDir: URL, mentioning words: [String], sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let file = dataDir.appendingPathComponent(AppDatabase.fileName)
    let before = try Data(contentsOf: file)
    for arguments in [["--data-dir", dataDir.path], ["resume", "--data-dir", dataDir.path]] {
      let result = try TmuxSession.runTool([TmuxSession.binary] + arguments)
      #expect(result.status == 1, sourceLocation: sourceLocation)
      let lines = result.output.split(separator: "\n")
      #expect(
        lines.count == 1, "expected one line, got:\n\(result.output)",
        sourceLocation: sourceLocation)
      for word in words {
        #expect(result.output.contains(word), "\(result.output)", sourceLocation: sourceLocation)
      }
      #expect(!result.output.contains("Fatal"), sourceLocation: sourceLocation)
    }
    #expect(
      try Data(contentsOf: file) == before, "the file was modified", sourceLocation: sourceLocation)
  }

  @Test func notADatabaseIsRefusedUnchanged() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data("these are meeting notes, not a database\n".utf8)
      .write(to: dir.appendingPathComponent(AppDatabase.fileName))
    try expectRefused(dir, mentioning: [AppDatabase.fileName])
  }

  @Test func newerVersionIsRefusedUnchanged() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    try AppDatabase(directory: dir).close()
    let file = dir.appendingPathComponent(AppDatabase.fileName).path
    let result = try TmuxSession.runTool(["sqlite3", file, "PRAGMA user_version = 99;"])
    try #require(result.status == 0, "sqlite3 failed: \(result.output)")
    try expectRefused(dir, mentioning: ["99"])
  }

  @Test func uncreatableDataFolderIsOneLine() throws {
    let dir = try folder()
    defer { try? FileManager.default.removeItem(at: dir) }
    let blocker = dir.appendingPathComponent("file")
    try Data("x".utf8).write(to: blocker)
    let result = try TmuxSession.runTool([
      TmuxSession.binary, "resume", "--data-dir", blocker.appendingPathComponent("data").path,
    ])
    #expect(result.status == 1)
    #expect(result.output.split(separator: "\n").count == 1)
  }
}
