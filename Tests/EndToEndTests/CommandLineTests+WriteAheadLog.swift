import Foundation
import PeerConsultKit
import Testing

/// A data folder as a crash leaves it, its latest transactions in the write-ahead log only:
/// reading commands leave the log's bytes as they are, and a damaged log is reported and
/// copied aside before anything reads it (issue 14, item 11).
extension CommandLineTests {
  /// The seeded data folder, then one more session with notes written by a program that
  /// never closed the database: its files are copied while it is open, as `kill -9` leaves
  /// them, so the new session is in the `-wal` only.
  func crashed() throws -> Folder {
    let seeded = try seeded()
    let database = try AppDatabase(directory: seeded.data)
    let people = [
      Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
      Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    ]
    let live = try LiveSession.create(
      SessionSetup(
        title: "Written before the crash", programme: "Alcohol Plan",
        consultingProtocol: BuiltInProtocols.all[0], participants: people, presenters: [0, 1]),
      store: database)
    try live.start()
    for number in 1...20 {
      try live.addNote(NoteContent(text: "Acknowledged note \(number)", kind: .other))
    }
    let folder = try Folder()
    try FileManager.default.createDirectory(
      at: folder.data, withIntermediateDirectories: false,
      attributes: [.posixPermissions: 0o700])
    for suffix in ["", "-wal", "-shm"] {
      let name = AppDatabase.fileName + suffix
      try FileManager.default.copyItem(
        at: seeded.data.appendingPathComponent(name), to: folder.data.appendingPathComponent(name))
    }
    try database.close()
    return folder
  }

  /// The database file's companion with `suffix` in `folder`.
  private func companion(_ suffix: String, in folder: Folder) -> URL {
    folder.data.appendingPathComponent(AppDatabase.fileName + suffix)
  }

  @Test func readingCommandsLeaveACrashedLogAsItIs() throws {
    let folder = try crashed()
    let log = try Data(contentsOf: companion("-wal", in: folder))
    #expect(log.count > 100_000, "the crash should leave the new session in the log")
    let before = try FolderSnapshot(folder.data)
    for command in Self.readingCommands {
      let result = try run(command, in: folder)
      #expect(result.status == 0 && result.stderr.isEmpty, "\(command): \(result.stderr)")
      #expect(
        try Data(contentsOf: companion("-wal", in: folder)) == log, "\(command) changed the log")
      let after = try FolderSnapshot(folder.data)
      #expect(after == before, "\(command) changed \(after)")
    }
    let listed = try run(["list"], in: folder)
    #expect(listed.stdout.contains("Written before the crash"), "\(listed.stdout)")
  }

  @Test func aDamagedLogIsReportedOnceCopiedAsideAndLeftAsItIs() throws {
    let folder = try crashed()
    let wal = companion("-wal", in: folder)
    var log = try Data(contentsOf: wal)
    let pageSize = Int(log[8...11].reduce(0) { $0 << 8 | UInt32($1) })
    let frames = (log.count - 32) / (24 + pageSize)
    // Scribble inside the page of a frame in the middle: SQLite would stop reading there.
    let offset = 32 + (frames / 2 - 1) * (24 + pageSize) + 24 + 64
    log.replaceSubrange(offset..<offset + 32, with: [UInt8](repeating: 0xA5, count: 32))
    try log.write(to: wal)
    let database = try Data(contentsOf: companion("", in: folder))

    var reported: String?
    // `protocols` does not open the database.
    for command in Self.readingCommands where command.first != "protocols" {
      let result = try run(command, in: folder)
      #expect(result.status == 0, "\(command): \(result.stderr)")
      let lines = result.stderr.split(separator: "\n")
      #expect(lines.count == 1, "\(command): \(result.stderr)")
      #expect(
        result.stderr.contains("is damaged at frame \(frames / 2) of \(frames)"),
        "\(command): \(result.stderr)")
      #expect(reported == nil || reported == result.stderr, "\(command) said something else")
      reported = result.stderr
      #expect(try Data(contentsOf: wal) == log, "\(command) changed the log")
      #expect(try Data(contentsOf: companion("", in: folder)) == database)
    }
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.data.path)
    let copies = names.filter { $0.hasPrefix("wal-damage-") }
    #expect(copies.count == 1, "\(names)")
    let copy = folder.data.appendingPathComponent(try #require(copies.first))
    #expect(reported?.contains("copied to \(copy.path)") == true)
    #expect(try Data(contentsOf: copy.appendingPathComponent(AppDatabase.fileName)) == database)
    #expect(try Data(contentsOf: copy.appendingPathComponent(AppDatabase.fileName + "-wal")) == log)
  }
}
