import Foundation

/// A folded text of the review list's filter (a session's text, or a word typed), with how far
/// its bytes can stand for its characters.
///
/// A typed key refilters every session read: ten thousand of them at a programme's scale.
/// Foundation's `contains`, which this file's is, took 2 µs a session a word for ASCII text and
/// 6 µs for a session with a name such as "Bjørn Ødegård", bridged to UTF-16 at every call: 45
/// to 65 ms a key. Where the bytes find exactly what the characters do, a word is found from
/// the bytes instead:
/// - both texts ASCII without a carriage return (the one ASCII character searches disagree on:
///   Swift's own sees "\r\n" as one character, Foundation's as two);
/// - an ASCII word in a text whose other characters neither join a neighbour nor compare
///   equal to ASCII (``Reach/asciiWords``): a filter's words are mostly typed in ASCII, and
///   most sessions name someone whose name is not;
/// - a word and a text both written only in the letters of Latin, Greek, Cyrillic, Arabic,
///   kana, hangul syllables and Han ideographs, without marks (``Reach/composedWords``, as
///   "ødegard" in "bjørn ødegard"): such text is in Unicode's composed form, in which texts
///   that compare equal are the same bytes.
public struct FilterText: Equatable, Sendable {
  /// Which words the bytes find as the characters do.
  /// Stored with each session's text (schema v16's `review_filter.reach`): the numbers never
  /// change.
  public enum Reach: Int, Equatable, Sendable {
    /// Every word that is itself ASCII or composed: the text is ASCII without a carriage
    /// return.
    case everyWord = 0
    /// ASCII words and composed ones: every character is ASCII without a carriage return or a
    /// letter of a script in ``isComposed(_:)``, and none is a mark; the text is in Unicode's
    /// composed form (NFC), with each character one scalar.
    case composedWords = 1
    /// ASCII words: no character of the text joins an ASCII neighbour into one character or
    /// is canonically an ASCII one (``joinsOrPassesForASCII(_:)``), so an ASCII word's bytes
    /// occur exactly where its characters stand.
    case asciiWords = 2
    /// None: Foundation looks.
    case none = 3
  }

  public let text: String
  public let reach: Reach

  /// A text whose reach was found before (stored with it): not looked through again.
  public init(_ text: String, reach: Reach) {
    self.text = text
    self.reach = reach
  }

  public init(_ text: String) {
    self.text = text
    if text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      reach = .everyWord
      return
    }
    var composed = true
    for scalar in text.unicodeScalars {
      if Self.joinsOrPassesForASCII(scalar) {
        reach = .none
        return
      }
      if composed && scalar.value >= 0x80 && !Self.isComposed(scalar.value) { composed = false }
    }
    reach = composed ? .composedWords : .asciiWords
  }

  /// Whether `word` is in this text.
  public func holds(_ word: FilterText) -> Bool {
    let fromBytes =
      switch (word.reach, reach) {
      case (.everyWord, .everyWord), (.everyWord, .composedWords), (.everyWord, .asciiWords),
        (.composedWords, .everyWord), (.composedWords, .composedWords):
        true
      default: false
      }
    guard fromBytes else { return text.contains(word.text) }
    var text = text
    var word = word.text
    return text.withUTF8 { text in word.withUTF8 { word in Self.bytes(text, hold: word) } }
  }

  /// Whether `scalar` can make one character with an ASCII neighbour (a carriage return, a
  /// combining, enclosing or spacing mark, a format character such as the zero-width joiner,
  /// an emoji modifier, a conjoining jamo, a character written before the one it joins), or
  /// is one character that Foundation's search takes as another (the Kelvin sign as "K", the
  /// Greek question mark as ";", the varia as "`"; the Ångström and Ohm signs as letters), or
  /// has no category yet. Any of them sends the text the long way.
  static func joinsOrPassesForASCII(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x0D: return true
    case 0..<0x80: return false
    case 0x037E, 0x1FEF, 0x1FEE, 0x1FED, 0x2126, 0x212A, 0x212B: return true
    // Conjoining jamo, emoji modifiers, regional indicators; the letters and the halfwidth
    // sound marks that extend the character before them though they are not marks.
    case 0x1100...0x11FF, 0xA960...0xA97F, 0xD7B0...0xD7FF, 0x1F3FB...0x1F3FF,
      0x1F1E6...0x1F1FF, 0x0E33, 0x0EB3, 0xFF9E...0xFF9F:
      return true
    // Letters written before the one they join (grapheme cluster "prepend" that are letters).
    case 0x0D4E, 0x110BD, 0x110CD, 0x111C2...0x111C3, 0x1193F, 0x11941, 0x11A3A,
      0x11A84...0x11A89, 0x11D46, 0x11F02:
      return true
    default:
      switch scalar.properties.generalCategory {
      case .nonspacingMark, .spacingMark, .enclosingMark, .format, .control, .surrogate,
        .privateUse, .unassigned:
        return true
      default: return false
      }
    }
  }

  /// Whether `value`, a scalar that is not ASCII and not one of ``joinsOrPassesForASCII(_:)``,
  /// is a letter of the scripts the review list folds itself (``HaystackFolder``: Latin,
  /// Greek, Cyrillic, Arabic, kana, hangul syllables and Han): none of them decomposes to one
  /// scalar or composes with a neighbour that is not a mark or a conjoining jamo, so text of
  /// them alone is in the composed form. Greek's three that decompose to another character
  /// (the numeral sign, the question mark, the ano teleia) are not.
  static func isComposed(_ value: UInt32) -> Bool {
    switch value {
    case 0x374, 0x37E, 0x387: return false
    default: return HaystackFolder.isLookedUp(value) || HaystackFolder.isIdeograph(value)
    }
  }

  /// Whether `word` occurs in `text`, compared byte by byte from each place its first byte
  /// stands.
  private static func bytes(
    _ text: UnsafeBufferPointer<UInt8>, hold word: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    guard let first = word.first else { return true }
    guard text.count >= word.count else { return false }
    for start in 0...(text.count - word.count) where text[start] == first {
      var offset = 1
      while offset < word.count, text[start + offset] == word[offset] { offset += 1 }
      if offset == word.count { return true }
    }
    return false
  }

  /// Whether the text is made of ASCII digits only.
  public var isDigits: Bool {
    !text.isEmpty && text.utf8.allSatisfy { (0x30...0x39).contains($0) }
  }

  /// Whether `number` (``isDigits``) stands in this text with no digit before it, and, when
  /// `whole`, none after it either. Digits are ASCII, and no byte of another character is
  /// one: the bytes tell.
  public func holdsNumber(_ number: FilterText, whole: Bool) -> Bool {
    var text = text
    var number = number.text
    return text.withUTF8 { text in
      number.withUTF8 { number in
        guard text.count >= number.count else { return false }
        func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
        for start in 0...(text.count - number.count)
        where start == 0 || !isDigit(text[start - 1]) {
          let end = start + number.count
          guard !whole || end == text.count || !isDigit(text[end]) else { continue }
          if (0..<number.count).allSatisfy({ text[start + $0] == number[$0] }) { return true }
        }
        return false
      }
    }
  }
}
