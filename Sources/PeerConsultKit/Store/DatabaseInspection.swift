import Foundation
import GRDB

/// Looks at an existing database file before anything may write to it: a file that is not
/// a database, another program's database, a damaged one, or one written by a newer
/// PeerConsult is refused, and it is only ever opened read-only for the look.
enum DatabaseInspection {
  /// What was found.
  enum Finding: Equatable {
    /// No file, an empty file or an empty SQLite database: ready to be set up.
    case fresh
    /// A PeerConsult database this version can open.
    case existing
  }

  static func inspect(_ file: URL) throws(StoreError) -> Finding {
    let path = file.path
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return .fresh }
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notADatabase(path: path) }
    if info.st_size == 0 { return .fresh }
    try checkHeader(file)
    do {
      var configuration = Configuration()
      configuration.readonly = true
      configuration.busyMode = .timeout(AppDatabase.busyTimeout)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      return try queue.read { db throws -> Finding in try examine(db, path: path) }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.whileOpening(error, path: path)
    }
  }

  /// An SQLite file starts with this 16-byte string.
  private static let magic = Array("SQLite format 3\0".utf8)

  private static func checkHeader(_ file: URL) throws(StoreError) {
    guard let handle = FileHandle(forReadingAtPath: file.path) else {
      throw .cannotOpen(path: file.path, reason: String(cString: strerror(errno)))
    }
    defer { try? handle.close() }
    let header: Data
    do {
      header = try handle.read(upToCount: 100) ?? Data()
    } catch {
      throw .cannotOpen(path: file.path, reason: error.localizedDescription)
    }
    guard header.count == 100, Array(header.prefix(16)) == magic else {
      throw .notADatabase(path: file.path)
    }
  }

  private static func examine(_ db: Database, path: String) throws -> Finding {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if applicationID != AppDatabase.applicationID {
      let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      guard tables == 0 else { throw StoreError.foreignDatabase(path: path) }
      return .fresh
    }
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    let superseded = try AppDatabase.migrator.hasBeenSuperseded(db)
    if version > AppDatabase.schemaVersion || superseded {
      let writer =
        try db.tableExists("meta")
        ? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'written_by'") : nil
      throw StoreError.newerVersion(
        path: path, fileSchema: version, writtenBy: writer,
        supportedSchema: AppDatabase.schemaVersion)
    }
    let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
    guard problems == ["ok"] else {
      throw StoreError.damaged(path: path, detail: problems.joined(separator: "; "))
    }
    return .existing
  }
}
