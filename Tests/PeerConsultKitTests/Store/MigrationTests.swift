import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// Databases written by earlier schema versions open with the current code.
@Suite struct MigrationTests {
  /// A database exactly as PeerConsult 0.1.0 (schema v1) wrote it, made from SQL kept here
  /// verbatim: never edit it when the schema changes; add a fixture for the new version.
  static let schemaV1Fixture = """
    CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
    INSERT INTO grdb_migrations VALUES ('v1');

    CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL) WITHOUT ROWID;
    CREATE TABLE sessions (
      id TEXT PRIMARY KEY NOT NULL CHECK (length(id) = 32),
      created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER,
      last_seq INTEGER NOT NULL, title TEXT NOT NULL, programme TEXT NOT NULL,
      protocol_id TEXT NOT NULL, protocol_name TEXT NOT NULL);
    CREATE INDEX sessions_by_created ON sessions (created_at);
    CREATE INDEX sessions_by_programme ON sessions (programme);
    CREATE TABLE events (
      session_id TEXT NOT NULL REFERENCES sessions (id), seq INTEGER NOT NULL CHECK (seq >= 1),
      at INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
      PRIMARY KEY (session_id, seq)) WITHOUT ROWID;
    CREATE TABLE participants (
      session_id TEXT NOT NULL REFERENCES sessions (id), idx INTEGER NOT NULL,
      name TEXT NOT NULL, organisation TEXT NOT NULL, level TEXT NOT NULL,
      PRIMARY KEY (session_id, idx)) WITHOUT ROWID;
    CREATE TABLE rounds (
      session_id TEXT NOT NULL REFERENCES sessions (id), round INTEGER NOT NULL,
      presenter INTEGER NOT NULL, focus_question TEXT,
      PRIMARY KEY (session_id, round)) WITHOUT ROWID;
    CREATE TABLE slots (
      session_id TEXT NOT NULL REFERENCES sessions (id), slot INTEGER NOT NULL,
      part TEXT NOT NULL, round INTEGER, phase TEXT NOT NULL, planned_seconds INTEGER NOT NULL,
      PRIMARY KEY (session_id, slot)) WITHOUT ROWID;
    CREATE TABLE notes (
      id INTEGER PRIMARY KEY, session_id TEXT NOT NULL REFERENCES sessions (id),
      note INTEGER NOT NULL, slot INTEGER NOT NULL, created_at INTEGER NOT NULL,
      kind TEXT NOT NULL, speaker INTEGER, owner INTEGER, text TEXT NOT NULL,
      done_at INTEGER, edited_at INTEGER, deleted_at INTEGER, UNIQUE (session_id, note));
    CREATE VIRTUAL TABLE notes_fts USING fts5 (
      text, content = 'notes', content_rowid = 'id',
      tokenize = 'unicode61 remove_diacritics 2');
    CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
      INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
    END;
    CREATE TRIGGER notes_fts_delete AFTER DELETE ON notes BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END;
    CREATE TRIGGER notes_fts_update AFTER UPDATE OF text ON notes BEGIN
      INSERT INTO notes_fts (notes_fts, rowid, text) VALUES ('delete', old.id, old.text);
      INSERT INTO notes_fts (rowid, text) VALUES (new.id, new.text);
    END;

    INSERT INTO meta VALUES ('created_by', '0.1.0'), ('written_by', '0.1.0');
    INSERT INTO sessions VALUES ('0123456789abcdef0123456789abcdef', 1800000000000,
      1800000010000, NULL, 5, 'Alcohol and the night', 'Alcohol Plan', 'tiny', 'Tiny');
    INSERT INTO participants VALUES
      ('0123456789abcdef0123456789abcdef', 0, 'Asha', 'Council', 'senior'),
      ('0123456789abcdef0123456789abcdef', 1, 'Ben', 'NHS', 'frontline');
    INSERT INTO rounds VALUES
      ('0123456789abcdef0123456789abcdef', 0, 1, 'Who owns late licences?');
    INSERT INTO slots VALUES
      ('0123456789abcdef0123456789abcdef', 0, 'round', 0, 'Questions', 120),
      ('0123456789abcdef0123456789abcdef', 1, 'closing', NULL, 'Review', 60);
    INSERT INTO notes (session_id, note, slot, created_at, kind, speaker, owner, text) VALUES
      ('0123456789abcdef0123456789abcdef', 1, 0, 1800000005000, 'question', 0, NULL,
       'Crème brûlée economy'),
      ('0123456789abcdef0123456789abcdef', 2, 0, 1800000009000, 'action', NULL, 1,
       'Call licensing');
    INSERT INTO events VALUES
      ('0123456789abcdef0123456789abcdef', 1, 1800000000000, 'created',
       '{"created":{"setup":{"consultingProtocol":{"closing":[{"durationSeconds":60,"guidance":"","name":"Review","noteKind":"feedback","prompts":[],"rules":[],"speaker":"everyone"}],"description":"Two phases.","id":"tiny","name":"Tiny","opening":[],"round":[{"durationSeconds":120,"guidance":"Ask open questions.","name":"Questions","noteKind":"question","prompts":["What have you tried?"],"rules":["No advice"],"speaker":"group"}],"source":{"builtIn":{}}},"participants":[{"level":"senior","name":"Asha","organisation":"Council"},{"level":"frontline","name":"Ben","organisation":"NHS"}],"programme":"Alcohol Plan","rounds":[{"focusQuestion":"Who owns late licences?","presenter":1}],"title":"Alcohol and the night"}}}'),
      ('0123456789abcdef0123456789abcdef', 2, 1800000001000, 'phaseStarted',
       '{"phaseStarted":{"slot":0}}'),
      ('0123456789abcdef0123456789abcdef', 3, 1800000005000, 'noteAdded',
       '{"noteAdded":{"content":{"kind":"question","speaker":0,"text":"Crème brûlée economy"},"id":1,"slot":0}}'),
      ('0123456789abcdef0123456789abcdef', 4, 1800000009000, 'noteAdded',
       '{"noteAdded":{"content":{"kind":"action","owner":1,"text":"Call licensing"},"id":2,"slot":0}}'),
      ('0123456789abcdef0123456789abcdef', 5, 1800000010000, 'paused', '{"paused":{}}');

    PRAGMA application_id = 1346589524;
    PRAGMA user_version = 1;
    """

  static let fixtureSession = SessionID(rawValue: "0123456789abcdef0123456789abcdef")!

  private func fixture(in folder: TemporaryFolder) throws -> URL {
    let data = folder.path("data")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: false)
    let queue = try DatabaseQueue(path: data.appendingPathComponent(AppDatabase.fileName).path)
    try queue.write { try $0.execute(sql: Self.schemaV1Fixture) }
    try queue.close()
    return data
  }

  /// The fixture migrated up to `migration`, then `sql` run on it: rows written under that
  /// schema, for the next migration to carry over.
  private func fixture(in folder: TemporaryFolder, upTo migration: String, then sql: String)
    throws -> URL
  {
    let data = try fixture(in: folder)
    var configuration = Configuration()
    AppDatabase.prepare(&configuration)
    let queue = try DatabaseQueue(
      path: data.appendingPathComponent(AppDatabase.fileName).path, configuration: configuration)
    try AppDatabase.migrator.migrate(queue, upTo: migration)
    try queue.write { try $0.execute(sql: sql) }
    try queue.close()
    return data
  }

  @Test func aVersion1DatabaseOpensAndCarriesOn() throws {
    let folder = try TemporaryFolder()
    let database = try AppDatabase(directory: try fixture(in: folder))
    #expect(try database.versions().schema == AppDatabase.schemaVersion)
    #expect(try database.versions().createdBy == "0.1.0")

    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_003_600))
    let session = try LiveSession.resume(
      try database.resolveSession("0123"), store: database, clock: clock)
    #expect(session.state.setup.title == "Alcohol and the night")
    #expect(session.state.currentSlot == 0 && session.state.isPaused)
    #expect(session.state.visibleNotes.map(\.text) == ["Crème brûlée economy", "Call licensing"])
    #expect(session.state.note(2)?.owner == 1)
    #expect(session.timer()?.remaining == 111)
    #expect(try database.searchNotes("creme").map(\.noteID) == [1])
    #expect(try database.unfinishedSessions().map(\.presenters) == [["Ben"]])

    try session.togglePause()
    try session.addNote(.init(text: "Written by the new version", kind: .question))
    try session.next()
    #expect(try database.loadSession(Self.fixtureSession) == session.state)
    #expect(try database.searchNotes("version").map(\.noteID) == [3])
  }

  @Test func theSearchIndexIsRebuiltForCJKAndApostrophesByVersion3() throws {
    let folder = try TemporaryFolder()
    let data = try fixture(in: folder)
    let file = data.appendingPathComponent(AppDatabase.fileName).path
    // Notes written under schema v2, whose index reads "李静说" as one word.
    let queue = try DatabaseQueue(path: file)
    try AppDatabase.migrator.migrate(queue, upTo: "v2")
    try queue.write { db in
      try db.execute(
        sql: """
          INSERT INTO notes (session_id, note, slot, created_at, kind, text) VALUES
            ('0123456789abcdef0123456789abcdef', 3, 0, 1800000009500, 'other', '李静说好'),
            ('0123456789abcdef0123456789abcdef', 4, 0, 1800000009600, 'other', 'Ask D''Arcy')
          """)
    }
    try queue.close()
    let database = try AppDatabase(directory: data)
    #expect(
      database.upgradeNotice
        == "Upgraded the data folder's database to schema v\(AppDatabase.schemaVersion).")
    #expect(try database.searchNotes("静").map(\.noteID) == [3])
    #expect(try database.searchNotes("darcy").map(\.noteID) == [4])
    #expect(try database.searchNotes("creme").map(\.noteID) == [1])
  }

  @Test func tagsInNotesStoredBeforeVersion4AreIndexedByIt() throws {
    let folder = try TemporaryFolder()
    let data = try fixture(
      in: folder, upTo: "v3",
      then: """
        INSERT INTO notes (session_id, note, slot, created_at, kind, text) VALUES
          ('0123456789abcdef0123456789abcdef', 3, 0, 1800000009500, 'theme', 'Late #Licensing'),
          ('0123456789abcdef0123456789abcdef', 4, 0, 1800000009600, 'other', 'licensing only')
        """)
    let database = try AppDatabase(directory: data)
    #expect(try database.searchNotes("#licensing").map(\.noteID) == [3])
    #expect(Set(try database.searchNotes("licensing").map(\.noteID)) == [2, 3, 4])
  }

  @Test func sessionSummariesAreMadeByVersion6ForNotesStoredBefore() throws {
    let folder = try TemporaryFolder()
    let data = try fixture(
      in: folder, upTo: "v5",
      then: """
        INSERT INTO notes (session_id, note, slot, created_at, kind, text, done_at, deleted_at)
        VALUES
          ('0123456789abcdef0123456789abcdef', 3, 0, 1800000009500, 'action', 'Done', 1, NULL),
          ('0123456789abcdef0123456789abcdef', 4, 0, 1800000009600, 'action', 'Gone', 1, 2)
        """)
    let database = try AppDatabase(directory: data)
    let listing = try #require(try database.sessions().first)
    #expect([listing.noteCount, listing.actionCount, listing.actionsDone] == [Int]([3, 2, 1]))
  }

  @Test func theSearchIndexGetsPrefixIndexesByVersion10() throws {
    let folder = try TemporaryFolder()
    let data = try fixture(
      in: folder, upTo: "v8",
      then: """
        INSERT INTO notes (session_id, note, slot, created_at, kind, text) VALUES
          ('0123456789abcdef0123456789abcdef', 3, 0, 1800000009500, 'other', 'Brainstorm first'),
          ('0123456789abcdef0123456789abcdef', 4, 0, 1800000009600, 'other', 'Brakes on 居酒屋')
        """)
    let database = try AppDatabase(directory: data)
    try database.writer.write { db in
      let sql = try String.fetchOne(
        db, sql: "SELECT sql FROM sqlite_master WHERE name = 'notes_fts'")
      #expect(sql?.contains("prefix = '2 3'") == true)
      // FTS5 checks every index, the prefix ones included, against the notes.
      try db.execute(sql: "INSERT INTO notes_fts (notes_fts) VALUES ('integrity-check')")
    }
    #expect(Set(try database.searchNotes("bra*").map(\.noteID)) == [3, 4])
    #expect(try database.searchNotes("brai*").map(\.noteID) == [3])
    #expect(Set(try database.searchNotes("br*").map(\.noteID)).isSuperset(of: [3, 4]))
    #expect(try database.searchNotes("居酒屋").map(\.noteID) == [4])
  }

  @Test func theReleasedVersion1MigrationIsUnchanged() throws {
    let folder = try TemporaryFolder()
    let fixture = try DatabaseQueue(
      path: try fixture(in: folder).appendingPathComponent(AppDatabase.fileName).path)
    let migrated = try DatabaseQueue()
    try AppDatabase.migrator.migrate(migrated, upTo: "v1")
    let schema = "SELECT type, name, tbl_name FROM sqlite_master ORDER BY name"
    #expect(
      try migrated.read { try Row.fetchAll($0, sql: schema) }
        == fixture.read { try Row.fetchAll($0, sql: schema) })
    for pragma in ["application_id", "user_version"] {
      #expect(
        try migrated.read { try Int.fetchOne($0, sql: "PRAGMA \(pragma)") }
          == fixture.read { try Int.fetchOne($0, sql: "PRAGMA \(pragma)") })
    }
    let columns =
      "SELECT m.name, p.* FROM sqlite_master m, pragma_table_xinfo(m.name) p ORDER BY 1, cid"
    #expect(
      try migrated.read { try Row.fetchAll($0, sql: columns) }
        == fixture.read { try Row.fetchAll($0, sql: columns) })
  }
}
