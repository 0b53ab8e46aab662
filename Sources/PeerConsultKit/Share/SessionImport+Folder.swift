import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What one import into a data folder did (``SessionImport/run(_:intoFolder:limits:opened:)``).
public struct FolderImportResult: Sendable {
  /// What happened to each session, in the order they first appear in the files.
  public let sessions: [ImportOutcome]
  /// What happened to each standing group.
  public let groups: [GroupImportOutcome]
  /// How many sessions were decoded from the files, all readings together: one for each
  /// session in them, or two when the folder's database could not be opened before the files
  /// were checked.
  public let sessionsDecoded: Int
}

extension SessionImport {
  /// Imports `files` into the data folder `folder`, all or nothing, so that a refused file
  /// creates nothing and a file refused by the checks changes no byte of a database:
  /// - with no database in it yet (or no folder), into a new database in a private folder made
  ///   beside it (`.NAME.import-UUID`, 0700), moved into place once committed: the whole
  ///   folder by `rename`, or the database file by a hard link, which never replaces a database
  ///   another program made meanwhile (then this one is dropped and the files imported into
  ///   that one, as below). Each session is decoded once, in the transaction.
  /// - with a database, as before: every session is checked before the database is opened
  ///   (a writing opening can change the file), and decoded again as it is written.
  ///
  /// Each file's JSON, format and standing groups are checked first, before anything is
  /// opened. `opened` is handed the folder's own database when it is opened in place, before
  /// anything is written (for the caller to say what opening found).
  public static func run(
    _ files: [URL], intoFolder folder: URL, limits: ImportLimits = .standard,
    opened: (AppDatabase) -> Void = { _ in }
  ) throws -> FolderImportResult {
    let folder = folder.standardizedFileURL
    let checked = try checkHeaders(files, limits: limits)
    var decoded = 0
    if try !AppDatabase.exists(in: folder),
      let result = try importAside(checked, into: folder, decoded: &decoded)
    {
      return result
    }
    // A writing opening can change the file (a schema upgrade, this version's name, a page
    // folded back from the log), so every session is checked before it.
    decoded += try checkSessions(checked)
    let database = try AppDatabase(directory: folder)
    defer { try? database.close() }
    opened(database)
    let outcomes = try write(checked, into: database, decoded: &decoded)
    return FolderImportResult(
      sessions: outcomes.sessions, groups: outcomes.groups, sessionsDecoded: decoded)
  }

  /// Imports `checked` into a new database in a private folder made beside `folder`, and
  /// moves it into place once committed (``DataFolder/moveIn(_:as:)``). Returns nil, having
  /// moved nothing, when that cannot be done (the folder beside cannot be made, `folder` is
  /// not writable, or another program made a database there meanwhile): the caller then
  /// imports into `folder` itself. A refusal or failure removes the folder made beside.
  private static func importAside(_ checked: CheckedImport, into folder: URL, decoded: inout Int)
    throws -> FolderImportResult?
  {
    if try DataFolder.existsAsFolder(folder), !DataFolder.isWritable(folder) { return nil }
    // Beside the data folder, or in the nearest folder above it that exists, so that the move
    // is a rename within one file system and nothing is made above a refused import.
    var anchor = folder.deletingLastPathComponent()
    while anchor.path != "/", try !DataFolder.existsAsFolder(anchor) {
      anchor = anchor.deletingLastPathComponent()
    }
    let aside = anchor.appendingPathComponent(
      ".\(folder.lastPathComponent).import-\(UUID().uuidString.lowercased())")
    guard mkdir(aside.path, 0o700) == 0 else { return nil }
    defer { try? FileManager.default.removeItem(at: aside) }
    let database = try AppDatabase(directory: aside)
    let outcomes: (sessions: [ImportOutcome], groups: [GroupImportOutcome])
    do { outcomes = try write(checked, into: database, decoded: &decoded) } catch {
      try? database.close()
      throw error
    }
    try database.close()
    guard try DataFolder.moveIn(aside, as: folder) else { return nil }
    return FolderImportResult(
      sessions: outcomes.sessions, groups: outcomes.groups, sessionsDecoded: decoded)
  }
}
