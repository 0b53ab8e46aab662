import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// Every bad condition is one clear line and leaves the files on disk as they were.
@Suite struct AppDatabaseErrorTests {
  /// Opens `folder` expecting a refusal, checks the message is one line naming `path`, and
  /// returns the error.
  private func refusal(_ folder: URL, naming path: URL) throws -> StoreError {
    do {
      _ = try AppDatabase(directory: folder)
    } catch {
      #expect(!error.description.contains("\n"))
      #expect(error.description.contains(path.path))
      return error
    }
    Issue.record("\(folder.path) was opened")
    throw CancellationError()
  }

  /// A closed PeerConsult database in `folder` with a session and a few notes: its data
  /// folder and file.
  private func storedDatabase(in folder: TemporaryFolder) throws -> (URL, URL) {
    let data = folder.path("data")
    let database = try AppDatabase(directory: data)
    let session = try LiveSession.create(Fixtures.setup(), store: database, clock: ManualClock())
    try session.start()
    for number in 1...40 {
      try session.addNote(
        .init(text: "Note \(number) " + String(repeating: "text ", count: 40), kind: .other))
    }
    try database.close()
    return (data, data.appendingPathComponent(AppDatabase.fileName))
  }

  @Test func aFolderThatCannotBeCreatedIsNamed() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("a-file")
    try Data("x".utf8).write(to: file)
    let data = file.appendingPathComponent("peerconsult")
    let error = try refusal(data, naming: data)
    guard case .folderNotCreatable = error else { throw error }
    #expect(error.description.contains("--data-dir"))
    #expect(try contents(file) == Data("x".utf8))
  }

  @Test func aFileWhereTheFolderShouldBeIsRefused() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("data")
    try Data("mine".utf8).write(to: file)
    #expect(try refusal(file, naming: file) == .notAFolder(path: file.path))
    #expect(try contents(file) == Data("mine".utf8))
  }

  @Test(.enabled(if: UnwritableFolder.canMake))
  func anUnwritableFolderIsRefusedAndItsDatabaseLeftAlone() throws {
    let folder = try TemporaryFolder()
    let (data, file) = try storedDatabase(in: folder)
    let before = try contents(file)
    try UnwritableFolder.forbidWriting(data)
    defer { try? UnwritableFolder.allowWriting(data) }
    #expect(try refusal(data, naming: data) == .folderNotWritable(path: data.path))
    #expect(try contents(file) == before)
  }

  @Test func aFileThatIsNotADatabaseIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    for (name, bytes) in [
      ("text", Data(String(repeating: "My shopping list\n", count: 20).utf8)),
      ("short header", Data("SQLite format 3\0 but cut".utf8)),
    ] {
      let file = data.appendingPathComponent(AppDatabase.fileName)
      try bytes.write(to: file)
      #expect(try refusal(data, naming: file) == .notADatabase(path: file.path), "\(name)")
      #expect(try contents(file) == bytes)
      // The folder of marks (OpeningMarker) is the earlier writer's, from before the cut.
      let left = try FileManager.default.contentsOfDirectory(atPath: data.path)
      #expect(left.filter { $0 != "locks" } == [AppDatabase.fileName])
    }
  }

  @Test func anotherProgramsDatabaseIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    let file = data.appendingPathComponent(AppDatabase.fileName)
    let queue = try DatabaseQueue(path: file.path)
    try queue.write {
      try $0.execute(sql: "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('crème')")
    }
    try queue.close()
    let before = try contents(file)
    #expect(try refusal(data, naming: file) == .foreignDatabase(path: file.path))
    #expect(try contents(file) == before)
  }

  @Test func aDamagedDatabaseIsLeftAlone() throws {
    let folder = try TemporaryFolder()
    let (data, file) = try storedDatabase(in: folder)
    var bytes = try contents(file)
    let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
    #expect(bytes.count >= pageSize * 4)
    // Scribble over the b-tree pages after the schema page.
    for offset in stride(from: pageSize, to: bytes.count, by: pageSize) {
      bytes.replaceSubrange(offset..<offset + 64, with: Data(repeating: 0xA5, count: 64))
    }
    try bytes.write(to: file)
    let error = try refusal(data, naming: file)
    guard case .damaged = error else { throw error }
    #expect(error.description.contains("restore a backup"))
    #expect(try contents(file) == bytes)
  }

  @Test func aDatabaseCutShortIsRefusedAndNothingIsLeftBesideIt() throws {
    let folder = try TemporaryFolder()
    let (data, file) = try storedDatabase(in: folder)
    let whole = try contents(file)
    let pageSize = Int(whole[16]) << 8 | Int(whole[17])
    // Mid-page, and a whole page short, which SQLite's quick check alone can miss.
    for cut in [whole.count - pageSize / 2, whole.count - pageSize] {
      let bytes = whole.prefix(cut)
      try bytes.write(to: file)
      // A copy alone in its folder, as a backup restored by hand would be.
      for companion in ["-wal", "-shm"] { unlink(file.path + companion) }
      let error = try refusal(data, naming: file)
      guard case .damaged(_, let detail) = error else { throw error }
      #expect(detail.contains("cut short"))
      #expect(try contents(file) == bytes)
      // The folder of marks (OpeningMarker) is the earlier writer's, from before the cut.
      let left = try FileManager.default.contentsOfDirectory(atPath: data.path)
      #expect(left.filter { $0 != "locks" } == [AppDatabase.fileName])
    }
  }

  @Test func aDatabaseFromANewerPeerConsultIsRefusedNamingBothVersions() throws {
    let folder = try TemporaryFolder()
    let (data, file) = try storedDatabase(in: folder)
    let queue = try DatabaseQueue(path: file.path)
    try queue.write { db in
      try db.execute(sql: "PRAGMA user_version = \(AppDatabase.schemaVersion + 1)")
      try db.execute(
        sql: "INSERT INTO grdb_migrations VALUES ('v\(AppDatabase.schemaVersion + 1)')")
      try db.execute(sql: "UPDATE meta SET value = '9.9.9' WHERE key = 'written_by'")
    }
    try queue.close()
    let before = try contents(file)
    let error = try refusal(data, naming: file)
    #expect(
      error
        == .newerVersion(
          path: file.path, fileSchema: AppDatabase.schemaVersion + 1, writtenBy: "9.9.9",
          supportedSchema: AppDatabase.schemaVersion))
    #expect(
      error.description.contains("PeerConsult 9.9.9 (schema \(AppDatabase.schemaVersion + 1))"))
    #expect(
      error.description.contains(
        "PeerConsult \(PeerConsultVersion.current) (schema \(AppDatabase.schemaVersion))"))
    #expect(try contents(file) == before)
  }

  @Test func aFailedWriteMidSessionLosesNothingAndTheSessionCarriesOn() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "Saved before", kind: .insight))
    // Simulate a full disk: the file may not grow by another page.
    try store.database.writer.writeWithoutTransaction { db in
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count")!
      try db.execute(sql: "PRAGMA max_page_count = \(pages)")
    }
    let stored = try store.database.events(of: session.id)
    var failure: StoreError?
    for number in 0..<200 where failure == nil {
      let before = session.state
      do {
        try session.addNote(
          .init(text: "\(number) " + String(repeating: "long note ", count: 300), kind: .other))
      } catch let error as StoreError {
        failure = error
        #expect(session.state == before)
      }
    }
    let error = try #require(failure)
    #expect(error.description.contains("the disk is full") && !error.description.contains("\n"))
    let afterFailure = try store.database.events(of: session.id)
    #expect(Array(afterFailure.prefix(stored.count)) == stored)
    #expect(try SessionState.replay(afterFailure) == session.state)

    try store.database.writer.writeWithoutTransaction { db in
      try db.execute(sql: "PRAGMA max_page_count = 1073741823")
    }
    try session.addNote(.init(text: "Saved after", kind: .insight))
    #expect(try store.reopen().loadSession(session.id) == session.state)
  }

  @Test func everyMessageIsOneLineSayingWhatToDo() {
    let id = SessionID.random()
    let errors: [StoreError] = [
      .folderNotCreatable(path: "/p", reason: "Permission\ndenied"), .notAFolder(path: "/p"),
      .folderNotWritable(path: "/p"), .notADatabase(path: "/p"), .foreignDatabase(path: "/p"),
      .damaged(path: "/p", detail: "page 3\npage 4"),
      .newerVersion(path: "/p", fileSchema: 3, writtenBy: nil, supportedSchema: 1),
      .upgradeNeedsWritableFolder(path: "/p", fileSchema: 1, supportedSchema: 2),
      .cannotOpen(path: "/p", reason: "x"), .writeFailed(path: "/p", reason: "the disk is full"),
      .readFailed(path: "/p", reason: "x"), .conflict(session: id), .noSuchSession("x"),
      .ambiguousSession(prefix: "a", matches: [id, id]), .noSessions,
      .damagedSession(id, sequence: 4, reason: "bad\njson"),
    ]
    for error in errors {
      #expect(!error.description.contains("\n"), "\(error)")
      #expect(error.description.contains(":"), "\(error)")
    }
  }
}
