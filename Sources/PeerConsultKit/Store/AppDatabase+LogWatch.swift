import Foundation
import GRDB

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The write-ahead log file an opening writes to, as its first write found it.
struct WriteAheadLogWatch: Sendable {
  /// The log's device and inode, once a write has found it.
  var identity: (device: UInt64, inode: UInt64)?
  /// Set once the log was found removed or replaced: no more writes through this opening.
  var lost = false
}

extension AppDatabase {
  /// After a commit, makes sure it went into the `-wal` file that is in the data folder.
  ///
  /// SQLite keeps writing to the log it opened even when another program removes it (a
  /// clean-up, a sync tool): each commit was acknowledged, durable in a file no longer there,
  /// and lost with the program, or, once another program had made a new log, read back as
  /// damage ("file is not a database"). Found removed or replaced, the log's commits are copied
  /// into the database file at once (a check-point) so that every acknowledged note is kept,
  /// and this opening writes no more (``StoreError/logRemoved(path:)``): leaving and resuming
  /// opens the folder's log again. One `stat` a write; a database in memory, or not in WAL
  /// mode, has no log to watch.
  func checkLogStillThere() throws(StoreError) {
    guard !isReadOnly, writer is DatabasePool else { return }
    var info = stat()
    let found =
      stat(writer.path + "-wal", &info) == 0
      ? (device: UInt64(info.st_dev), inode: UInt64(info.st_ino)) : nil
    let intact = writeAheadLog.withLock { watch -> Bool in
      guard let known = watch.identity else {
        watch.identity = found
        return found != nil
      }
      return found.map { $0 == known } ?? false
    }
    guard !intact else { return }
    writeAheadLog.withLock { $0.lost = true }
    do {
      _ = try writer.writeWithoutTransaction { try $0.checkpoint(.truncate) }
    } catch {
      // Not copied: the last commit may be only in the removed log, so it is not
      // acknowledged either.
      throw StoreError.logRemoved(path: writer.path)
    }
  }

  /// Refuses a write once the log was found removed (``checkLogStillThere()``).
  func refuseWithoutLog() throws(StoreError) {
    if writeAheadLog.withLock(\.lost) { throw StoreError.logRemoved(path: writer.path) }
  }
}
