import Foundation

/// One event as the JSON export writes it (Docs/EXPORT-FORMAT.md): `seq`, `at`, and then the
/// event's `type` and fields from ``SessionEventCodec``, all in one object.
struct ExportedEvent: Codable {
  let recorded: RecordedEvent

  init(_ recorded: RecordedEvent) { self.recorded = recorded }

  private enum Key: String, CodingKey {
    case seq, at
  }

  func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: Key.self)
    try container.encode(recorded.sequence, forKey: .seq)
    try container.encode(ExportTime.string(recorded.at), forKey: .at)
    try SessionEventCodec.encode(recorded.event, to: encoder)
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
    recorded = RecordedEvent(
      sequence: sequence, at: at, event: try SessionEventCodec.decode(from: decoder))
  }
}
