import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The look at a database file before a program opens it, while other programs use it.
@Suite struct DatabaseInspectionTests {
  /// Another program closing the database copies the pages its -wal holds back into the file
  /// (page 1, which counts the pages, first) and empties the -wal last. A look that began
  /// before that copy and reads the header after it must not take the sound, grown file for
  /// one cut short, as it once did under load ("its header counts 59 pages, the file holds 54").
  @Test func aFileThatGrowsAsTheLookBeginsIsNotTakenForOneCutShort() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    try AppDatabase(directory: data).close()
    let writer = try AppDatabase(directory: data)
    let session = try LiveSession.create(Fixtures.setup(), store: writer)
    try session.start()
    for number in 1...200 {
      try session.addNote(
        .init(text: "Note \(number) " + String(repeating: "talk ", count: 40), kind: .other))
    }
    let file = data.appendingPathComponent(AppDatabase.fileName)
    let before = try fileSize(file)
    let look = try DatabaseInspection.look(at: file, schema: .current, fullCheck: false) {
      try? writer.close()
    }
    try? look.connection?.close()
    #expect(look.finding == .current)
    // The other program's copy did grow the file in that instant.
    #expect(try fileSize(file) > before)
  }

  private func fileSize(_ file: URL) throws -> Int {
    try #require(FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int)
  }
}
