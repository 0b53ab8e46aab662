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

  @Test func theExecutableLaysOutNoText() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: Self.sources, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "swift" }
    try #require(files.count > 10, "no sources found in \(Self.sources.path)")
    for file in files {
      let text = try String(contentsOf: file, encoding: .utf8)
      for code in Self.layoutCode where text.contains(code) {
        Issue.record(
          "\(file.lastPathComponent) uses \(code): render the text in PeerConsultKit's Share/")
      }
    }
  }
}
