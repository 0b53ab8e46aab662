import Foundation
import TextLayout

/// The one coding of ``SessionEvent``s, used by the database and the JSON export alike: an event
/// is a JSON object with its `type` (``SessionEventType``) and the fields that type carries
/// (``SessionEventType/fieldCoding``), as Docs/EXPORT-FORMAT.md lists them.
///
/// The database stores exactly this object as an event's payload (its `seq` and `at` are
/// columns); the export adds `seq` and `at` to the same object. Payloads that PeerConsult 0.1.0
/// stored have another shape and are read by ``LegacyEventDecoder``, forever; they are never
/// rewritten, because the event log is the record.
public enum SessionEventCodec {
  /// Writes `event`'s `type` and fields into `encoder`'s keyed container, beside any keys the
  /// caller writes there itself.
  static func encode(_ event: SessionEvent, to encoder: any Encoder) throws {
    var fields = encoder.container(keyedBy: EventField.self)
    try fields.encode(event.type.rawValue, forKey: .type)
    try event.type.fieldCoding.write(event, &fields)
  }

  /// Reads an event written by ``encode(_:to:)``.
  static func decode(from decoder: any Decoder) throws -> SessionEvent {
    let fields = try decoder.container(keyedBy: EventField.self)
    let name = try fields.decode(String.self, forKey: .type)
    guard let type = SessionEventType(rawValue: name) else {
      throw DecodingError.dataCorruptedError(
        forKey: .type, in: fields, debugDescription: unknownTypeWords(name))
    }
    return try type.fieldCoding.read(fields)
  }

  /// What an import says of an event whose type it does not know: a later PeerConsult adds
  /// types (`focusQuestionSet`), and a file or store written by it is no hostile one.
  static func unknownTypeWords(_ name: String) -> String {
    "\"\(shownType(name))\" is no event this PeerConsult knows: if a newer PeerConsult wrote "
      + "it, install that version here"
  }

  /// The type of the event in `payload` when it names one this PeerConsult does not know (a
  /// newer one's), as a message may show it, nil for any other payload: a shared store that
  /// sends one is ahead of this program, not hostile.
  public static func unknownType(inPayload payload: String) -> String? {
    guard
      let object = try? JSONSerialization.jsonObject(with: Data(payload.utf8)) as? [String: Any],
      let name = object["type"] as? String
    else { return nil }
    return SessionEventType(rawValue: name) == nil && GroupEventType(rawValue: name) == nil
      ? shownType(name) : nil
  }

  /// A type's name from elsewhere as a one-line message shows it: controls marked, cut short.
  private static func shownType(_ name: String) -> String {
    ControlCharacters.cleaned(name).truncated(toWidth: 60)
  }

  /// The payload the database stores for `event`: compact, keys sorted, slashes unescaped.
  /// Public for the benchmarks, whose SQLite baseline stores the same bytes.
  public static func payload(of event: SessionEvent) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(StoredEvent(event: event)), as: UTF8.self)
  }

  /// The event in a stored payload, whichever release wrote it.
  public static func event(fromPayload payload: String) throws -> SessionEvent {
    try JSONDecoder().decode(StoredEvent.self, from: Data(payload.utf8)).event
  }

  /// Whether `payload`, JSON, holds a number with a fraction or an exponent, which no event
  /// has: `JSONDecoder` reads `0.99999999999999999` as the whole number 1 (another
  /// participant). For payloads from elsewhere (a shared store), as import refuses them
  /// (``ExportFileScanner``). Outside strings, a full stop is only ever a number's, and an
  /// `e` after a digit its exponent (the other `e`s are in `true` and `false`).
  public static func holdsFraction(_ payload: String) -> Bool {
    var inString = false
    var escaped = false
    var previous: UInt8 = 0
    for byte in payload.utf8 {
      if inString {
        if escaped {
          escaped = false
        } else if byte == 0x5C {
          escaped = true
        } else if byte == 0x22 {
          inString = false
        }
      } else if byte == 0x22 {
        inString = true
      } else if byte == 0x2E || ((byte == 0x65 || byte == 0x45) && (0x30...0x39).contains(previous))
      {
        return true
      }
      previous = byte
    }
    return false
  }

  /// A stored payload. One written by this coding has a `type` key; one from 0.1.0 never has,
  /// since its only key is the event's type name, so the two cannot be mistaken.
  private struct StoredEvent: Codable {
    let event: SessionEvent

    init(event: SessionEvent) { self.event = event }

    init(from decoder: any Decoder) throws {
      let fields = try decoder.container(keyedBy: EventField.self)
      event =
        try fields.contains(.type)
        ? SessionEventCodec.decode(from: decoder) : LegacyEventDecoder.decode(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
      try SessionEventCodec.encode(event, to: encoder)
    }
  }
}

/// The keys of an event's fields, as Docs/EXPORT-FORMAT.md names them.
enum EventField: String, CodingKey {
  case type, setup, participant, slot, seconds, note, content, done, rater, rating
  case from, presenters, pseudonym, term, replace
  case kinds
  case session, outcome, text
  case who
  case round, question
}
