import Foundation
import GRDB
import GRDBSQLite

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
    let found = logIdentity()
    let intact = writeAheadLog.withLock { watch -> Bool in
      guard let known = watch.identity else {
        watch.identity = found
        return found != nil
      }
      return found.map { $0 == known } ?? false
    }
    guard !intact else { return }
    writeAheadLog.withLock { $0.lost = true }
    // Copied whole is what counts: a reader of another program may keep the log from being
    // truncated after every frame was copied and synced (SQLITE_BUSY then), and the note is
    // in the database all the same.
    let copied = writer.writeWithoutTransaction { db -> Bool in
      var frames: Int32 = -1
      var copiedFrames: Int32 = -1
      let status = sqlite3_wal_checkpoint_v2(
        db.sqliteConnection, nil, SQLITE_CHECKPOINT_TRUNCATE, &frames, &copiedFrames)
      return status == SQLITE_OK || (frames >= 0 && frames == copiedFrames)
    }
    // Not copied: the last commit may be only in the removed log, so it is not acknowledged.
    guard copied else { throw StoreError.logRemoved(path: writer.path) }
  }

  /// Notes the log as the writing opening finds it, when it is there; a log not there yet is
  /// noted at the first write.
  func noteLogAtOpening() {
    guard !isReadOnly, writer is DatabasePool, let found = logIdentity() else { return }
    writeAheadLog.withLock { $0.identity = found }
  }

  /// The device and inode of the file at the log's path, or nil when there is none.
  private func logIdentity() -> (device: UInt64, inode: UInt64)? {
    var info = stat()
    guard stat(writer.path + "-wal", &info) == 0 else { return nil }
    return (UInt64(info.st_dev), UInt64(info.st_ino))
  }

  /// Refuses a write once the log was found removed (``checkLogStillThere()``).
  func refuseWithoutLog() throws(StoreError) {
    if writeAheadLog.withLock(\.lost) { throw StoreError.logRemoved(path: writer.path) }
  }
}
