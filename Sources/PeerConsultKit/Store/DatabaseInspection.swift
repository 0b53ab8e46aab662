import Foundation
import GRDB

/// Looks at an existing database file before anything may write to it: a file that is not
/// a database, another program's database, a damaged one, or one written by a newer
/// PeerConsult is refused, and it is only ever opened read-only for the look.
///
/// The look reads what a start needs: the header (against the file's length), the application
/// id, the schema version and the migrations table. The whole file (`PRAGMA quick_check`, which
/// reads every page) is checked only when `fullCheck` says so (``OpeningMarker``): its cost
/// grows with the data, and damage in a page a command reads is reported by SQLite when it
/// reads it (`SQLITE_CORRUPT`, one line like any other store error).
enum DatabaseInspection {
  /// What was found.
  enum Finding: Equatable {
    /// No file, an empty file or an empty SQLite database: ready to be set up.
    case fresh
    /// A PeerConsult database of the schema this version writes.
    case current
    /// A PeerConsult database of an older schema, which this version can bring up to date.
    case outdated(schema: Int)
  }

  /// What `file` is, judged against `schema` (the one this version writes).
  static func inspect(_ file: URL, schema: StoreSchema, fullCheck: Bool) throws(StoreError)
    -> Finding
  {
    let look = try look(at: file, schema: schema, fullCheck: fullCheck)
    try? look.connection?.close()
    return look.finding
  }

  /// What `file` is, with the read-only connection (``ReadOnlyAccess``) that looked at it,
  /// still open, or nil when the finding needed none (no file, an empty one). A command that
  /// only reads goes on reading through it: a second connection would read the schema and run
  /// GRDB's set-up again, a constant part of every start (see Docs/PERFORMANCE.md). The caller
  /// closes it.
  ///
  /// `afterFirstLook` runs between the first look at the file and the reading of its header:
  /// a seam through which a test lets another program change the file in that instant.
  static func look(
    at file: URL, schema: StoreSchema, fullCheck: Bool, afterFirstLook: () -> Void = {}
  ) throws(StoreError) -> (finding: Finding, connection: DatabaseQueue?) {
    let path = file.path
    var info = stat()
    guard stat(path, &info) == 0 else {
      if errno == ENOENT { return (.fresh, nil) }
      throw .cannotOpen(path: path, reason: String(cString: strerror(errno)))
    }
    guard info.st_mode & S_IFMT == S_IFREG else { throw .notADatabase(path: path) }
    if info.st_size == 0 { return (.fresh, nil) }
    // Looking at a database in WAL mode makes SQLite create its -wal and -shm files; a refusal
    // must leave the folder as it found it, so the ones the look created go again. A read-only
    // look writes nothing to them: a -wal that is not empty is someone else's and stays.
    let wal = path + "-wal"
    let hadCompanions = FileManager.default.fileExists(atPath: wal)
    afterFirstLook()
    do {
      try checkHeader(file)
      return try examine(file, schema: schema, fullCheck: fullCheck)
    } catch {
      var walInfo = stat()
      if !hadCompanions && stat(wal, &walInfo) == 0 && walInfo.st_size == 0 {
        unlink(wal)
        unlink(path + "-shm")
      }
      throw error
    }
  }

  private static func examine(_ file: URL, schema: StoreSchema, fullCheck: Bool)
    throws(StoreError) -> (finding: Finding, connection: DatabaseQueue?)
  {
    let path = file.path
    var opened: DatabaseQueue?
    do {
      let access = ReadOnlyAccess.connection(to: file)
      let queue = try DatabaseQueue(path: access.path, configuration: access.configuration)
      opened = queue
      let finding = try queue.read { db throws -> Finding in
        try examine(db, path: path, schema: schema, fullCheck: fullCheck)
      }
      return (finding, queue)
    } catch {
      // Closed before the caller tidies the companions the look created.
      try? opened?.close()
      if let error = error as? StoreError { throw error }
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
    let header: [UInt8]
    do {
      header = Array(try handle.read(upToCount: 100) ?? Data())
    } catch {
      throw .cannotOpen(path: file.path, reason: error.localizedDescription)
    }
    guard header.count == 100, Array(header.prefix(16)) == magic else {
      throw .notADatabase(path: file.path)
    }
    // SQLite reads a file cut short as if the missing pages were zeros, and its quick check
    // does not always notice; the header says how long the file should be. While a -wal file
    // holds pages not yet copied back (after a crash, or while another program closing the
    // database copies them), the main file may lag behind, so the lengths are only compared
    // without one. Another program's copy writes page 1 (the count) before the pages it
    // counts and empties the -wal last: so the length is taken after the header, and the
    // -wal looked at after both. A length taken before the header could predate a copy that
    // had finished by the time the -wal was looked at: a sound file taken for one cut short.
    var fileInfo = stat()
    guard fstat(handle.fileDescriptor, &fileInfo) == 0 else {
      throw .cannotOpen(path: file.path, reason: String(cString: strerror(errno)))
    }
    let size = Int(fileInfo.st_size)
    var walInfo = stat()
    let walHoldsPages = stat(file.path + "-wal", &walInfo) == 0 && walInfo.st_size > 0
    guard !walHoldsPages else { return }
    let field = { (offset: Int) in
      header[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
    }
    let rawPageSize = Int(header[16]) << 8 | Int(header[17])
    let pageSize = rawPageSize == 1 ? 65_536 : rawPageSize
    guard pageSize >= 512, pageSize & (pageSize - 1) == 0 else {
      throw .damaged(path: file.path, detail: "its header gives no valid page size")
    }
    guard size % pageSize == 0 else {
      throw .damaged(
        path: file.path,
        detail: "cut short: \(size) bytes is not a whole number of \(pageSize)-byte pages")
    }
    // The page count is valid only when the change counter matches the version it was set at.
    let pages = field(28)
    if pages > 0 && field(24) == field(92) && size < pages * pageSize {
      throw .damaged(
        path: file.path,
        detail: "cut short: its header counts \(pages) pages, the file holds \(size / pageSize)")
    }
  }

  private static func examine(
    _ db: Database, path: String, schema: StoreSchema, fullCheck: Bool
  ) throws -> Finding {
    let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
    if applicationID != AppDatabase.applicationID {
      let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
      guard tables == 0 else { throw StoreError.foreignDatabase(path: path) }
      return .fresh
    }
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    // The migrations table read once for both questions (GRDB's `hasBeenSuperseded` and
    // `hasCompletedMigrations` read it each): whether a newer program applied migrations this
    // one does not know, and whether every one it knows is applied.
    let known = schema.migrator.migrations
    let applied = try schema.migrator.appliedIdentifiers(db)
    let superseded = applied.contains { !known.contains($0) }
    if version > schema.version || superseded {
      let writer =
        try db.tableExists("meta")
        ? String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'written_by'") : nil
      throw StoreError.newerVersion(
        path: path, fileSchema: version, writtenBy: writer,
        supportedSchema: schema.version)
    }
    if fullCheck {
      let problems = try String.fetchAll(db, sql: "PRAGMA quick_check(3)")
      guard problems == ["ok"] else {
        throw StoreError.damaged(path: path, detail: problems.joined(separator: "; "))
      }
    }
    return known.allSatisfy(applied.contains) ? .current : .outdated(schema: version)
  }
}
