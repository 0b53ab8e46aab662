import Foundation
import PeerConsultKit

/// A reproducible random number generator (SplitMix64), so every run measures the same data.
public struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// Realistic synthetic data for the benchmarks: programmes, groups from many organisations,
/// sessions walked through a protocol, and notes of every kind in several scripts.
public enum SyntheticData {
  public static let seed: UInt64 = 0xBE4C_0001

  public static let programmes = [
    "Alcohol Plan", "Serious Violence Duty", "Night-time Economy", "Hospital Discharge",
    "Youth Homelessness", "Domestic Abuse", "Vision Zero", "Cost of Living", "Knife Crime",
    "Mental Health Crisis",
  ]

  static let firstNames = [
    "Zoë", "Amira", "王", "Siobhán", "Bjørn", "Priya", "José-María", "Fatima", "Oluwaseun", "Chloé",
    "Dmitri", "Ayşe", "Kwame", "Mei", "Tomasz", "Aroha", "محمد", "Łukasz", "Niamh", "Rajesh",
  ]
  static let lastNames = [
    "Müller", "O'Neill", "小明", "Ní Bhriain", "Ødegård", "Raghunathan", "Núñez", "Khan",
    "Adeyemi", "Durand", "Ivanov", "Yılmaz", "Mensah", "Chen", "Kowalski", "Ngata", "الفارسي",
    "Wójcik", "Byrne", "Patel",
  ]
  static let organisations = [
    "City Council", "NHS Trust", "Police", "Fire & Rescue", "Housing Association",
    "Probation Service", "Public Health", "Voluntary Sector", "Ambulance Service",
    "University Hospital",
  ]
  static let subjects = [
    "licensing officers", "the A&E team", "street pastors", "door staff", "the housing panel",
    "safeguarding leads", "our commissioners", "the night bus operator", "the partnership board",
    "ward councillors", "the hospital discharge team", "youth workers", "夜間の見回り",
    "les éducateurs de rue",
  ]
  static let verbs = [
    "could share data with", "keep missing", "should meet monthly with", "never hear from",
    "already work closely with", "would trust", "need a named contact at", "feel blamed by",
  ]
  static let objects = [
    "the licensing committee", "GP surgeries", "the night-time economy forum", "schools",
    "the community safety partnership", "local businesses", "the ambulance service",
    "residents' associations", "the mental health crisis team", "café owners",
  ]
  static let questions = [
    "What would success look like by March?", "Who else has a stake in this?",
    "What have you already tried, and what happened?", "What is stopping you from starting?",
    "How would the residents describe the problem?", "Where does the money actually go?",
    "What would you do if nobody was watching?", "¿Qué pasaría si no hicieras nada?",
  ]

  /// Three to eight people from different organisations and levels.
  public static func group(using rng: inout SeededGenerator) -> [Participant] {
    let levels = Level.allCases
    var names: [String] = []
    let size = Int.random(in: 3...8, using: &rng)
    while names.count < size {
      // A group never has two people of the same name: setup refuses that.
      let name =
        "\(firstNames.randomElement(using: &rng)!) \(lastNames.randomElement(using: &rng)!)"
      if !names.contains(name) { names.append(name) }
    }
    return names.map { name in
      Participant(
        name: name, organisation: organisations.randomElement(using: &rng)!,
        level: levels.randomElement(using: &rng)!)
    }
  }

  /// A session's setup: a built-in protocol, a group, one round per presenter (1-3).
  public static func setup(programme: String, number: Int, using rng: inout SeededGenerator)
    -> SessionSetup
  {
    let group = group(using: &rng)
    let presenters = Array(
      group.indices.shuffled(using: &rng).prefix(Int.random(in: 1...3, using: &rng)))
    return SessionSetup(
      title: "\(programme) SLG \(number)", programme: programme,
      consultingProtocol: BuiltInProtocols.all.randomElement(using: &rng)!, participants: group,
      rounds: presenters.map {
        SessionRound(
          presenter: $0,
          focusQuestion: Bool.random(using: &rng) ? questions.randomElement(using: &rng) : nil)
      })
  }

  /// A note a facilitator might write in a phase that asks for `kind`: from the sentence
  /// templates, or, given `words`, a run of words drawn from that vocabulary.
  public static func note(
    kind: NoteKind, participants: Int, words: NoteWords? = nil, using rng: inout SeededGenerator
  ) -> NoteContent {
    let text: String
    if let words {
      text = words.text(using: &rng)
    } else {
      text = templateText(kind: kind, using: &rng)
    }
    let speaker = Bool.random(using: &rng) ? Int.random(in: 0..<participants, using: &rng) : nil
    return NoteContent(
      text: text, kind: kind, speaker: speaker,
      owner: kind == .action ? Int.random(in: 0..<participants, using: &rng) : nil)
  }

  /// A sentence from the templates for a note of `kind`.
  static func templateText(kind: NoteKind, using rng: inout SeededGenerator) -> String {
    let text: String
    switch kind {
    case .question: text = questions.randomElement(using: &rng)!
    case .action:
      text =
        "Set up a meeting between \(subjects.randomElement(using: &rng)!) and \(objects.randomElement(using: &rng)!) before the next session"
    default:
      text =
        "\(subjects.randomElement(using: &rng)!.capitalizedFirst) \(verbs.randomElement(using: &rng)!) \(objects.randomElement(using: &rng)!)"
        + (Bool.random(using: &rng) ? "; \(firstNames.randomElement(using: &rng)!) agreed." : ".")
    }
    return text
  }

  /// Walks a new session through its phases writing `notes` notes, with edits, deletions,
  /// actions marked done and a pause; finished unless `finish` is false.
  @discardableResult
  public static func session(
    notes: Int, programme: String, number: Int, in store: any SessionStore, clock: ManualClock,
    finish: Bool = true, words: NoteWords? = nil, using rng: inout SeededGenerator
  ) throws -> SessionID {
    let id = SessionID(rawValue: String(format: "%016llx%016llx", rng.next(), rng.next()))!
    let live = try LiveSession.create(
      setup(programme: programme, number: number, using: &rng), id: id, store: store,
      clock: clock)
    try live.start()
    let slots = live.state.schedule.count
    let perSlot = max(1, notes / max(1, slots - 1))
    for index in 0..<notes {
      clock.advance(by: Double.random(in: 5...90, using: &rng))
      let phaseKind = live.state.current?.phase.noteKind ?? .other
      let kind =
        Int.random(in: 0..<4, using: &rng) == 0
        ? NoteKind.allCases.randomElement(using: &rng)! : phaseKind
      let note = try live.addNote(
        Self.note(
          kind: kind, participants: live.state.participants.count, words: words, using: &rng))
      switch Int.random(in: 0..<40, using: &rng) {
      case 0:
        try live.editNote(
          note.id,
          to: Self.note(
            kind: kind, participants: live.state.participants.count, words: words, using: &rng))
      case 1: try live.deleteNote(note.id)
      case 2 where note.isAction: try live.setActionDone(note.id, true)
      default: break
      }
      if index % perSlot == perSlot - 1, live.state.currentSlot.map({ $0 + 1 < slots }) == true {
        try live.next()
      }
    }
    if finish { try live.finish() }
    return id
  }

  /// A database of `sessions` sessions of `notesPerSession` notes across the first
  /// `programmeCount` programmes (all of them unless fewer are asked for: one holds a single
  /// programme as long as the whole library, for its harvest), built once in memory-backed
  /// storage and then copied into `directory` (reused when present).
  public static func database(
    at directory: URL, sessions: Int, notesPerSession: Int,
    programmeCount: Int = programmes.count
  ) throws -> URL {
    let count = min(max(programmeCount, 1), programmes.count)
    let marker = directory.appendingPathComponent(
      "complete-\(seed)-\(sessions)-\(notesPerSession)-\(count)")
    if FileManager.default.fileExists(atPath: marker.path) { return directory }
    try? FileManager.default.removeItem(at: directory)
    let scratch = scratchFolder("pc-bench-build")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let database = try AppDatabase(directory: scratch)
    var rng = SeededGenerator(seed: seed)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
    for number in 0..<sessions {
      try session(
        notes: notesPerSession, programme: programmes[number % count],
        number: number / count + 1, in: database, clock: clock,
        finish: number % 10 != 0, using: &rng)
      clock.advance(by: 86_400)
    }
    try database.close()
    try copy(scratch, to: directory)
    _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
    return directory
  }
}

extension SyntheticData {
  /// A new folder's URL in memory-backed storage when there is some (`/dev/shm`), where a
  /// database is generated before it is copied into place.
  static func scratchFolder(_ prefix: String) -> URL {
    URL(
      fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm")
        ? "/dev/shm" : NSTemporaryDirectory()
    ).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
  }

  /// Copies every file of `scratch` into `directory`, made if missing.
  static func copy(_ scratch: URL, to directory: URL) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path) {
      try FileManager.default.copyItem(
        at: scratch.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
  }
}

extension String {
  var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
