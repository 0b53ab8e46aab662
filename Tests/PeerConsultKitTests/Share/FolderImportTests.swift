import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// `import` into a data folder (issue 19, `import6`): each session is decoded once into a folder
/// without a database, and a refused file leaves a missing folder missing, an empty one empty,
/// and an existing database byte for byte as it was when the checks refuse it.
@Suite struct FolderImportTests {
  /// An export of generated sessions (`good`) and how many sessions it holds; the same with
  /// one session's title changed (`altered`: imported after `good`, that copy disagrees, so
  /// the refusal comes in the transaction, once every session of `good` is written), and with
  /// its last event misnumbered (`misnumbered`: refused by the checks of its last session).
  struct Files {
    let folder: TemporaryFolder
    let good: URL
    let altered: URL
    let misnumbered: URL
    let count: Int
    let source: StoreFixture
  }

  static func files() throws -> Files {
    let source = try StreamingExportImportTests.generated(count: 6)
    let json = try StreamingExportImportTests.streamed(source.database, as: .json).text
    let folder = try TemporaryFolder()
    let good = try folder.write("good.json", json)
    let altered = try folder.write(
      "altered.json", json.replacingOccurrences(of: "Generated 1 ", with: "Generated X "))
    // The file's last `"seq"` is its last session's last event.
    let seq = try #require(json.range(of: "\"seq\"", options: .backwards))
    let start = json[seq.upperBound...].firstIndex { $0.isNumber }
    let digits = try #require(start)
    let after = json[digits...].firstIndex { !$0.isNumber }
    let end = try #require(after)
    let misnumbered = try folder.write(
      "misnumbered.json", json.replacingCharacters(in: digits..<end, with: "999999"))
    return Files(
      folder: folder, good: good, altered: altered, misnumbered: misnumbered,
      count: try source.database.sessions().count, source: source)
  }

  /// The names in `folder` and the bytes of each file in it, the `locks` folder's
  /// bookkeeping aside (a writing opening leaves its record of a clean close there).
  static func contents(of folder: URL) throws -> [String: Data] {
    var found: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
    where name != "locks" {
      let url = folder.appendingPathComponent(name)
      found[name] = (try? Data(contentsOf: url)) ?? Data()
    }
    return found
  }

  static func names(in folder: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
  }

  @Test func aNewFolderIsMadeWithEachSessionDecodedOnce() throws {
    let files = try Self.files()
    let data = files.folder.path("new").appendingPathComponent("data")
    let result = try SessionImport.run([files.good], intoFolder: data)
    #expect(result.sessions.count == files.count)
    #expect(result.sessions.allSatisfy { $0.change == .added })
    #expect(result.sessionsDecoded == files.count)
    // Made as the data folder always is, 0700, and nothing left beside it.
    #expect(DataFolder.mode(of: data) == 0o700)
    #expect(try Self.names(in: files.folder.path("new")) == ["data"])
    let database = try AppDatabase(directory: data)
    #expect(try database.everyLog() == files.source.database.everyLog())
    try database.close()
    // Into the database now there: checked before it is opened, then written.
    let again = try SessionImport.run([files.good], intoFolder: data)
    #expect(again.sessions.allSatisfy { $0.change == .alreadyPresent })
    #expect(again.sessionsDecoded == 2 * files.count)
  }

  @Test func aRefusedFileLeavesAMissingFolderMissing() throws {
    let files = try Self.files()
    let before = try Self.names(in: files.folder.url)
    let data = files.folder.path("new").appendingPathComponent("data")
    for refused in [files.altered, files.misnumbered] {
      #expect(throws: ImportError.self) {
        try SessionImport.run([files.good, refused], intoFolder: data)
      }
      #expect(try DataFolder.existsAsFolder(files.folder.path("new")) == false)
      #expect(try Self.names(in: files.folder.url) == before)
    }
  }

  @Test func anExistingDatabaseIsOpenedOnlyOnceEverySessionIsChecked() throws {
    let files = try Self.files()
    // A folder holding a session of its own, none of the files'.
    let target = try StoreFixture()
    let live = try target.live()
    try live.start()
    try live.addNote(NoteContent(text: "Kept", kind: .other))
    try target.database.close()
    let data = target.dataFolder
    let before = try Self.contents(of: data)
    #expect(before.keys.contains(AppDatabase.fileName))
    // Refused by the checks before the database is opened: not a byte changes.
    #expect(throws: ImportError.self) {
      try SessionImport.run([files.good, files.misnumbered], intoFolder: data)
    }
    #expect(try Self.contents(of: data) == before)
    // Accepted: checked before the opening, then decoded again as it is written.
    let accepted = try SessionImport.run([files.good], intoFolder: data)
    #expect(accepted.sessions.allSatisfy { $0.change == .added })
    #expect(accepted.sessionsDecoded == 2 * files.count)
  }

  @Test func anEmptyFolderGetsTheDatabaseAndKeepsItsMode() throws {
    let files = try Self.files()
    let data = files.folder.path("chosen")
    #expect(mkdir(data.path, 0o750) == 0)
    _ = chmod(data.path, 0o750)
    let everything: Set = ["good.json", "altered.json", "misnumbered.json", "chosen"]
    for refused in [files.altered, files.misnumbered] {
      #expect(throws: ImportError.self) {
        try SessionImport.run([files.good, refused], intoFolder: data)
      }
      #expect(try Self.names(in: data).isEmpty)
      #expect(try Self.names(in: files.folder.url) == everything)
    }
    let result = try SessionImport.run([files.good], intoFolder: data)
    #expect(result.sessionsDecoded == files.count)
    #expect(DataFolder.mode(of: data) == 0o750)
    #expect(DataFolder.mode(of: data.appendingPathComponent(AppDatabase.fileName)) == 0o600)
    #expect(try Self.names(in: files.folder.url) == everything)
    let database = try AppDatabase(directory: data)
    #expect(try database.everyLog() == files.source.database.everyLog())
    try database.close()
  }
}
