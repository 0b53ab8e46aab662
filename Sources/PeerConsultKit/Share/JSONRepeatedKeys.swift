import Foundation

/// Finds a key given twice in one object of a JSON text, at any depth.
///
/// `JSONDecoder` keeps one of a repeated key's values without a word, and other tools may
/// keep the other: a file could then show a reader one note and import another. An import
/// refuses such a file, as it refuses a repeated key at the top (``ExportFileScanner``).
enum JSONRepeatedKeys {
  /// How many keys an object's are compared one by one before they are hashed: an export's
  /// objects have a dozen at most, and a set for each of millions cost more than the rest.
  static let keysComparedInTurn = 32

  /// The first key that an object of `bytes` (valid JSON, already decoded) gives twice, as
  /// the decoder reads it (escapes undone, so `"t\u0065xt"` is `text`), or nil.
  static func first(in bytes: [UInt8]) -> String? {
    // The keys of every open object, the innermost last, as written (or undone, when escaped).
    var keys: [ArraySlice<UInt8>] = []
    // For each open container, where its keys start in `keys`; nil for an array.
    var open: [Int?] = []
    // The keys of an open object with more than `keysComparedInTurn`, hashed, by depth.
    var wide: [Int: Set<ArraySlice<UInt8>>] = [:]
    var expectingKey = false
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case UInt8(ascii: "{"):
        open.append(keys.count)
        expectingKey = true
      case UInt8(ascii: "["):
        open.append(nil)
        expectingKey = false
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        if let start = open.popLast() ?? nil {
          keys.removeSubrange(start...)
          wide[open.count + 1] = nil
        }
        expectingKey = false
      case UInt8(ascii: ","):
        expectingKey = (open.last ?? nil) != nil
      case UInt8(ascii: "\""):
        let start = index + 1
        var escaped = false
        index = start
        // Valid JSON: the string ends at the first quote no backslash escapes.
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
          if bytes[index] == UInt8(ascii: "\\") {
            escaped = true
            index += 1
          }
          index += 1
        }
        guard expectingKey, let first = open.last ?? nil else { break }
        expectingKey = false
        var key = bytes[start..<min(index, bytes.count)]
        if escaped, let undone = Self.unescaped(key) { key = ArraySlice(undone.utf8) }
        // The decoder compares keys as strings, by canonical equivalence ("note\u{212A}ind",
        // with the Kelvin sign, is "noteKind"): a key beyond ASCII is compared in NFC.
        if key.contains(where: { $0 >= 0x80 }) {
          key = ArraySlice(
            String(decoding: key, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
        }
        let depth = open.count
        if var hashed = wide[depth] {
          wide[depth] = nil
          guard hashed.insert(key).inserted else { return String(decoding: key, as: UTF8.self) }
          wide[depth] = hashed
        } else if keys[first...].contains(key) {
          return String(decoding: key, as: UTF8.self)
        } else if keys.count - first == keysComparedInTurn {
          wide[depth] = Set(keys[first...]).union([key])
        }
        keys.append(key)
      default:
        break
      }
      index += 1
    }
    return nil
  }

  /// The text of a JSON string's body with its escapes undone.
  private static func unescaped(_ body: ArraySlice<UInt8>) -> String? {
    try? JSONDecoder().decode(String.self, from: Data([0x22] + body + [0x22]))
  }
}
