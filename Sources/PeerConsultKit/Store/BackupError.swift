/// Why a backup or a restore was refused; each description is one line naming the file, what
/// is wrong and what to do.
public enum BackupError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The backup file exists and `--force` was not given.
  case exists(path: String)
  /// The backup could not be written (the reason from the system or SQLite).
  case cannotWrite(path: String, reason: String)
  /// The file to restore is no PeerConsult database: `reason` says what it is.
  case notABackup(path: String, reason: String)
  /// The file to restore could not be read (the reason from the system or SQLite).
  case cannotRead(path: String, reason: String)
  /// The file to restore is a PeerConsult database this version cannot read.
  case newer(path: String, writtenBy: String?)
  /// The file to restore is a damaged PeerConsult database.
  case damaged(path: String, detail: String)
  /// The restore failed after the database was copied to `aside`.
  case cannotRestore(path: String, reason: String, aside: String)
  /// The backup would replace the database it copies, or a database's log or journal.
  case wouldReplaceDatabase(path: String)

  public var description: String {
    switch self {
    case .exists(let path):
      "\(path) already exists: choose another name, or add --force to replace it."
    case .cannotWrite(let path, let reason):
      "Could not write the backup \(path) (\(reason.withoutClosingFullStop)): free some space or choose another "
        + "place; the sessions are unchanged."
    case .notABackup(let path, let reason):
      "\(path) is not a PeerConsult backup (\(reason.withoutClosingFullStop)): nothing was restored; check the file name."
    case .cannotRead(let path, let reason):
      "Cannot read \(path) (\(reason.withoutClosingFullStop)): check its permissions; nothing was "
        + "restored."
    case .newer(let path, let writtenBy):
      "\(path) was written by a newer PeerConsult (\(writtenBy ?? "unknown version")): "
        + "install it to restore this backup; nothing was restored."
    case .damaged(let path, let detail):
      "\(path) is damaged (\(detail.withoutClosingFullStop)): nothing was restored; restore an older backup."
    case .cannotRestore(let path, let reason, let aside):
      "Could not restore into \(path) (\(reason.withoutClosingFullStop)): the database as it was is kept as \(aside)."
    case .wouldReplaceDatabase(let path):
      "\(path) is the database being backed up, or a database's log or journal: a backup never "
        + "replaces one; choose another name. Nothing was written."
    }
  }
}
