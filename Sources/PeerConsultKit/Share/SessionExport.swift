import Foundation
import TextLayout

/// The JSON export (Docs/EXPORT-FORMAT.md): complete, so the sessions can be rebuilt from it
/// with their whole history, and stable, so exporting, importing into an empty folder and
/// exporting again gives the same bytes.
///
/// Sessions are written oldest first, keys sorted, times as ISO 8601 UTC milliseconds.
public enum SessionExport {
  /// The value of the file's `format` key.
  public static let format = "peerconsult-session"
  /// The version this PeerConsult writes and the newest it reads.
  public static let version = 1

  /// The file's JSON text, ending in a newline. Anonymised records (see ``Anonymiser``) are
  /// written without their events, which would still carry what the group deleted or edited
  /// away, and the file says `"anonymised": true` so it is never imported as the record.
  ///
  /// `groups`, the standing groups the sessions are meetings of, are written with their
  /// events so that import can rebuild them too; an anonymised file leaves them out (they are
  /// lists of names), and a file without any has no `groups` key, as before groups existed.
  ///
  /// `digest` gives each record's digest, with the earlier actions it followed up.
  static func json(
    _ records: [SessionRecord], groups: [GroupRecord] = [], anonymised: Bool,
    digest: (SessionRecord) -> SessionDigest = SessionDigest.init
  ) -> String {
    let groups = anonymised ? [] : groups.sorted { $0.id < $1.id }
    let file = ExportFile(
      format: format, version: version, anonymised: anonymised,
      groups: groups.isEmpty
        ? nil
        : groups.map {
          ExportFile.Group(id: $0.id.rawValue, events: $0.events.map(ExportedGroupEvent.init))
        },
      sessions: SessionRecord.chronological(records).map { record in
        ExportFile.Session(
          id: record.id.rawValue, events: anonymised ? nil : record.events.map(ExportedEvent.init),
          derived: DerivedSession(digest(record), anonymised: anonymised))
      })
    return encode(file)
  }

  /// Pretty, sorted and unescaped slashes: readable, diffable and byte-stable.
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    // Every value written is a string, number, bool or container of them, so encoding cannot
    // fail; a failure would be a programming error, not bad input.
    let data = try! encoder.encode(value)
    return escapingUnseenControls(String(decoding: data, as: UTF8.self)) + "\n"
  }

  /// `json` with DEL, the C1 controls and the bidirectional ones written as `\u007f`,
  /// `\u009b`, `\u202e`: the encoder escapes only the controls below U+0020, and a terminal
  /// showing the file would obey a raw C1 CSI, a viewer reorder the text around U+202E
  /// (``ControlCharacters/isControl(_:)-(Unicode.Scalar)``). They can only stand inside
  /// strings, where the escape reads back as the same character. So are the line and
  /// paragraph separators (`\u2028`, `\u2029`), which every output's cleaning shows as spaces:
  /// written raw, they came back from a file as spaces, and the session no longer matched.
  /// The characters that hide text (``ControlCharacters/hides(_:)``) are escaped too, the tags
  /// as their UTF-16 pair (`\udb40\udc41`), so that every output's cleaning, which shows them
  /// as a mark, leaves the file's text as it was and it imports unchanged.
  static func escapingUnseenControls(_ json: String) -> String {
    func escaped(_ scalar: Unicode.Scalar) -> Bool {
      scalar.value >= 0x7F
        && (ControlCharacters.isControl(scalar) || ControlCharacters.hides(scalar)
          || scalar.value == 0x2028 || scalar.value == 0x2029)
    }
    guard json.unicodeScalars.contains(where: escaped) else { return json }
    var result = String.UnicodeScalarView()
    for scalar in json.unicodeScalars {
      if escaped(scalar) {
        for unit in String(scalar).utf16 {
          let hex = String(unit, radix: 16)
          result.append(
            contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
        }
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }
}

/// The file as written.
private struct ExportFile: Encodable {
  struct Session: Encodable {
    let id: String
    let events: [ExportedEvent]?
    let derived: DerivedSession
  }

  struct Group: Encodable {
    let id: String
    let events: [ExportedGroupEvent]
  }

  let format: String
  let version: Int
  let anonymised: Bool
  let groups: [Group]?
  let sessions: [Session]
}
