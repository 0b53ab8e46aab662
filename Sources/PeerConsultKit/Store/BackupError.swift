import TextLayout

/// Why a backup or a restore was refused; each description is one line naming the file, what
/// is wrong and what to do.
public enum BackupError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The backup file exists and `--force` was not given.
  case exists(path: String)
  /// The backup could not be written (the reason from the system or SQLite).
  case cannotWrite(path: String, reason: String)
  /// The file to restore is no PeerConsult database: `reason` says what it is.
  case notABackup(path: String, reason: String)
  /// The file to restore is a PeerConsult database whose schema is not what PeerConsult's
  /// migrations make at its version: `change` names what differs.
  case changedSchema(path: String, change: String)
  /// The file to restore could not be read (the reason from the system or SQLite).
  case cannotRead(path: String, reason: String)
  /// The file to restore is a PeerConsult database of a schema this version cannot read:
  /// `schema` is the file's `user_version`, `supported` the newest this version reads.
  case newer(path: String, schema: Int, supported: Int)
  /// The file to restore has pages of `pageSize` bytes, and SQLite's backup can fill only a
  /// database of the same page size, `expected`, in write-ahead-log mode.
  case pageSize(path: String, pageSize: Int, expected: Int)
  /// The file to restore is a damaged PeerConsult database.
  case damaged(path: String, detail: String)
  /// The restore failed after the database was copied to `aside`.
  case cannotRestore(path: String, reason: String, aside: String)
  /// The backup would replace the database it copies, or a database's log or journal.
  case wouldReplaceDatabase(path: String)

  /// One line whatever it quotes: a path or a value with a line break in it (`-o $'a\nb'`)
  /// made a message of two lines, so each control character in it is spelt out.
  public var description: String { ControlCharacters.spelledOut(message) }

  private var message: String {
    // What SQLite or the system says may span lines (a damaged file's check lists each
    // problem on its own), and a file's name may hold a line break: a refusal is one line.
    let line = CommandText.oneLine
    return switch self {
    case .exists(let path):
      "\(line(path)) already exists: choose another name, or add --force to replace it."
    case .cannotWrite(let path, let reason):
      "Could not write the backup \(line(path)) (\(line(reason).withoutClosingFullStop)): free "
        + "some space or choose another place; the sessions are unchanged."
    case .notABackup(let path, let reason):
      "\(line(path)) is not a PeerConsult backup (\(line(reason).withoutClosingFullStop)): "
        + "nothing was restored; check the file name."
    case .changedSchema(let path, let change):
      "\(line(path)) is not a PeerConsult backup (\(line(change))): nothing was restored; "
        + "something other than PeerConsult changed its tables, indexes or triggers, so restore "
        + "a backup that `peerconsult backup` wrote."
    case .cannotRead(let path, let reason):
      "Cannot read \(line(path)) (\(line(reason).withoutClosingFullStop)): check its "
        + "permissions; nothing was restored."
    case .newer(let path, let schema, let supported):
      "\(line(path)) was written by a newer PeerConsult ("
        + (schema > supported
          ? "schema \(schema); this one reads up to \(supported)"
          : "with changes after schema \(supported), the newest this one reads")
        + "): install it to restore this backup; nothing was restored."
    case .pageSize(let path, let pageSize, let expected):
      "\(line(path)) has \(pageSize)-byte pages, and SQLite restores only \(expected)-byte "
        + "pages into PeerConsult's database: nothing was restored; copy it, turn the copy's "
        + "pages into \(expected) bytes (sqlite3 COPY \"PRAGMA journal_mode = DELETE; PRAGMA "
        + "page_size = \(expected); VACUUM;\") and restore the copy."
    case .damaged(let path, let detail):
      "\(line(path)) is damaged (\(line(detail).withoutClosingFullStop)): nothing was restored; "
        + "restore an older backup."
    case .cannotRestore(let path, let reason, let aside):
      "Could not restore into \(line(path)) (\(line(reason).withoutClosingFullStop)): the "
        + "database as it was is kept as \(line(aside))."
    case .wouldReplaceDatabase(let path):
      "\(line(path)) is the database being backed up, or a database's log or journal: a backup "
        + "never replaces one; choose another name. Nothing was written."
    }
  }
}
