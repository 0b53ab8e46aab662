import Foundation
import Testing

/// The executable parses arguments, opens the data folder and writes what the model renders;
/// laying out text belongs in PeerConsultKit's `Share/` (on `TextLayout`), where it is tested
/// without a process. This reads the executable's sources to keep it that way.
@Suite struct ExecutableSourceTests {
  static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/peerconsult")

  /// What laying out text looks like in Swift: measuring, padding, wrapping, cleaning, dates.
  static let layoutCode = [
    "import TextLayout", "displayWidth", "DisplayWidth", "TextWrapper", "String(repeating:",
    "padded(toWidth", "truncated(toWidth", "ReadableTime(", "withoutControlCharacters",
    ".split(separator:",
  ]

  /// The executable's Swift files, checked to be there.
  static func sourceFiles() throws -> [URL] {
    let files = try FileManager.default.contentsOfDirectory(
      at: sources, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "swift" }
    try #require(files.count > 10, "no sources found in \(sources.path)")
    return files
  }

  @Test func theExecutableLaysOutNoText() throws {
    let files = try Self.sourceFiles()
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for code in Self.layoutCode where text.contains(code) {
        Issue.record(
          "\(file.lastPathComponent) uses \(code): render the text in PeerConsultKit's Share/")
      }
    }
  }

  /// A one-shot command ends its database with `closeForExit()`, which closes it and leaves
  /// the object to the process's end: a plain `close()` and the object's release cost every
  /// command about 0.6 ms of GRDB's and Foundation's teardown.
  @Test func theCommandsCloseTheirDatabasesForExit() throws {
    let files = try Self.sourceFiles()
    var ended = 0
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      ended += text.components(separatedBy: "database.closeForExit()").count - 1
      if text.contains("try? database.close()") {
        Issue.record("\(file.lastPathComponent) closes a database with `try? close()`")
      }
    }
    #expect(ended > 20)
  }
}
