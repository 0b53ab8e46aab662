import Foundation

// The event log as the JSON export writes it (Docs/EXPORT-FORMAT.md). These types spell the
// format out key by key instead of reusing the model's synthesized Codable conformances, so a
// change to the model cannot silently change a published format.

/// One event: `seq`, `at`, `type`, and the fields its type carries.
struct ExportedEvent: Codable {
  let recorded: RecordedEvent

  init(_ recorded: RecordedEvent) { self.recorded = recorded }

  private enum Key: String, CodingKey {
    case seq, at, type, setup, participant, slot, seconds, note, content, done, rater, rating
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(recorded.sequence, forKey: .seq)
    try container.encode(ExportTime.string(recorded.at), forKey: .at)
    try container.encode(recorded.event.typeName, forKey: .type)
    switch recorded.event {
    case .created(let setup): try container.encode(ExportedSetup(setup), forKey: .setup)
    case .participantAdded(let participant):
      try container.encode(ExportedParticipant(participant), forKey: .participant)
    case .phaseStarted(let slot): try container.encode(slot, forKey: .slot)
    case .paused, .resumed, .finished: break
    case .timeAdjusted(let seconds): try container.encode(seconds, forKey: .seconds)
    case .noteAdded(let id, let slot, let content):
      try container.encode(id, forKey: .note)
      try container.encode(slot, forKey: .slot)
      try container.encode(ExportedNoteContent(content), forKey: .content)
    case .noteEdited(let id, let content):
      try container.encode(id, forKey: .note)
      try container.encode(ExportedNoteContent(content), forKey: .content)
    case .noteDeleted(let id): try container.encode(id, forKey: .note)
    case .actionDone(let id, let done):
      try container.encode(id, forKey: .note)
      try container.encode(done, forKey: .done)
    case .processRating(let participant, let rating):
      try container.encode(participant, forKey: .rater)
      try container.encode(rating, forKey: .rating)
    }
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: Key.self)
    let sequence = try container.decode(Int.self, forKey: .seq)
    let text = try container.decode(String.self, forKey: .at)
    guard let at = ExportTime.date(text) else {
      throw DecodingError.dataCorruptedError(
        forKey: .at, in: container,
        debugDescription: "\"\(text)\" is not a time like 2027-01-15T08:00:00.000Z")
    }
    let event: SessionEvent
    switch try container.decode(String.self, forKey: .type) {
    case "created":
      event = .created(setup: try container.decode(ExportedSetup.self, forKey: .setup).setup)
    case "participantAdded":
      event = .participantAdded(
        participant: try container.decode(ExportedParticipant.self, forKey: .participant)
          .participant)
    case "phaseStarted": event = .phaseStarted(slot: try container.decode(Int.self, forKey: .slot))
    case "paused": event = .paused
    case "resumed": event = .resumed
    case "finished": event = .finished
    case "timeAdjusted":
      event = .timeAdjusted(seconds: try container.decode(Int.self, forKey: .seconds))
    case "noteAdded":
      event = .noteAdded(
        id: try container.decode(Int.self, forKey: .note),
        slot: try container.decode(Int.self, forKey: .slot),
        content: try container.decode(ExportedNoteContent.self, forKey: .content).content)
    case "noteEdited":
      event = .noteEdited(
        id: try container.decode(Int.self, forKey: .note),
        content: try container.decode(ExportedNoteContent.self, forKey: .content).content)
    case "noteDeleted": event = .noteDeleted(id: try container.decode(Int.self, forKey: .note))
    case "actionDone":
      event = .actionDone(
        id: try container.decode(Int.self, forKey: .note),
        done: try container.decode(Bool.self, forKey: .done))
    case "processRating":
      event = .processRating(
        participant: try container.decode(Int.self, forKey: .rater),
        rating: try container.decode(Int.self, forKey: .rating))
    case let other:
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: container, debugDescription: "\"\(other)\" is not an event type")
    }
    recorded = RecordedEvent(sequence: sequence, at: at, event: event)
  }
}

/// ``SessionSetup``: the title, programme, the whole protocol, the group and the rounds.
struct ExportedSetup: Codable {
  let title: String
  let programme: String
  let `protocol`: ExportedProtocol
  let participants: [ExportedParticipant]
  let rounds: [ExportedRound]

  init(_ setup: SessionSetup) {
    title = setup.title
    programme = setup.programme
    self.protocol = ExportedProtocol(setup.consultingProtocol)
    participants = setup.participants.map(ExportedParticipant.init)
    rounds = setup.rounds.map(ExportedRound.init)
  }

  var setup: SessionSetup {
    SessionSetup(
      title: title, programme: programme, consultingProtocol: self.protocol.consultingProtocol,
      participants: participants.map(\.participant), rounds: rounds.map(\.round))
  }
}

/// ``ConsultingProtocol``, in full, so a session rebuilds without the protocol's file.
struct ExportedProtocol: Codable {
  struct Source: Codable {
    /// `builtIn` or `file`.
    let type: String
    let path: String?
  }

  let id: String
  let name: String
  let description: String
  let source: Source
  let opening: [ExportedPhase]
  let round: [ExportedPhase]
  let closing: [ExportedPhase]

  init(_ consultingProtocol: ConsultingProtocol) {
    id = consultingProtocol.id
    name = consultingProtocol.name
    description = consultingProtocol.description
    switch consultingProtocol.source {
    case .builtIn: source = Source(type: "builtIn", path: nil)
    case .file(let path): source = Source(type: "file", path: path)
    }
    opening = consultingProtocol.opening.map(ExportedPhase.init)
    round = consultingProtocol.round.map(ExportedPhase.init)
    closing = consultingProtocol.closing.map(ExportedPhase.init)
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    id = try container.decode(String.self, forKey: .id)
    name = try container.decode(String.self, forKey: .name)
    description = try container.decode(String.self, forKey: .description)
    source = try container.decode(Source.self, forKey: .source)
    guard source.type == "builtIn" || (source.type == "file" && source.path != nil) else {
      throw DecodingError.dataCorruptedError(
        forKey: .source, in: container,
        debugDescription: "a source is {\"type\": \"builtIn\"} or {\"type\": \"file\", \"path\": …}"
      )
    }
    opening = try container.decode([ExportedPhase].self, forKey: .opening)
    round = try container.decode([ExportedPhase].self, forKey: .round)
    closing = try container.decode([ExportedPhase].self, forKey: .closing)
  }

  var consultingProtocol: ConsultingProtocol {
    ConsultingProtocol(
      id: id, name: name, description: description, opening: opening.map(\.phase),
      round: round.map(\.phase), closing: closing.map(\.phase),
      source: source.path.map { .file(path: $0) } ?? .builtIn)
  }
}

struct ExportedPhase: Codable {
  let name: String
  let durationSeconds: Int
  let speaker: String
  let guidance: String
  let rules: [String]
  let prompts: [String]
  let noteKind: String

  init(_ phase: Phase) {
    name = phase.name
    durationSeconds = phase.durationSeconds
    speaker = phase.speaker.rawValue
    guidance = phase.guidance
    rules = phase.rules
    prompts = phase.prompts
    noteKind = phase.noteKind.rawValue
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    durationSeconds = try container.decode(Int.self, forKey: .durationSeconds)
    speaker = try container.decodeName(of: Speaker.self, forKey: .speaker).rawValue
    guidance = try container.decode(String.self, forKey: .guidance)
    rules = try container.decode([String].self, forKey: .rules)
    prompts = try container.decode([String].self, forKey: .prompts)
    noteKind = try container.decodeName(of: NoteKind.self, forKey: .noteKind).rawValue
  }

  var phase: Phase {
    Phase(
      name: name, durationSeconds: durationSeconds, speaker: Speaker(rawValue: speaker)!,
      guidance: guidance, rules: rules, prompts: prompts, noteKind: NoteKind(rawValue: noteKind)!)
  }
}

struct ExportedParticipant: Codable {
  let name: String
  let organisation: String
  let level: String

  init(_ participant: Participant) {
    name = participant.name
    organisation = participant.organisation
    level = participant.level.rawValue
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    organisation = try container.decode(String.self, forKey: .organisation)
    level = try container.decodeName(of: Level.self, forKey: .level).rawValue
  }

  var participant: Participant {
    Participant(name: name, organisation: organisation, level: Level(rawValue: level)!)
  }
}

struct ExportedRound: Codable {
  let presenter: Int
  let focusQuestion: String?

  init(_ round: SessionRound) {
    presenter = round.presenter
    focusQuestion = round.focusQuestion
  }

  var round: SessionRound { SessionRound(presenter: presenter, focusQuestion: focusQuestion) }
}

struct ExportedNoteContent: Codable {
  let text: String
  let kind: String
  let speaker: Int?
  let owner: Int?

  init(_ content: NoteContent) {
    text = content.text
    kind = content.kind.rawValue
    speaker = content.speaker
    owner = content.owner
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    text = try container.decode(String.self, forKey: .text)
    kind = try container.decodeName(of: NoteKind.self, forKey: .kind).rawValue
    speaker = try container.decodeIfPresent(Int.self, forKey: .speaker)
    owner = try container.decodeIfPresent(Int.self, forKey: .owner)
  }

  var content: NoteContent {
    NoteContent(text: text, kind: NoteKind(rawValue: kind)!, speaker: speaker, owner: owner)
  }
}

extension KeyedDecodingContainer {
  /// A value of a fixed set of names, refused with the names it may take.
  fileprivate func decodeName<Value: RawRepresentable & CaseIterable>(
    of type: Value.Type, forKey key: Key
  ) throws -> Value where Value.RawValue == String {
    let name = try decode(String.self, forKey: key)
    guard let value = Value(rawValue: name) else {
      let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
      throw DecodingError.dataCorruptedError(
        forKey: key, in: self, debugDescription: "\"\(name)\" is not one of \(names)")
    }
    return value
  }
}
