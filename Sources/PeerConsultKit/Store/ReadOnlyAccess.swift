import Foundation
import GRDB
import GRDBSQLite

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// How to open the database file so that nothing writes to it, in a writable folder or a
/// read-only one.
///
/// A database in WAL mode is read through its `-wal` and `-shm` companions. A read-only
/// connection creates them when they are missing and cannot remove them afterwards, and it
/// cannot open the file at all when it can create neither (a read-only folder). So:
/// - where PeerConsult cannot write (the folder or the file) and there is no `-wal`, the file
///   is opened `immutable`, which needs no companions. No `-wal` means no connection has the
///   database open in WAL mode; one that starts during the read cannot be stopped, but at
///   worst this read fails or sees an older state: the file itself is never written.
/// - otherwise the companions are used as they are, and ``tidyCompanions(of:)`` removes the
///   ones a read made once it is over.
enum ReadOnlyAccess {
  /// The path (a URI for an immutable open) and configuration of a connection that never
  /// writes to `file`.
  static func connection(to file: URL) -> (path: String, configuration: Configuration) {
    var configuration = Configuration()
    configuration.readonly = true
    configuration.busyMode = .timeout(AppDatabase.busyTimeout)
    configuration.label = "PeerConsult (read-only)"
    // Foreign keys guard writes, which this connection never makes: one set-up statement less.
    configuration.foreignKeysEnabled = false
    AppDatabase.prepare(&configuration)
    let folder = file.deletingLastPathComponent().path
    let canWrite = access(folder, W_OK | X_OK) == 0 && access(file.path, W_OK) == 0
    guard !canWrite && !exists(file.path + "-wal") else { return (file.path, configuration) }
    return ("file:\(uriEscaped(file.path))?immutable=1", configuration)
  }

  /// True when neither companion file exists, so a read that creates them must remove them.
  static func hasNoCompanions(_ file: URL) -> Bool {
    !exists(file.path + "-wal") && !exists(file.path + "-shm")
  }

  /// Removes the empty `-wal` and the `-shm` that a read-only open of `file` created, unless
  /// another connection uses them. SQLite removes both itself when the last connection able
  /// to write closes, and only once it holds the file's exclusive lock, so a brief writable
  /// connection that only reads lets SQLite's own locks decide that nobody else has the
  /// database open. It writes nothing to the database file: the WAL is empty, so there is
  /// nothing to check-point.
  ///
  /// The connection is SQLite's own, not GRDB's: GRDB checks every connection it opens by
  /// reading the whole schema (its tables, indexes and triggers, about 1 ms), which a
  /// connection that never names a table does not need. `PRAGMA schema_version` reads the
  /// header's cookie alone, and that read is what makes SQLite open the companions, so that
  /// closing can remove them.
  static func tidyCompanions(of file: URL) {
    var walInfo = stat()
    guard stat(file.path + "-wal", &walInfo) == 0, walInfo.st_size == 0,
      access(file.path, W_OK) == 0
    else { return }
    // Companions left behind are harmless (the next connection reuses them), so a failure
    // here is not worth a message: the read the user asked for has already succeeded. With no
    // busy handler, a lock held elsewhere fails at once and the companions stay for it. Not
    // SQLITE_OPEN_NOFOLLOW, which refuses a link anywhere in the path: a data folder reached
    // through one (a linked home, macOS's /var) would keep its companions. SQLite opens the
    // file itself without following a link, as it does for every connection.
    var connection: OpaquePointer?
    defer { sqlite3_close_v2(connection) }
    guard
      sqlite3_open_v2(
        file.path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK
    else { return }
    _ = sqlite3_exec(connection, "PRAGMA schema_version", nil, nil, nil)
  }

  private static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// `path` with the characters that mean something in an SQLite URI percent-encoded.
  private static func uriEscaped(_ path: String) -> String {
    var allowed = CharacterSet.urlPathAllowed
    allowed.remove(charactersIn: "?#%")
    return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
  }
}
