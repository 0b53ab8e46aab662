import Foundation

/// Reads the JSON of a session export a piece at a time, in bounded memory, so that import
/// never holds a whole file: it checks that the bytes are JSON, and hands over each member of
/// the top-level object and each element of its `sessions` and `groups` lists as the bytes of
/// that one value, for `JSONDecoder` to read.
///
/// It is a tokenizer, not a parser: it follows strings (escapes, UTF-8), numbers, literals and
/// nesting byte by byte with a stack of one flag per level, and copies only the value being
/// handed over. Nesting is limited to ``maximumDepth`` levels, a list element to
/// `elementLimit` bytes and any other member to ``memberLimit`` (a larger one is handed over
/// as nil: none of the keys import reads is ever that large).
struct ExportFileScanner {
  /// One piece of the file.
  enum Piece {
    /// A member of the top-level object that is not a list named in `lists`: its key and
    /// the JSON of its value, or nil when that is longer than ``memberLimit``.
    case member(key: String, value: [UInt8]?)
    /// Element `index` of the top-level list `key` (one of `lists`), as JSON.
    case element(key: String, index: Int, value: [UInt8])
  }

  /// Why the bytes are refused.
  enum Problem: Error, Equatable {
    /// Not JSON, at the place described.
    case notJSON(String)
    /// JSON, but not an object at the top.
    case notObject
    /// Element `index` of list `key` is longer than the limit.
    case elementTooLarge(key: String, index: Int)
    /// A key of the top-level object appears twice.
    case repeatedKey(String)
  }

  /// As deep as `JSONDecoder` itself reads.
  static let maximumDepth = 512
  /// The longest member other than the lists that is handed over.
  static let memberLimit = 64 * 1024

  /// The longest top-level key kept whole: longer ones are none that import reads.
  private static let longestKey = 1024

  /// The top-level lists whose elements are handed over one at a time.
  let lists: Set<String>
  /// The lists of `lists` whose elements are copied and handed over (not those only checked
  /// for their syntax while other members are read).
  let handsOver: Set<String>
  /// The longest element handed over.
  let elementLimit: Int

  /// `handsOver`: the lists whose elements are handed over; all of `lists` when nil.
  init(lists: Set<String>, handsOver: Set<String>? = nil, elementLimit: Int) {
    self.lists = lists
    self.handsOver = handsOver ?? lists
    self.elementLimit = elementLimit
  }

  // MARK: Where the tokenizer is

  /// What may come next outside a string, number or literal.
  private enum Expecting {
    case value, valueOrEnd, key, keyOrEnd, colon, commaOrEnd, nothing
  }

  /// A lexeme being read.
  private enum Lexeme {
    case none
    /// A string; `escape` counts what is left of an escape (1: the letter, 2-5: hex digits),
    /// `continuation` the UTF-8 continuation bytes still due.
    case string(escape: Int, continuation: Int)
    /// A number, in the state of its grammar (see ``numberStep(_:_:)``).
    case number(Int)
    /// `true`, `false` or `null`, `matched` bytes in.
    case literal(word: StaticString, matched: Int)
  }

  /// Pieces read and not yet taken.
  private var pieces: [Piece] = []

  /// The pieces read since the last call, in order.
  mutating func takePieces() -> [Piece] {
    defer { pieces.removeAll() }
    return pieces
  }

  private var expecting = Expecting.value
  private var lexeme = Lexeme.none
  /// One flag per open container: true for a list.
  private var stack: [Bool] = []
  private var line = 1
  private var column = 0
  /// Where the first number with a fraction or an exponent begins, if any: PeerConsult writes
  /// whole numbers only (but an anonymised export's average rating), and `JSONDecoder` read
  /// `0.99999999999999999` as the whole number 1, another participant.
  private(set) var firstFraction: (line: Int, column: Int)?
  private var topIsObject = false
  private var sawTop = false
  private var keys = Set<String>()
  /// The lists of `lists` found at the top, whether or not their elements are handed over.
  private(set) var listsOpened = Set<String>()

  /// The key of the top-level member being read, once its string has ended.
  private var key: String?
  /// The bytes of a top-level key being read.
  private var keyBytes: [UInt8] = []
  private var readingTopKey = false
  /// Whether the string being read is a key (of any object).
  private var readingKey = false
  /// The code unit of the `\u` escape being read, its hex digits so far, and those digits as
  /// written (one byte each), to name the escape as the file has it.
  private var escapedUnit: UInt32 = 0
  private var escapedDigits: UInt32 = 0
  /// A high surrogate escape just read (`\ud83d`), which only a low one may follow: as
  /// written, and where it began, to name it if none does.
  private var highSurrogate: (digits: UInt32, line: Int, column: Int)?
  /// The bytes the next UTF-8 continuation byte may be: after some lead bytes fewer than
  /// 0x80-0xBF, so that an overlong form, a surrogate (`ED A0 80`) or a code point past
  /// U+10FFFF is refused as not UTF-8, as `JSONDecoder` refuses it.
  private var continuationLow: UInt8 = 0x80
  private var continuationHigh: UInt8 = 0xBF
  /// The top-level list whose elements are being handed over, and the next one's index.
  private var list: String?
  private var index = 0

  /// The value being copied: where it started in the current chunk, the bytes from earlier
  /// chunks, its depth (the container count when it started), and whether it is too long.
  private var capturing = false
  private var captureStart = 0
  private var captured: [UInt8] = []
  private var captureDepth = 0
  private var captureOverflow = false

  // MARK: Reading

  /// Reads `chunk`, the next bytes of the file; the pieces that end in it are then in
  /// ``takePieces()``.
  mutating func read(
    _ chunk: UnsafeRawBufferPointer
  ) throws(Problem) {
    var position = 0
    while position < chunk.count {
      let byte = chunk[position]
      if byte == 0x0A {
        line += 1
        column = 0
      } else {
        column += 1
      }
      try step(byte, at: position, in: chunk)
      position += 1
    }
    if capturing {
      try keep(chunk, upTo: chunk.count)
      captureStart = 0
    }
  }

  /// Ends the file: a number at the very end is complete; anything else still open is not.
  mutating func finish()
    throws(Problem)
  {
    if case .number(let state) = lexeme {
      guard [1, 2, 4, 7].contains(state) else { throw .notJSON(endMessage) }
      lexeme = .none
      try valueEnded(chunk: nil, last: 0)
    }
    guard case .none = lexeme, expecting == .nothing else {
      throw .notJSON(endMessage)
    }
    if !topIsObject { throw .notObject }
  }

  private var endMessage: String {
    sawTop ? "the file ends in the middle of a value" : "the file holds no JSON value"
  }

  private mutating func step(
    _ byte: UInt8, at position: Int, in chunk: UnsafeRawBufferPointer,

  ) throws(Problem) {
    switch lexeme {
    case .string(let escape, let continuation):
      try stringStep(byte, escape: escape, continuation: continuation)
      // A key longer than any import reads is kept short: it is only compared.
      if readingTopKey, keyBytes.count <= Self.longestKey { keyBytes.append(byte) }
      if case .none = lexeme {
        // A key is followed by its colon; a string value ends a value.
        guard !readingKey else {
          readingKey = false
          if readingTopKey {
            readingTopKey = false
            try endTopKey()
          }
          return
        }
        try valueEnded(chunk: chunk, last: position + 1)
      }
      return
    case .number(let state):
      if let next = Self.numberStep(state, byte) {
        if next == 3 || next == 5, firstFraction == nil { firstFraction = (line, column) }
        lexeme = .number(next)
        return
      }
      guard [1, 2, 4, 7].contains(state) else { throw unexpected(byte) }
      lexeme = .none
      // The byte that ends a number is read below, as what follows it.
      try valueEnded(chunk: chunk, last: position)
    case .literal(let word, let matched):
      guard byte == word.utf8Start[matched] else { throw unexpected(byte) }
      if matched + 1 < word.utf8CodeUnitCount {
        lexeme = .literal(word: word, matched: matched + 1)
      } else {
        lexeme = .none
        try valueEnded(chunk: chunk, last: position + 1)
      }
      return
    case .none: break
    }
    if byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { return }
    switch expecting {
    case .value, .valueOrEnd:
      if byte == 0x5D, expecting == .valueOrEnd {  // ]
        try close(list: true, chunk: chunk, last: position + 1)
        return
      }
      try valueStarts(byte, at: position)
    case .key, .keyOrEnd:
      if byte == 0x7D, expecting == .keyOrEnd {  // }
        try close(list: false, chunk: chunk, last: position + 1)
        return
      }
      guard byte == 0x22 else { throw unexpected(byte) }
      lexeme = .string(escape: 0, continuation: 0)
      expecting = .colon
      readingKey = true
      if stack.count == 1 {
        readingTopKey = true
        keyBytes = [byte]
      }
    case .colon:
      guard byte == 0x3A else { throw unexpected(byte) }
      expecting = .value
    case .commaOrEnd:
      let inList = stack.last ?? false
      if byte == 0x2C {
        expecting = inList ? .value : .key
      } else if byte == (inList ? 0x5D : 0x7D) {
        try close(list: inList, chunk: chunk, last: position + 1)
      } else {
        throw unexpected(byte)
      }
    case .nothing:
      throw unexpected(byte)
    }
  }

  /// A value begins with `byte`: a container is opened, or a lexeme begun.
  private mutating func valueStarts(_ byte: UInt8, at position: Int)
    throws(Problem)
  {
    if stack.isEmpty, !sawTop {
      sawTop = true
      topIsObject = byte == 0x7B
    }
    let depth = stack.count
    if topIsObject, !capturing {
      if depth == 1, let key, lists.contains(key), byte == 0x5B {
        list = key
        index = 0
        listsOpened.insert(key)
      } else if depth == 1 || (depth == 2 && list.map(handsOver.contains) == true) {
        capturing = true
        captureStart = position
        captured.removeAll(keepingCapacity: true)
        captureDepth = depth
        captureOverflow = false
      }
    }
    switch byte {
    case 0x7B, 0x5B:  // { [
      guard stack.count < Self.maximumDepth else {
        throw .notJSON("it nests more than \(Self.maximumDepth) levels deep")
      }
      stack.append(byte == 0x5B)
      expecting = byte == 0x5B ? .valueOrEnd : .keyOrEnd
    case 0x22: lexeme = .string(escape: 0, continuation: 0)
    case 0x2D: lexeme = .number(0)
    case 0x30: lexeme = .number(1)
    case 0x31...0x39: lexeme = .number(2)
    case 0x74: lexeme = .literal(word: "true", matched: 1)
    case 0x66: lexeme = .literal(word: "false", matched: 1)
    case 0x6E: lexeme = .literal(word: "null", matched: 1)
    default: throw unexpected(byte)
    }
  }

  /// Closes the innermost container, which ends a value.
  private mutating func close(
    list isList: Bool, chunk: UnsafeRawBufferPointer, last: Int,

  ) throws(Problem) {
    stack.removeLast()
    if stack.count == 1, isList, list != nil {
      list = nil
      key = nil
      expecting = .commaOrEnd
      return
    }
    try valueEnded(chunk: chunk, last: last)
  }

  /// A value has ended just before `last` in `chunk` (or before this chunk, when nil): hands
  /// it over if it was being copied, and says what may follow.
  private mutating func valueEnded(
    chunk: UnsafeRawBufferPointer?, last: Int
  ) throws(Problem) {
    expecting = stack.isEmpty ? .nothing : .commaOrEnd
    guard capturing, stack.count == captureDepth else { return }
    if let chunk { try keep(chunk, upTo: last) }
    capturing = false
    let piece: Piece
    if captureDepth == 2, let list {
      piece = .element(key: list, index: index, value: captured)
      index += 1
    } else {
      piece = .member(key: key ?? "", value: captureOverflow ? nil : captured)
      key = nil
    }
    pieces.append(piece)
  }

  /// Copies the bytes of the value being copied from `captureStart` to `end` of `chunk`.
  private mutating func keep(_ chunk: UnsafeRawBufferPointer, upTo end: Int)
    throws(Problem)
  {
    guard !captureOverflow, end > captureStart else { return }
    let limit = captureDepth == 2 ? elementLimit : Self.memberLimit
    guard captured.count + end - captureStart <= limit else {
      if captureDepth == 2, let list {
        throw .elementTooLarge(key: list, index: index)
      }
      captureOverflow = true
      captured = []
      return
    }
    captured.append(contentsOf: chunk[captureStart..<end])
  }

  /// The top-level key just read, decoded as `JSONDecoder` reads it.
  private mutating func endTopKey() throws(Problem) {
    let text: String
    if keyBytes.contains(0x5C) {  // An escape: let the decoder read it.
      text = (try? JSONDecoder().decode(String.self, from: Data(keyBytes))) ?? ""
    } else {
      text = String(decoding: keyBytes.dropFirst().dropLast(), as: UTF8.self)
    }
    let whole = keyBytes.count <= Self.longestKey
    keyBytes = []
    guard !whole || keys.insert(text).inserted else { throw .repeatedKey(text) }
    key = text
  }

  /// One byte of a string: escapes, control characters and UTF-8 checked.
  private mutating func stringStep(
    _ byte: UInt8, escape: Int, continuation: Int
  ) throws(Problem) {
    if continuation > 0 {
      guard byte >= continuationLow, byte <= continuationHigh else { throw unexpected(byte) }
      continuationLow = 0x80
      continuationHigh = 0xBF
      lexeme = .string(escape: 0, continuation: continuation - 1)
      return
    }
    switch escape {
    case 1:
      switch byte {
      case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
        try loneHighSurrogate()
        lexeme = .string(escape: 0, continuation: 0)
      case 0x75:
        escapedUnit = 0
        escapedDigits = 0
        lexeme = .string(escape: 5, continuation: 0)
      default: throw unexpected(byte)
      }
      return
    case 2...5:
      guard let digit = Self.hexValue(byte) else { throw unexpected(byte) }
      escapedUnit = escapedUnit << 4 | digit
      escapedDigits = escapedDigits << 8 | UInt32(byte)
      lexeme = .string(escape: escape == 2 ? 0 : escape - 1, continuation: 0)
      if escape == 2 { try escapeEnded() }
      return
    default: break
    }
    // Only another escape may follow half of a character.
    if byte != 0x5C { try loneHighSurrogate() }
    switch byte {
    case 0x22: lexeme = .none
    case 0x5C: lexeme = .string(escape: 1, continuation: 0)
    case 0x00..<0x20: throw unexpected(byte)
    case 0x20..<0x80: break
    case 0xC2...0xDF: lexeme = .string(escape: 0, continuation: 1)
    case 0xE0...0xEF:
      // E0 and ED narrow the next byte: no overlong form, no surrogate.
      if byte == 0xE0 { continuationLow = 0xA0 }
      if byte == 0xED { continuationHigh = 0x9F }
      lexeme = .string(escape: 0, continuation: 2)
    case 0xF0...0xF4:
      // F0 and F4 narrow the next byte: no overlong form, nothing past U+10FFFF.
      if byte == 0xF0 { continuationLow = 0x90 }
      if byte == 0xF4 { continuationHigh = 0x8F }
      lexeme = .string(escape: 0, continuation: 3)
    default: throw unexpected(byte)
    }
  }

  /// The state after `byte` in a number in `state`, or nil when `byte` is not part of it.
  /// States: 0 after `-`, 1 a leading `0`, 2 whole digits, 3 after `.`, 4 fraction digits,
  /// 5 after `e`, 6 after the exponent's sign, 7 exponent digits; 1, 2, 4 and 7 may end.
  private static func numberStep(_ state: Int, _ byte: UInt8) -> Int? {
    let digit = (0x30...0x39).contains(byte)
    switch state {
    case 0: return byte == 0x30 ? 1 : digit ? 2 : nil
    case 1, 2:
      if state == 2, digit { return 2 }
      if byte == 0x2E { return 3 }
      return byte == 0x65 || byte == 0x45 ? 5 : nil
    case 3, 4:
      if digit { return 4 }
      return state == 4 && (byte == 0x65 || byte == 0x45) ? 5 : nil
    case 5: return byte == 0x2B || byte == 0x2D ? 6 : digit ? 7 : nil
    default: return digit ? 7 : nil
    }
  }

  /// The value of a hex digit, or nil for any other byte.
  private static func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case 0x30...0x39: UInt32(byte - 0x30)
    case 0x41...0x46: UInt32(byte - 0x41 + 10)
    case 0x61...0x66: UInt32(byte - 0x61 + 10)
    default: nil
    }
  }

  /// A `\u` escape read whole: surrogates must come in pairs, high then low. JSON's grammar
  /// lets half of one through, but it is no character and PeerConsult never writes one:
  /// `JSONDecoder` refused the session holding it as "not valid JSON" without saying where,
  /// and one in a part import does not read passed unseen.
  private mutating func escapeEnded() throws(Problem) {
    let unit = escapedUnit
    switch unit {
    case 0xD800...0xDBFF:
      try loneHighSurrogate()
      // The escape's six bytes (`\ud83d`) end at this column.
      highSurrogate = (escapedDigits, line, column - 5)
    case 0xDC00...0xDFFF:
      guard highSurrogate != nil else {
        throw .notJSON(Self.loneSurrogate(escapedDigits, line: line, column: column - 5))
      }
      highSurrogate = nil
    default:
      try loneHighSurrogate()
    }
  }

  /// Refuses a high surrogate escape that something other than a low one followed.
  private mutating func loneHighSurrogate() throws(Problem) {
    guard let (digits, line, column) = highSurrogate else { return }
    throw .notJSON(Self.loneSurrogate(digits, line: line, column: column))
  }

  /// The message for the escape of `digits` (its four hex digits as written, one byte each).
  private static func loneSurrogate(_ digits: UInt32, line: Int, column: Int) -> String {
    let written = [24, 16, 8, 0].map {
      Character(UnicodeScalar(UInt8(truncatingIfNeeded: digits >> $0)))
    }
    return "\\u\(String(written)) at line \(line), column \(column) is half of a character, a "
      + "surrogate without its pair"
  }

  /// Refuses `byte` where it stands, naming it and its place.
  private func unexpected(_ byte: UInt8) -> Problem {
    // What a first byte says of how the file was saved: the bare byte said nothing to do.
    if line == 1, column == 1 {
      if byte == 0xEF {
        return .notJSON("it begins with a byte-order mark; save it as UTF-8 without one")
      }
      if byte == 0xFF || byte == 0xFE {
        return .notJSON("it is saved as UTF-16; save it as UTF-8")
      }
    }
    let shown =
      (0x21..<0x7F).contains(byte)
      ? "'\(Character(UnicodeScalar(byte)))'" : "byte 0x\(String(byte, radix: 16, uppercase: true))"
    return .notJSON("unexpected \(shown) at line \(line), column \(column)")
  }
}
