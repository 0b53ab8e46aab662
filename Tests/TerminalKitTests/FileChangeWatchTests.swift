import Foundation
import TestSupport
import Testing

@testable import TerminalKit

/// The room display's wake-up: a write to a watched file ends the wait at once, a write to
/// another file or a read does not.
@Suite struct FileChangeWatchTests {
  /// Removed when the test ends (each folder made here was left in the temporary directory).
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }

  init() throws {
    temporary = try TemporaryFolder(prefix: "pc-watch")
  }

  @Test func aWriteToAMatchingFileEndsTheWait() throws {
    let file = folder.appendingPathComponent("peerconsult.sqlite-wal")
    try Data("a".utf8).write(to: file)
    let watch = try #require(
      FileChangeWatch(folders: [folder], matching: { $0.hasPrefix("peerconsult.sqlite") }))
    watch.drain()
    #expect(!watch.wait(timeoutMilliseconds: 0), "nothing written yet")
    let handle = try FileHandle(forWritingTo: file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data("b".utf8))
    let started = Date()
    #expect(watch.wait(timeoutMilliseconds: 2000))
    #expect(Date().timeIntervalSince(started) < 0.2)
    try handle.close()
    // Waited for, not drained: under load the close's own change (`IN_CLOSE_WRITE`) once
    // arrived after a drain, and was taken for the read's.
    #expect(watch.wait(timeoutMilliseconds: 2000), "closing after a write is a change")
    // Whatever else the write and the close still report comes first: under load (a full
    // test run beside two builds) one more change came after the close's and was taken for
    // the read's. Then quiet for 200 ms, the read alone must wake nothing.
    var settling = 0
    while watch.wait(timeoutMilliseconds: 200), settling < 20 { settling += 1 }
    _ = try Data(contentsOf: file)
    #expect(!watch.wait(timeoutMilliseconds: 50), "reading is no change")
  }

  @Test func otherFilesAndMissingFoldersAreIgnored() throws {
    let watch = try #require(
      FileChangeWatch(
        folders: [folder, folder.appendingPathComponent("missing")],
        matching: { $0.hasSuffix(".lock") }))
    try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
    #expect(!watch.wait(timeoutMilliseconds: 50))
    try Data("x".utf8).write(to: folder.appendingPathComponent("a.lock"))
    #expect(watch.wait(timeoutMilliseconds: 1000))
    #expect(
      FileChangeWatch(folders: [folder.appendingPathComponent("missing")], matching: { _ in true })
        == nil)
  }
}
