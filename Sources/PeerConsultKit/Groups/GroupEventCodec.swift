import Foundation

/// The kinds of ``GroupEvent``, under the names the database's `type` column, the stored
/// payloads and the JSON export use. A name, once released, never changes.
public enum GroupEventType: String, CaseIterable, Sendable {
  case created, renamed, programmeChanged, memberJoined, memberLeft, personErased
}

extension GroupEvent {
  /// What kind of event this is.
  public var type: GroupEventType {
    switch self {
    case .created: .created
    case .renamed: .renamed
    case .programmeChanged: .programmeChanged
    case .memberJoined: .memberJoined
    case .memberLeft: .memberLeft
    case .personErased: .personErased
    }
  }
}

/// The one coding of ``GroupEvent``s, for the database and the JSON export: an object with its
/// `type` and that type's fields, as Docs/EXPORT-FORMAT.md lists them. Members are coded as a
/// session's participants are (``CodedParticipant``).
public enum GroupEventCodec {
  enum Field: String, CodingKey {
    case type, name, programme, participant, pseudonym
  }

  static func encode(_ event: GroupEvent, to encoder: any Encoder) throws {
    var fields = encoder.container(keyedBy: Field.self)
    try fields.encode(event.type.rawValue, forKey: .type)
    switch event {
    case .created(let name, let programme):
      try fields.encode(name, forKey: .name)
      try fields.encode(programme, forKey: .programme)
    case .renamed(let name), .memberLeft(let name):
      try fields.encode(name, forKey: .name)
    case .programmeChanged(let programme):
      try fields.encode(programme, forKey: .programme)
    case .memberJoined(let participant):
      try fields.encode(CodedParticipant(participant), forKey: .participant)
    case .personErased(let pseudonym):
      try fields.encode(pseudonym, forKey: .pseudonym)
    }
  }

  static func decode(from decoder: any Decoder) throws -> GroupEvent {
    let fields = try decoder.container(keyedBy: Field.self)
    let name = try fields.decode(String.self, forKey: .type)
    guard let type = GroupEventType(rawValue: name) else {
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: fields, debugDescription: SessionEventCodec.unknownTypeWords(name))
    }
    switch type {
    case .created:
      return .created(
        name: try fields.decode(String.self, forKey: .name),
        programme: try fields.decode(String.self, forKey: .programme))
    case .renamed: return .renamed(name: try fields.decode(String.self, forKey: .name))
    case .programmeChanged:
      return .programmeChanged(programme: try fields.decode(String.self, forKey: .programme))
    case .memberJoined:
      return .memberJoined(
        participant: try fields.decode(CodedParticipant.self, forKey: .participant).participant)
    case .memberLeft: return .memberLeft(name: try fields.decode(String.self, forKey: .name))
    case .personErased:
      return .personErased(pseudonym: try fields.decode(String.self, forKey: .pseudonym))
    }
  }

  /// The payload the database stores for `event`: compact, keys sorted, slashes unescaped.
  public static func payload(of event: GroupEvent) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(Stored(event: event)), as: UTF8.self)
  }

  /// The event in a stored payload.
  public static func event(fromPayload payload: String) throws -> GroupEvent {
    try JSONDecoder().decode(Stored.self, from: Data(payload.utf8)).event
  }

  private struct Stored: Codable {
    let event: GroupEvent
    init(event: GroupEvent) { self.event = event }
    init(from decoder: any Decoder) throws { event = try GroupEventCodec.decode(from: decoder) }
    func encode(to encoder: any Encoder) throws { try GroupEventCodec.encode(event, to: encoder) }
  }
}

/// One group event as the JSON export writes it: `seq`, `at`, then the event's `type` and
/// fields, in one object, as a session's events are.
struct ExportedGroupEvent: Codable {
  let recorded: RecordedGroupEvent

  init(_ recorded: RecordedGroupEvent) { self.recorded = recorded }

  private enum Key: String, CodingKey {
    case seq, at
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(recorded.sequence, forKey: .seq)
    try container.encode(ExportTime.string(recorded.at), forKey: .at)
    try GroupEventCodec.encode(recorded.event, to: encoder)
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
    recorded = RecordedGroupEvent(
      sequence: sequence, at: at, event: try GroupEventCodec.decode(from: decoder))
  }
}
