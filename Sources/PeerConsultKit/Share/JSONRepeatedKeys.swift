import Foundation

/// Finds a key given twice in one object of a JSON text, at any depth.
///
/// `JSONDecoder` keeps one of a repeated key's values without a word, and other tools may
/// keep the other: a file could then show a reader one note and import another. An import
/// refuses such a file, as it refuses a repeated key at the top (``ExportFileScanner``).
enum JSONRepeatedKeys {
  /// The first key that an object of `bytes` (valid JSON, already decoded) gives twice, as
  /// the decoder reads it (escapes undone, so `"t\u0065xt"` is `text`), or nil.
  static func first(in bytes: [UInt8]) -> String? {
    // The keys met in each open object; nil for an open array.
    var open: [Set<[UInt8]>?] = []
    var expectingKey = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "{"):
        open.append([])
        expectingKey = true
      case UInt8(ascii: "["):
        open.append(nil)
        expectingKey = false
      case UInt8(ascii: "}"), UInt8(ascii: "]"):
        _ = open.popLast()
        expectingKey = false
      case UInt8(ascii: ","):
        expectingKey = open.last.map { $0 != nil } ?? false
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
        if expectingKey, let last = open.indices.last, open[last] != nil {
          var key = Array(bytes[start..<min(index, bytes.count)])
          if escaped, let decoded = Self.unescaped(key) { key = Array(decoded.utf8) }
          // In place: a copy of the set for each key would make a wide object quadratic.
          if open[last]?.insert(key).inserted == false {
            return String(decoding: key, as: UTF8.self)
          }
          expectingKey = false
        }
      default:
        break
      }
      index += 1
    }
    return nil
  }

  /// The text of a JSON string's body with its escapes undone.
  private static func unescaped(_ body: [UInt8]) -> String? {
    try? JSONDecoder().decode(String.self, from: Data([UInt8(ascii: "\"")] + body + [0x22]))
  }
}
