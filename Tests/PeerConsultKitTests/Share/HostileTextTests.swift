import Foundation
import Testing

@testable import PeerConsultKit

/// Every text field of a session made hostile (terminal escape sequences, C1 controls, DEL,
/// bidirectional overrides and isolates, Markdown and HTML markup, a leading `#`, `>` or
/// `1.`) and pushed through every format:
/// nothing reaches a terminal or a Markdown file that a terminal would obey, and no markup
/// comes out live (issue 14, items 2 and 3).
@Suite struct HostileTextTests {
  /// What a hostile field holds after its name: an OSC that retitles the terminal, a clear, a
  /// C1 CSI, DEL, a right-to-left override and isolate, and Markdown that would be a link,
  /// an image, HTML and emphasis.
  static func hostile(_ field: String, leading: String = "# ") -> String {
    leading + field + " \u{1B}]0;owned\u{07}\u{1B}[2J\u{9B}31m\u{7F}\u{85} <b>x</b> "
      + "\u{202E}desrever\u{202C} \u{2067}isolated\u{2069} "
      + "![i](http://evil.test/i.png) [l](javascript:alert(1)) *em* _u_ `c` | cell"
  }

  /// A note of several lines, each starting with something Markdown reads as a block.
  static func hostileNote(_ field: String) -> String {
    hostile(field) + "\n> quote\n# heading\n1. item\n- list\r\n+ plus\u{1B}[1m"
  }

  static let id = SessionID(rawValue: "00112233445566778899aabbccddeeff")!

  /// A finished session of two rounds whose every text is hostile, built from events as an
  /// import or a database of an earlier version could hold them.
  static func record() throws -> SessionRecord {
    func phase(_ name: String, _ kind: NoteKind) -> Phase {
      Phase(
        name: hostile("phase \(name)"), durationSeconds: 60, speaker: .group,
        guidance: hostile("guidance \(name)"), rules: [hostile("rule \(name)")],
        prompts: [hostile("prompt \(name)")], noteKind: kind)
    }
    let consultingProtocol = ConsultingProtocol(
      id: "hostile", name: hostile("protocol"), description: hostile("description"),
      opening: [phase("opening", .other)], round: [phase("round", .theme)],
      closing: [phase("closing", .feedback)])
    let people = ["> Quoted", "# Boss", "1. First", "- Dash"].enumerated().map {
      Participant(
        name: $1 + hostile("name \($0)", leading: ""),
        organisation: hostile("organisation \($0)"), level: .senior)
    }
    let setup = SessionSetup(
      title: hostile("title"), programme: hostile("programme"),
      consultingProtocol: consultingProtocol, participants: Array(people.prefix(3)),
      rounds: [
        SessionRound(presenter: 0, focusQuestion: hostile("focus question")),
        SessionRound(presenter: 1),
      ])
    var events: [SessionEvent] = [
      .created(setup: setup), .participantAdded(participant: people[3]), .phaseStarted(slot: 0),
    ]
    var noteID = 0
    for slot in 0..<4 {
      if slot > 0 { events.append(.phaseStarted(slot: slot)) }
      for kind in NoteKind.allCases {
        noteID += 1
        let owner = kind == .action ? slot % 4 : nil
        events.append(
          .noteAdded(
            id: noteID, slot: slot,
            content: NoteContent(
              text: hostileNote("note \(noteID)"), kind: kind, speaker: slot % 4, owner: owner)))
        if kind == .action, slot.isMultiple(of: 2) {
          events.append(.actionDone(id: noteID, done: true))
        }
      }
    }
    events.append(
      .noteEdited(id: 1, content: NoteContent(text: hostileNote("edited"), kind: .insight)))
    events += [
      .processRating(participant: 0, rating: 4), .processRating(participant: 3, rating: 2),
      .finished,
    ]
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let recorded = events.enumerated().map {
      RecordedEvent(sequence: $0 + 1, at: start.addingTimeInterval(Double($0) * 7), event: $1)
    }
    return try SessionRecord(id: id, events: recorded)
  }

  /// Every output of every format the model renders from sessions, named.
  static func outputs() throws -> [(name: String, text: String, isMarkdown: Bool)] {
    let record = try record()
    let utc = TimeZone(identifier: "UTC")!
    var outputs: [(String, String, Bool)] = []
    for format in ShareFormat.allCases {
      for anonymise in [false, true] {
        let options = ShareOptions(anonymise: anonymise, timeZone: utc)
        let suffix = anonymise ? " anonymised" : ""
        outputs.append(
          (
            "export \(format)\(suffix)",
            try SessionExport.render([record], as: format, options: options), format == .markdown
          ))
        outputs.append(
          (
            "harvest \(format)\(suffix)",
            try HarvestExport.render(
              [record], programme: record.state.setup.programme, as: format, options: options),
            format == .markdown
          ))
      }
    }
    outputs.append(("show", SessionExport.plainText([record], timeZone: utc), false))
    let time = ReadableTime(timeZone: utc)
    outputs.append(("actions", CommandText.actions([record], time: time), false))
    let database = try AppDatabase.inMemory()
    try database.appendInOneTransaction([(record.id, record.events)])
    outputs.append(("list", CommandText.listings(try database.sessions(), time: time), false))
    outputs.append(("list --json", CommandJSON.listings(try database.sessions()), false))
    let hits = try database.searchNotes("note")
    #expect(!hits.isEmpty)
    for styled in [false, true] {
      let text = CommandText.hits(hits, query: "note", limit: 50, styled: styled, time: time)
      // The styled form's own bold and reset are the only escapes it may hold.
      let own = text.replacingOccurrences(of: "\u{1B}[1m", with: "")
        .replacingOccurrences(of: "\u{1B}[22m", with: "")
      outputs.append(("search\(styled ? " styled" : "")", own, false))
    }
    outputs.append(("search --json", CommandJSON.hits(hits), false))
    return outputs
  }

  @Test func noControlCharacterReachesAnyOutputFromAnyField() throws {
    for output in try Self.outputs() {
      let bad = output.text.unicodeScalars.filter {
        ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value)
          || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value)
      }
      #expect(bad.isEmpty, "\(output.name) holds \(bad.map { String($0.value, radix: 16) })")
    }
  }

  @Test func jsonEscapesDeleteAndC1AndReadsThemBack() throws {
    let record = try Self.record()
    let json = try SessionExport.render([record], as: .json)
    #expect(json.contains("\\u009b") && json.contains("\\u007f"))
    #expect(json.contains("\\u202e") && json.contains("\\u2067"))
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    let sessions = object?["sessions"] as? [[String: Any]]
    let events = sessions?.first?["events"] as? [[String: Any]]
    let setup = events?.first?["setup"] as? [String: Any]
    #expect(setup?["title"] as? String == record.state.setup.title)
  }

  @Test func noMarkupComesOutLiveInMarkdown() throws {
    for output in try Self.outputs() where output.isMarkdown {
      let text = output.text
      for live in ["<b>", "](http", "](javascript", "*em*", "_u_", "`c`"] {
        #expect(!Self.holdsUnescaped(live, in: text), "\(output.name) holds \(live) unescaped")
      }
      // Nothing is escaped twice: no hostile field holds a backslash.
      #expect(!text.contains("\\\\"), "\(output.name) escapes something twice")
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.hasPrefix("#") {
          // One of the export's own headings; its text must hold no live `#`.
          let words = line.drop { $0 == "#" }
          #expect(words.hasPrefix(" "), "\(output.name): \(line)")
          let unescaped = zip(words, words.dropFirst()).contains { $0 != "\\" && $1 == "#" }
          #expect(!unescaped, "\(output.name): \(line)")
          continue
        }
        #expect(!Self.startsBlock(line), "\(output.name): \(line)")
      }
    }
  }

  /// Whether `markup` appears in `text` without a backslash before it.
  static func holdsUnescaped(_ markup: String, in text: String) -> Bool {
    var searched = text[...]
    while let found = searched.range(of: markup) {
      if found.lowerBound == text.startIndex || text[text.index(before: found.lowerBound)] != "\\" {
        return true
      }
      searched = searched[found.upperBound...]
    }
    return false
  }

  /// Whether a line that is not one of the export's headings would start a heading, a quote
  /// or a list in Markdown, once its list markers and task box are taken away.
  static func startsBlock(_ line: Substring) -> Bool {
    var rest = line.drop { $0 == " " }
    if rest.hasPrefix("- ") { rest = rest.dropFirst(2) }
    if rest.hasPrefix("[ ] ") || rest.hasPrefix("[x] ") { rest = rest.dropFirst(4) }
    // The export's own table rows and rules, and its notice, start so on purpose.
    if line.hasPrefix("|") || line == "---" || line.hasPrefix("> Anonymised") { return false }
    if rest.hasPrefix("#") || rest.hasPrefix(">") || rest.hasPrefix("+ ") || rest.hasPrefix("- ") {
      return true
    }
    let digits = rest.prefix { $0.isASCII && $0.isNumber }
    return !digits.isEmpty && [".", ")"].contains(rest.dropFirst(digits.count).first)
  }
}
