import Foundation
import GRDB
import PeerConsultKit
import TestSupport
import Testing

/// Databases damaged the ways disks, sync tools and people damage them: cut short, scribbled
/// on, replaced by another program's file, or written by a newer PeerConsult. Each is refused
/// with one line naming the file, and the refusal leaves the file's bytes as they were.
///
/// The store's own tests (Tests/PeerConsultKitTests/Store/AppDatabaseErrorTests.swift) cover one
/// example of each kind; this attack tries hundreds of seeded variations.
@Suite struct DamagedDatabaseTests {
  /// A closed database holding three sessions with notes of every kind, as bytes.
  private static func pristine(in folder: URL) throws -> Data {
    let data = folder.appendingPathComponent("pristine")
    let database = try AppDatabase(directory: data)
    var rng = SeededGenerator(seed: 7)
    let clock = ManualClock()
    for _ in 0..<3 {
      let id = SessionID(rawValue: String(format: "%016llx%016llx", rng.next(), rng.next()))!
      let session = try LiveSession.create(
        SessionFactory.setup(using: &rng), id: id, store: database, clock: clock)
      try session.start()
      for number in 0..<60 {
        let kind = NoteKind.allCases[number % NoteKind.allCases.count]
        let text = "Note \(number) · " + KeyMix.scripts[number % KeyMix.scripts.count]
        try session.addNote(.init(text: text, kind: kind))
        clock.advance(by: 20)
        if number % 15 == 14 { try session.next() }
      }
    }
    try database.close()
    return try Data(contentsOf: data.appendingPathComponent(AppDatabase.fileName))
  }

  /// What opening a damaged copy did.
  private enum Outcome {
    case refused(StoreError)
    /// Opened: the damage was in space SQLite does not use, or inside stored values.
    case opened(sessionsReadable: Int, sessionsRefused: Int)
  }

  /// Writes `bytes` as the database of a fresh data folder and opens it.
  private static func open(
    _ bytes: Data, in folder: URL, _ report: inout AttackReport
  ) throws -> Outcome {
    let data = folder.appendingPathComponent("case-\(report.tried)")
    try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: data) }
    let file = data.appendingPathComponent(AppDatabase.fileName)
    try bytes.write(to: file)
    report.tried += 1
    let database: AppDatabase
    do {
      database = try AppDatabase(directory: data)
    } catch {
      var problems: [String] = []
      if error.description.contains("\n") { problems.append("message has several lines") }
      if !error.description.contains(file.path) {
        problems.append("message does not name the file")
      }
      if try Data(contentsOf: file) != bytes { problems.append("the refused file was changed") }
      let left = try FileManager.default.contentsOfDirectory(atPath: data.path)
      if left != [AppDatabase.fileName] { problems.append("files left beside it: \(left)") }
      report.broken += problems.count
      for problem in problems { Issue.record("case \(report.tried): \(problem): \(error)") }
      return .refused(error)
    }
    defer { try? database.close() }
    var readable = 0
    var refused = 0
    for listing in (try? database.sessions()) ?? [] {
      do {
        _ = try database.loadSession(listing.id)
        readable += 1
      } catch {
        refused += 1
        if error.description.contains("\n") {
          report.broken += 1
          Issue.record("case \(report.tried): a session's refusal has several lines: \(error)")
        }
      }
    }
    return .opened(sessionsReadable: readable, sessionsRefused: refused)
  }

  @Test func damagedDatabasesAreRefusedAndLeftAsTheyWere() throws {
    let seed = SeededGenerator.seed(0x5EED_0005)
    var rng = SeededGenerator(seed: seed)
    let folder = AppHarness.scratch.appendingPathComponent("pc-damaged-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let pristine = try Self.pristine(in: folder)
    let pageSize = Int(pristine[16]) << 8 | Int(pristine[17])
    let pages = pristine.count / pageSize
    #expect(pages > 8, "the pristine database should span several pages")

    // Cut short: inside the header, at page boundaries, and anywhere.
    var truncated = AttackReport("damaged databases: truncated", seed: seed)
    var cuts = Array(1..<100).shuffled(using: &rng).prefix(20) + (1..<pages).map { $0 * pageSize }
    cuts += (0..<AttackScale.count(80)).map { _ in Int.random(in: 1..<pristine.count, using: &rng) }
    for cut in cuts {
      if case .opened(let readable, let refused) = try Self.open(
        pristine.prefix(cut), in: folder, &truncated)
      {
        truncated.dataLost += 1
        Issue.record(
          "a file cut at \(cut) of \(pristine.count) bytes was opened (\(readable) sessions read, \(refused) refused)"
        )
      }
    }
    truncated.print()

    // Random bytes in random pages.
    var scribbled = AttackReport("damaged databases: random bytes in random pages", seed: seed)
    var refusedCount = 0
    var openedCount = 0
    var sessionsRefused = 0
    for _ in 0..<AttackScale.count(200) {
      var bytes = pristine
      for _ in 0..<Int.random(in: 1...6, using: &rng) {
        let page = Int.random(in: 0..<pages, using: &rng)
        // The first page's 100-byte file header is left alone half the time.
        let low = page == 0 && Bool.random(using: &rng) ? 100 : 0
        let offset = page * pageSize + Int.random(in: low..<pageSize - 64, using: &rng)
        let run = (0..<Int.random(in: 1...64, using: &rng)).map { _ in
          UInt8.random(in: 0...255, using: &rng)
        }
        bytes.replaceSubrange(offset..<offset + run.count, with: run)
      }
      switch try Self.open(bytes, in: folder, &scribbled) {
      case .refused: refusedCount += 1
      case .opened(_, let refused):
        openedCount += 1
        sessionsRefused += refused
      }
    }
    scribbled.note("refused", refusedCount)
    scribbled.note("opened (damage in unused space or inside stored values)", openedCount)
    scribbled.note("sessions refused on reading", sessionsRefused)
    scribbled.print()

    // Another program's SQLite file, and a newer PeerConsult's.
    var foreign = AttackReport("damaged databases: foreign and newer files", seed: seed)
    let other = folder.appendingPathComponent("other.sqlite")
    let queue = try DatabaseQueue(path: other.path)
    try queue.write { db in
      try db.execute(sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
      try db.execute(sql: "INSERT INTO notes (text) VALUES ('crème brûlée'), ('日本語')")
    }
    try queue.close()
    let newer = AppDatabase.schemaVersion + 1
    let newerFiles = try [newer, newer + 1, 99, Int(Int32.max)].map { version -> Data in
      let copy = folder.appendingPathComponent("newer-\(version).sqlite")
      try pristine.write(to: copy)
      let queue = try DatabaseQueue(path: copy.path)
      try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA user_version = \(version)") }
      try queue.close()
      return try Data(contentsOf: copy)
    }
    var kinds: [String] = []
    for bytes in [try Data(contentsOf: other)] + newerFiles {
      switch try Self.open(bytes, in: folder, &foreign) {
      case .refused(let error): kinds.append("\(error)".components(separatedBy: ":").last ?? "")
      case .opened:
        foreign.dataLost += 1
        Issue.record("a foreign or newer database was opened")
      }
    }
    foreign.print()

    for report in [truncated, scribbled, foreign] {
      #expect(report.broken == 0 && report.dataLost == 0 && report.crashes == 0, "\(report.line)")
    }
  }
}
