import Foundation
import GRDB
import PeerConsultKit
import Testing

/// `backup` while a session runs, then `restore` (issue 14, item 14).
@Suite(needsTmux) struct BackupEndToEndTests {
  private static let runArguments = [
    "run", "--title", "Backed up", "--programme", "Alcohol Plan",
    "--participant", "Zoë Müller;City Council;senior",
    "--participant", "Amira O'Neill;NHS Trust;frontline",
  ]

  private func note(_ tmux: TmuxSession, _ text: String) throws {
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type(text)
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
  }

  /// The visible notes of the only session in a database file.
  private func notes(inDatabaseFile file: URL) throws -> [String] {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pc-bk-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.copyItem(
      at: file, to: folder.appendingPathComponent(AppDatabase.fileName))
    let database = try AppDatabase(directory: folder)
    defer { try? database.close() }
    return try database.loadSession(try database.resolveSession("latest")).visibleNotes.map(\.text)
  }

  @Test func aBackupDuringALiveSessionRestoresWhatWasSavedWhenItStarted() throws {
    let folder = try OutputEndToEndTests.Folder()
    let data = folder.url.appendingPathComponent("data")
    let tmux = try TmuxSession(Self.runArguments, dataDir: data)
    tmux.waitFor("Speaks now")
    try tmux.startWhenReady()
    try note(tmux, "First note")
    try note(tmux, "Second note")

    // The backup runs while a third note is being written.
    let backup = folder.url.appendingPathComponent("backups/monday.peerconsult")
    try FileManager.default.createDirectory(
      at: backup.deletingLastPathComponent(), withIntermediateDirectories: true)
    nonisolated(unsafe) var backedUp: SpawnedCommand?
    let done = DispatchSemaphore(value: 0)
    let root = folder.url
    Thread.detachNewThread {
      backedUp = try? SpawnedCommand(
        ["backup", backup.path, "--data-dir", data.path], in: root)
      done.signal()
    }
    try note(tmux, "Third note, written as the backup runs")
    done.wait()
    let result = try #require(backedUp)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout == "Backed up 1 session to \(backup.path) (readable by you only).\n")
    let attributes = try FileManager.default.attributesOfItem(atPath: backup.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    // One self-contained file, holding the first notes and the third wholly or not at all.
    #expect(!FileManager.default.fileExists(atPath: backup.path + "-wal"))
    let inBackup = try notes(inDatabaseFile: backup)
    #expect(Array(inBackup.prefix(2)) == ["First note", "Second note"])
    #expect(inBackup.count == 2 || inBackup.last == "Third note, written as the backup runs")

    try note(tmux, "Fourth note, after the backup")
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    #expect(tmux.waitForExit() == 0)

    let again = try SpawnedCommand(
      ["backup", backup.path, "--data-dir", data.path], in: folder.url)
    #expect(again.status == 1)
    #expect(again.stderr.contains("already exists: choose another name, or add --force"))

    let unconfirmed = try SpawnedCommand(
      ["restore", backup.path, "--data-dir", data.path], in: folder.url)
    #expect(unconfirmed.status == 1)
    #expect(unconfirmed.stderr.contains("run it in a terminal to confirm, or add --yes"))

    let restored = try SpawnedCommand(
      ["restore", backup.path, "--yes", "--data-dir", data.path], in: folder.url)
    #expect(restored.status == 0, "\(restored.stderr)")
    let asidePath = try #require(
      restored.stdout.split(separator: " ").last.map { String($0.dropLast(2)) })
    #expect(
      asidePath.hasPrefix(data.appendingPathComponent("peerconsult.sqlite.before-restore-").path))
    let shown = try SpawnedCommand(["show", "latest", "--data-dir", data.path], in: folder.url)
    #expect(shown.stdout.contains("Second note"))
    #expect(!shown.stdout.contains("Fourth note"))
    let listed = try SpawnedCommand(["list", "--data-dir", data.path], in: folder.url)
    #expect(listed.stdout.contains("Backed up"))
    // The replaced database, kept aside, still holds everything.
    #expect(try notes(inDatabaseFile: URL(fileURLWithPath: asidePath)).count == 4)
  }

  @Test func damagedForeignAndNewerBackupsAreRefusedInOneLine() throws {
    let folder = try OutputEndToEndTests.Folder()
    let data = folder.url.appendingPathComponent("data").path
    let imported = try SpawnedCommand(
      ["import", OutputEndToEndTests.sessionsExport, "--data-dir", data], in: folder.url)
    #expect(imported.status == 0)
    let good = folder.url.appendingPathComponent("good.peerconsult")
    #expect(
      try SpawnedCommand(["backup", good.path, "--data-dir", data], in: folder.url).status == 0)

    var cut = try Data(contentsOf: good)
    cut.removeLast(cut.count / 2)
    let damaged = folder.url.appendingPathComponent("damaged.peerconsult")
    try cut.write(to: damaged)
    // The database header holds the user version at byte 60 and the application id at 68.
    func altered(_ name: String, at offset: Int, _ bytes: [UInt8]) throws -> URL {
      var data = try Data(contentsOf: good)
      data.replaceSubrange(offset..<(offset + 4), with: bytes)
      let file = folder.url.appendingPathComponent(name)
      try data.write(to: file)
      return file
    }
    // 400 bytes flipped inside the file: SQLite's check then reports on several lines.
    var flippedBytes = try Data(contentsOf: good)
    for offset in 20_000..<20_400 { flippedBytes[offset] ^= 0xFF }
    let flipped = folder.url.appendingPathComponent("flipped.peerconsult")
    try flippedBytes.write(to: flipped)
    let foreign = try altered("foreign.peerconsult", at: 68, [0, 0, 0, 7])
    let newer = try altered("newer.peerconsult", at: 60, [0, 0, 0, 99])
    // Sound, but of pages SQLite's backup cannot restore into a database in WAL mode.
    let bigPages = folder.url.appendingPathComponent("big-pages.peerconsult")
    try FileManager.default.copyItem(at: good, to: bigPages)
    let resized = try DatabaseQueue(path: bigPages.path)
    try resized.writeWithoutTransaction {
      try $0.execute(sql: "PRAGMA page_size = 65536; VACUUM")
    }
    try resized.close()
    // Sound, but carrying a trigger that would rewrite every note saved after the restore,
    // or the search index's own trigger changed, as the `sqlite3` shell makes them.
    func withSchema(_ name: String, _ sql: String) throws -> URL {
      let file = folder.url.appendingPathComponent(name)
      try FileManager.default.copyItem(at: good, to: file)
      let queue = try DatabaseQueue(path: file.path)
      try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
      try queue.close()
      return file
    }
    let trigger = try withSchema(
      "trigger.peerconsult",
      """
      CREATE TRIGGER events_audit AFTER INSERT ON events BEGIN
        UPDATE events SET payload = replace(payload, 'will', 'will NOT')
        WHERE session_id = new.session_id AND seq = new.seq;
      END
      """)
    let searchTrigger = try withSchema(
      "search-trigger.peerconsult",
      """
      DROP TRIGGER notes_fts_insert;
      CREATE TRIGGER notes_fts_insert AFTER INSERT ON notes BEGIN
        INSERT INTO notes_fts (rowid, text) VALUES (new.id, 'PWNED');
      END
      """)
    let text = folder.url.appendingPathComponent("notes.txt")
    try "not a database".write(to: text, atomically: true, encoding: .utf8)
    // A named pipe nobody writes to would be waited on for ever if it were opened.
    let pipe = folder.url.appendingPathComponent("pipe.peerconsult")
    #expect(mkfifo(pipe.path, 0o600) == 0)

    let database = URL(fileURLWithPath: data).appendingPathComponent(AppDatabase.fileName)
    let before = try Data(contentsOf: database)
    let namesBefore = try FileManager.default.contentsOfDirectory(atPath: data).sorted()
    for (file, message) in [
      (damaged, "is damaged"), (flipped, "is damaged ("),
      (text, "is not a PeerConsult backup (it is not a database)"),
      (foreign, "is not a PeerConsult backup (another program's database)"),
      // Named by the file's schema, not by the version that last wrote it.
      (
        newer,
        "was written by a newer PeerConsult (schema 99; this one reads up to \(AppDatabase.schemaVersion))"
      ),
      (
        bigPages,
        "big-pages.peerconsult has 65536-byte pages, and SQLite restores only 4096-byte pages "
          + "into PeerConsult's database: nothing was restored"
      ),
      (
        trigger,
        "trigger.peerconsult is not a PeerConsult backup (it holds a trigger PeerConsult did not "
          + "make: events_audit): nothing was restored;"
      ),
      (searchTrigger, "(its trigger notes_fts_insert was changed): nothing was restored;"),
      (pipe, "is not a PeerConsult backup (it is not a regular file)"),
      (folder.url, "is not a PeerConsult backup (it is a folder)"),
      // Named as missing, not as empty.
      (
        folder.url.appendingPathComponent("missing.peerconsult"),
        "is not a PeerConsult backup (there is no such file)"
      ),
    ] {
      let run = try SpawnedCommand(
        ["restore", file.path, "--yes", "--data-dir", data], in: folder.url)
      #expect(run.status == 1, "\(file.lastPathComponent)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
      #expect(run.stderr.contains(message), "\(run.stderr)")
    }
    // Nothing was restored, and nothing copied aside.
    #expect(try Data(contentsOf: database) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: data).sorted() == namesBefore)
    let listed = try SpawnedCommand(["list", "--data-dir", data], in: folder.url)
    #expect(listed.stdout.contains("Referrals with Seán"))
  }
}
