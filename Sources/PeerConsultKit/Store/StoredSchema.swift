import GRDB

/// The schema a database holds, as `sqlite_master` lists it, and what differs between it and
/// the schema PeerConsult's own migrations make at the same version.
///
/// A trigger, view or index is code that SQLite runs on every write: a backup carrying one
/// PeerConsult did not make would rewrite or delete every note saved after it was restored.
/// So `restore` and `check` (never a start, whose time is measured) compare a file's schema
/// with one made afresh in memory by ``AppDatabase/migrator`` up to the file's `user_version`.
struct StoredSchema: Equatable, Sendable {
  /// One row of `sqlite_master`.
  struct Entry: Equatable, Sendable {
    let type: String
    let name: String
    /// The table an index or trigger belongs to (the entry's own name for a table or view).
    let table: String
    /// The statement that made it as SQLite's parser reads it (``SQLTokens``), nil for an
    /// index SQLite made itself for a UNIQUE or PRIMARY KEY constraint.
    let statement: [String]?
  }

  /// The entries by type and name (SQLite compares names without ASCII case).
  let entries: [Key: Entry]

  struct Key: Hashable, Sendable {
    let type: String
    let name: String
  }

  /// The schema `db` holds, SQLite's own tables (`sqlite_sequence`, `sqlite_stat1`, …, which
  /// `ANALYZE` may add) and the indexes it makes for constraints set aside. A trigger or view
  /// cannot hide under such a name: SQLite reserves the names, and a row of `sqlite_master`
  /// written by hand whose statement makes something else than its name says makes SQLite
  /// call the whole schema malformed (a damaged backup).
  static func read(_ db: Database) throws -> StoredSchema {
    let rows = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master")
    var entries: [Key: Entry] = [:]
    for row in rows {
      let type: String = row[0] ?? ""
      let name: String = row[1] ?? ""
      let sql: String? = row[3]
      let entry = Entry(
        type: type, name: name, table: row[2] ?? "", statement: sql.map(SQLTokens.of))
      if isSQLitesOwn(entry) { continue }
      entries[Key(type: type.lowercased(), name: asciiLowercased(name))] = entry
    }
    return StoredSchema(entries: entries)
  }

  /// The schema `migrator` makes up to migration `"v\(version)"`, in a database in memory; nil
  /// when it has no such migration.
  static func made(by migrator: DatabaseMigrator, atVersion version: Int) throws -> StoredSchema? {
    let migration = "v\(version)"
    guard migrator.migrations.contains(migration) else { return nil }
    var configuration = Configuration()
    AppDatabase.prepare(&configuration)
    let queue = try DatabaseQueue(configuration: configuration)
    try migrator.migrate(queue, upTo: migration)
    return try queue.read(read)
  }

  /// What is wrong with the schema of `db`, in words for the user ("it holds a trigger
  /// PeerConsult did not make: events_audit"), or nil when it is exactly what `migrator` makes
  /// at the version the file gives (`PRAGMA user_version`), and the migrations the file
  /// records are those that make it.
  static func problem(in db: Database, migrator: DatabaseMigrator) throws -> String? {
    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
    guard let expected = try made(by: migrator, atVersion: version) else {
      return "its schema version \(version) is none PeerConsult made"
    }
    let held = try read(db)
    if let change = held.changes(from: expected) { return change }
    // GRDB's record of the migrations run decides which run next: a file at v5 recording v18
    // would never be brought up to date, and one at v18 recording less would run some again.
    let recorded = try migrator.appliedIdentifiers(db)
    let made = Set(migrator.migrations.prefix { $0 != "v\(version)" } + ["v\(version)"])
    guard recorded == made else {
      return "its record of migrations does not match its schema version \(version)"
    }
    return nil
  }

  /// The differences from `expected`, most dangerous first (what PeerConsult did not make runs
  /// on every write), at most three named; nil when there are none.
  func changes(from expected: StoredSchema) -> String? {
    var added: [String] = []
    var changed: [String] = []
    var lacking: [String] = []
    for (key, entry) in entries.sorted(by: { $0.value.name < $1.value.name }) {
      guard let made = expected.entries[key] else {
        added.append("it holds a \(entry.type) PeerConsult did not make: \(entry.name)")
        continue
      }
      if entry.statement != made.statement
        || Self.asciiLowercased(entry.table) != Self.asciiLowercased(made.table)
      {
        changed.append("its \(made.type) \(made.name) was changed")
      }
    }
    for (key, made) in expected.entries.sorted(by: { $0.value.name < $1.value.name })
    where entries[key] == nil {
      lacking.append("it lacks the \(made.type) \(made.name)")
    }
    let all = added + changed + lacking
    guard !all.isEmpty else { return nil }
    let named = all.prefix(3).joined(separator: "; ")
    return all.count > 3
      ? "\(named); and \(CommandText.counted(all.count - 3, "more change"))" : named
  }

  /// Whether `entry` is one of SQLite's own tables or indexes.
  private static func isSQLitesOwn(_ entry: Entry) -> Bool {
    asciiLowercased(entry.name).hasPrefix("sqlite_")
      && (entry.type == "table" || entry.type == "index")
  }

  /// SQLite folds the case of ASCII letters alone in names.
  static func asciiLowercased(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 }
      ))
  }
}
