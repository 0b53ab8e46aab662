import Foundation
import Testing

@testable import PeerConsultKit

/// Keeps Docs/EXPORT-FORMAT.md, the public contract for export files, true.
@Suite struct ExportFormatDocTests {
  private static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  private func document() throws -> String {
    try String(
      contentsOf: Self.packageRoot.appendingPathComponent("Docs/EXPORT-FORMAT.md"),
      encoding: .utf8)
  }

  @Test func theExampleIsExactlyWhatPeerConsultWrites() throws {
    let text = try document()
    let opening = try #require(text.range(of: "\n```json\n"))
    let closing = try #require(text.range(of: "\n```\n", range: opening.upperBound..<text.endIndex))
    let example = String(text[opening.upperBound..<closing.lowerBound]) + "\n"
    let sessions = try SessionImport.read(Data(example.utf8), path: "example.json")
    #expect(sessions.count == 1)
    #expect(try SessionExport.render(sessions.map(\.record), as: .json) == example)
  }

  @Test func everyEventTypeIsDocumented() throws {
    let text = try document()
    for type in SessionEventType.allCases {
      #expect(text.contains("| `\(type.rawValue)` |"), "\(type.rawValue) is not documented")
    }
  }

  /// A standing group's event types are listed in their own section, after the session's.
  @Test func everyGroupEventTypeIsDocumented() throws {
    let text = try document()
    let start = try #require(text.range(of: "\n## Standing groups\n"))
    let rest = text[start.upperBound...]
    let groups = rest[..<(rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex)]
    for type in GroupEventType.allCases {
      #expect(groups.contains("| `\(type.rawValue)` |"), "\(type.rawValue) is not documented")
    }
  }

  /// Every event of the stored fixtures, which hold every type.
  @Test func everyEventTypeSurvivesTheFormat() throws {
    for (index, event) in StoredEventFixtures.current.map(\.event).enumerated() {
      let recorded = RecordedEvent(
        sequence: index + 1, at: Date(millisecondsSince1970: 1_800_000_000_000 + Int64(index)),
        event: event)
      let data = Data(SessionExport.encode(ExportedEvent(recorded)).utf8)
      #expect(try JSONDecoder().decode(ExportedEvent.self, from: data).recorded == recorded)
    }
  }
}

/// Keeps the harvest's `report` object documented key by key.
@Suite struct HarvestFormatDocTests {
  @Test func everyKeyOfTheReportIsDocumented() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let document = try String(
      contentsOf: root.appendingPathComponent("Docs/EXPORT-FORMAT.md"), encoding: .utf8)
    let section = try #require(document.range(of: "The `report` object:"))
    let text = String(document[section.upperBound...])
    let programme = try ReportProgramme(sessions: 4, seed: 1)
    let json = try HarvestExport.render(
      programme.records, programme: "Alcohol Plan", as: .json,
      period: try ReportPeriod(since: "2027-01-01", until: "2027-12-31", timeZone: .current))
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    var keys = Set<String>()
    func collect(_ value: Any) {
      if let object = value as? [String: Any] {
        for (key, inner) in object {
          keys.insert(key)
          collect(inner)
        }
      } else if let array = value as? [Any] {
        array.forEach(collect)
      }
    }
    collect(try #require(object["report"]))
    #expect(keys.count > 20)
    for key in keys {
      #expect(text.contains("`\(key)`"), "\(key) is not documented")
    }
  }
}
