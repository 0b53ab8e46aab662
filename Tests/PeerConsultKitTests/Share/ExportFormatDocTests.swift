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

  /// One event of every type.
  static let everyEvent: [SessionEvent] = [
    .created(setup: ShareFixture.secondSetup), .participantAdded(participant: ShareFixture.ben),
    .phaseStarted(slot: 2), .paused, .resumed, .timeAdjusted(seconds: -60),
    .noteAdded(id: 1, slot: 2, content: NoteContent(text: "Q?", kind: .question, speaker: 0)),
    .noteEdited(id: 1, content: NoteContent(text: "Do it", kind: .action, speaker: 1, owner: 2)),
    .noteDeleted(id: 1), .actionDone(id: 1, done: false),
    .processRating(participant: 1, rating: 5), .finished,
  ]

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
    for event in Self.everyEvent {
      #expect(text.contains("| `\(event.typeName)` |"), "\(event.typeName) is not documented")
    }
  }

  @Test func everyEventTypeSurvivesTheFormat() throws {
    for (index, event) in Self.everyEvent.enumerated() {
      let recorded = RecordedEvent(
        sequence: index + 1, at: Date(millisecondsSince1970: 1_800_000_000_000 + Int64(index)),
        event: event)
      let data = Data(SessionExport.encode(ExportedEvent(recorded)).utf8)
      #expect(try JSONDecoder().decode(ExportedEvent.self, from: data).recorded == recorded)
    }
  }
}
