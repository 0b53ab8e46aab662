import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The harvest's JSON is written directly (``PrettyJSONWriter``, ``HarvestFile/json``); it must
/// stay byte for byte what `JSONEncoder` wrote through ``SessionExport/encode(_:)``, whatever
/// the notes and names hold.
@Suite struct HarvestJSONTests {
  /// Every control below U+0020, quotes, backslashes and slashes, DEL and the C1 controls,
  /// the line and paragraph separators, the bidirectional controls and their neighbours (0xE2
  /// leads both them and "—", "…", the marks), a character outside the BMP, joining marks,
  /// CJK, a carriage return and line feed, and plain and accented letters (0xC2 and 0xC3 lead
  /// both the C1 controls and "¡"…"ÿ" in UTF-8).
  static let pieces =
    (0..<0x20).map { String(Unicode.Scalar(UInt8($0))) } + [
      "\"", "\\", "/", "\u{7F}", "\u{80}", "\u{85}", "\u{9B}", "\u{9F}", "\u{A0}", "¡", "¿", "é",
      "À", "ÿ", "\u{2028}", "\u{2029}", "😀", "\u{1F1EC}\u{1F1E7}", "e\u{301}", "芳", "\r\n",
      "a", "Z", " ", "#tag", "\u{1B}[2J", "\u{FEFF}", "\u{FFFD}", "\u{202A}", "\u{202E}",
      "\u{202F}", "\u{2029}", "\u{2066}", "\u{2069}", "\u{206A}", "\u{200F}", "—", "…",
    ]

  static func texts(count: Int, seed: UInt64) -> [String] {
    var generator = SeededGenerator(seed: SeededGenerator.seed(seed))
    return ["", "plain", "\u{7F}\u{80}\u{9F}\u{2028}\u{2029}", "\"\\/"]
      + (0..<count).map { _ in generator.text(of: pieces, length: 1...16) }
  }

  @Test func aStringIsWrittenAsTheEncoderWritesIt() {
    for text in Self.texts(count: 3_000, seed: 0x4A53_4F4E) {
      var writer = PrettyJSONWriter()
      writer.openObject()
      writer.key("t")
      writer.string(text)
      writer.closeObject()
      #expect(writer.text == SessionExport.encode(["t": text]), "\(Array(text.unicodeScalars))")
    }
  }

  @Test func numbersAndEmptyContainersAreWrittenAsTheEncoderWritesThem() {
    struct Numbers: Encodable {
      let double: Double
      let empty: [Int]
      let int: Int
      let nothing: [String: Int]
    }
    for (double, int) in [
      (3.0, 0), (3.33, -1), (0.1 + 0.2, Int.max), (1e-7, Int.min), (1.2345678901234568e17, 42),
      (-0.0, 7), (4.67, 1_000_000),
    ] {
      var writer = PrettyJSONWriter()
      writer.openObject()
      writer.key("double")
      writer.double(double)
      writer.key("empty")
      writer.array([Int]()) { $0.int($1) }
      writer.key("int")
      writer.int(int)
      writer.key("nothing")
      writer.openObject()
      writer.closeObject()
      writer.closeObject()
      #expect(
        writer.text
          == SessionExport.encode(Numbers(double: double, empty: [], int: int, nothing: [:])))
    }
  }

  /// Whole harvests of random sessions with hostile names, organisations, titles and notes,
  /// plain and anonymised, every optional key both present and absent somewhere.
  @Test func aHarvestIsWrittenAsTheEncoderWroteIt() throws {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4841_5256))
    let texts = Self.texts(count: 400, seed: 0x4E4F_5445)
    func text() -> String { texts.randomElement(using: &generator)! }
    let start = Date(timeIntervalSince1970: 1_750_000_000.123)
    let groups = (0..<3).map { _ in GroupID.random() }
    let kinds: [NoteKind] = [.theme, .worksWell, .blockage, .action]
    var sessions: [ProgrammeSession] = []
    for number in 0..<40 {
      let id = SessionID.random()
      let createdAt = start.addingTimeInterval(Double(number) * 86_400 * 7)
      let participants = (0..<Int.random(in: 0...5, using: &generator)).map { _ in
        Participant(
          name: text(), organisation: Bool.random(using: &generator) ? text() : "",
          level: Level.allCases.randomElement(using: &generator)!)
      }
      let notes = (0..<Int.random(in: 0...12, using: &generator)).map { index in
        let kind = kinds.randomElement(using: &generator)!
        let owner =
          participants.isEmpty ? nil : Int.random(in: 0..<participants.count + 1, using: &generator)
        return ProgrammeSession.Note(
          id: index + 1, kind: kind, text: text(),
          createdAt: createdAt.addingTimeInterval(Double(index) * 61.5),
          isClosing: Bool.random(using: &generator), owner: kind == .action ? owner : nil,
          ownerName: kind == .action
            ? owner.map { participants.indices.contains($0) ? participants[$0].name : "?" } : nil,
          doneAt: kind == .action && Bool.random(using: &generator)
            ? createdAt.addingTimeInterval(3_600) : nil,
          due: nil)
      }
      // Follow-ups of the last session's actions: done, carried or dropped.
      var followUps: [ActionReference: ActionFollowUp] = [:]
      if let previous = sessions.last {
        for action in previous.notes(.action) {
          let outcome: FollowUpOutcome = [.done, .carried(note: text()), .dropped(reason: text())]
            .randomElement(using: &generator)!
          followUps[ActionReference(session: previous.id, note: action.id)] = ActionFollowUp(
            outcome: outcome, at: createdAt.addingTimeInterval(60))
        }
      }
      var session = ProgrammeSession(
        id: id, title: text(), programme: "Night-Time Economy", createdAt: createdAt,
        finishedAt: Bool.random(using: &generator) ? createdAt.addingTimeInterval(7_200) : nil,
        group: Bool.random(using: &generator) ? groups.randomElement(using: &generator)! : nil,
        participants: participants,
        rounds: participants.indices.map {
          ProgrammeSession.Round(presenter: $0, hasStarted: Bool.random(using: &generator))
        },
        noteCount: notes.count + 3, notes: notes,
        tags: notes.flatMap { note in
          NoteTag.distinct(in: note.text).map {
            ProgrammeSession.TagUse(key: $0.key, tag: $0.text, createdAt: note.createdAt)
          }
        },
        ratings: (0..<Int.random(in: 0...participants.count, using: &generator)).map { _ in
          Int.random(in: 1...5, using: &generator)
        },
        followUps: followUps)
      session.origin = Bool.random(using: &generator) ? text() : nil
      sessions.append(session)
    }
    let names = Dictionary(uniqueKeysWithValues: groups.map { ($0, text()) })
    let now = start.addingTimeInterval(86_400 * 400)
    var compared = 0
    for anonymised in [false, true] {
      for period in [
        ReportPeriod.always,
        try ReportPeriod(since: "2025-07-01", until: "2025-12-31", timeZone: .gmt),
      ] {
        let report = ProgrammeReport(
          sessions: sessions, period: period, groupNames: names, now: now, timeZone: .gmt)
        let harvest = ProgrammeHarvest(
          programme: "Night-Time Economy", sessions: sessions, ledger: report.ledger,
          anonymised: anonymised)
        let file = HarvestFile(harvest, report)
        let expected = SessionExport.encode(file)
        #expect(file.json == expected)
        compared += expected.utf8.count
      }
    }
    #expect(compared > 100_000)
  }
}
