import Foundation

/// ``ConsultingProtocol``, in full, so a session rebuilds without the protocol's file.
struct CodedProtocol: Codable {
  struct Source: Codable {
    /// `builtIn` or `file`.
    let type: String
    let path: String?
  }

  let id: String
  let name: String
  let description: String
  let source: Source
  let opening: [CodedPhase]
  let round: [CodedPhase]
  let closing: [CodedPhase]
  /// Written only when the protocol has some, so sessions stored before stems existed (and
  /// their pinned payloads) read and write the same.
  let adviceStems: [String]?

  init(_ consultingProtocol: ConsultingProtocol) {
    id = consultingProtocol.id
    name = consultingProtocol.name
    description = consultingProtocol.description
    switch consultingProtocol.source {
    case .builtIn: source = Source(type: "builtIn", path: nil)
    case .file(let path): source = Source(type: "file", path: path)
    }
    opening = consultingProtocol.opening.map(CodedPhase.init)
    round = consultingProtocol.round.map(CodedPhase.init)
    closing = consultingProtocol.closing.map(CodedPhase.init)
    adviceStems = consultingProtocol.adviceStems.isEmpty ? nil : consultingProtocol.adviceStems
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
    opening = try container.decode([CodedPhase].self, forKey: .opening)
    round = try container.decode([CodedPhase].self, forKey: .round)
    closing = try container.decode([CodedPhase].self, forKey: .closing)
    adviceStems = try container.decodeIfPresent([String].self, forKey: .adviceStems)
  }

  var consultingProtocol: ConsultingProtocol {
    ConsultingProtocol(
      id: id, name: name, description: description, opening: opening.map(\.phase),
      round: round.map(\.phase), closing: closing.map(\.phase),
      source: source.path.map { .file(path: $0) } ?? .builtIn, adviceStems: adviceStems ?? [])
  }
}

/// ``Phase``: a step of a protocol. A field added to phases later needs a default when it is
/// missing, since every stored session holds its protocol in this form.
struct CodedPhase: Codable {
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
