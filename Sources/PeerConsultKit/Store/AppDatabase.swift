import Foundation
import GRDB

/// The PeerConsult database: one SQLite file, `peerconsult.sqlite`, in the data folder,
/// opened in WAL mode so that other PeerConsult processes can list, search and export while
/// a live session writes, and with `synchronous = FULL` so that a committed event survives a
/// crash or a power cut.
///
/// Opening never changes an existing file that is not a healthy PeerConsult database of a
/// version this program knows: such a file is refused with a ``StoreError``.
public final class AppDatabase: Sendable {
  /// The database's file name in the data folder.
  public static let fileName = "peerconsult.sqlite"
  /// How long a reader or writer waits for another process before giving up, in seconds.
  static let busyTimeout: TimeInterval = 5

  /// The data folder.
  public let directory: URL
  /// The database file.
  public let fileURL: URL
  let pool: DatabasePool

  /// Opens the database in `directory`, creating the folder (0700) and the database (0600)
  /// if need be and bringing an older schema up to date.
  public init(directory: URL) throws(StoreError) {
    self.directory = directory.standardizedFileURL
    fileURL = self.directory.appendingPathComponent(Self.fileName)
    let path = fileURL.path
    try DataFolder.prepare(self.directory)
    if try DatabaseInspection.inspect(fileURL) == .fresh {
      try DataFolder.createPrivateFile(fileURL)
    }
    DataFolder.makePrivate(fileURL)
    var configuration = Configuration()
    configuration.busyMode = .timeout(Self.busyTimeout)
    configuration.label = "PeerConsult"
    do {
      pool = try DatabasePool(path: path, configuration: configuration)
    } catch {
      throw StoreError.whileOpening(error, path: path)
    }
    do {
      // DatabasePool sets NORMAL after opening; an acknowledged note must survive power loss.
      try pool.writeWithoutTransaction { try $0.execute(sql: "PRAGMA synchronous = FULL") }
      try Self.migrator.migrate(pool)
      try recordWriterVersion()
    } catch {
      throw StoreError.whileWriting(error, path: path)
    }
    DataFolder.makePrivate(fileURL)
  }

  /// True when `directory` already holds a database, so a read-only command can say "no
  /// sessions yet" without creating anything.
  public static func exists(in directory: URL) -> Bool {
    FileManager.default.fileExists(
      atPath: directory.appendingPathComponent(fileName).path)
  }

  /// A one-line warning when other users can list the data folder (its files are private
  /// regardless), or nil.
  public var folderPermissionWarning: String? {
    guard let mode = DataFolder.mode(of: directory), mode & 0o077 != 0 else { return nil }
    return "The data folder \(directory.path) can be listed by other users "
      + "(mode \(String(mode, radix: 8))): chmod 700 it to hide even the file names."
  }

  /// Closes the database, leaving one self-contained file when no other process has it
  /// open; later calls fail.
  public func close() throws(StoreError) {
    // GRDB closes the writer before the readers, and the last (read-only) connection cannot
    // fold the WAL back into the file, so do it here. A busy reader elsewhere only means the
    // WAL stays for now, which is safe.
    _ = try? pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    do { try pool.close() } catch { throw StoreError.whileWriting(error, path: fileURL.path) }
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
  private func recordWriterVersion() throws {
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
  func write<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.write(body) } catch {
      throw StoreError.whileWriting(error, path: fileURL.path)
    }
  }

  /// Runs `body` on a snapshot of the last committed state.
  func read<T>(_ body: (Database) throws -> T) throws(StoreError) -> T {
    do { return try pool.read(body) } catch {
      throw StoreError.whileReading(error, path: fileURL.path)
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
