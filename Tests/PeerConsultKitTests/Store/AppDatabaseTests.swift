import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct AppDatabaseTests {
  @Test func theFolderIsCreatedPrivateAndEveryFileInItToo() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("deep/er/peerconsult")
    let database = try AppDatabase(directory: data)
    let session = try LiveSession.create(Fixtures.setup(), store: database, clock: ManualClock())
    try session.start()
    try session.addNote(.init(text: "Private", kind: .other))
    #expect(permissions(data) == 0o700)
    let files = try FileManager.default.contentsOfDirectory(atPath: data.path).sorted()
    #expect(
      files == ["locks", "peerconsult.sqlite", "peerconsult.sqlite-shm", "peerconsult.sqlite-wal"])
    for file in files where file != "locks" {
      #expect(permissions(data.appendingPathComponent(file)) == 0o600, "\(file)")
    }
    // The writing opening's marker (OpeningMarker), and the folder of such marks.
    let locks = data.appendingPathComponent("locks")
    #expect(permissions(locks) == 0o700)
    let marks = try FileManager.default.contentsOfDirectory(atPath: locks.path)
    #expect(marks.count == 1 && marks.allSatisfy { $0.hasPrefix("opening-") }, "\(marks)")
    for mark in marks { #expect(permissions(locks.appendingPathComponent(mark)) == 0o600) }
    #expect(database.folderPermissionWarning == nil)
  }

  @Test func looseFileModesAreTightenedOnOpening() throws {
    let store = try StoreFixture()
    try store.database.close()
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: store.file.path)
    let reopened = try store.reopen()
    _ = try reopened.sessions()
    #expect(permissions(store.file) == 0o600)
    #expect(permissions(URL(fileURLWithPath: store.file.path + "-wal")) == 0o600)
  }

  @Test func anExistingFolderKeepsItsModeButIsReported() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("shared")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: data.path)
    let database = try AppDatabase(directory: data)
    #expect(permissions(data) == 0o755)
    #expect(permissions(database.fileURL) == 0o600)
    let warning = try #require(database.folderPermissionWarning)
    #expect(warning.contains(data.path) && warning.contains("755") && !warning.contains("\n"))
  }

  @Test func writesAreFullySyncedInWALWithABusyTimeout() throws {
    let store = try StoreFixture()
    let pool = store.database.writer
    let (synchronous, journal, timeout) = try pool.writeWithoutTransaction { db in
      (
        try Int.fetchOne(db, sql: "PRAGMA synchronous"),
        try String.fetchOne(db, sql: "PRAGMA journal_mode"),
        try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
      )
    }
    #expect(synchronous == 2)  // FULL
    #expect(journal == "wal")
    #expect(timeout == 5000)
    // GRDB gives the pool's readers a busy timeout of their own (10 s).
    let readerTimeout = try pool.read { try Int.fetchOne($0, sql: "PRAGMA busy_timeout") }
    #expect((readerTimeout ?? 0) >= 5000)
  }

  @Test func theFileRecordsSchemaApplicationAndVersions() throws {
    let store = try StoreFixture()
    let versions = try store.database.versions()
    #expect(versions.schema == AppDatabase.schemaVersion)
    #expect(versions.createdBy == PeerConsultVersion.current)
    #expect(versions.writtenBy == PeerConsultVersion.current)
    let applicationID = try store.database.writer.read {
      try Int32.fetchOne($0, sql: "PRAGMA application_id")
    }
    #expect(applicationID == AppDatabase.applicationID)
    #expect(AppDatabase.schemaV1.contains("PRAGMA application_id = \(AppDatabase.applicationID);"))
    #expect(
      try store.database.writer.read { try AppDatabase.migrator.appliedIdentifiers($0) }
        == [
          "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13", "v14",
          "v15", "v16", "v17", "v18",
        ])
  }

  @Test func existsTellsWithoutCreatingAnything() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    #expect(try !AppDatabase.exists(in: data))
    #expect(!FileManager.default.fileExists(atPath: data.path))
    _ = try AppDatabase(directory: data)
    #expect(try AppDatabase.exists(in: data))
  }

  @Test func anEmptyFileOrEmptyDatabaseIsSetUp() throws {
    let folder = try TemporaryFolder()
    let empty = folder.path("empty")
    try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: false)
    #expect(
      FileManager.default.createFile(
        atPath: empty.appendingPathComponent(AppDatabase.fileName).path, contents: nil))
    #expect(try AppDatabase(directory: empty).sessions() == [])

    let blank = folder.path("blank")
    try FileManager.default.createDirectory(at: blank, withIntermediateDirectories: false)
    let queue = try DatabaseQueue(path: blank.appendingPathComponent(AppDatabase.fileName).path)
    try queue.write { try $0.execute(sql: "PRAGMA user_version = 0") }
    try queue.close()
    #expect(try AppDatabase(directory: blank).versions().schema == AppDatabase.schemaVersion)
  }
}

@Suite struct FilePrivacyTests {
  @Test func onlyGroupAndOtherPermissionsAreTakenAway() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("peerconsult.sqlite")
    for (before, after) in [(0o644, 0o600), (0o666, 0o600), (0o400, 0o400), (0o600, 0o600)] {
      try Data().write(to: file)
      try FileManager.default.setAttributes([.posixPermissions: before], ofItemAtPath: file.path)
      DataFolder.makePrivate(file)
      #expect(permissions(file) == after, "\(String(before, radix: 8))")
    }
  }
}
