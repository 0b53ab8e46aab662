import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// The damaged-database attack on the write-ahead log a crash leaves (issue 14, item 11):
/// a frame scribbled on before committed transactions must be reported with the files copied
/// aside as they were; a log cut short, or scribbled only in frames of an older generation,
/// is what crashes and restarts leave and must not be.
extension DamagedDatabaseTests {
  /// The files of a data folder whose program was killed mid-session: three sessions of forty
  /// notes, the log restarted once by a checkpoint after the first two, so it holds the third
  /// session's frames and then older ones beyond them.
  private static func crashed(in folder: URL) throws -> [String: Data] {
    let live = folder.appendingPathComponent("live")
    let database = try AppDatabase(directory: live)
    var rng = SeededGenerator(seed: 11)
    let clock = ManualClock()
    for number in 0..<3 {
      if number == 2 {
        try database.writer.writeWithoutTransaction { _ = try $0.checkpoint(.full) }
      }
      let id = SessionID(rawValue: String(format: "%016llx%016llx", rng.next(), rng.next()))!
      let session = try LiveSession.create(
        SessionFactory.setup(using: &rng), id: id, store: database, clock: clock)
      try session.start()
      for note in 0..<40 {
        try session.addNote(.init(text: "Note \(note) · " + KeyMix.scripts[note % 8], kind: .other))
        clock.advance(by: 15)
      }
    }
    let files = try Dictionary(
      uniqueKeysWithValues: ["", "-wal", "-shm"].map {
        ($0, try Data(contentsOf: live.appendingPathComponent(AppDatabase.fileName + $0)))
      })
    try database.close()
    return files
  }

  /// The log's frames as the attack reads them itself: page size, and for each frame whether
  /// it carries the header's salts (the current generation runs while it does) and ends a
  /// transaction.
  private struct Frames {
    let pageSize: Int
    /// Commit frames of the current generation, counted from 1.
    let commits: [Int]
    /// Frames of the current generation; the rest are older.
    let current: Int
    let count: Int

    init(_ log: Data) {
      let bytes = [UInt8](log)
      let word = { (at: Int) in bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
      pageSize = word(8)
      let size = 24 + pageSize
      count = (bytes.count - 32) / size
      var current = 0
      var commits: [Int] = []
      for frame in 1...count {
        let at = 32 + (frame - 1) * size
        guard bytes[at + 8..<at + 16].elementsEqual(bytes[16..<24]) else { break }
        current = frame
        if word(at + 4) != 0 { commits.append(frame) }
      }
      self.current = current
      self.commits = commits
    }

    func offset(of frame: Int) -> Int { 32 + (frame - 1) * (24 + pageSize) }
  }

  @Test func damagedWriteAheadLogsAreReportedAndCopiedAside() throws {
    let seed = SeededGenerator.seed(0x5EED_0011)
    var rng = SeededGenerator(seed: seed)
    let folder = AppHarness.scratch.appendingPathComponent("pc-damaged-log-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pristine = try Self.crashed(in: folder)
    let log = try #require(pristine["-wal"])
    let frames = Frames(log)
    let lastCommit = try #require(frames.commits.last)
    #expect(frames.count > frames.current + 50, "the log should hold an older generation")
    #expect(lastCommit > 40, "the current generation should hold many transactions")

    var report = AttackReport("damaged databases: write-ahead log", seed: seed)
    var reported = 0
    var quiet = 0
    /// Opens a copy of the folder with `wal` as its log, half the time for writing; checks
    /// that a report comes exactly when `expected` commits are lost, with the copies whole.
    func attack(_ wal: Data, losing expected: ClosedRange<Int>?, _ what: String) throws {
      report.tried += 1
      let data = folder.appendingPathComponent("case-\(report.tried)")
      try FileManager.default.createDirectory(
        at: data, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
      defer { try? FileManager.default.removeItem(at: data) }
      var files = pristine
      files["-wal"] = wal
      for (suffix, bytes) in files {
        try bytes.write(to: data.appendingPathComponent(AppDatabase.fileName + suffix))
      }
      let writing = report.tried % 2 == 0
      let database: AppDatabase
      do {
        database =
          try writing
          ? AppDatabase(directory: data) : #require(try AppDatabase.openForReading(directory: data))
      } catch {
        report.crashes += 1
        Issue.record("case \(report.tried) (\(what)): the opening failed: \(error)")
        return
      }
      let notice = database.logDamageNotice
      for listing in (try? database.sessions()) ?? [] { _ = try? database.loadSession(listing.id) }
      try database.close()
      let names = try FileManager.default.contentsOfDirectory(atPath: data.path)
      let copies = names.filter { $0.hasPrefix("wal-damage-") }
      if !writing,
        try Data(contentsOf: data.appendingPathComponent(AppDatabase.fileName + "-wal")) != wal
      {
        report.broken += 1
        Issue.record("case \(report.tried) (\(what)): a reading opening changed the log")
      }
      guard let expected else {
        quiet += 1
        if notice != nil || !copies.isEmpty {
          report.broken += 1
          Issue.record("case \(report.tried) (\(what)): reported as damaged: \(notice ?? "")")
        }
        return
      }
      reported += 1
      guard let notice, copies.count == 1 else {
        report.dataLost += 1
        Issue.record("case \(report.tried) (\(what)): not reported, or not copied: \(names)")
        return
      }
      let counted = notice.firstMatch(of: /the (\d+) committed transaction/).flatMap { Int($0.1) }
      if notice.contains("\n") || !(counted.map { expected.contains($0) } ?? false) {
        report.broken += 1
        Issue.record("case \(report.tried) (\(what)): expected \(expected) lost: \(notice)")
      }
      for (suffix, bytes) in files {
        let copy = data.appendingPathComponent(copies[0])
          .appendingPathComponent(AppDatabase.fileName + suffix)
        if (try? Data(contentsOf: copy)) != bytes {
          report.dataLost += 1
          Issue.record("case \(report.tried) (\(what)): the copy of \(suffix) differs")
        }
      }
    }

    try attack(log, losing: nil, "as the crash left it")
    // Bytes scribbled in a frame of the current generation with commits after it.
    for _ in 0..<AttackScale.count(120) {
      let frame = Int.random(in: 1...lastCommit - 2, using: &rng)
      var bytes = log
      let length = Int.random(in: 1...64, using: &rng)
      let start =
        frames.offset(of: frame) + Int.random(in: 0...(24 + frames.pageSize - length), using: &rng)
      for at in start..<start + length { bytes[at] ^= UInt8.random(in: 1...255, using: &rng) }
      // The frame right after can only be checked when the hit frame's checksum field is the
      // only thing hit, so it may or may not count.
      let after = frames.commits.filter { $0 > frame }
      let sure = after.filter { $0 > frame + 1 }.count
      try attack(bytes, losing: sure...after.count, "frame \(frame) scribbled")
    }
    // Bytes scribbled in the older generation, beyond the current one's end.
    for _ in 0..<AttackScale.count(40) {
      let frame = Int.random(in: frames.current + 1...frames.count, using: &rng)
      var bytes = log
      let start = frames.offset(of: frame) + Int.random(in: 0..<frames.pageSize, using: &rng)
      for at in start..<start + 16 { bytes[at] ^= UInt8.random(in: 1...255, using: &rng) }
      try attack(bytes, losing: nil, "older frame \(frame) scribbled")
    }
    // Cut anywhere: what a crash in the middle of a write leaves.
    for _ in 0..<AttackScale.count(40) {
      let cut = Int.random(in: 0..<log.count, using: &rng)
      try attack(log.prefix(cut), losing: nil, "cut at \(cut)")
    }
    report.note("reported and copied aside", reported)
    report.note("not reported (cut, older generation, sound)", quiet)
    report.print()
    #expect(report.broken == 0 && report.dataLost == 0 && report.crashes == 0, "\(report.line)")
  }
}
