import Foundation
import Testing

@testable import PeerConsultKit

/// Keeps Docs/PROTOCOL-FILES.md, the public contract for protocol files, true.
@Suite struct ProtocolFilesDocTests {
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  private func document() throws -> String {
    try String(
      contentsOf: Self.packageRoot.appendingPathComponent("Docs/PROTOCOL-FILES.md"), encoding: .utf8
    )
  }

  /// The body of the first fenced block with this info string.
  private func firstBlock(_ language: String, in text: String) throws -> String {
    let opening = try #require(text.range(of: "\n```\(language)\n"))
    let closing = try #require(text.range(of: "\n```\n", range: opening.upperBound..<text.endIndex))
    return String(text[opening.upperBound..<closing.lowerBound]) + "\n"
  }

  /// The first column of the table whose header row starts with `header`.
  private func tableKeys(after header: String, in text: String) throws -> [String] {
    let start = try #require(text.range(of: header))
    var keys: [String] = []
    // The lines after the heading: the header row, the separator row, then one row per key.
    for line in text[start.upperBound...].split(separator: "\n").dropFirst(2) {
      guard line.hasPrefix("|") else { break }
      let cell = line.split(separator: "|").first?.trimmingCharacters(in: .whitespaces) ?? ""
      keys.append(cell.trimmingCharacters(in: CharacterSet(charactersIn: "`")))
    }
    return keys
  }

  @Test func theExampleIsAValidCompleteProtocol() throws {
    let example = try firstBlock("yaml", in: try document())
    let read = try ProtocolFile.parse(Data(example.utf8), path: "case-clinic-short.yaml")
    #expect(read.name == "Case Clinic (short)")
    #expect(read.id == "case-clinic-short")
    #expect(!read.description.isEmpty)
    #expect(!read.opening.isEmpty && !read.round.isEmpty && !read.closing.isEmpty)
    // "Complete" means every phase key is shown at least once.
    for key in ProtocolFileReader.phaseKeys {
      #expect(example.contains("    \(key):") || example.contains("  - \(key):"), "\(key)")
    }
    for key in ProtocolFileReader.protocolKeys {
      #expect(example.contains("\n\(key):") || example.hasPrefix("\(key):"), "\(key)")
    }
  }

  @Test func theTablesListExactlyTheKeysAndValuesTheReaderAccepts() throws {
    let text = try document()
    #expect(
      try tableKeys(after: "## Keys of the file", in: text) == ProtocolFileReader.protocolKeys)
    #expect(try tableKeys(after: "## Keys of a phase", in: text) == ProtocolFileReader.phaseKeys)
    #expect(try tableKeys(after: "### Speakers", in: text) == Speaker.allCases.map(\.rawValue))
    #expect(try tableKeys(after: "### Note kinds", in: text) == NoteKind.allCases.map(\.rawValue))
  }

  @Test func theDocumentedDefaultsAndLimitsAreTheRealOnes() throws {
    let text = try document()
    #expect(text.contains("| no | `\(ProtocolFileReader.defaultSpeaker.rawValue)` |"))
    #expect(text.contains("| no | `\(ProtocolFileReader.defaultNoteKind.rawValue)` |"))
    #expect(text.contains("larger than \(ProtocolFile.maximumBytes / 1024) KiB"))
    #expect(text.contains("the longest is `\(PhaseDuration.maximumSeconds / 3600)h`"))
    #expect(text.contains("(the first \(ProtocolFileError.listedIssues) are listed)"))
    #expect(text.contains("at most \(ProtocolFileReader.maximumNodes) values"))
    #expect(text.contains("more than \(ProtocolFileReader.maximumDepth) levels deep"))
    for builtIn in BuiltInProtocols.all {
      #expect(text.contains("`\(builtIn.id)`"), "reserved id \(builtIn.id) is documented")
    }
  }

  @Test func theSampleMessageIsWhatTheReaderSays() throws {
    let sample = try firstBlock("text", in: try document())
    let yaml = "name: Team\nround:\n  - name: Questions\n    duration: five minutes please\n"
    do {
      _ = try ProtocolFile.parse(Data(yaml.utf8), path: "team.yaml")
      Issue.record("the sample file was accepted")
    } catch {
      #expect(error.description + "\n" == sample)
    }
  }
}
