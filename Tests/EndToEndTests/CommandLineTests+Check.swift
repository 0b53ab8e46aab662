import Foundation
import GRDB
import Testing

extension CommandLineTests {
  /// `peerconsult check` reads every page, which a start no longer does: one line and status 0
  /// for a sound database, the problem in one line and status 1 for a damaged one, whose bytes
  /// it leaves as they were.
  @Test func checkReadsEveryPageAndSaysSoundOrDamagedInOneLine() throws {
    let empty = try Folder()
    let none = try run(["check"], in: empty)
    #expect(none.status == 0 && none.stdout.hasPrefix("No sessions yet"), "\(none.stdout)")

    let folder = try seeded()
    let file = folder.data.appendingPathComponent("peerconsult.sqlite")
    let sound = try run(["check"], in: folder)
    #expect(sound.status == 0, "\(sound.stderr)")
    #expect(
      sound.stdout.hasPrefix("Checked every page of \(file.path): sound ("), "\(sound.stdout)")
    #expect(sound.stdout.hasSuffix("3 sessions).\n"), "\(sound.stdout)")
    #expect(sound.stderr.isEmpty)

    // An index page made unreadable: nothing a start reads, so only the full check finds it.
    var bytes = try Data(contentsOf: file)
    let pageSize = Int(bytes[16]) << 8 | Int(bytes[17])
    let listed = try run(["list"], in: folder)
    #expect(listed.status == 0)
    let rootPage = try rootPage(of: "note_tags_by_note", in: bytes)
    bytes[(rootPage - 1) * pageSize] = 0xFF
    try bytes.write(to: file)
    let damaged = try run(["check"], in: folder)
    expectRefusal(damaged, mentioning: "damaged")
    #expect(damaged.stderr.contains(file.path), "\(damaged.stderr)")
    #expect(damaged.status == 1)
    #expect(try Data(contentsOf: file) == bytes)
  }

  /// A trigger added to the live database with the `sqlite3` shell would run on every later
  /// save: `check` says the schema is not PeerConsult's, in one line with what to do, status 1,
  /// and leaves the file as it is; a start does not look (its time is measured).
  @Test func checkSaysASchemaPeerConsultDidNotMakeIsNotSound() throws {
    let folder = try seeded()
    let file = folder.data.appendingPathComponent("peerconsult.sqlite")
    for (sql, named) in [
      (
        """
        CREATE TRIGGER events_audit AFTER INSERT ON events BEGIN
          UPDATE events SET payload = replace(payload, 'will', 'will NOT')
          WHERE session_id = new.session_id AND seq = new.seq;
        END
        """,
        "(it holds a trigger PeerConsult did not make: events_audit)"
      ),
      ("DROP INDEX events_people", "(it lacks the index events_people)"),
    ] {
      let changed = try Folder()
      let copy = changed.data.appendingPathComponent("peerconsult.sqlite")
      try FileManager.default.createDirectory(at: changed.data, withIntermediateDirectories: true)
      try FileManager.default.copyItem(at: file, to: copy)
      let queue = try DatabaseQueue(path: copy.path)
      try queue.writeWithoutTransaction { try $0.execute(sql: sql) }
      try queue.close()
      let bytes = try Data(contentsOf: copy)
      let checked = try run(["check"], in: changed)
      expectRefusal(checked, mentioning: "\(copy.path) holds a schema PeerConsult did not make")
      #expect(checked.stderr.contains(named), "\(checked.stderr)")
      #expect(checked.stderr.contains("restore a backup"), "\(checked.stderr)")
      #expect(checked.status == 1)
      #expect(try Data(contentsOf: copy) == bytes)
      // Not looked for at a start.
      #expect(try run(["list"], in: changed).status == 0)
    }
  }

  /// The root page of the index `name` in a copy of the database's bytes.
  private func rootPage(of name: String, in bytes: Data) throws -> Int {
    let folder = try Folder()
    let copy = folder.file("copy.sqlite")
    try bytes.write(to: copy)
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: copy.path, configuration: configuration)
    defer { try? queue.close() }
    let root = try queue.read { db in
      try Int.fetchOne(
        db, sql: "SELECT rootpage FROM sqlite_master WHERE name = ?", arguments: [name])
    }
    return try #require(root, "no index \(name)")
  }
}
