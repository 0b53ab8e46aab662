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
