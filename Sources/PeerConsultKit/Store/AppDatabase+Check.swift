import Foundation
import GRDB

/// What `peerconsult check` found: the whole database read and its pages found sound, and
/// whether its schema is what PeerConsult's migrations make.
public struct StoreCheck: Hashable, Sendable {
  /// The database file.
  public let path: String
  /// Pages read, and sessions the file holds.
  public let pages: Int
  public let sessions: Int
  /// Lines the opening has for the user (an upgrade, a damaged write-ahead log copied aside).
  public let notices: [String]
  /// What differs from the schema PeerConsult's migrations make at the file's version
  /// (``StoredSchema``), or nil when nothing does.
  public let schemaChange: String?

  /// The refusal for a changed schema, nil when the file is sound.
  public var problem: StoreError? {
    schemaChange.map { .changedSchema(path: path, change: $0) }
  }
}

extension AppDatabase {
  /// Checks every page of the database in `directory` (`PRAGMA quick_check`), as an opening
  /// does after a writing program ended without closing; nil when the folder holds none.
  /// Throws ``StoreError/damaged(path:detail:)`` for a damaged file, which it leaves as it is;
  /// a file whose schema PeerConsult did not make is reported in ``StoreCheck/schemaChange``,
  /// after the opening's notices, and left as it is too.
  ///
  /// A file of sound pages is then vouched for as a clean close would (``OpeningMarker``), when the
  /// folder may be written and nothing changed the file during the check, so that the next
  /// start does not read it all again.
  public static func check(directory: URL) throws(StoreError) -> StoreCheck? {
    let directory = directory.standardizedFileURL
    let fileURL = directory.appendingPathComponent(fileName)
    let before = OpeningMarker.identity(of: fileURL)
    let stale = OpeningMarker.markers(in: directory).stale
    guard
      let database = try openForReading(
        directory: directory, schema: .current, checkingEverything: true)
    else { return nil }
    let counts = try database.read { db in
      (
        // As `restore` checks a backup: a trigger, view or index that PeerConsult did not make
        // runs on every write. Here and not at every start, whose time is measured.
        change: try StoredSchema.problem(in: db, migrator: migrator),
        pages: try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
        sessions: try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions") ?? 0
      )
    }
    let notices = [database.upgradeNotice, database.logDamageNotice].compactMap { $0 }
    try database.close()
    if DataFolder.isWritable(directory), let before,
      OpeningMarker.identity(of: fileURL) == before
    {
      for marker in stale { unlink(marker.path) }
      OpeningMarker.recordCleanClose(of: fileURL, in: directory)
    }
    return StoreCheck(
      path: fileURL.path, pages: counts.pages, sessions: counts.sessions, notices: notices,
      schemaChange: counts.change)
  }
}
