import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct PrivateFileTests {
  @Test func writesAFileOnlyItsOwnerCanRead() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("export.md")
    try PrivateFile.write("# Notes\n", to: file)
    #expect(try String(contentsOf: file, encoding: .utf8) == "# Notes\n")
    #expect(permissions(file) == 0o600)
  }

  @Test func refusesToOverwriteUnlessAskedAndThenReplacesWhole() throws {
    let folder = try TemporaryFolder()
    let file = try folder.write("export.md", "earlier export")
    try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
    #expect(throws: ShareError.outputExists(path: file.path)) {
      try PrivateFile.write("new", to: file)
    }
    #expect(try String(contentsOf: file, encoding: .utf8) == "earlier export")
    try PrivateFile.write("new", to: file, replacing: true)
    #expect(try String(contentsOf: file, encoding: .utf8) == "new")
    #expect(permissions(file) == 0o600)
    // No temporary file is left beside it.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["export.md"])
  }

  @Test func aFolderOrAMissingFolderIsNamed() throws {
    let folder = try TemporaryFolder()
    #expect(throws: ShareError.self) { try PrivateFile.write("x", to: folder.url, replacing: true) }
    let nowhere = folder.path("missing/export.md")
    #expect(throws: ShareError.cannotWrite(path: nowhere.path, reason: "No such file or directory"))
    {
      try PrivateFile.write("x", to: nowhere)
    }
  }
}

/// Exports written a session at a time (issue 19): the file appears only when whole.
@Suite struct PrivateFileWriterTests {
  private func names(_ folder: TemporaryFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
  }

  @Test func theFileAppearsOnlyWhenWholeAndPrivate() throws {
    let folder = try TemporaryFolder()
    let file = folder.path("all.json")
    let writer = try PrivateFileWriter(to: file)
    try writer.write("{\n")
    try writer.write("}\n")
    // Meanwhile only a hidden temporary file, readable by its owner alone, is there.
    #expect(!FileManager.default.fileExists(atPath: file.path))
    let pending = try names(folder)
    #expect(
      pending.count == 1 && pending[0].hasPrefix(".all.json.") && pending[0].hasSuffix(".tmp"))
    #expect(permissions(folder.path(pending[0])) == 0o600)
    try writer.commit()
    #expect(try String(contentsOf: file, encoding: .utf8) == "{\n}\n")
    #expect(permissions(file) == 0o600)
    #expect(try names(folder) == ["all.json"])
  }

  @Test func aWriterGivenUpLeavesNothingAndTheOldFileWhole() throws {
    let folder = try TemporaryFolder()
    do {
      let writer = try PrivateFileWriter(to: folder.path("new.md"))
      try writer.write("half")
    }
    #expect(try names(folder).isEmpty)
    let old = try folder.write("old.md", "old")
    let writer = try PrivateFileWriter(to: old, replacing: true)
    try writer.write("half of the new")
    writer.abandon()
    #expect(try String(contentsOf: old, encoding: .utf8) == "old")
    #expect(try names(folder) == ["old.md"])
  }

  @Test func anExistingFileIsRefusedAtOnceAndOneMadeMeanwhileIsKept() throws {
    let folder = try TemporaryFolder()
    let existing = try folder.write("existing.md", "keep")
    #expect(throws: ShareError.outputExists(path: existing.path)) {
      _ = try PrivateFileWriter(to: existing)
    }
    let file = folder.path("late.md")
    let writer = try PrivateFileWriter(to: file)
    try writer.write("mine")
    try "theirs".write(to: file, atomically: false, encoding: .utf8)
    #expect(throws: ShareError.outputExists(path: file.path)) { try writer.commit() }
    #expect(try String(contentsOf: file, encoding: .utf8) == "theirs")
    #expect(try names(folder) == ["existing.md", "late.md"])
  }

  /// `harvest -o peerconsult.sqlite --force` replaced the data folder's database, every
  /// session with it: a database, its log and the files beside one are never replaced.
  @Test func aDatabaseOrItsLogIsNeverReplaced() throws {
    let folder = try TemporaryFolder()
    let database = try AppDatabase(directory: folder.path("data"))
    let note = try LiveSession.create(
      Fixtures.setup(), id: .random(), store: database, clock: ManualClock(Fixtures.start))
    try note.start()
    let file = folder.path("data").appendingPathComponent(AppDatabase.fileName)
    // Held open, the log and its index are there too.
    var beside = [file]
    for suffix in ["-wal", "-shm"] {
      let path = URL(fileURLWithPath: file.path + suffix)
      #expect(FileManager.default.fileExists(atPath: path.path))
      beside.append(path)
    }
    // A log copied elsewhere is known by its first bytes.
    let log = folder.path("copy-of-log")
    try FileManager.default.copyItem(at: beside[1], to: log)
    let before = try Data(contentsOf: file)
    for path in beside + [log] {
      for replacing in [false, true] {
        #expect(throws: ShareError.wouldReplaceDatabase(path: path.path)) {
          _ = try PrivateFileWriter(to: path, replacing: replacing)
        }
      }
    }
    #expect(try Data(contentsOf: file) == before)
    #expect(try database.sessions().count == 1)
    // A file that only looks a little like one is replaced as asked.
    let text = try folder.write("SQLite notes.md", "SQLite format 2 is older")
    let writer = try PrivateFileWriter(to: text, replacing: true)
    try writer.write("new")
    try writer.commit()
    #expect(try String(contentsOf: text, encoding: .utf8) == "new")
  }
}

@Suite struct ShareLookupTests {
  /// Whole words, or the start of a word of the name for one word typed, as the live screen
  /// takes a name's start: `--owner sio` found nobody for Siobhán.
  @Test func namesMatchAsWholeWordsOrAWordsStartWhateverTheirCaseAndAccents() {
    let zoe = NameFilter("zoe")
    #expect(zoe.matches("Zoë Ångström"))
    #expect(zoe.matches("Zoey Ward"))
    #expect(!zoe.matches("Chloé Zoller"))
    #expect(NameFilter("sio").matches("Siobhán Ó Briain"))
    #expect(NameFilter("BRI").matches("Siobhán Ó Briain"))
    #expect(!NameFilter("iob").matches("Siobhán Ó Briain"))
    #expect(!NameFilter("sio bri").matches("Siobhán Ó Briain"))
    #expect(NameFilter("siobhán  ó").matches("Siobhán Ó Briain"))
    for typed in ["o'n", "O’N", "o'neil", "amira  o'neill"] {
      #expect(NameFilter(typed).matches("Amira O'Neill"), "\(typed)")
    }
    #expect(NameFilter("zoë m").matches("Zoë Müller"))
    #expect(NameFilter("王").matches("王小明"))
    #expect(NameFilter("o’neill").matches("Seán O'Neill"))
    #expect(NameFilter("Smith-Jones").matches("Anne-Marie Smith-Jones"))
    #expect(!NameFilter("").matches("Anyone"))
  }

  @Test func programmesAreFoundWhateverTheCaseAndAccents() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    #expect(try store.database.programme(named: "alcohol PLAN") == "Alcohol Plan")
    #expect(try store.database.programme(named: "Night Économy") == "Night Economy")
    #expect(try store.database.programme(named: "Alcohol") == nil)
    #expect(
      try store.database.records(programme: "Alcohol Plan").records.map(\.id) == [
        ShareFixture.firstID, ShareFixture.secondID,
      ])
  }

  /// One session whose events do not rebuild is skipped and reported; the others are read
  /// (issue 14, item 6).
  @Test func aSessionThatDoesNotRebuildIsSkippedAndReported() throws {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    let events = try store.database.events(of: ShareFixture.secondID)
    // A rating by a participant the session does not have: decodes, but does not replay.
    let last = try #require(events.last)
    let bad = RecordedEvent(
      sequence: last.sequence + 1, at: last.at, event: .processRating(participant: 99, rating: 3))
    try store.database.appendInOneTransaction([(ShareFixture.secondID, [bad])])
    let read = try store.database.records()
    #expect(Set(read.records.map(\.id)) == [ShareFixture.firstID, ShareFixture.otherID])
    #expect(read.skipped.count == 1)
    guard case .damagedSession(let id, let sequence, _) = read.skipped.first else {
      Issue.record("expected a damaged session, got \(read.skipped)")
      return
    }
    #expect(id == ShareFixture.secondID && sequence == last.sequence + 1)
  }

  @Test func actionsCarryTheirOwnersAndState() throws {
    let first = try #require(try ShareFixture.records().first { $0.id == ShareFixture.firstID })
    #expect(
      SessionDigest(first).actions.map {
        [$0.text, $0.ownerName ?? "", $0.note.isDone ? "done" : "open"]
      } == [
        ["Seán to email the licensing lead.", "Seán O'Neill", "done"],
        ["Marie and zoë to map the referral routes.", "Zoë Ångström", "open"],
      ])
  }
}
