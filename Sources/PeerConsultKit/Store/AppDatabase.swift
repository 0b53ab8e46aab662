import Foundation
import GRDB
import Synchronization

/// The PeerConsult database, on any GRDB `DatabaseWriter`, as in GRDB's demo apps: the real
/// schema and queries whether it is the data folder's file or a test's in-memory database.
///
/// The file, `peerconsult.sqlite` in the data folder, is opened one of two ways:
/// - ``init(directory:)`` for commands that write: a `DatabasePool` in WAL mode, so that other
///   PeerConsult processes can list, search and export while a live session writes, with
///   `synchronous = FULL` so that a committed event survives a crash or a power cut;
/// - ``openForReading(directory:)`` for commands that only read: a read-only connection that
///   changes no byte of the file and works in a read-only folder.
///
/// Either way an existing file that is not a healthy PeerConsult database of a version this
/// program knows is refused with a ``StoreError`` and left unchanged. A file of an older
/// schema is brought up to date by whichever command opens it first (``upgradeNotice``).
public final class AppDatabase: Sendable {
  /// The database's file name in the data folder.
  public static let fileName = "peerconsult.sqlite"
  /// How long a reader or writer waits for another process before giving up, in seconds.
  static let busyTimeout: TimeInterval = 5

  /// The data folder, or nil for a database in memory.
  public let directory: URL?
  /// True when opened by ``openForReading(directory:)``: every write fails.
  public let isReadOnly: Bool
  /// One line for the user when this opening upgraded an older schema, or nil.
  public let upgradeNotice: String?
  /// One line for the user when this opening found a damaged write-ahead log, which SQLite
  /// would silently cut short, and copied the files aside first (``WriteAheadLogRescue``).
  public let logDamageNotice: String?
  let writer: any DatabaseWriter
  /// True when a read-only opening created the `-wal` and `-shm` files, so closing tidies
  /// them away again.
  private let madeCompanions: Bool
  /// A writing opening's mark, ended by a clean close (``OpeningMarker``).
  private let marker: OpeningMarker?
  /// The writes since the last check-point while check-points wait for an idle moment
  /// (``deferCheckpoints()``); nil while SQLite makes them itself.
  let writesSinceCheckpoint = Mutex<Int?>(nil)
  /// The write-ahead log's file as the first write found it, and whether it has gone since
  /// (``AppDatabase/checkLogStillThere()``).
  let writeAheadLog = Mutex<WriteAheadLogWatch>(WriteAheadLogWatch())

  /// The database file (`:memory:` for a database in memory).
  public var fileURL: URL { URL(fileURLWithPath: writer.path) }

  private init(
    writer: any DatabaseWriter, directory: URL?, isReadOnly: Bool = false,
    upgradeNotice: String? = nil, logDamageNotice: String? = nil, madeCompanions: Bool = false,
    marker: OpeningMarker? = nil
  ) {
    self.writer = writer
    self.directory = directory
    self.isReadOnly = isReadOnly
    self.upgradeNotice = upgradeNotice
    self.logDamageNotice = logDamageNotice
    self.madeCompanions = madeCompanions
    self.marker = marker
  }

  /// A database on `writer`, with the current schema set up: tests pass an in-memory
  /// `DatabaseQueue` and get the real schema and queries.
  ///
  /// The search index's tokenizer is registered on the writer's connection here; a
  /// `DatabasePool`'s readers need it in their configuration (``prepare(_:)``).
  public convenience init(_ writer: any DatabaseWriter) throws(StoreError) {
    do {
      writer.writeWithoutTransaction { $0.add(tokenizer: NoteTokenizer.self) }
      try AppDatabase.migrator.migrate(writer)
    } catch {
      throw StoreError.whileWriting(error, path: writer.path)
    }
    self.init(writer: writer, directory: nil)
  }

  /// An empty database in memory, with the real schema: for tests and previews.
  public static func inMemory() throws(StoreError) -> AppDatabase {
    let queue: DatabaseQueue
    do { queue = try DatabaseQueue() } catch {
      throw StoreError.whileOpening(error, path: ":memory:")
    }
    return try AppDatabase(queue)
  }

  /// Makes every connection of `configuration` able to use the search index, whose tokenizer
  /// (``NoteTokenizer``) SQLite looks up by name on each connection.
  static func prepare(_ configuration: inout Configuration) {
    configuration.prepareDatabase { $0.add(tokenizer: NoteTokenizer.self) }
  }

  /// Opens the database in `directory` for writing, creating the folder (0700) and the
  /// database (0600) if need be and bringing an older schema up to date.
  public convenience init(directory: URL) throws(StoreError) {
    try self.init(directory: directory, schema: .current)
  }

  convenience init(directory: URL, schema: StoreSchema) throws(StoreError) {
    let directory = directory.standardizedFileURL
    let fileURL = directory.appendingPathComponent(Self.fileName)
    let path = fileURL.path
    // A folder that cannot be looked in is named as such, not as a full disk.
    _ = try Self.exists(in: directory)
    try DataFolder.prepare(directory)
    // Held until the schema is in place, so that programs starting together take turns.
    let opening = try OpeningLock.exclusive(in: directory)
    defer { opening?.release() }
    // Before SQLite opens anything: its recovery would cut a damaged log short, and this
    // opening's first write would overwrite what follows the damage.
    let logDamage = WriteAheadLogRescue.check(fileURL)
    if let logDamage, logDamage.copies == nil {
      throw StoreError.damagedLogNotCopied(path: path, reason: logDamage.copyFailure ?? "")
    }
    // The whole file is read only when no clean close vouches for it (a crash, a file put in
    // place by something else): a start must not grow with the data.
    let fullCheck = OpeningMarker.needsFullCheck(of: fileURL, in: directory)
    let finding = try DatabaseInspection.inspect(fileURL, schema: schema, fullCheck: fullCheck)
    if finding == .fresh {
      try DataFolder.createPrivateFile(fileURL)
    } else if !DataFolder.isWritable(fileURL) {
      // Refused before SQLite opens it: a failing writable open would leave `-wal` and `-shm`
      // files with the database's read-only mode beside it, and they would keep every later
      // command failing after the user had fixed the mode as told.
      throw StoreError.cannotOpen(path: path, reason: "the file is read-only")
    }
    DataFolder.makePrivate(fileURL)
    let marker = try OpeningMarker.mark(in: directory)
    // Found sound (or just made): whatever ended without closing has been answered for.
    if fullCheck || finding == .fresh { OpeningMarker.clearStale(in: directory) }
    var configuration = Configuration()
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "PeerConsult"
    Self.prepare(&configuration)
    let pool: DatabasePool
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      marker.end()
      throw StoreError.whileOpening(error, path: path)
    }
    var notice: String?
    do {
      // DatabasePool sets NORMAL after opening; an acknowledged note must survive power loss.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      try schema.migrator.migrate(pool)
      try Self.recordWriterVersion(pool)
      if case .outdated = finding {
        let version = try pool.read { try Int.fetchOne($0, sql: "PRAGMA user_version") } ?? 0
        notice = "Upgraded the data folder's database to schema v\(version)."
      }
    } catch {
      try? pool.close()
      marker.end()
      throw StoreError.whileWriting(error, path: path)
    }
    DataFolder.makePrivate(fileURL)
    self.init(
      writer: pool, directory: directory, upgradeNotice: notice,
      logDamageNotice: logDamage?.description, marker: marker)
    // The log as this opening found it: one removed before the first note is found too.
    noteLogAtOpening()
    // What a removal left in the free space when the disk was full is cleared now, if it can
    // be; if not, the next writing opening tries again.
    _ = finishPendingScrub()
  }

  /// Opens the database in `directory` for a command that only reads, or returns nil when
  /// there is none yet (reading never creates one). Nothing is written to the file, and a
  /// read-only folder or file is fine, with one exception: a database of an older schema is
  /// first upgraded, once, through a writable opening that is closed again (its
  /// ``upgradeNotice`` says so), and refused when the folder or file is read-only.
  public static func openForReading(directory: URL) throws(StoreError) -> AppDatabase? {
    try openForReading(directory: directory, schema: .current)
  }

  static func openForReading(
    directory: URL, schema: StoreSchema, checkingEverything: Bool = false
  ) throws(StoreError) -> AppDatabase? {
    let directory = directory.standardizedFileURL
    let fileURL = directory.appendingPathComponent(Self.fileName)
    let path = fileURL.path
    guard try exists(in: directory) else { return nil }
    // While a writing opening may be creating the file, wait for it to finish.
    var opening = try OpeningLock.shared(in: directory)
    defer { opening?.release() }
    // Before SQLite reads the log (which it would cut short at the damage) or rebuilds its
    // shared memory; reading goes on either way, since it writes nothing.
    let logDamage = WriteAheadLogRescue.check(fileURL)
    // Before the first look, which may create the -wal and -shm files for this read.
    let madeCompanions = ReadOnlyAccess.hasNoCompanions(fileURL)
    var upgradeNotice: String?
    let fullCheck =
      checkingEverything || OpeningMarker.needsFullCheck(of: fileURL, in: directory)
    // The connection that looked at the file serves the reads: one schema read and one set-up
    // per command (a second connection cost a constant part of every start).
    let look = try DatabaseInspection.look(at: fileURL, schema: schema, fullCheck: fullCheck)
    switch look.finding {
    case .fresh:
      // An empty file or an empty SQLite database: no sessions, and nothing to set up.
      try? look.connection?.close()
      return nil
    case .outdated(let version):
      try? look.connection?.close()
      guard DataFolder.isWritable(directory), DataFolder.isWritable(fileURL) else {
        throw StoreError.upgradeNeedsWritableFolder(
          path: path, fileSchema: version, supportedSchema: schema.version)
      }
      // The upgrade takes the lock exclusively: let go of the shared hold first.
      opening?.release()
      opening = nil
      let upgraded = try AppDatabase(directory: directory, schema: schema)
      upgradeNotice = upgraded.upgradeNotice
      try upgraded.close()
    case .current:
      break
    }
    let queue: DatabaseQueue
    if case .current = look.finding, let connection = look.connection {
      queue = connection
    } else {
      let access = ReadOnlyAccess.connection(to: fileURL)
      do {
        queue = try DatabaseQueue(path: access.path, configuration: access.configuration)
      } catch {
        throw StoreError.whileOpening(error, path: path)
      }
    }
    return AppDatabase(
      writer: queue, directory: directory, isReadOnly: true, upgradeNotice: upgradeNotice,
      logDamageNotice: logDamage?.description, madeCompanions: madeCompanions)
  }

  /// True when `directory` already holds a database, so a read-only command can say "no
  /// sessions yet" without creating anything. Throws when the folder cannot be looked in (its
  /// permissions: `chmod -R 600` takes a folder's search bit): every command said "no
  /// sessions yet", with status 0, of a folder full of them.
  public static func exists(in directory: URL) throws(StoreError) -> Bool {
    var info = stat()
    guard stat(directory.appendingPathComponent(fileName).path, &info) != 0 else { return true }
    let failure = errno
    guard failure != ENOENT else { return false }
    // `--data-dir` naming a file said "no sessions yet" too; a folder below a file is one
    // that is not there (its creation says why it cannot be).
    if failure == ENOTDIR {
      var folder = stat()
      guard stat(directory.path, &folder) == 0, folder.st_mode & S_IFMT != S_IFDIR else {
        return false
      }
      throw .notAFolder(path: directory.path)
    }
    throw .cannotOpen(path: directory.path, reason: String(cString: strerror(failure)))
  }

  /// A one-line warning when other users can list the data folder (its files are private
  /// regardless), or nil.
  public var folderPermissionWarning: String? {
    directory.flatMap(Self.folderPermissionWarning(for:))
  }

  /// A one-line warning when other users can list, change or enter `directory`, a data
  /// folder, or nil.
  public static func folderPermissionWarning(for directory: URL) -> String? {
    guard let mode = DataFolder.mode(of: directory), mode & 0o077 != 0 else { return nil }
    // Said as what the bits allow: "listed" of a folder of mode 711, which others can only
    // enter, was wrong.
    let what =
      mode & 0o022 != 0
      ? "changed" : mode & 0o044 != 0 ? "listed" : "entered (to open a file whose name they know)"
    return "The data folder \(directory.path) can be \(what) by other users "
      + "(mode \(String(mode, radix: 8))): chmod 700 it to keep even the file names private."
  }

  /// Makes the database's files private to their owner again where others could read or
  /// write them (a copy put in place with `cp`, or a `umask` of 022), and says so in one
  /// line; or says how to, when they belong to someone else. Nil when they were private.
  /// Reading commands do it too: they change no byte of the files, and a database left
  /// readable by everyone was left so by every one of them.
  public func makeFilesPrivate() -> String? {
    var widened: [(path: String, mode: mode_t)] = []
    for suffix in ["", "-wal", "-shm"] {
      let path = fileURL.path + suffix
      if let mode = DataFolder.mode(of: URL(fileURLWithPath: path)), mode & 0o077 != 0 {
        widened.append((path, mode))
      }
    }
    guard let first = widened.first else { return nil }
    var stuck: (path: String, mode: mode_t, reason: String)?
    for file in widened where chmod(file.path, file.mode & 0o700) != 0 && stuck == nil {
      stuck = (file.path, file.mode, String(cString: strerror(errno)))
    }
    // Said as what the bits allowed: 620 lets the group write, not read.
    func what(_ mode: mode_t) -> String {
      mode & 0o044 != 0 ? (mode & 0o022 != 0 ? "read and changed" : "read") : "changed"
    }
    guard let stuck else {
      return "\(first.path) could be \(what(first.mode)) by other users (mode "
        + "\(String(first.mode, radix: 8))); it is private now (mode "
        + "\(String(first.mode & 0o700, radix: 8)))."
    }
    return "\(stuck.path) can be \(what(stuck.mode)) by other users (mode "
      + "\(String(stuck.mode, radix: 8))) and could not be made private (\(stuck.reason)): "
      + "chmod 600 it."
  }

  /// Closes the database, leaving one self-contained file when no other process has it
  /// open; later calls fail. A read-only database leaves the folder as it found it.
  public func close() throws(StoreError) {
    if !isReadOnly {
      // GRDB closes the writer before the readers, and the last (read-only) connection cannot
      // fold the WAL back into the file, so do it here. A busy reader elsewhere only means the
      // WAL stays for now, which is safe.
      _ = try? writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    }
    do { try writer.close() } catch { throw StoreError.whileWriting(error, path: writer.path) }
    if madeCompanions { ReadOnlyAccess.tidyCompanions(of: fileURL) }
    if let marker, let directory {
      marker.end()
      // After the last checkpoint, so the record matches the file as the next opening finds it.
      OpeningMarker.recordCleanClose(of: fileURL, in: directory)
    }
  }

  /// The versions recorded in the file.
  public func versions() throws(StoreError) -> StoreVersions {
    try read { db in
      let meta = try Dictionary(
        uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT key, value FROM meta").map {
          ($0["key"] as String, $0["value"] as String)
        })
      return StoreVersions(
        schema: try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0,
        createdBy: meta["created_by"], writtenBy: meta["written_by"])
    }
  }

  /// Notes which PeerConsult last opened the file, so a refusal by an older one can name it.
  private static func recordWriterVersion(_ pool: DatabasePool) throws {
    let sql = "SELECT value FROM meta WHERE key = 'written_by'"
    guard try pool.read({ try String.fetchOne($0, sql: sql) }) != PeerConsultVersion.current
    else { return }
    try pool.write { db in
      try db.execute(
        sql: "INSERT OR REPLACE INTO meta (key, value) VALUES ('written_by', ?)",
        arguments: [PeerConsultVersion.current])
    }
  }

  /// Runs `body` in a write transaction, turning failures into one-line store errors.
  ///
  /// Once the write-ahead log was found removed (``checkLogStillThere()``) only the note
  /// being written is still kept (`evenWithoutLog`), each time copied into the database at
  /// once, so that leaving the window does not lose it.
  func write<T>(evenWithoutLog: Bool = false, _ body: (Database) throws -> T) throws(StoreError)
    -> T
  {
    if !evenWithoutLog { try refuseWithoutLog() }
    let result: T
    do { result = try writer.write(body) } catch {
      throw StoreError.whileWriting(error, path: writer.path)
    }
    writesSinceCheckpoint.withLock { count in count = count.map { $0 + 1 } }
    try checkLogStillThere()
    return result
  }

  /// Runs `body` on a snapshot of the last committed state.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try writer.read(body) } catch {
      throw StoreError.whileReading(error, path: writer.path)
    }
  }
}

/// The versions a database file records.
public struct StoreVersions: Hashable, Sendable {
  /// The schema version (`PRAGMA user_version`).
  public let schema: Int
  /// The PeerConsult version that created the file.
  public let createdBy: String?
  /// The PeerConsult version that last opened it for writing.
  public let writtenBy: String?
}
