import Foundation
import GRDB

/// The shell's limit on the size of a file this process writes (`ulimit -f`), if it sets one.
///
/// A write past it fails as an input/output error that says nothing of the limit (SIGXFSZ is
/// ignored at the program's start, so the write fails rather than the program dying): an
/// opening that makes SQLite's `-shm` file (32 KiB), or a save that grows the log, reads as
/// "disk I/O error", and the advice beside it (free disk space, check the permissions) misleads.
/// The store's messages name the limit when there is one.
enum FileSizeLimit {
  /// The limit in bytes (the soft one, which a write meets), or nil when files may grow
  /// without one.
  static var bytes: UInt64? {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0,
      limit.rlim_cur != rlim_t.max  // RLIM_INFINITY
    else { return nil }
    return UInt64(limit.rlim_cur)
  }

  /// What to add to an input/output error's reason: the limit, when there is one (in KB, as
  /// bash's `ulimit -f` counts; a POSIX `sh` counts blocks of 512 bytes).
  static var note: String {
    guard let bytes else { return "" }
    let size = bytes < 1024 ? "\(bytes) bytes" : "\(bytes / 1024) KB"
    return ", and files may not grow past \(size) here: raise ulimit -f"
  }

  /// Whether an input/output error of this kind is one a file-size limit causes: a write, a
  /// file grown or cut, the shared-memory file sized; not a read.
  static func mayStop(_ code: ResultCode) -> Bool {
    [
      ResultCode.SQLITE_IOERR_WRITE, .SQLITE_IOERR_TRUNCATE, .SQLITE_IOERR_SHMSIZE,
      .SQLITE_IOERR_SHMMAP, .SQLITE_IOERR_FSYNC, .SQLITE_IOERR_SHMOPEN,
    ].contains(code)
  }
}
