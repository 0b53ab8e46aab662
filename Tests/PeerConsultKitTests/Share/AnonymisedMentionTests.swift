import Foundation
import Testing

@testable import PeerConsultKit

/// Every leak and every distortion reported in issue 13, checked in each shared format
/// (Markdown, HTML and JSON for sessions and for the harvest): a group whose names and
/// organisations are written the ways people write them, beside ordinary words that look like
/// them.
@Suite struct AnonymisedMentionTests {
  static let li = Participant(name: "李 静", organisation: "Plymouth Hospitals", level: .frontline)
  static let priya = Participant(
    name: "Priya Patel", organisation: "Devon & Cornwall Police",
    organisationAliases: ["D and C Police"], level: .senior)
  static let sean = Participant(
    name: "Seán O'Neill", organisation: "St Luke's Hospice", level: .frontline)
  static let omar = Participant(name: "Omar Al-Rashid", organisation: "Police", level: .middle)
  static let will = Participant(name: "Will Bishop", organisation: "Exeter Trust", level: .senior)
  static let hope = Participant(name: "Hope Adeyemi", organisation: "Probation", level: .other)
  static let late = Participant(
    name: "Late Comer-Smith", organisation: "Torbay Council", level: .middle)

  /// Notes that mention everyone in the forms that used to leak.
  static let mentions = [
    "李静 and 静 agreed; 李 静 wrote it up.",
    "Priyas plan, the Patels, @PriyaPatel, #PriyaPatel and PriyaP all came up.",
    "O Neill said so, and Neill again.",
    "AlRashid and Al Rashid are one person.",
    "Devon and Cornwall Police, D and C Police and DCP joined in.",
    "St Lukes is a hospice.",
  ]

  /// Ordinary sentences that must come out as they went in.
  static let ordinary = [
    "We will ask the data team.",
    "the hope project is late again",
    "the data is late",
    "Call the police if it happens.",
    "It was 安静 in the room.",
  ]

  /// Words that must not appear in any output, with how each was written in the notes.
  static let leaks = [
    "李静", "李 静", "Priyas", "Patels", "PriyaPatel", "PriyaP", "Priya", "Patel", "O Neill",
    "Neill", "AlRashid", "Al Rashid", "Rashid", "Devon", "Cornwall", "D and C", "DCP", "St Lukes",
    "St Luke", "Bishop", "Adeyemi", "Comer", "priya-patel",
  ]

  private static func records() throws -> [SessionRecord] {
    let store = try AppDatabase.inMemory()
    var consultingProtocol = Fixtures.consultingProtocol
    consultingProtocol.id = "priya-patel"
    consultingProtocol.source = .file(path: "/home/me/priya-patel.yaml")
    let setup = SessionSetup(
      title: "Night economy", programme: "Safer Streets", consultingProtocol: consultingProtocol,
      participants: [li, priya, sean, omar, will, hope, late], presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock(Fixtures.start))
    try live.start()
    for text in mentions + ordinary {
      try live.addNote(.init(text: text, kind: .insight, speaker: 1))
    }
    try live.rateProcess(participant: 0, rating: 5)
    try live.rateProcess(participant: 1, rating: 2)
    try live.finish()
    return [try SessionRecord(id: live.id, events: store.events(of: live.id))]
  }

  /// Each anonymised output, as text a reader sees (HTML entities and JSON escapes undone).
  private func outputs() throws -> [(name: String, text: String)] {
    let records = try Self.records()
    let options = ShareFixture.anonymisedUTC
    var outputs: [(String, String)] = []
    for format in ShareFormat.allCases {
      outputs.append(
        ("session.\(format)", try SessionExport.render(records, as: format, options: options)))
      outputs.append(
        (
          "harvest.\(format)",
          try HarvestExport.render(
            records, programme: "Safer Streets", as: format, options: options)
        ))
    }
    return outputs.map { name, text in
      let readable =
        name.hasSuffix("json")
        ? (try? JSONSerialization.jsonObject(with: Data(text.utf8))).map(Self.strings) ?? text
        : text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(
          of: "&#39;", with: "'")
      return (name, readable)
    }
  }

  @Test func noMentionFormLeaksInAnyFormat() throws {
    for (name, text) in try outputs() {
      for leak in Self.leaks where text.range(of: leak, options: .caseInsensitive) != nil {
        Issue.record("\(name) leaks \"\(leak)\"")
      }
    }
  }

  @Test func ordinaryWordsSurviveInEveryFormatThatQuotesNotes() throws {
    for (name, text) in try outputs() where name.hasPrefix("session") {
      for sentence in Self.ordinary {
        #expect(text.contains(sentence), "\(name) changed \"\(sentence)\"")
      }
    }
  }

  @Test func levelsShowOnlyWhereSharedAndRatingsOnlyAsTheAverage() throws {
    for (name, text) in try outputs() {
      // Hope is the only "other": her level would name her.
      #expect(!text.contains(", other]"), "\(name) shows a level held by one person")
      if name.hasPrefix("session") {
        #expect(text.contains("[Participant B, senior]"), "\(name) lost a shared level")
      }
      #expect(!text.contains("[Participant A, frontline] 5"), "\(name) shows a rating by name")
      #expect(!text.contains("\"rating\""), "\(name) shows ratings one by one")
    }
  }

  @Test func theProtocolFileNameGoes() throws {
    for (name, text) in try outputs() where name.hasPrefix("session") {
      #expect(!text.contains("priya-patel"), "\(name) shows the protocol's file name")
    }
  }

  private static func strings(_ value: Any) -> String {
    if let string = value as? String { return string }
    if let array = value as? [Any] { return array.map(strings).joined(separator: "\n") }
    if let object = value as? [String: Any] {
      return object.map { "\($0.key)\n\(strings($0.value))" }.joined(separator: "\n")
    }
    return "\(value)"
  }
}
