extension TermReplacer {
  /// Folded characters to look for, as characters and, when each equals an ASCII character,
  /// as those bytes: a term, a title or a plural ending.
  struct Pattern: Sendable {
    let characters: [Character]
    /// The ASCII bytes the characters equal (``asciiBytes(_:)``), or nil: such a pattern is
    /// never found in text matched from its bytes.
    let ascii: [UInt8]?

    init(_ characters: [Character]) {
      self.characters = characters
      ascii = TermReplacer.asciiBytes(characters)
    }

    var count: Int { characters.count }
  }

  /// How the terms that may start at a position of a text are found.
  enum TermLookup {
    /// By the folded character there.
    case character(Character)
    /// By the folded bytes there and after it (nil at the end of the text), in text read from
    /// its bytes (``ASCIIIndex/terms(first:second:)``).
    case bytes(UInt8, UInt8?)
  }
}

/// A text as ``TermReplacer`` reads it to find terms: its folded characters, each with the
/// index of the original character it came from, and the original characters.
///
/// Text whose folded characters its bytes tell (ASCII, Latin) is read from its bytes
/// (``TermReplacer/ASCIIText``, ``TermReplacer/LatinText``); other text from arrays of its
/// characters (``TermReplacer/CharacterText``). One matcher reads all three, so they cannot
/// find different things: text is read from its bytes only where every term and title that
/// could match it has an ASCII form (``TermReplacer/Pattern/ascii``), since a byte text finds
/// no other. The randomised tests compare the byte texts with the characters.
protocol TermReplacerText {
  /// How many folded characters the text has.
  var count: Int { get }
  /// How to find the terms that may start at `position`.
  func termLookup(at position: Int) -> TermReplacer.TermLookup
  /// Whether the folded characters from `position` are `pattern`'s.
  func holds(_ pattern: TermReplacer.Pattern, at position: Int) -> Bool
  /// Whether the folded character at `position` is the ASCII character `ascii`.
  func isFolded(_ position: Int, _ ascii: UInt8) -> Bool
  /// Whether the folded character at `position` continues a word written with spaces.
  func isWord(at position: Int) -> Bool
  /// Whether the folded character at `position` is Chinese, Japanese or Korean.
  func isCJK(at position: Int) -> Bool
  /// The index of the original character the folded one at `position` came from.
  func origin(_ position: Int) -> Int
  /// How many original characters the text has.
  var originalCount: Int { get }
  /// The original character at `index`.
  func original(_ index: Int) -> Character
  /// The original characters in `range`, as written.
  func string(_ range: Range<Int>) -> String
}

extension TermReplacer {
  /// ASCII text without a carriage return, read from its bytes: each byte is a character, and
  /// folds to one (``foldedByte(_:)``).
  struct ASCIIText: TermReplacerText {
    let bytes: UnsafeBufferPointer<UInt8>

    var count: Int { bytes.count }
    var originalCount: Int { bytes.count }

    func termLookup(at position: Int) -> TermLookup {
      .bytes(
        TermReplacer.foldedByte(bytes[position]),
        position + 1 < bytes.count ? TermReplacer.foldedByte(bytes[position + 1]) : nil)
    }

    func holds(_ pattern: Pattern, at position: Int) -> Bool {
      guard let ascii = pattern.ascii, position + ascii.count <= bytes.count else { return false }
      for offset in ascii.indices
      where TermReplacer.foldedByte(bytes[position + offset]) != ascii[offset] {
        return false
      }
      return true
    }

    func isFolded(_ position: Int, _ ascii: UInt8) -> Bool {
      TermReplacer.foldedByte(bytes[position]) == ascii
    }

    func isWord(at position: Int) -> Bool { TermReplacer.isWordByte(bytes[position]) }
    func isCJK(at position: Int) -> Bool { false }
    func origin(_ position: Int) -> Int { position }
    func original(_ index: Int) -> Character { Character(Unicode.Scalar(bytes[index])) }

    func string(_ range: Range<Int>) -> String {
      String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
  }

  /// Latin text (``isLatin(_:)``) read from its bytes: its characters are its scalars, and
  /// its folded characters are bytes as ``latinFolded(_:)`` writes them.
  struct LatinText: TermReplacerText {
    let folded: [UInt8]
    private let origins: [Int]
    private let scalars: [Unicode.Scalar]

    /// The text of `bytes`, whose folded characters ``latinFolded(_:)`` gave as `folded`.
    init(bytes: UnsafeBufferPointer<UInt8>, folded: [UInt8]) {
      self.folded = folded
      var origins: [Int] = []
      var scalars: [Unicode.Scalar] = []
      origins.reserveCapacity(folded.count)
      scalars.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte < 0x80 {
          scalars.append(Unicode.Scalar(byte))
          origins.append(scalars.count - 1)
          index += 1
          continue
        }
        let value = TermReplacer.latinScalar(byte, bytes[index + 1])
        // Every value from U+0080 to U+02FF is a scalar.
        scalars.append(Unicode.Scalar(UInt32(value)) ?? "\u{FFFD}")
        origins += repeatElement(scalars.count - 1, count: TermReplacer.latinFoldedCount(value))
        index += 2
      }
      self.origins = origins
      self.scalars = scalars
    }

    var count: Int { folded.count }
    var originalCount: Int { scalars.count }

    func termLookup(at position: Int) -> TermLookup {
      .bytes(folded[position], position + 1 < folded.count ? folded[position + 1] : nil)
    }

    func holds(_ pattern: Pattern, at position: Int) -> Bool {
      guard let ascii = pattern.ascii, position + ascii.count <= folded.count else { return false }
      for offset in ascii.indices where folded[position + offset] != ascii[offset] {
        return false
      }
      return true
    }

    func isFolded(_ position: Int, _ ascii: UInt8) -> Bool { folded[position] == ascii }
    func isWord(at position: Int) -> Bool { TermReplacer.isFoldedWordByte(folded[position]) }
    func isCJK(at position: Int) -> Bool { false }
    func origin(_ position: Int) -> Int { origins[position] }
    func original(_ index: Int) -> Character { Character(scalars[index]) }

    func string(_ range: Range<Int>) -> String {
      var string = String.UnicodeScalarView()
      string.append(contentsOf: scalars[range])
      return String(string)
    }
  }

  /// Any text, read from arrays of its characters and of its folded characters.
  struct CharacterText: TermReplacerText {
    private let folded: [Character]
    private let origins: [Int]
    private let characters: [Character]

    init(_ text: String) {
      (folded, origins) = TermReplacer.foldWithOrigin(text)
      characters = TermReplacer.characters(of: text)
    }

    var count: Int { folded.count }
    var originalCount: Int { characters.count }
    func termLookup(at position: Int) -> TermLookup { .character(folded[position]) }

    /// Compared by index: a slice of the text for every term tried at every word's start
    /// cost more than the comparison.
    func holds(_ pattern: Pattern, at position: Int) -> Bool {
      guard position + pattern.count <= folded.count else { return false }
      for offset in pattern.characters.indices
      where folded[position + offset] != pattern.characters[offset] {
        return false
      }
      return true
    }

    func isFolded(_ position: Int, _ ascii: UInt8) -> Bool {
      folded[position] == Character(Unicode.Scalar(ascii))
    }

    func isWord(at position: Int) -> Bool { TermReplacer.isWord(folded[position]) }
    func isCJK(at position: Int) -> Bool { TermReplacer.isCJK(folded[position]) }
    func origin(_ position: Int) -> Int { origins[position] }
    func original(_ index: Int) -> Character { characters[index] }
    func string(_ range: Range<Int>) -> String { String(characters[range]) }
  }
}
