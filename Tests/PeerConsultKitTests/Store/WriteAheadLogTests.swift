import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// A damaged write-ahead log is found at opening and its files copied aside before SQLite cuts
/// it short; the logs every crash and restart leave are not taken for damage (issue 14,
/// item 11).
@Suite struct WriteAheadLogTests {
  static let session = SessionID(rawValue: String(repeating: "a1", count: 16))!
  static let notes = 24

  /// A data folder as a program killed mid-session leaves it: the database and a `-wal` holding
  /// a session and ``notes`` notes, one committed transaction each, never checkpointed.
  /// `beforeCrash` runs on the live database just before its files are copied.
  static func crashedFolder(
    in folder: TemporaryFolder, beforeCrash: (AppDatabase) throws -> Void = { _ in }
  ) throws -> URL {
    let live = folder.path("live")
    let database = try AppDatabase(directory: live)
    let session = try LiveSession.create(Fixtures.setup(), id: session, store: database)
    try session.start()
    for number in 1...notes {
      try session.addNote(.init(text: "Acknowledged note \(number)", kind: .other))
    }
    try beforeCrash(database)
    let crashed = folder.path("data")
    try FileManager.default.createDirectory(at: crashed, withIntermediateDirectories: false)
    for suffix in ["", "-wal", "-shm"] {
      let name = AppDatabase.fileName + suffix
      try FileManager.default.copyItem(
        at: live.appendingPathComponent(name), to: crashed.appendingPathComponent(name))
    }
    try database.close()
    return crashed
  }

  static func file(_ suffix: String, in data: URL) -> URL {
    data.appendingPathComponent(AppDatabase.fileName + suffix)
  }

  /// The bytes of the database and its companions.
  static func originals(in data: URL) throws -> [String: Data] {
    try Dictionary(
      uniqueKeysWithValues: ["", "-wal", "-shm"].map {
        ($0, try Data(contentsOf: file($0, in: data)))
      })
  }

  /// The folders of copies in `data`.
  static func copyFolders(in data: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: data.path).filter {
      $0.contains("wal-damage")
    }
  }

  /// Overwrites 40 bytes inside the page of `frame` (counted from 1).
  static func scribble(frame: Int, in data: URL) throws {
    let wal = file("-wal", in: data)
    var bytes = try Data(contentsOf: wal)
    let pageSize = Int(bytes[8...11].reduce(0) { $0 << 8 | UInt32($1) })
    let offset = 32 + (frame - 1) * (24 + pageSize) + 24 + 100
    bytes.replaceSubrange(offset..<offset + 40, with: [UInt8](repeating: 0x5A, count: 40))
    try bytes.write(to: wal)
  }

  @Test func aScribbledMiddleFrameIsReportedAndTheFilesCopiedAsTheyWere() throws {
    let folder = try TemporaryFolder()
    let data = try Self.crashedFolder(in: folder)
    let sound = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path))
    #expect(sound.firstBadFrame == nil && sound.frames > 20, "\(sound)")
    let middle = sound.frames / 2
    try Self.scribble(frame: middle, in: data)
    let before = try Self.originals(in: data)

    let scan = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path))
    #expect(scan.firstBadFrame == middle)
    #expect(scan.intactFrames == middle - 1)
    #expect(scan.commitsAfterDamage > 3 && scan.losesCommittedWork, "\(scan)")

    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let notice = try #require(reader.logDamageNotice)
    // What SQLite makes of the log: the notes after the damage are gone without a word.
    let kept = try reader.loadSession(Self.session).notes.count
    try reader.close()
    #expect(kept < Self.notes, "the scribble should cut the log short")

    let copies = try Self.copyFolders(in: data)
    #expect(copies.count == 1 && copies[0].hasPrefix("wal-damage-"), "\(copies)")
    let copyFolder = data.appendingPathComponent(copies[0])
    #expect(
      notice.hasPrefix(
        "The write-ahead log of \(Self.file("", in: data).path) is damaged at frame \(middle) "
          + "of \(scan.frames): the \(scan.commitsAfterDamage) committed transactions after it"),
      "\(notice)")
    #expect(notice.contains("copied to \(copyFolder.path)"), "\(notice)")
    #expect(!notice.contains("\n"))
    for (suffix, bytes) in before {
      let copy = copyFolder.appendingPathComponent(AppDatabase.fileName + suffix)
      #expect(try Data(contentsOf: copy) == bytes, "the copy of \(suffix) differs")
      #expect(DataFolder.mode(of: copy) == 0o600)
    }
    #expect(DataFolder.mode(of: copyFolder) == 0o700)
    #expect(try Data(contentsOf: Self.file("-wal", in: data)) == before["-wal"])

    // Found again by the next command, it is copied once.
    let again = try #require(try AppDatabase.openForReading(directory: data))
    #expect(again.logDamageNotice == notice)
    try again.close()
    #expect(try Self.copyFolders(in: data) == copies)
  }

  @Test func aWritingOpeningCopiesTheDamagedLogBeforeSQLiteTouchesIt() throws {
    let folder = try TemporaryFolder()
    let data = try Self.crashedFolder(in: folder)
    let frames = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path)).frames
    try Self.scribble(frame: frames / 3, in: data)
    let before = try Self.originals(in: data)

    let writer = try AppDatabase(directory: data)
    #expect(writer.logDamageNotice?.contains("damaged at frame \(frames / 3) of") == true)
    try writer.close()
    // The writer's checkpoint has replaced the log; the copies keep what it held.
    #expect(try Data(contentsOf: Self.file("-wal", in: data)) != before["-wal"])
    let copies = try Self.copyFolders(in: data)
    #expect(copies.count == 1)
    for (suffix, bytes) in before {
      let copy = data.appendingPathComponent(copies[0])
        .appendingPathComponent(AppDatabase.fileName + suffix)
      #expect(try Data(contentsOf: copy) == bytes, "the copy of \(suffix) differs")
    }
  }

  @Test func aLogCutShortIsNotDamage() throws {
    let folder = try TemporaryFolder()
    let data = try Self.crashedFolder(in: folder)
    let wal = Self.file("-wal", in: data)
    let bytes = try Data(contentsOf: wal)
    // Cut inside a frame in the middle, as a crash while writing leaves the end of the log.
    try bytes.prefix(bytes.count / 2 + 100).write(to: wal)
    let scan = try #require(WriteAheadLog.scan(wal.path))
    #expect(scan.firstBadFrame == nil && !scan.losesCommittedWork, "\(scan)")

    let reader = try #require(try AppDatabase.openForReading(directory: data))
    #expect(reader.logDamageNotice == nil)
    try reader.close()
    #expect(try Self.copyFolders(in: data).isEmpty)
  }

  @Test func aLongLogOfAnOlderGenerationIsNotDamage() throws {
    let folder = try TemporaryFolder()
    let data = try Self.crashedFolder(in: folder) { database in
      // Everything is copied back into the database; the next commit restarts the log from
      // its start with new salts, and the older frames stay beyond its end.
      try database.writer.writeWithoutTransaction { _ = try $0.checkpoint(.full) }
      let session = try LiveSession.resume(Self.session, store: database)
      try session.addNote(.init(text: "After the checkpoint", kind: .other))
    }
    let scan = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path))
    // The frames of the new generation, then the old ones, which no longer count.
    #expect(scan.intactFrames > 0 && scan.frames > scan.intactFrames + 20, "\(scan)")
    #expect(!scan.losesCommittedWork, "\(scan)")

    let reader = try #require(try AppDatabase.openForReading(directory: data))
    #expect(reader.logDamageNotice == nil)
    #expect(try reader.loadSession(Self.session).notes.count == Self.notes + 1)
    try reader.close()
    #expect(try Self.copyFolders(in: data).isEmpty)
  }

  @Test func aLogInUseIsLeftToSQLite() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let database = try AppDatabase(directory: data)
    _ = try LiveSession.create(Fixtures.setup(), id: Self.session, store: database)
    let file = Self.file("", in: data)
    #expect(WriteAheadLogRescue.isInUse(file))
    try database.close()
    #expect(!WriteAheadLogRescue.isInUse(file))
  }

  @Test func aWritingOpeningThatCannotCopyTheLogAsideRefusesAndChangesNothing() throws {
    let folder = try TemporaryFolder()
    let data = try Self.crashedFolder(in: folder)
    let frames = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path)).frames
    try Self.scribble(frame: frames / 2, in: data)
    let scan = try #require(WriteAheadLog.scan(Self.file("-wal", in: data).path))
    // A file where the copies would be made stands for a full disk.
    let blocked = WriteAheadLogRescue.partialFolder(in: data, fingerprint: scan.fingerprint)
    try Data().write(to: blocked)
    let before = try Self.originals(in: data)

    #expect {
      try AppDatabase(directory: data)
    } throws: { error in
      "\(error)".hasPrefix(
        "The write-ahead log of \(Self.file("", in: data).path) is damaged and could not be "
          + "copied aside (File exists)")
    }
    #expect(try Self.originals(in: data) == before)
    // Reading writes nothing, so it goes on, and says the copy is missing.
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    #expect(reader.logDamageNotice?.contains("could not be copied aside (File exists)") == true)
    try reader.close()
    #expect(try Self.originals(in: data)["-wal"] == before["-wal"])
  }
}
