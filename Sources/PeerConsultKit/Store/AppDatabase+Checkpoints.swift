import GRDB

extension AppDatabase {
  /// The writes after which ``checkpointIfDue()`` copies the write-ahead log back into the
  /// database: a note's commit writes about 13 pages, so about as often as SQLite's own
  /// automatic check-point at 1,000 pages.
  static let writesPerCheckpoint = 64

  /// Leaves the write-ahead log's check-points to ``checkpointIfDue()``, called when the
  /// program has nothing else to do, instead of SQLite's automatic one.
  ///
  /// SQLite check-points when a commit takes the log past 1,000 pages, inside that commit,
  /// after it is durable: one note in about 75 waited 1-2 ms more to be acknowledged, four
  /// times the others, for copying pages that nobody was waiting for. The interactive
  /// program, which has idle moments between keys, takes that work out of the commit; a
  /// command that writes and ends keeps SQLite's, and every writing opening's close still
  /// folds the log back whole. A read-only opening has nothing to check-point.
  public func deferCheckpoints() {
    guard !isReadOnly else { return }
    do {
      try writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
    } catch {
      // SQLite's own check-points go on: slower commits now and then, nothing lost.
      return
    }
    writesSinceCheckpoint.withLock { $0 = 0 }
  }

  /// Copies the write-ahead log back into the database when ``writesPerCheckpoint`` writes
  /// have been made since the last time (a passive check-point: it waits for no reader, and
  /// leaves for next time what a reader still needs). Returns whether it did. A failure is
  /// not worth a message: the log holds every commit, and the next time or the close copies
  /// it back.
  @discardableResult
  public func checkpointIfDue() -> Bool {
    let due = writesSinceCheckpoint.withLock { count in
      guard let writes = count, writes >= Self.writesPerCheckpoint else { return false }
      count = 0
      return true
    }
    guard due else { return false }
    return (try? writer.writeWithoutTransaction { try $0.checkpoint(.passive) }) != nil
  }
}
