import Foundation
import TestSupport

@testable import PeerConsultKit

/// A programme of weekly sessions generated from a seed, with what was put into it written
/// down as it was generated: which tags each note carries (one fading, one rising, one
/// written in several spellings), theme notes written alike in different ways, actions,
/// presenters and ratings. A report's counts are checked against these records, not against
/// anything the report's own code computes.
struct ReportProgramme {
  /// What one session holds, as planned.
  struct Planned {
    let id: SessionID
    let createdAt: Date
    /// Indices into ``ReportProgramme/pool``.
    let people: [Int]
    /// Indices into ``ReportProgramme/pool``, one per round, all rounds held.
    let presenters: [Int]
    /// For each tag key, the times of the notes carrying it (a note once).
    var tagged: [String: [Date]] = [:]
    /// For each theme's id, the times of its notes.
    var themes: [Int: [Date]] = [:]
    var actionsAgreed = 0
    var actionsDone = 0
    var ratings: [Int] = []
  }

  /// Everyone who may come, each from one organisation at one level.
  static let pool = [
    Participant(name: "Asha Rao", organisation: "Council", level: .senior),
    Participant(name: "Ben Cole", organisation: "NHS", level: .frontline),
    Participant(name: "Chloé Martin", organisation: "Police", level: .middle),
    Participant(name: "Dev Patel", organisation: "Council", level: .frontline),
    Participant(name: "Eve Stone", organisation: "Probation", level: .other),
    Participant(name: "Femi Ade", organisation: "NHS", level: .senior),
    Participant(name: "Gwen Hart", organisation: "Police", level: .frontline),
    Participant(name: "Hiro Sato", organisation: "Housing", level: .middle),
    Participant(name: "Inês Silva", organisation: "Housing", level: .frontline),
    Participant(name: "Jon Kay", organisation: "Probation", level: .middle),
  ]

  /// Theme notes: each theme written in ways that count as one.
  static let themeSpellings = [
    [
      "Trust between agencies is thin", "trust between agencies is  thin.",
      "TRUST BETWEEN AGENCIES IS THIN",
    ],
    ["Data sharing stalls at consent", "Data sharing stalls at consent."],
    ["Night buses help", "night buses help"],
  ]

  /// The tag whose share falls, the one whose share rises, and one used all along whose
  /// spellings differ but whose key is the same.
  static let fading = "licensing"
  static let rising = "night-time-economy"
  static let steady = "data-sharing"
  static let steadySpellings = ["Data-Sharing", "data_sharing", "DATA-SHARING"]

  let records: [SessionRecord]
  let planned: [Planned]

  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  init(sessions count: Int, seed: UInt64, programme: String = "Alcohol Plan") throws {
    var random = SeededGenerator(seed: seed)
    var records: [SessionRecord] = []
    var planned: [Planned] = []
    for index in 0..<count {
      let people = Array(
        (0..<Self.pool.count).shuffled(using: &random).prefix(Int.random(in: 3...5, using: &random))
      ).sorted()
      let rounds = Int.random(in: 1...2, using: &random)
      let presenterPositions = Array(people.indices.shuffled(using: &random).prefix(rounds))
      let createdAt = Self.start.addingTimeInterval(Double(index) * 7 * 86_400)
      let id = SessionID(rawValue: String(format: "%032x", index + 1))!
      var plan = Planned(
        id: id, createdAt: createdAt, people: people,
        presenters: presenterPositions.map { people[$0] })
      let setup = SessionSetup(
        title: "Week \(index + 1)", programme: programme,
        consultingProtocol: Fixtures.consultingProtocol, participants: people.map { Self.pool[$0] },
        rounds: presenterPositions.map { SessionRound(presenter: $0) })
      var events: [(Date, SessionEvent)] = [(createdAt, .created(setup: setup))]
      var clock = createdAt
      var noteID = 0
      func add(_ event: SessionEvent) {
        clock.addTimeInterval(30)
        events.append((clock, event))
      }
      func note(_ text: String, _ kind: NoteKind, slot: Int) {
        noteID += 1
        add(.noteAdded(id: noteID, slot: slot, content: NoteContent(text: text, kind: kind)))
      }
      let half = count / 2
      add(.phaseStarted(slot: 0))
      note("Check-in: busy week", .other, slot: 0)
      for round in 0..<rounds {
        let sense = 3 + 3 * round
        for slot in (1 + 3 * round)...sense { add(.phaseStarted(slot: slot)) }
        // Tags, each chance set by where the session falls in the programme: one stops being
        // used halfway, one is used in every later session.
        if Double.random(in: 0..<1, using: &random) < (index < half ? 0.9 : 0) {
          note("Premises reviews slow #licensing and again #Licensing", .insight, slot: sense)
          plan.tagged[Self.fading, default: []].append(clock)
        }
        if Double.random(in: 0..<1, using: &random) < (index < half ? 0.1 : 1) {
          note("Late-night transport #night-time-economy", .blockage, slot: sense)
          plan.tagged[Self.rising, default: []].append(clock)
        }
        if Bool.random(using: &random) {
          let spelling = Self.steadySpellings.randomElement(using: &random)!
          note("Consent forms differ (#\(spelling)); C# is not a tag", .worksWell, slot: sense)
          plan.tagged[Self.steady, default: []].append(clock)
        }
        let theme = Int.random(in: 0..<Self.themeSpellings.count, using: &random)
        note(Self.themeSpellings[theme].randomElement(using: &random)!, .theme, slot: sense)
        plan.themes[theme, default: []].append(clock)
        // A tagged theme deleted later counts for nothing.
        note("Mistyped #ghost-tag", .theme, slot: sense)
        let ghost = noteID
        add(.noteDeleted(id: ghost))
        for _ in 0..<Int.random(in: 0...2, using: &random) {
          note("Follow up with the licensing team", .action, slot: sense)
          plan.actionsAgreed += 1
          if Bool.random(using: &random) {
            add(.actionDone(id: noteID, done: true))
            plan.actionsDone += 1
          }
        }
      }
      let closing = 1 + 3 * rounds
      add(.phaseStarted(slot: closing))
      note("The round ran well", .feedback, slot: closing)
      for position in people.indices where Double.random(in: 0..<1, using: &random) < 0.8 {
        let rating = Int.random(in: 1...5, using: &random)
        add(.processRating(participant: position, rating: rating))
        plan.ratings.append(rating)
      }
      add(.finished)
      let recorded = events.enumerated().map {
        RecordedEvent(sequence: $0.offset + 1, at: $0.element.0, event: $0.element.1)
      }
      records.append(try SessionRecord(id: id, events: recorded))
      planned.append(plan)
    }
    self.records = records
    self.planned = planned
  }

  var digests: [SessionDigest] { records.map(SessionDigest.init) }
}
