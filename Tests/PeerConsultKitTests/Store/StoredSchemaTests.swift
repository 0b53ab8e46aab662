import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// A backup is restored only when its schema is what PeerConsult's migrations make at its
/// version: a trigger, view or index added or changed by hand would run on every later write.
@Suite struct StoredSchemaTests {
  /// A backup `peerconsult backup` wrote of a folder holding one session with a note.
  private func backup(in folder: TemporaryFolder) throws -> URL {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "The council will fund it", kind: .insight))
    let file = folder.path("backup-\(UUID().uuidString).peerconsult")
    try store.database.backup(to: file, replacing: false)
    return file
  }

  /// A copy of `file` with `sql` run on it, as with the `sqlite3` shell (no tokenizer: the
  /// changes below do not touch the search index's contents).
  private func altered(_ file: URL, _ sql: String, in folder: TemporaryFolder) throws -> URL {
    let copy = folder.path("altered-\(UUID().uuidString).peerconsult")
    try FileManager.default.copyItem(at: file, to: copy)
    let queue = try DatabaseQueue(path: copy.path)
    try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
    try queue.close()
    return copy
  }

  /// The change `checkBackup` names for `file`, or nil when it accepts it.
  private func change(in file: URL) throws -> String? {
    do {
      _ = try AppDatabase.checkBackup(file)
      return nil
    } catch {
      guard case .changedSchema(_, let change) = error else {
        Issue.record("refused otherwise: \(error)")
        return "refused otherwise"
      }
      #expect(error.description.split(separator: "\n").count == 1)
      return change
    }
  }

  @Test func aBackupPeerConsultWroteIsAccepted() throws {
    let folder = try TemporaryFolder()
    #expect(try AppDatabase.checkBackup(try backup(in: folder)) == 1)
  }

  @Test func aTriggerAViewOrAnIndexAddedOrChangedIsNamed() throws {
    let folder = try TemporaryFolder()
    let good = try backup(in: folder)
    for (sql, named) in [
      (
        """
        CREATE TRIGGER events_audit AFTER INSERT ON events BEGIN
          UPDATE events SET payload = replace(payload, 'will', 'will NOT')
          WHERE session_id = new.session_id AND seq = new.seq;
        END;
        """,
        "it holds a trigger PeerConsult did not make: events_audit"
      ),
      (
        "CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; DELETE FROM events; END",
        "it holds a trigger PeerConsult did not make: wipe"
      ),
      (
        """
        DROP TRIGGER notes_fts_insert;
        CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
          INSERT INTO notes_fts (rowid, text) VALUES (new.id, 'PWNED');
        END;
        """,
        "its trigger notes_fts_insert was changed"
      ),
      ("DROP INDEX events_people", "it lacks the index events_people"),
      (
        "CREATE VIEW every_note AS SELECT text FROM notes",
        "it holds a view PeerConsult did not make: every_note"
      ),
      // Three named, what PeerConsult did not make first, and the rest counted.
      (
        """
        CREATE VIEW v AS SELECT 1;
        CREATE TRIGGER wipe AFTER INSERT ON notes BEGIN DELETE FROM notes; END;
        DROP INDEX events_people;
        DROP INDEX events_phases;
        """,
        "it holds a view PeerConsult did not make: v; it holds a trigger PeerConsult did not "
          + "make: wipe; it lacks the index events_people; and 1 more change"
      ),
      // What it records of its migrations decides what an upgrade runs.
      (
        "DELETE FROM grdb_migrations WHERE identifier = 'v\(AppDatabase.schemaVersion)'",
        "its record of migrations does not match its schema version \(AppDatabase.schemaVersion)"
      ),
    ] {
      #expect(try change(in: try altered(good, sql, in: folder)) == named, "\(sql)")
    }
  }

  /// `check` compares the live database's schema the same way, and reports the change beside
  /// the counts so that the opening's notices are still said first.
  @Test func checkNamesASchemaChangeOfTheLiveDatabase() throws {
    let store = try StoreFixture()
    _ = try store.live()
    #expect(try AppDatabase.check(directory: store.dataFolder)?.schemaChange == nil)
    try store.database.writer.writeWithoutTransaction {
      try $0.execute(sql: "DROP TRIGGER notes_fts_insert")
    }
    let check = try #require(try AppDatabase.check(directory: store.dataFolder))
    #expect(check.schemaChange == "it lacks the trigger notes_fts_insert")
    #expect(
      check.problem?.description.hasPrefix(
        "\(store.file.path) holds a schema PeerConsult did not "
          + "make (it lacks the trigger notes_fts_insert): ") == true)
  }

  /// `ANALYZE`, which a user may run with the `sqlite3` shell, adds SQLite's own table of
  /// statistics: set aside, as it changes no write.
  @Test func sqlitesOwnTablesAreSetAside() throws {
    let folder = try TemporaryFolder()
    #expect(try change(in: try altered(try backup(in: folder), "ANALYZE", in: folder)) == nil)
  }

  /// A genuine database of every earlier schema version is accepted: one made at that version,
  /// and the tests' schema v1 database (``MigrationTests/schemaV1Fixture``, typed compactly)
  /// brought up to it, as PeerConsult upgrades it.
  @Test func aDatabaseOfEveryOlderSchemaIsAccepted() throws {
    let folder = try TemporaryFolder()
    var configuration = Configuration()
    AppDatabase.prepare(&configuration)
    for version in 1...AppDatabase.schemaVersion {
      let made = folder.path("made-v\(version).peerconsult")
      let fresh = try DatabaseQueue(path: made.path, configuration: configuration)
      try AppDatabase.migrator.migrate(fresh, upTo: "v\(version)")
      try fresh.close()
      #expect(try change(in: made) == nil, "made at v\(version)")

      let upgraded = folder.path("upgraded-v\(version).peerconsult")
      let fixture = try DatabaseQueue(path: upgraded.path, configuration: configuration)
      try fixture.write { try $0.execute(sql: MigrationTests.schemaV1Fixture) }
      try AppDatabase.migrator.migrate(fixture, upTo: "v\(version)")
      try fixture.close()
      #expect(try change(in: upgraded) == nil, "v1 fixture upgraded to v\(version)")
      #expect(try AppDatabase.checkBackup(upgraded) == 1)
    }
  }

  /// What ``SQLTokens`` claims: PeerConsult's own files hold the migrations' text to the byte,
  /// so comparing tokens rather than text lets through layout only.
  @Test func aFilePeerConsultMadeHoldsTheMigrationsTextToTheByte() throws {
    let store = try StoreFixture()
    _ = try store.live()
    let sql = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
    let held = try store.database.writer.read { try Row.fetchAll($0, sql: sql) }
    var configuration = Configuration()
    AppDatabase.prepare(&configuration)
    let memory = try DatabaseQueue(configuration: configuration)
    try AppDatabase.migrator.migrate(memory)
    #expect(try memory.read { try Row.fetchAll($0, sql: sql) } == held)
  }

  @Test func tokensSetLayoutAsideAndKeepEveryWordAndLiteral() {
    let written = """
      CREATE TABLE meta (
        key TEXT PRIMARY KEY NOT NULL,  -- a comment
        value TEXT NOT NULL DEFAULT 'A b' /* another */
      ) WITHOUT ROWID
      """
    #expect(
      SQLTokens.of(written)
        == SQLTokens.of(
          #"create table "META" (key text primary key not null, [value] TEXT NOT NULL default 'A b') without rowid"#
        ))
    #expect(
      SQLTokens.of(written)
        != SQLTokens.of(written.replacingOccurrences(of: "'A b'", with: "'a b'")))
    #expect(SQLTokens.of("x 'it''s'") == ["x", "'it''s'"])
  }
}
