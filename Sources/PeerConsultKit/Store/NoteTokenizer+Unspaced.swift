/// Unspaced CJK text cut into characters straight from the token's bytes.
///
/// `unicode61` reads a whole sentence of Chinese or Japanese as one token, which
/// ``NoteTokenizer/pieces(of:)`` cuts at each character through Swift's grapheme breaking, a
/// string and an array per character: most of the time of indexing, ranking and marking such a
/// note. When every character of a token is a single code point that no neighbour can join
/// (ideographs, kana without combining marks, precomposed Hangul syllables) or ASCII without an
/// apostrophe, the pieces are the same and are found by decoding the bytes alone.
extension NoteTokenizer {
  /// Whether ``unspacedPieces(of:_:)`` gives `token`'s pieces: valid UTF-8 whose code points
  /// are ASCII without an apostrophe or ``isLoneCJK(_:)``.
  static func isUnspaced(_ token: UnsafeRawBufferPointer) -> Bool {
    var index = 0
    while index < token.count {
      guard let (scalar, length) = scalar(in: token, at: index) else { return false }
      if scalar < 0x80 {
        if scalar == UInt32(UInt8(ascii: "'")) || scalar == UInt32(UInt8(ascii: "`")) {
          return false
        }
      } else if !isLoneCJK(scalar) {
        return false
      }
      index += length
    }
    return true
  }

  /// Calls `body` with the offset and length in bytes of each piece of `token` (which
  /// ``isUnspaced(_:)`` accepted), in order: each CJK character alone and each run of ASCII
  /// whole, as ``pieces(of:)`` cuts them. Stops at the first result of `body` other than 0 and
  /// returns it.
  static func unspacedPieces(
    of token: UnsafeRawBufferPointer, _ body: (_ offset: Int, _ length: Int) -> CInt
  ) -> CInt {
    var runStart = 0
    var index = 0
    while index < token.count {
      let length = sequenceLength(token[index])
      if length == 1 {
        index += 1
        continue
      }
      if runStart < index {
        let code = body(runStart, index - runStart)
        guard code == 0 else { return code }
      }
      let code = body(index, length)
      guard code == 0 else { return code }
      index += length
      runStart = index
    }
    return runStart < token.count ? body(runStart, token.count - runStart) : 0
  }

  /// Whether `scalar` is a CJK character (``TermReplacer/isCJK(_:)``) that is a character on
  /// its own whatever surrounds it: not a combining mark (the kana voicing marks, half-width
  /// katakana's), nor a Hangul jamo that joins its neighbours into a syllable.
  static func isLoneCJK(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x3041...0x3096, 0x309D...0x309F,  // hiragana, without the voicing marks
      0x30A1...0x30FA, 0x30FC...0x30FF,  // katakana, without the middle dot
      0xAC00...0xD7A3:  // Hangul syllables
      return true
    default:
      return isHan(scalar)
    }
  }

  /// Whether `scalar` is a Han character: a CJK ideograph, of an extension or a compatibility
  /// form.
  static func isHan(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3134F: true
    default: false
    }
  }

  /// The length of the UTF-8 sequence that `lead` starts (1 for anything else).
  private static func sequenceLength(_ lead: UInt8) -> Int {
    switch lead {
    case 0xC0...0xDF: 2
    case 0xE0...0xEF: 3
    case 0xF0...0xF7: 4
    default: 1
    }
  }

  /// The code point starting at `index` and its length, or nil when the bytes there are not
  /// well-formed UTF-8 (then the token takes the general path, which decodes it as Swift does).
  private static func scalar(in bytes: UnsafeRawBufferPointer, at index: Int) -> (UInt32, Int)? {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), 1) }
    let length = sequenceLength(lead)
    guard length > 1, index + length <= bytes.count else { return nil }
    var value = UInt32(lead) & (0xFF >> (length + 1))
    for offset in 1..<length {
      let byte = bytes[index + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    // An overlong form would be read as a character Swift reads as U+FFFD.
    guard value >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000) else { return nil }
    return (value, length)
  }
}
