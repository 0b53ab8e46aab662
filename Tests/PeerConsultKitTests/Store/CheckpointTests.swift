import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// The interactive program's check-points wait for its idle moments (issue 19: SQLite's own,
/// inside a commit past 1,000 pages of log, made one note in about 75 wait 1-2 ms more).
@Suite struct CheckpointTests {
  /// Frames in the `-wal` of `folder`'s database, each a page and its 24-byte header.
  static func logFrames(in folder: URL) throws -> Int {
    let log = folder.appendingPathComponent(AppDatabase.fileName + "-wal")
    let size = try FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int ?? 0
    return max(0, size - 32) / (4096 + 24)
  }

  /// `notes` notes, one commit each, into a new database in `folder`.
  static func write(_ notes: Int, in folder: URL, deferring: Bool) throws -> AppDatabase {
    let database = try AppDatabase(directory: folder)
    if deferring { database.deferCheckpoints() }
    let session = try LiveSession.create(Fixtures.setup(), store: database)
    try session.start()
    for number in 1...notes {
      try session.addNote(
        .init(text: "Note \(number): licensing and health never meet at night", kind: .insight))
    }
    return database
  }

  @Test func deferredCheckpointsLeaveTheLogToTheIdleMomentThatFoldsItBack() throws {
    let folder = try TemporaryFolder()
    // SQLite's own: the log is copied back and started again once past 1,000 pages.
    let own = try Self.write(150, in: folder.path("own"), deferring: false)
    #expect(try Self.logFrames(in: folder.path("own")) < 1_100)
    try own.close()
    // Deferred: every commit stays in the log until the idle moment's check-point.
    let deferred = try Self.write(150, in: folder.path("deferred"), deferring: true)
    #expect(try Self.logFrames(in: folder.path("deferred")) > 1_100)
    #expect(deferred.checkpointIfDue())
    let (frames, copied) = try deferred.writer.writeWithoutTransaction {
      try $0.checkpoint(.passive)
    }
    #expect(frames > 1_100 && copied == frames, "all \(frames) frames copied back: \(copied)")
    // Not due again until as many writes more.
    #expect(!deferred.checkpointIfDue())
    try deferred.close()
  }

  @Test func aCheckpointIsDueEveryFewDozenWritesAndNeverOnAReadOnlyOpening() throws {
    let folder = try TemporaryFolder()
    // The session's creation and its start are writes too: one short of due.
    let database = try Self.write(
      AppDatabase.writesPerCheckpoint - 3, in: folder.path("data"), deferring: true)
    #expect(!database.checkpointIfDue())
    try database.addNoteForTest()
    #expect(database.checkpointIfDue())
    try database.close()
    let reader = try #require(try AppDatabase.openForReading(directory: folder.path("data")))
    reader.deferCheckpoints()
    #expect(reader.writesSinceCheckpoint.withLock { $0 } == nil)
    try reader.close()
  }
}

extension AppDatabase {
  /// One more write, as any note's.
  fileprivate func addNoteForTest() throws {
    guard let id = try sessions().first?.id else { throw StoreError.noSuchSession("any") }
    let session = try LiveSession.resume(id, store: self)
    try session.addNote(.init(text: "one more", kind: .other))
  }
}
