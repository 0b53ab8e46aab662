import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import peerconsult

/// `AppDatabase.closeForExit()`, with which every one-shot command ends its database: closed as
/// `close()` closes it, and kept to the process's end rather than freed (freeing it cost each
/// command about 0.6 ms, Docs/PERFORMANCE.md).
@Suite struct CloseForExitTests {
  @Test func theDatabaseIsClosedCleanlyAndKeptToTheEnd() throws {
    let folder = try TemporaryFolder()
    weak var kept: AppDatabase?
    do {
      let database = try AppDatabase(directory: folder.url)
      kept = database
      database.closeForExit()
    }
    let database = try #require(kept, "the closed database was freed")
    #expect(throws: StoreError.self) { try database.versions() }
    // Closed as `close()` closes: its opening's marker gone and the clean close recorded, so
    // the next opening need not check the whole file.
    #expect(
      try FileManager.default.contentsOfDirectory(
        atPath: folder.url.appendingPathComponent("locks").path) == ["clean-close"])
  }

  /// A reading opening: the `-wal` and `-shm` files its read made are gone too.
  @Test func aReadingOpeningLeavesTheFolderAsItFoundIt() throws {
    let folder = try TemporaryFolder()
    try AppDatabase(directory: folder.url).close()
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(at: folder.path("peerconsult.sqlite" + suffix))
    }
    let before = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    let reader = try #require(try AppDatabase.openForReading(directory: folder.url))
    _ = try reader.versions()
    reader.closeForExit()
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == before)
  }
}
