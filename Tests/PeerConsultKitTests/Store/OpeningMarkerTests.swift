import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// A start reads every page of the database only when nothing vouches for the file: after a
/// writing program ended without closing, or when something else changed the file.
@Suite struct OpeningMarkerTests {
  /// A closed data folder holding one session with a tagged note.
  private static func closedStore() throws -> StoreFixture {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "Ask the #licensing team", kind: .insight))
    try store.database.close()
    return store
  }

  /// A writing program's marker left as `kill -9` leaves it: the file, with no lock held.
  private static func leaveStaleMarker(in data: URL) throws -> URL {
    let marker = OpeningMarker.folder(in: data).appendingPathComponent("opening-crashed.lock")
    try FileManager.default.createDirectory(
      at: marker.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data().write(to: marker)
    return marker
  }

  /// Makes the root page of `index` unreadable (an invalid page type), which no start reads
  /// and only the full check finds, and gives the file back its modification time, as if the
  /// disk had gone bad under a cleanly closed file.
  private static func damageQuietly(index: String, of file: URL) throws {
    let root = try DatabaseQueue(path: file.path).read { db in
      try Int.fetchOne(
        db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [index])
    }
    let page = try #require(root)
    var info = stat()
    #expect(stat(file.path, &info) == 0)
    var bytes = try Data(contentsOf: file)
    let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
    bytes[(page - 1) * pageSize] = 0xFF
    let handle = try FileHandle(forWritingTo: file)
    try handle.write(contentsOf: bytes)
    try handle.close()
    var times = [info.st_atim, info.st_mtim]
    #expect(utimensat(AT_FDCWD, file.path, &times, 0) == 0)
  }

  @Test func aCleanCloseVouchesForTheFileUntilSomethingChangesIt() throws {
    let store = try StoreFixture()
    try store.live().start()
    // A writing program has it open: it answered for the file when it opened.
    #expect(!OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    try store.database.close()
    #expect(!OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    let record = OpeningMarker.cleanRecord(in: store.dataFolder)
    let attributes = try FileManager.default.attributesOfItem(atPath: record.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    // Reading leaves the record as it is.
    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    #expect(try reader.sessions().count == 1)
    try reader.close()
    #expect(!OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    // Anything else writing to the file undoes it.
    let handle = try FileHandle(forWritingTo: store.file)
    try handle.seekToEnd()
    try handle.write(contentsOf: Data(count: 4096))
    try handle.close()
    #expect(OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
  }

  @Test func aWriterThatNeverClosedAsksForOneFullCheckThenItsMarkerGoes() throws {
    let store = try Self.closedStore()
    let marker = try Self.leaveStaleMarker(in: store.dataFolder)
    #expect(OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    // A reading opening checks but changes nothing in the folder.
    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    try reader.close()
    #expect(FileManager.default.fileExists(atPath: marker.path))
    // A writing opening checks, finds the file sound and answers for the crash.
    let writer = try store.reopen()
    #expect(!FileManager.default.fileExists(atPath: marker.path))
    try writer.close()
    #expect(!OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    #expect(OpeningMarker.markers(in: store.dataFolder).live == 0)
  }

  @Test func damageInAPageNoStartReadsIsCaughtAfterAnUncleanEndAndByCheck() throws {
    let store = try Self.closedStore()
    try Self.damageQuietly(index: "note_tags_by_note", of: store.file)
    // Vouched for by the clean close: the start reads only what it needs.
    #expect(!OpeningMarker.needsFullCheck(of: store.file, in: store.dataFolder))
    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    try reader.close()
    // On demand.
    #expect {
      try AppDatabase.check(directory: store.dataFolder)
    } throws: { error in
      guard case StoreError.damaged(let path, _) = error else { return false }
      return path == store.file.path
    }
    // After a writing program ended without closing, every opening checks, and refuses.
    _ = try Self.leaveStaleMarker(in: store.dataFolder)
    let bytes = try Data(contentsOf: store.file)
    for open in [
      { _ = try AppDatabase.openForReading(directory: store.dataFolder) },
      { _ = try store.reopen() },
    ] {
      #expect {
        try open()
      } throws: { error in
        guard case StoreError.damaged = error else { return false }
        return true
      }
    }
    #expect(try Data(contentsOf: store.file) == bytes)
    #expect(!OpeningMarker.markers(in: store.dataFolder).stale.isEmpty)
  }

  @Test func checkVouchesForASoundFileCopiedIn() throws {
    let store = try Self.closedStore()
    let copy = store.folder.path("copy")
    try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
    let file = copy.appendingPathComponent(AppDatabase.fileName)
    try FileManager.default.copyItem(at: store.file, to: file)
    #expect(OpeningMarker.needsFullCheck(of: file, in: copy))
    let check = try #require(try AppDatabase.check(directory: copy))
    #expect(check.sessions == 1 && check.pages > 1 && check.path == file.path)
    #expect(!OpeningMarker.needsFullCheck(of: file, in: copy))
    #expect(try AppDatabase.check(directory: store.folder.path("none")) == nil)
  }
}
