import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// Opening for reading: nothing is written, except the one upgrade of an older schema.
@Suite struct ReadOnlyOpeningTests {
  /// The real migrations and one more, as a later PeerConsult will have: the version 1
  /// fixture is then an older schema.
  static let later = AppDatabase.schemaVersion + 1
  static let laterSchema: StoreSchema = {
    var migrator = AppDatabase.migrator
    migrator.registerMigration("v\(later)") { db in
      try db.execute(sql: "CREATE TABLE later (x TEXT); PRAGMA user_version = \(later);")
    }
    return StoreSchema(migrator: migrator, version: later)
  }()

  /// A data folder holding the version 1 fixture of ``MigrationTests``.
  private func version1Folder(in folder: TemporaryFolder) throws -> URL {
    let data = folder.path("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    let queue = try DatabaseQueue(path: data.appendingPathComponent(AppDatabase.fileName).path)
    try queue.write { try $0.execute(sql: MigrationTests.schemaV1Fixture) }
    try queue.close()
    return data
  }

  @Test func aReadingOpenUpgradesAnOlderSchemaOnceThenReadsOnly() throws {
    let folder = try TemporaryFolder()
    let data = try version1Folder(in: folder)
    let database = try #require(
      try AppDatabase.openForReading(directory: data, schema: Self.laterSchema))
    #expect(
      database.upgradeNotice == "Upgraded the data folder's database to schema v\(Self.later).")
    #expect(database.isReadOnly)
    #expect(try database.versions().schema == Self.later)
    #expect(try database.sessions().map(\.id) == [MigrationTests.fixtureSession])
    #expect(try database.searchNotes("creme").map(\.noteID) == [1])
    try database.close()

    let again = try #require(
      try AppDatabase.openForReading(directory: data, schema: Self.laterSchema))
    #expect(again.upgradeNotice == nil)
    try again.close()
  }

  @Test func aWritingOpenUpgradesAnOlderSchemaOnceAndSaysSo() throws {
    let folder = try TemporaryFolder()
    let data = try version1Folder(in: folder)
    let database = try AppDatabase(directory: data, schema: Self.laterSchema)
    #expect(
      database.upgradeNotice == "Upgraded the data folder's database to schema v\(Self.later).")
    #expect(!database.isReadOnly)
    try database.close()
    #expect(try AppDatabase(directory: data, schema: Self.laterSchema).upgradeNotice == nil)
    // The current schema is not older than itself: a new database is no upgrade.
    #expect(try AppDatabase(directory: folder.path("new")).upgradeNotice == nil)
  }

  /// chmod does not bind root, so this needs a user that file modes do.
  @Test(.enabled(if: getuid() != 0, "as root, chmod cannot make the folder read-only"))
  func anOlderSchemaInAReadOnlyFolderIsRefusedUnchanged() throws {
    let folder = try TemporaryFolder()
    let data = try version1Folder(in: folder)
    let file = data.appendingPathComponent(AppDatabase.fileName)
    let before = try Data(contentsOf: file)
    #expect(chmod(file.path, 0o400) == 0 && chmod(data.path, 0o500) == 0)
    defer { _ = chmod(data.path, 0o700) }
    #expect(
      throws: StoreError.upgradeNeedsWritableFolder(
        path: file.path, fileSchema: 1, supportedSchema: 2)
    ) {
      try AppDatabase.openForReading(directory: data, schema: Self.laterSchema)
    }
    #expect(try Data(contentsOf: file) == before)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: data.path) == [AppDatabase.fileName])
  }

  @Test func theRefusalSaysAWritableRunUpgradesIt() {
    let error = StoreError.upgradeNeedsWritableFolder(
      path: "/d/peerconsult.sqlite", fileSchema: 1, supportedSchema: 2)
    #expect(
      error.description
        == "/d/peerconsult.sqlite has an older schema (v1) that this PeerConsult upgrades to v2: "
        + "run it once with the data folder and file writable (the file was not changed).")
  }

  @Test func aReadOnlyDatabaseRefusesWritesAndLeavesNoCompanions() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    try store.database.close()
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: store.file.path + suffix)
    }
    let before = try Data(contentsOf: store.file)

    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    #expect(reader.upgradeNotice == nil)
    #expect(try reader.loadSession(live.id) == live.state)
    #expect(throws: StoreError.self) {
      try LiveSession.resume(live.id, store: reader, clock: store.clock).next()
    }
    try reader.close()
    #expect(try Data(contentsOf: store.file) == before)
    // Beside the file, only the folder of marks the writer's clean close left (OpeningMarker).
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: store.dataFolder.path).sorted()
        == ["locks", AppDatabase.fileName])
  }

  /// A data folder reached through a symbolic link (a linked home folder, or macOS's `/var`)
  /// is left as it was found too: the companions' tidy follows the link as every connection
  /// does.
  @Test func aFolderReachedThroughALinkKeepsNoCompanions() throws {
    let store = try StoreFixture()
    try store.live().start()
    try store.database.close()
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(atPath: store.file.path + suffix)
    }
    let link = store.folder.path("linked")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: store.dataFolder)
    let reader = try #require(try AppDatabase.openForReading(directory: link))
    #expect(try reader.sessions().count == 1)
    try reader.close()
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: store.dataFolder.path).sorted()
        == ["locks", AppDatabase.fileName])
  }

  @Test func aFolderWithoutADatabaseOrWithAnEmptyFileHasNothingToRead() throws {
    let folder = try TemporaryFolder()
    #expect(try AppDatabase.openForReading(directory: folder.path("missing")) == nil)
    #expect(!FileManager.default.fileExists(atPath: folder.path("missing").path))
    let data = folder.path("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    let file = data.appendingPathComponent(AppDatabase.fileName)
    #expect(FileManager.default.createFile(atPath: file.path, contents: Data()))
    #expect(try AppDatabase.openForReading(directory: data) == nil)
    #expect(try Data(contentsOf: file).isEmpty)
  }

  @Test func anInMemoryDatabaseHasTheRealSchemaAndQueries() throws {
    let database = try AppDatabase.inMemory()
    #expect(try database.versions().schema == AppDatabase.schemaVersion)
    let live = try LiveSession.create(Fixtures.setup(), store: database, clock: ManualClock())
    try live.start()
    try live.addNote(.init(text: "Crème brûlée", kind: .question))
    #expect(try database.unfinishedSessions().map(\.id) == [live.id])
    #expect(try database.searchNotes("creme").map(\.noteID) == [1])
    #expect(database.directory == nil && database.folderPermissionWarning == nil)
  }
}
