import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension AppDatabase {
  /// Writes a consistent copy of the database to `destination`, readable by its owner only,
  /// while other PeerConsult processes may be writing to it.
  ///
  /// SQLite's online backup copies the last committed state; notes saved meanwhile are in the
  /// live file and in the next backup. The copy is written beside `destination` under a
  /// temporary name and moved into place, so a failure leaves nothing half-written under the
  /// name, and without `replacing` an existing file is never touched.
  public func backup(to destination: URL, replacing: Bool) throws(BackupError) {
    let path = destination.path
    // `backup peerconsult.sqlite --force` replaced the live database with the copy, and notes
    // saved since were lost; a log or journal replaced loses more.
    guard !PrivateFileWriter.isCompanionOfADatabase(path) else {
      throw .wouldReplaceDatabase(path: path)
    }
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFREG else {
        throw .cannotWrite(path: path, reason: "it is a folder or a device, not a file")
      }
      var own = stat()
      if stat(fileURL.path, &own) == 0, own.st_dev == info.st_dev, own.st_ino == info.st_ino {
        throw .wouldReplaceDatabase(path: path)
      }
      guard replacing else { throw .exists(path: path) }
    }
    let temporary = destination.deletingLastPathComponent()
      .appendingPathComponent(".\(destination.lastPathComponent).\(UUID().uuidString).partial")
    do {
      try DataFolder.createPrivateFile(temporary)
    } catch {
      throw .cannotWrite(path: path, reason: Self.reason(of: error))
    }
    do {
      let copy = try DatabaseQueue(path: temporary.path)
      try writer.backup(to: copy)
      // One self-contained file: the copy of a WAL database would otherwise need a -wal.
      try copy.writeWithoutTransaction { try $0.execute(sql: "PRAGMA journal_mode = DELETE") }
      try copy.close()
    } catch {
      Self.remove(temporary)
      throw .cannotWrite(path: path, reason: Self.reason(of: error))
    }
    // link(2) refuses an existing name, so a file created meanwhile is not replaced either.
    let moved = replacing ? rename(temporary.path, path) : link(temporary.path, path)
    let failure = moved == 0 ? nil : errno
    Self.remove(temporary)
    if let failure {
      if failure == EEXIST { throw .exists(path: path) }
      throw .cannotWrite(path: path, reason: String(cString: strerror(failure)))
    }
  }

  /// Refuses `backup` unless it is a sound PeerConsult database this version can read and
  /// restore into a new data folder; returns how many sessions it holds. The file is only read.
  public static func checkBackup(_ backup: URL) throws(BackupError) -> Int {
    try checkBackup(backup, restoringInto: newDatabasePageSize)
  }

  /// The page size of every database PeerConsult makes: SQLite's default for a new one, as
  /// PeerConsult never sets another, and a database in WAL mode cannot change it afterwards.
  static var newDatabasePageSize: Int {
    (try? DatabaseQueue().read { try Int.fetchOne($0, sql: "PRAGMA page_size") }) ?? 4096
  }

  /// ``checkBackup(_:)`` for a restore into a database of `pageSize`-byte pages: SQLite's
  /// backup cannot change the page size of a database in WAL mode, and failed only after the
  /// current database had been copied aside, with the words "not an error".
  static func checkBackup(_ backup: URL, restoringInto pageSize: Int) throws(BackupError) -> Int {
    let path = backup.path
    // A missing file would be read as an empty one ("it is empty").
    var info = stat()
    guard stat(path, &info) == 0 else {
      let failure = errno
      throw .notABackup(
        path: path,
        reason: failure == ENOENT ? "there is no such file" : String(cString: strerror(failure)))
    }
    // A folder, a pipe or a device is no backup, and a pipe would be waited on.
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .notABackup(
        path: path,
        reason: info.st_mode & S_IFMT == S_IFDIR ? "it is a folder" : "it is not a regular file")
    }
    do {
      guard try DatabaseInspection.inspect(backup, schema: .current, fullCheck: true) != .fresh
      else {
        throw BackupError.notABackup(path: path, reason: "it is empty")
      }
      var configuration = Configuration()
      configuration.readonly = true
      Self.prepare(&configuration)
      let queue = try DatabaseQueue(path: path, configuration: configuration)
      defer { try? queue.close() }
      let (change, sessions, pages) = try queue.read { db in
        (
          try StoredSchema.problem(in: db, migrator: migrator),
          try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0,
          try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
        )
      }
      // A trigger, view or index PeerConsult did not make would run on every later write of
      // the restored database (rewriting or deleting notes as they are saved).
      if let change { throw BackupError.changedSchema(path: path, change: change) }
      guard pages == pageSize else {
        throw BackupError.pageSize(path: path, pageSize: pages, expected: pageSize)
      }
      return sessions
    } catch let error as BackupError {
      throw error
    } catch let error as StoreError {
      switch error {
      case .notADatabase: throw .notABackup(path: path, reason: "it is not a database")
      case .foreignDatabase: throw .notABackup(path: path, reason: "another program's database")
      // The file's schema, not the version its `meta` records: that names the PeerConsult that
      // last wrote to it, which need not be newer than this one (it may be this very one).
      case .newerVersion(_, let schema, _, let supported):
        throw .newer(path: path, schema: schema, supported: supported)
      case .damaged(_, let detail): throw .damaged(path: path, detail: detail)
      case .cannotOpen(_, let reason), .readFailed(_, let reason):
        throw .cannotRead(path: path, reason: reason)
      default: throw .notABackup(path: path, reason: Self.reason(of: error))
      }
    } catch {
      throw .notABackup(path: path, reason: Self.reason(of: error))
    }
  }

  /// The name of the copy of the database `restore` keeps aside, made at `timestamp`
  /// (`peerconsult.sqlite.before-restore-TIME`).
  public static func restoreCopyName(_ timestamp: String) -> String {
    "\(fileName).before-restore-\(timestamp)"
  }

  /// The names of the copies `restore` kept in `directory` (``restoreCopyName(_:)``), oldest
  /// first: made before, they may hold what was since deleted or erased. None when the folder
  /// cannot be read.
  public static func restoreCopies(in directory: URL) -> [String] {
    let prefix = restoreCopyName("")
    return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
      .filter { $0.hasPrefix(prefix) }.sorted()
  }

  /// Replaces every session with those of `backup` (checked first), after copying the current
  /// database to `aside`; brings an older backup's schema up to date.
  ///
  /// The restore goes through SQLite's backup too, in one step that other PeerConsult
  /// processes wait for, so they never see half of it.
  public func restore(from backup: URL, keepingCurrentAt aside: URL) throws(BackupError) {
    let pageSize: Int
    do {
      pageSize = try writer.read { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 0 }
    } catch {
      throw .cannotRead(path: fileURL.path, reason: Self.reason(of: error))
    }
    _ = try Self.checkBackup(backup, restoringInto: pageSize)
    try self.backup(to: aside, replacing: false)
    do {
      var configuration = Configuration()
      configuration.readonly = true
      Self.prepare(&configuration)
      let source = try DatabaseQueue(path: backup.path, configuration: configuration)
      defer { try? source.close() }
      try source.backup(to: writer)
      try Self.migrator.migrate(writer)
    } catch {
      throw .cannotRestore(path: fileURL.path, reason: Self.reason(of: error), aside: aside.path)
    }
    DataFolder.makePrivate(fileURL)
  }

  private static func remove(_ file: URL) {
    for suffix in ["", "-journal", "-wal", "-shm"] { unlink(file.path + suffix) }
  }

  private static func reason(of error: any Error) -> String {
    if let error = error as? DatabaseError {
      // SQLite's backup leaves its error off the connection, whose message then reads "not an
      // error": the code's own words say more.
      guard let message = error.message, message != "not an error" else {
        return String(cString: sqlite3_errstr(error.extendedResultCode.rawValue))
      }
      return message
    }
    return "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
