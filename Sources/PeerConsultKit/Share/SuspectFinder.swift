/// Finds, for review before sharing, words the ``Anonymiser`` does not replace but that may
/// name someone: a capitalised word that is no English word and belongs to nobody in the group
/// (a person mentioned who was not there, or an organisation), and a word that resembles a
/// participant's name part: one letter off ("Patell"), or the same once German letters are
/// spelt out ("Mueller" for "Müller").
struct SuspectFinder: Sendable {
  /// Name parts of at least four letters, folded, with their person's pseudonym.
  private var parts: [(part: [Character], spelt: [Character], pseudonym: String)] = []

  init(people: [(name: String, pseudonym: String)]) {
    for person in people {
      for (part, _) in NameForms.parts(person.name) {
        let folded = TermReplacer.fold(part).filter(\.isLetter)
        guard folded.count >= 4 else { continue }
        parts.append((folded, Self.spelt(part), person.pseudonym))
      }
    }
  }

  /// The runs of letters in `text` other than CJK, with where each stands.
  static func words(in text: [Character]) -> [(range: Range<Int>, word: String)] {
    var words: [(Range<Int>, String)] = []
    var index = 0
    while index < text.count {
      guard isWordLetter(text[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < text.count, isWordLetter(text[end]) { end += 1 }
      words.append((index..<end, String(text[index..<end])))
      index = end
    }
    return words
  }

  /// The words of ``words(in:)-([Character])`` alone, cut from `text` itself: the anonymiser
  /// looks at every word of the notes it shares, and building each word character by
  /// character took longer than looking at it.
  static func words(in text: String) -> [Substring] {
    // Most notes are ASCII or Latin text, cut from their bytes.
    let latin = text.utf8.withContiguousStorageIfAvailable { utf8 -> [Substring]? in
      guard isLatin(utf8) else { return nil }
      var words: [Substring] = []
      forEachLatinWord(in: utf8) { range in
        let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
        words.append(text[start..<text.utf8.index(start, offsetBy: range.count)])
      }
      return words
    }
    if let latin = latin ?? nil { return latin }
    var words: [Substring] = []
    var start: String.Index?
    var index = text.startIndex
    while index < text.endIndex {
      let next = text.index(after: index)
      if isWordLetter(text[index]) {
        if start == nil { start = index }
      } else if let first = start {
        words.append(text[first..<index])
        start = nil
      }
      index = next
    }
    if let first = start { words.append(text[first...]) }
    return words
  }

  /// Whether the UTF-8 `text` is ASCII or Latin text, every scalar below U+0300: each scalar its
  /// own character, but for "\r\n", which is no letter either way (and a word's edges are next
  /// to a letter, so on a character's edge).
  static func isLatin(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    !text.contains { $0 >= 0xCC }
  }

  /// Calls `body` with the byte range of each of ``words(in:)-(String)`` in the UTF-8 `text`,
  /// which ``isLatin(_:)``: cut from its bytes a scalar at a time, without breaking the text
  /// into characters (most of the time of an anonymised report's look at every word, before).
  static func forEachLatinWord(
    in text: UnsafeBufferPointer<UInt8>, _ body: (Range<Int>) -> Void
  ) {
    var start: Int?
    var index = 0
    while index < text.count {
      let byte = text[index]
      let isLetter: Bool
      var next = index + 1
      if byte < 0x80 {
        isLetter = TermReplacer.isLetterByte(byte)
      } else {
        isLetter =
          next < text.count && latinLetters[TermReplacer.latinScalar(byte, text[next]) - 0x80]
        next += 1
      }
      if isLetter {
        if start == nil { start = index }
      } else if let first = start {
        body(first..<index)
        start = nil
      }
      index = next
    }
    if let first = start { body(first..<text.count) }
  }

  /// Whether each scalar from U+0080 to U+02FF is a letter, as its character says.
  private static let latinLetters: [Bool] = (0x80...0x2FF).map {
    isWordLetter(Character(Unicode.Scalar(UInt32($0))!))
  }

  /// A letter of a word written with spaces between words: not CJK. ASCII is answered
  /// without asking for the character's Unicode properties.
  private static func isWordLetter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return TermReplacer.isLetterByte(ascii) }
    return character.isLetter && !TermReplacer.isCJK(character)
  }

  /// Whether `word`, as it stands at `start` of `text`, looks like the name of someone who was
  /// not there: capitalised mid-sentence, no English word, no title.
  func isUnknownName(_ word: String, at start: Int, in text: [Character]) -> Bool {
    guard word.count >= 3, let first = word.first, first.isUppercase,
      word.dropFirst().contains(where: \.isLowercase),
      !EnglishWords.contains(word.lowercased()), !Self.isSentenceStart(start, in: text),
      !NameForms.honorifics.contains(word.lowercased()),
      !Self.calendarWords.contains(word.lowercased()),
      !Self.peoplesWords.contains(word.lowercased())
    else { return false }
    return true
  }

  /// Languages, peoples, faiths and their festivals, and the rule the group meets under:
  /// capitalised, absent from the list of ordinary (lower-case) words, and naming nobody; a
  /// walk-through's review listed "Arabic", "Chinese" and "Chatham" among possible names.
  private static let peoplesWords: Set<String> = [
    "afghan", "african", "albanian", "amharic", "arabic", "asian", "bangladeshi", "bengali",
    "british", "bulgarian", "cantonese", "caribbean", "catholic", "chatham", "chinese",
    "christian", "christmas", "czech", "dari", "diwali", "easter", "eid", "english", "eritrean",
    "ethiopian", "european", "farsi", "french", "german", "ghanaian", "greek", "gujarati",
    "hindi", "hindu", "hungarian", "igbo", "indian", "iranian", "iraqi", "irish", "islamic",
    "italian", "japanese", "jewish", "korean", "kurdish", "latvian", "lithuanian", "mandarin",
    "moroccan", "muslim", "nigerian", "pakistani", "pashto", "polish", "portuguese", "punjabi",
    "ramadan", "romanian", "russian", "scottish", "sikh", "slovak", "somali", "spanish",
    "sudanese", "swahili", "syrian", "tamil", "tigrinya", "turkish", "ukrainian", "urdu",
    "welsh", "yemeni", "yoruba",
  ]

  /// Where the name whose last word is the unknown name at `range` starts: at the capitalised
  /// word just before it (`previous`, "Tom" of "Tom Hughes", though "tom" is an English word)
  /// when one space parts them, it is no title, and it does not begin a sentence unless it is
  /// no English word ("Sarah Jenkins called.", but not "Ask Hughes."). Replaced alone, the
  /// surname left the first name beside the replacement ("Tom [a person]").
  func nameStart(of range: Range<Int>, after previous: Range<Int>?, in text: [Character]) -> Int {
    guard let previous, previous.upperBound + 1 == range.lowerBound,
      text[previous.upperBound] == " ", previous.count >= 2,
      text[previous.lowerBound].isUppercase,
      text[previous].dropFirst().allSatisfy(\.isLowercase),
      !NameForms.honorifics.contains(String(text[previous]).lowercased()),
      !Self.calendarWords.contains(String(text[previous]).lowercased()),
      !Self.isSentenceStart(previous.lowerBound, in: text)
        || !EnglishWords.contains(String(text[previous]).lowercased())
    else { return range.lowerBound }
    return previous.lowerBound
  }

  /// Days and months, capitalised in every note that names one but absent from the list of
  /// ordinary (lower-case) words: they name nobody, and listing each "Friday" for review
  /// buried the words that might. ("May", "March" and "August" are ordinary words already;
  /// April and June are first names too, so they stay suspects.)
  private static let calendarWords: Set<String> = [
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "july", "september", "october", "november", "december",
  ]

  /// The pseudonym of the participant whose name part `word` resembles, if any.
  func resembled(_ word: String) -> String? {
    let folded = TermReplacer.fold(word).filter(\.isLetter)
    guard folded.count >= 4, !EnglishWords.contains(word.lowercased()) else { return nil }
    let spelt = Self.spelt(word)
    for part in parts where folded != part.part {
      if spelt == part.spelt || Self.oneEditApart(folded, part.part) { return part.pseudonym }
    }
    return nil
  }

  /// `word` folded with German, Scandinavian and South Slavic letters spelt out, so "Müller"
  /// and "Mueller" compare equal, "Søren" and "Soeren", "Đorđe" and "Djordje".
  static func spelt(_ word: String) -> [Character] {
    var result: [Character] = []
    for character in word.lowercased() {
      switch character {
      case "ä": result += ["a", "e"]
      case "ö": result += ["o", "e"]
      case "ü": result += ["u", "e"]
      case "ø": result += ["o", "e"]
      case "å": result += ["a", "a"]
      case "đ": result += ["d", "j"]
      case "ß": result += ["s", "s"]
      default: result += TermReplacer.fold(character)
      }
    }
    return result.filter(\.isLetter)
  }

  /// Whether one letter changed, added or removed turns `a` into `b`; names of five letters or
  /// more only, since shorter ones are one letter from many words.
  private static func oneEditApart(_ a: [Character], _ b: [Character]) -> Bool {
    guard min(a.count, b.count) >= 5, abs(a.count - b.count) <= 1 else { return false }
    var i = 0
    var j = 0
    var edits = 0
    while i < a.count && j < b.count {
      if a[i] == b[j] {
        i += 1
        j += 1
        continue
      }
      edits += 1
      if edits > 1 { return false }
      if a.count > b.count {
        i += 1
      } else if b.count > a.count {
        j += 1
      } else {
        i += 1
        j += 1
      }
    }
    return edits + (a.count - i) + (b.count - j) == 1
  }

  /// Whether `text` may hold a word ``isUnknownName(_:at:in:)`` takes: read from its bytes, a
  /// capital starting a word that does not start a sentence. Most notes hold none, and are not
  /// cut into characters to look (a harvest's every note was, for a fifth more time). Of the characters beyond ASCII, the Latin-1 signs and small
  /// letters ("¿", "«", "é") are read past; any other (a capital "É", "Ł", Greek, Cyrillic,
  /// curly quotes, other scripts) has the text looked at in full.
  static func mayHoldUnknownName(_ text: String) -> Bool {
    var text = text
    return text.withUTF8 { bytes in
      // As ``isSentenceStart(_:in:)`` reads back: over blanks, quotes and bullets to the
      // end of a sentence, or to the text's start.
      var startsSentence = true
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        index += 1
        guard byte < 0x80 else {
          // U+00A0-U+00BF (C2 A0-BF) and U+00E0-U+00FF (C3 A0-BF): no capital among them.
          guard index < bytes.count, byte == 0xC2 || (byte == 0xC3 && bytes[index] >= 0xA0)
          else { return true }
          startsSentence = false
          index += 1
          continue
        }
        switch byte {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0x0A, 0x0D:
          startsSentence = true
        case 0x20, 0x09, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "("),
          UInt8(ascii: "["), UInt8(ascii: "*"), UInt8(ascii: "-"):
          continue
        case UInt8(ascii: "A")...UInt8(ascii: "Z"):
          // "Müller", "GPs", "OBrien": whatever follows the capital.
          let startsWord = index == 1 || !TermReplacer.isLetterByte(bytes[index - 2])
          if startsWord, !startsSentence { return true }
          startsSentence = false
        default: startsSentence = false
        }
      }
      return false
    }
  }

  /// Whether `start` begins a sentence: nothing but spaces and opening marks before it back to
  /// the text's start or a full stop, question or exclamation mark or line break. Not a colon
  /// or a semicolon: grammar capitalises nothing after them, so a capital there is a name's
  /// ("Mensah agreed: Oduya will chair"), and an ordinary word after "Insight:" is no suspect.
  private static func isSentenceStart(_ start: Int, in text: [Character]) -> Bool {
    var index = start - 1
    while index >= 0, " \t\"'“‘([*•-".contains(text[index]) { index -= 1 }
    return index < 0 || ".!?\n\r".contains(text[index])
  }
}
