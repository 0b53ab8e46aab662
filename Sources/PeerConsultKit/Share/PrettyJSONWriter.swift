/// Writes JSON byte for byte as ``SessionExport/encode(_:)`` does (Foundation's `JSONEncoder`,
/// pretty-printed with two spaces, keys sorted, slashes unescaped, then DEL and the C1
/// controls escaped), without building the encoder's tree of values and sorting every
/// object's keys: the harvest's JSON writes some 30,000 objects of fixed keys, which the
/// encoder took a sixth of the report's time over. The caller writes each object's keys in
/// the encoder's order (a test compares the two writers over hostile text).
struct PrettyJSONWriter {
  private(set) var bytes: [UInt8] = []
  private var depth = 0
  /// Whether the container being written already holds an element, so the next one follows
  /// a comma.
  private var hasElement = false

  init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

  /// The text written, with the line end ``SessionExport/encode(_:)`` adds.
  var text: String { String(decoding: bytes + [0x0A], as: UTF8.self) }

  /// Opens an object: at the top, after ``key(_:)``, or after ``element()`` in an array.
  mutating func openObject() { open(0x7B) }
  mutating func closeObject() { close(0x7D) }
  /// Opens an array, where an object may open.
  mutating func openArray() { open(0x5B) }
  mutating func closeArray() { close(0x5D) }

  /// Starts an object's member `key`; its value is written next.
  mutating func key(_ key: String) {
    element()
    string(key)
    bytes.append(contentsOf: [0x20, 0x3A, 0x20])  // " : "
  }

  /// Starts an array's element (a comma after the one before, a new line, the indent).
  mutating func element() {
    if hasElement { bytes.append(0x2C) }  // ","
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    hasElement = true
  }

  mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
  mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  /// As the encoder writes a finite number: its description without a trailing ".0".
  mutating func double(_ value: Double) {
    var text = value.description
    if text.hasSuffix(".0") { text.removeLast(2) }
    bytes.append(contentsOf: text.utf8)
  }

  /// `value` quoted: `"` and `\` escaped, the controls below U+0020 as the encoder writes
  /// them, and DEL, U+0080…U+009F and the bidirectional controls as `\u007f`… `\u202e`
  /// (``SessionExport/escapingUnseenControls(_:)``) so a terminal or a viewer showing the
  /// file cannot obey them.
  mutating func string(_ value: String) {
    bytes.append(0x22)
    var utf8 = Array(value.utf8)[...]
    // Only these bytes may need an escape: 0xC2 leads the C1 controls in UTF-8, 0xE2 the
    // bidirectional ones, 0xEF the annotation marks and 0xF3 the tag characters, which hide
    // text (``ControlCharacters/hides(_:)``).
    while let special = utf8.firstIndex(where: {
      $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2
        || $0 == 0xEF || $0 == 0xF3
    }) {
      bytes.append(contentsOf: utf8[..<special])
      let byte = utf8[special]
      utf8 = utf8[(special + 1)...]
      switch byte {
      case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
      case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
      case 0x08: bytes.append(contentsOf: [0x5C, 0x62])  // \b
      case 0x09: bytes.append(contentsOf: [0x5C, 0x74])  // \t
      case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])  // \n
      case 0x0C: bytes.append(contentsOf: [0x5C, 0x66])  // \f
      case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])  // \r
      case 0x7F: escape(0x7F)
      case 0xC2 where utf8.first.map({ (0x80...0x9F).contains($0) }) ?? false:
        // U+0080…U+009F, the C1 controls, are 0xC2 then their own value in UTF-8.
        escape(utf8.removeFirst())
      case 0xC2: bytes.append(byte)  // the start of "¡"…"¿", "À"…
      case 0xE2:
        // U+2028…U+202E are 0xE2 0x80 0xA8…0xAE (the line and paragraph separators, which
        // output's cleaning shows as spaces, then the embeddings), U+2066…U+2069 0xE2 0x81
        // 0xA6…0xA9; any other 0xE2 starts a character written as it is.
        // Read in place: curly quotes, dashes and "…" start with 0xE2 too, and are common.
        guard let second = utf8.first, let third = utf8.dropFirst().first,
          (second == 0x80 && (0xA8...0xAE).contains(third))
            || (second == 0x81 && (0xA6...0xA9).contains(third))
        else {
          bytes.append(byte)
          continue
        }
        utf8 = utf8.dropFirst(2)
        // `\u202e`: U+202A…U+202E and U+2066…U+2069 are "20", then 2 or 6, then the low nibble.
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: [
          0x5C, 0x75, 0x32, 0x30, second == 0x80 ? 0x32 : 0x36, digits[Int(third & 0x0F)],
        ])
      case 0xEF:
        // U+FFF9…U+FFFB are 0xEF 0xBF 0xB9…0xBB; every other 0xEF starts a character as it is.
        guard utf8.first == 0xBF, let third = utf8.dropFirst().first, (0xB9...0xBB).contains(third)
        else {
          bytes.append(byte)
          continue
        }
        utf8 = utf8.dropFirst(2)
        bytes.append(
          contentsOf: Array("\\ufff".utf8) + [third == 0xB9 ? 0x39 : third == 0xBA ? 0x61 : 0x62])
      case 0xF3:
        // U+E0000…U+E007F are 0xF3 0xA0 0x80…0x81 then one more byte: written as the escapes
        // of their UTF-16 pair, `\udb40\udc00`…`\udb40\udc7f`.
        guard utf8.first == 0xA0, let third = utf8.dropFirst().first,
          third == 0x80 || third == 0x81,
          let fourth = utf8.dropFirst(2).first
        else {
          bytes.append(byte)
          continue
        }
        utf8 = utf8.dropFirst(3)
        let offset = UInt8((third & 0x01) << 6 | (fourth & 0x3F))
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        bytes.append(
          contentsOf: Array("\\udb40\\udc".utf8) + [
            digits[Int(offset >> 4)], digits[Int(offset & 15)],
          ])
      default: escape(byte)
      }
    }
    bytes.append(contentsOf: utf8)
    bytes.append(0x22)
  }

  /// `\u00` and `value` in two lower-case hex digits.
  private mutating func escape(_ value: UInt8) {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    bytes.append(contentsOf: [
      0x5C, 0x75, 0x30, 0x30, digits[Int(value >> 4)], digits[Int(value & 15)],
    ])
  }

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    hasElement = false
  }

  /// Closes a container: the encoder writes an empty one over two lines too.
  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    bytes.append(0x0A)
    if !hasElement { bytes.append(0x0A) }
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    bytes.append(bracket)
    hasElement = true
  }
}
