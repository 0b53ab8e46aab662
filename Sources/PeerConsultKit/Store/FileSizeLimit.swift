import Foundation

/// The shell's limit on the size of a file this process writes (`ulimit -f`), if it sets one.
///
/// A write past it fails as an input/output error that says nothing of the limit (SIGXFSZ is
/// ignored at the program's start, so the write fails rather than the program dying): an
/// opening that makes SQLite's `-shm` file (32 KiB), or a save that grows the log, reads as
/// "disk I/O error", and the advice beside it (free disk space, check the permissions) misleads.
/// The store's messages name the limit when there is one.
enum FileSizeLimit {
  /// The limit in KiB, as `ulimit -f` gives it, or nil when files may grow without one.
  static var kilobytes: UInt64? {
    var limit = rlimit()
    guard getrlimit(__rlimit_resource_t(RLIMIT_FSIZE.rawValue), &limit) == 0,
      limit.rlim_cur != rlim_t.max  // RLIM_INFINITY
    else { return nil }
    return UInt64(limit.rlim_cur) / 1024
  }

  /// What to add to an input/output error's reason: the limit, when there is one.
  static var note: String {
    kilobytes.map { ", and files may not grow past \($0) KB here: raise ulimit -f" } ?? ""
  }
}
