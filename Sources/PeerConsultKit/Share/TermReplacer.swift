import Foundation

/// Finds terms (names, organisations) in free text the way a reader would recognise them and
/// replaces them: ignoring case and accents ("zoe" is "Zoë"), treating ’ and ' alike, whole
/// words only ("Ben" is not in "Benjamin"), and, for Chinese, Japanese and Korean, which do not
/// put spaces between words, anywhere in the text.
///
/// Where terms overlap, the one starting first wins, then the longest, so "Anne-Marie" is
/// replaced whole rather than as "Anne" and "Marie".
///
/// Some terms need care (``Term/Care``): a name part that is also an English word is left alone
/// in its ordinary lower-case use ("we will ask" for "Will Bishop"); where capitalisation
/// cannot tell ("Will…" starting a sentence, "the Bishop of Plymouth"), it is replaced but the
/// match is a suspect the facilitator can overrule. A one-character Chinese, Japanese or Korean
/// name part is replaced where it stands alone; inside other such text ("安静" for "静") it is a
/// suspect, left as it is unless the facilitator says otherwise.
struct TermReplacer: Sendable {
  /// What a term needs beyond matching whole words.
  struct Care: OptionSet, Sendable, Hashable {
    let rawValue: Int
    /// May be an ordinary English word: left alone where written in lower case and every word
    /// of it is in the word list; a suspect where capitalisation cannot tell.
    static let ordinaryWord = Care(rawValue: 1)
    /// May be followed by "s" or "es" ("Priyas", "the Patels"), which stays after the
    /// replacement.
    static let suffixes = Care(rawValue: 2)
    /// Matches only where written in capitals: an acronym ("DCP").
    static let capitalsOnly = Care(rawValue: 4)
    /// One CJK character, or a form of address ("小王"): replaced where no letter touches it,
    /// otherwise a suspect kept as is.
    static let standsAlone = Care(rawValue: 8)
    /// A guess (an organisation's short form, "the Trust"): always a suspect, replaced.
    static let guess = Care(rawValue: 16)
    /// A name: a title written before it ("Dr", "Dr.": ``titles``) is replaced with it.
    static let takesTitle = Care(rawValue: 32)
    /// A word found in the text that resembles a name ("Mueller"): always a suspect, replaced.
    static let resemblance = Care(rawValue: 64)
    /// A word the facilitator chose to replace, the name of nobody in the group: always a
    /// suspect, so the choice stays in view.
    static let unknownName = Care(rawValue: 128)
    /// A whole name made of ordinary English words ("Will Hope"): where written as ordinary
    /// lower-case words ("we will hope") it is replaced, since a hurried note writes names
    /// in lower case too, but as a suspect the facilitator sees and can keep.
    static let ordinaryPhrase = Care(rawValue: 256)
    /// A Chinese form of address ("小王", "王先生"), often a word of its own ("小时", "小区"):
    /// where no letter touches it, replaced but listed, as a name that is also a word;
    /// inside other text a suspect kept as is.
    static let formOfAddress = Care(rawValue: 512)
    /// A first name with the surname's initial ("PriyaP"): certain only where the initial,
    /// its last letter, is written as a capital (``NameForms/initialForms(of:)``); elsewhere
    /// ("anne", "@priyap") a suspect, replaced.
    static let capitalInitial = Care(rawValue: 1024)
    /// A name that is also a month or a day, or its short form ("June", "Jan", "Sun"): beside
    /// a day or a year ("14 Jan", "June 2025") a suspect kept, elsewhere a suspect replaced.
    static let calendar = Care(rawValue: 2048)
    /// A name that is also a title or a rank ("Di", "Lord", "Nurse"): where it reads as one,
    /// in capitals, before a capitalised name or after "the" ("DI Smith", "the Lord Mayor"),
    /// a suspect kept; elsewhere a suspect replaced.
    static let title = Care(rawValue: 4096)
    /// Matched only straight after "@", as an e-mail domain ("@harbour.org").
    static let afterAt = Care(rawValue: 8192)
    /// An organisation's name, not a person's: of an e-mail address, the part after the "@"
    /// may be it ("@harbour.org"), where a person's is the part before ("grace@").
    static let organisation = Care(rawValue: 16384)
    /// A standing group's name of one word that is more often that word than the group
    /// ("Phoenix", "Tuesday", "NHS", "A"): always a suspect, kept unless replaced.
    static let groupWord = Care(rawValue: 32768)
    /// A standing group's name of several words: where written with a capital it is the
    /// group, even where capitals cannot tell ("Night-Time Economy set 1 meeting 4" as a
    /// title): listing each such title buried the suspects that mattered.
    static let groupName = Care(rawValue: 65536)
  }

  /// Why a match needs the facilitator's eye, and what happens unless they decide.
  enum Suspicion: String, Sendable, Hashable {
    /// A name part that is also an ordinary word, capitalised where that cannot tell: replaced.
    case ordinaryWord
    /// A one-character name part or a form of address inside other CJK text ("安静" for "静",
    /// "小时" for 时明), or a name run together with an initial into an English word before an
    /// address's "@" ("shill@" of Sam Hill, ``AddressNames``): kept.
    case insideWord
    /// A short form or acronym guessed from an organisation's name: replaced.
    case shortForm
    /// A word that resembles a participant's name ("Mueller" for "Müller"): replaced.
    case resemblance
    /// A capitalised word that names nobody in the group: kept.
    case unknownName
    /// A name that is also a title, a month or a day, where it reads as that ("the DI", "Lord
    /// Smith", "14 Jan"): kept.
    case usualMeaning
    /// A standing group's name that is also an ordinary word, a day or month, an acronym or
    /// fewer than four letters ("Phoenix", "Tuesday", "NHS"): kept.
    case groupWord

    /// Whether the text is replaced unless the facilitator keeps it.
    var replacedByDefault: Bool {
      self != .insideWord && self != .unknownName && self != .usualMeaning && self != .groupWord
    }
  }

  /// One occurrence of a term in a text.
  struct Match: Sendable, Hashable {
    /// Where it is, in characters of the original text.
    let range: Range<Int>
    /// The text there, as written (without a title taken with it).
    let text: String
    let replacement: String
    /// Set when the facilitator should look at it.
    let suspicion: Suspicion?
  }

  struct Term: Sendable {
    let folded: Pattern
    let replacement: String
    let care: Care
    /// CJK at an edge: no word boundary is needed on that side.
    let opensInCJK: Bool
    let closesInCJK: Bool
  }

  /// Terms by their first folded character, longest first.
  private var terms: [Character: [Term]] = [:]
  /// Every term added, folded: whether one is known, without reading its bucket.
  private var addedTerms: Set<[Character]> = []

  /// Whether a term opens in CJK, so may match inside a word.
  private var hasTermOpeningInCJK = false

  /// The terms that can match ASCII characters, for text read from its bytes.
  private var asciiIndex = ASCIIIndex()

  /// The characters other than ASCII that terms and titles hold once folded ("王", "μ"):
  /// Latin text folding to one of them may hold such a term or title, which its bytes cannot
  /// find, and is left to the long way (``latinFolded(_:)``).
  private var nonASCIITermCharacters = Set<Character>()

  /// Titles, folded, that go with a name written after them (``Care/takesTitle``).
  private let titles: [Pattern]

  /// A replacer whose names take `titles` before them ("Dr" for "Dr Patel").
  /// Replacements that stand for more than one person ("[a person]"): two in a row are never
  /// taken for one name written in two pieces (``replacing(in:where:)``).
  var sharedReplacements: Set<String> = []

  init(titles: [String] = []) {
    self.titles = titles.map { Pattern(Self.fold($0)) }
    nonASCIITermCharacters = Set(self.titles.flatMap(\.characters).filter { $0.asciiValue == nil })
  }

  /// Adds `term`, to be replaced by `replacement`. A term already added keeps its first
  /// replacement; a term with nothing to match is ignored.
  mutating func add(_ term: String, replacement: String, care: Care = []) {
    let folded = Self.fold(term.trimmingCharacters(in: .whitespacesAndNewlines))
    guard let first = folded.first, let last = folded.last else { return }
    guard addedTerms.insert(folded).inserted else { return }
    let added = Term(
      folded: Pattern(folded), replacement: replacement, care: care,
      opensInCJK: Self.isCJK(first), closesInCJK: Self.isCJK(last))
    // Longest first, and terms of one length in the order added. Put in its place in the
    // bucket where it lies, not in a copy of it sorted again: thousands of terms of one first
    // letter (an organisation's other names) made each addition cost all the others.
    let length = added.folded.count
    terms[first, default: []].insert(
      added, at: terms[first, default: []].partitionPoint { $0.folded.count < length })
    hasTermOpeningInCJK = hasTermOpeningInCJK || Self.isCJK(first)
    asciiIndex.add(added)
    nonASCIITermCharacters.formUnion(folded.filter { $0.asciiValue == nil })
  }

  /// The ASCII bytes that the characters of `folded` equal, or nil when one equals none: such
  /// a term can never match ASCII text. Characters compare by canonical equivalence, so a
  /// few others equal an ASCII one (U+037E is ";", U+1FEF is "`"); "\r\n" is one character
  /// and equals no byte.
  static func asciiBytes(_ folded: [Character]) -> [UInt8]? {
    var bytes: [UInt8] = []
    for character in folded {
      // An ASCII character stands for itself (Foundation's look cost most of adding a term).
      if character.utf8.count == 1, let byte = character.utf8.first {
        bytes.append(byte)
        continue
      }
      let scalars = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
      guard scalars.count == 1, let scalar = scalars.first, scalar.isASCII else { return nil }
      bytes.append(UInt8(scalar.value))
    }
    return bytes
  }

  /// Whether `term` folds to something already added.
  func contains(_ term: String) -> Bool {
    let folded = Self.fold(term.trimmingCharacters(in: .whitespacesAndNewlines))
    return addedTerms.contains(folded)
  }

  /// Whether any term occurs in `text`.
  func occurs(in text: String) -> Bool { !matches(in: text).isEmpty }

  /// `text` with every term replaced, suspects as ``Suspicion/replacedByDefault`` says.
  func replacing(in text: String) -> String {
    replacing(in: text) { $0.suspicion?.replacedByDefault ?? true }
  }

  /// `text` with the matches that `replace` accepts replaced.
  ///
  /// Two matches given the same replacement with only blanks between them, one of them found
  /// as like a name, are one name written in two pieces ("Zoe" as Zoë's first name, "Mueller"
  /// as like her surname): they become one replacement, as "Zoë Müller" does, not two in a row
  /// that read as two people. Two names each found as written ("#PriyaPatel PriyaP") stay
  /// two, as they were written, and so do two replacements that stand for anyone
  /// (``sharedReplacements``): "[a person] [a person]" may be two people.
  func replacing(in text: String, where replace: (Match) -> Bool) -> String {
    replacing(in: text, accepted: matches(in: text).filter(replace))
  }

  /// `text` with `accepted`, matches of it (``matches(in:)``) in order, replaced.
  func replacing(in text: String, accepted: [Match]) -> String {
    // Most notes name nobody: they are given back without being split into characters.
    guard !accepted.isEmpty else { return text }
    // Copied from the text itself between the matches, walking it once: no array of its
    // characters, and no string made of each piece of one.
    var output = ""
    var copied = text.startIndex
    var copiedUpTo = 0
    var last: Match?
    for match in accepted {
      let start = text.index(copied, offsetBy: match.range.lowerBound - copiedUpTo)
      let gap = text[copied..<start]
      let onePerson =
        match.replacement == last?.replacement && !sharedReplacements.contains(match.replacement)
        && (match.suspicion == .resemblance || last?.suspicion == .resemblance)
        && !gap.isEmpty && gap.allSatisfy(Self.isBlank)
      if !onePerson {
        output += gap
        output += match.replacement
      }
      last = match
      copied = text.index(start, offsetBy: match.range.count)
      copiedUpTo = match.range.upperBound
    }
    return output + text[copied...]
  }

  /// A space between two words of one name: a space or a no-break space.
  private static func isBlank(_ character: Character) -> Bool {
    character == " " || character == "\u{00A0}"
  }

  /// Every occurrence of a term in `text`, in order and not overlapping; ordinary uses of
  /// English words are not occurrences.
  func matches(in text: String) -> [Match] {
    guard !terms.isEmpty else { return [] }
    // ASCII and Latin text (without a carriage return, ``latinFolded(_:)``) is read from its
    // bytes: where a term may start is found first, and most notes of a report have no such
    // place, the rest few. A match needs such a place (a term opening in CJK has no ASCII
    // form, and one holding another character cannot match there), so none is missed.
    var text = text
    let fromBytes = text.withUTF8 { bytes -> [Match]? in
      if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
        let candidates = asciiIndex.candidates(in: bytes)
        return candidates.isEmpty ? [] : matches(in: ASCIIText(bytes: bytes), at: candidates)
      }
      guard let folded = latinFolded(bytes) else { return nil }
      let candidates = folded.withUnsafeBufferPointer { asciiIndex.candidates(in: $0) }
      guard !candidates.isEmpty else { return [] }
      return matches(in: LatinText(bytes: bytes, folded: folded), at: candidates)
    }
    return fromBytes ?? matches(in: CharacterText(text), at: nil)
  }

  /// ``matches(in:)`` found the long way, character by character: what reading the bytes
  /// must agree with.
  func matchesByCharacter(in text: String) -> [Match] {
    guard !terms.isEmpty else { return [] }
    return matches(in: CharacterText(text), at: nil)
  }

  /// The matches in `text` that start at one of `candidates` (increasing folded indices), or
  /// anywhere when nil.
  private func matches<Text: TermReplacerText>(in text: Text, at candidates: [Int]?) -> [Match] {
    var found: [Match] = []
    var position = 0
    var next = 0
    while position < text.count {
      if let candidates {
        while next < candidates.count, candidates[next] < position { next += 1 }
        guard next < candidates.count else { break }
        position = candidates[next]
      }
      if let (first, end) = match(at: position, in: text) {
        var match = first
        // A title taken with a name ("Mrs Okafor") never reaches back into the match before
        // it ("Okafor, Mrs" named "Mrs" too, and the two overlapped: the export crashed).
        if let last = found.last, match.range.lowerBound < last.range.upperBound {
          // The name alone, without the title.
          let start = max(last.range.upperBound, match.range.upperBound - match.text.count)
          match = Match(
            range: start..<match.range.upperBound, text: match.text,
            replacement: match.replacement, suspicion: match.suspicion)
        }
        found.append(match)
        position = end
      } else {
        position += 1
      }
    }
    return found
  }

  /// The folded characters of Latin text `bytes` (``isLatin(_:)``) as
  /// ``latinBytes`` writes them, one byte for each folded character; nil for other text, and
  /// for text folding to a character some term holds that is not ASCII ("µ" is "μ"). A third
  /// of a report's notes are not ASCII, most of them accented Latin ("café", "José"): without
  /// this, each was broken into characters and folded one by one to find no term.
  private func latinFolded(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    var folded: [UInt8] = []
    folded.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard byte != 0x0D else { return nil }
        folded.append(Self.foldedByte(byte))
        index += 1
        continue
      }
      guard (0xC2...0xCB).contains(byte), index + 1 < bytes.count else { return nil }
      let entry = Self.latinBytes[Self.latinScalar(byte, bytes[index + 1]) - 0x80]
      if !entry.others.isEmpty, entry.others.contains(where: nonASCIITermCharacters.contains) {
        return nil
      }
      folded += entry.bytes
      index += 2
    }
    return folded
  }

  /// The scalar from U+0080 to U+02FF written as `lead` (C2-CB) and `continuation` in valid
  /// UTF-8.
  static func latinScalar(_ lead: UInt8, _ continuation: UInt8) -> Int {
    Int(lead & 0x1F) << 6 | Int(continuation & 0x3F)
  }

  /// How many folded characters the scalar `value` (U+0080 to U+02FF) folds to.
  static func latinFoldedCount(_ value: Int) -> Int { latinBytes[value - 0x80].bytes.count }

  /// ``latinFolds`` as bytes: each folded character as its ASCII byte, or as ``otherWordByte``
  /// or ``otherByte`` (whether it continues a word), which no term's ASCII form holds; with
  /// those other characters, which a term may hold.
  private static let latinBytes: [(bytes: [UInt8], others: [Character])] = latinFolds.folds.map {
    folds in
    (
      folds.map { $0.asciiValue ?? (isWord($0) ? otherWordByte : otherByte) },
      folds.filter { $0.asciiValue == nil }
    )
  }

  /// A folded character other than ASCII that continues a word, as ``latinBytes`` writes it.
  private static let otherWordByte: UInt8 = 0xFE
  /// A folded character other than ASCII that does not continue a word.
  private static let otherByte: UInt8 = 0xFF

  /// ``isWord(_:)`` of the character a folded byte (``latinBytes``) stands for.
  static func isFoldedWordByte(_ byte: UInt8) -> Bool {
    byte == otherWordByte || isWordByte(byte)
  }

  /// An ASCII byte folded: capitals to small letters, a backquote to an apostrophe. The one
  /// rule for ASCII that every fold of this type follows.
  static func foldedByte(_ byte: UInt8) -> UInt8 {
    switch byte {
    case 0x41...0x5A: byte + 32
    case 0x60: 0x27
    default: byte
    }
  }

  /// ``isWord(_:)`` of an ASCII byte's character.
  static func isWordByte(_ byte: UInt8) -> Bool {
    isLetterByte(byte) || (0x30...0x39).contains(byte)
  }

  /// Whether an ASCII byte is a letter, in either case.
  static func isLetterByte(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

  /// The longest term matching at `position` of `text`, with the folded index just after it.
  private func match<Text: TermReplacerText>(at position: Int, in text: Text) -> (Match, Int)? {
    // A match starts and ends on whole original characters: "ß" folds to "ss", and half of
    // it is no word.
    guard position == 0 || text.origin(position - 1) != text.origin(position) else { return nil }
    // A term opens a word unless it opens in CJK; most positions are inside a word, where
    // only such a term can match, and it can only where the text there is CJK (the term's
    // first character is): that is asked before looking for terms at all, since hashing the
    // character to look it up cost more than the rest of the scan.
    let opensWord = position == 0 || !text.isWord(at: position - 1)
    guard opensWord || (hasTermOpeningInCJK && text.isCJK(at: position)),
      let candidates = terms(at: position, in: text)
    else {
      return nil
    }
    for term in candidates where opensWord || term.opensInCJK {
      let end = position + term.folded.count
      guard end <= text.count, end == text.count || text.origin(end) != text.origin(end - 1),
        text.holds(term.folded, at: position)
      else { continue }
      let wordEnd = term.care.contains(.suffixes) ? Self.suffixEnd(after: end, in: text) : end
      let closeBoundary =
        term.closesInCJK || wordEnd == text.count || !text.isWord(at: wordEnd)
        || Self.numberedAddress(position..<end, in: text)
      guard closeBoundary else { continue }
      let range = text.origin(position)..<(text.origin(end - 1) + 1)
      let word = text.string(
        range.lowerBound..<(wordEnd == end ? range.upperBound : text.origin(wordEnd - 1) + 1))
      if term.care.contains(.capitalsOnly), word.contains(where: \.isLowercase) { continue }
      // A domain: after "@", before a full stop ("@harbour.org"); not "@home today".
      if term.care.contains(.afterAt),
        position == 0 || !text.isFolded(position - 1, 0x40) || end >= text.count
          || !text.isFolded(end, 0x2E)
      {
        continue
      }
      // A short name with "s" or "es" that makes an English word is that word where written
      // in lower case: "times" of Tim, "lines" of Lin, "sales" of Sal went out as
      // "[Participant A]es". Capitalised ("spoke with Wills") it is the name, and a suspect
      // where capitalisation cannot tell ("The Times").
      let ordinaryPlural = wordEnd != end && EnglishWords.contains(word.lowercased())
      if ordinaryPlural, !word.contains(where: \.isUppercase) { continue }
      // "et al." cites; Al is someone else.
      if word.count == 2, word.lowercased() == "al",
        Self.wordBefore(range.lowerBound, in: text) == "et"
      {
        continue
      }
      var suspicion: Suspicion?
      if term.care.contains(.formOfAddress) {
        suspicion = Self.standsAlone(range, in: text) ? .ordinaryWord : .insideWord
      } else if term.care.contains(.standsAlone), !Self.standsAlone(range, in: text) {
        suspicion = .insideWord
      } else if term.care.contains(.ordinaryWord) {
        // In an e-mail address the word is a name however it is written: a person's before
        // the "@" ("grace@harbour.org"), an organisation's as its domain ("@harbour.org").
        // Replaced, and listed, as where capitalisation cannot tell. Not "hall@3pm", "hope@all"
        // nor "@grace_church", where "@" says "at" or starts a handle of anyone.
        let inAddress =
          term.care.contains(.organisation)
          ? Self.isDomain(position..<wordEnd, in: text)
          : Self.isLocalPart(position..<wordEnd, in: text)
        // "mins" of Min: the word is ordinary with its plural too.
        if !inAddress,
          Self.isOrdinary(word) || (wordEnd != end && Self.isOrdinary(text.string(range)))
        {
          continue
        }
        if inAddress
          || (!term.care.contains(.groupName)
            && Self.capitalisationCannotTell(word, at: range.lowerBound, in: text))
        {
          suspicion = .ordinaryWord
        }
      } else if term.care.contains(.ordinaryPhrase), Self.isOrdinary(word) {
        suspicion = .ordinaryWord
      }
      if term.care.contains(.calendar) {
        suspicion = Self.isInDate(range, in: text) ? .usualMeaning : suspicion ?? .ordinaryWord
      }
      if term.care.contains(.title) {
        suspicion =
          Self.readsAsTitle(word, range, in: text) ? .usualMeaning : suspicion ?? .ordinaryWord
      }
      if ordinaryPlural, Self.capitalisationCannotTell(word, at: range.lowerBound, in: text) {
        suspicion = suspicion ?? .ordinaryWord
      }
      if term.care.contains(.capitalInitial), text.original(range.upperBound - 1).isLowercase {
        suspicion = suspicion ?? .resemblance
      }
      if term.care.contains(.guess) { suspicion = suspicion ?? .shortForm }
      if term.care.contains(.resemblance) { suspicion = suspicion ?? .resemblance }
      if term.care.contains(.unknownName) { suspicion = .unknownName }
      if term.care.contains(.groupWord) { suspicion = .groupWord }
      let start =
        term.care.contains(.takesTitle) ? titleStart(before: position, in: text) : position
      return (
        Match(
          range: text.origin(start)..<range.upperBound, text: text.string(range),
          replacement: term.replacement, suspicion: suspicion), end
      )
    }
    return nil
  }

  /// Whether the folded characters `range` of `text` are the part of an e-mail address after
  /// its "@", before a full stop and a letter ("@harbour.org").
  static func isDomain<Text: TermReplacerText>(_ range: Range<Int>, in text: Text) -> Bool {
    range.lowerBound > 0 && text.isFolded(range.lowerBound - 1, 0x40)
      && range.upperBound + 1 < text.count && text.isFolded(range.upperBound, 0x2E)
      && isLetter(at: range.upperBound + 1, in: text)
  }

  /// Whether the folded characters `range` of `text` end the part of an e-mail address before
  /// its "@", digits aside ("grace1@"): a letter follows the "@", and a full stop then a
  /// letter before the address ends ("grace@harbour.org"; not "hall@3pm", "hope@all").
  static func isLocalPart<Text: TermReplacerText>(_ range: Range<Int>, in text: Text) -> Bool {
    var at = range.upperBound
    while at < text.count, isDigit(at: at, in: text) { at += 1 }
    guard at + 1 < text.count, text.isFolded(at, 0x40), isLetter(at: at + 1, in: text) else {
      return false
    }
    var position = at + 2
    while position + 1 < text.count,
      text.isWord(at: position) || text.isFolded(position, 0x2D)
        || text.isFolded(position, 0x2E)
    {
      if text.isFolded(position, 0x2E), isLetter(at: position + 1, in: text) { return true }
      position += 1
    }
    return false
  }

  /// Whether the folded character at `position` is a letter: a word's character, not a digit.
  private static func isLetter<Text: TermReplacerText>(at position: Int, in text: Text) -> Bool {
    text.isWord(at: position) && !isDigit(at: position, in: text)
  }

  /// Whether the folded character at `position` is an ASCII digit.
  private static func isDigit<Text: TermReplacerText>(at position: Int, in text: Text) -> Bool {
    (0x30...0x39).contains(where: { text.isFolded(position, $0) })
  }

  /// The terms that may start at `position` of `text`, longest first.
  private func terms<Text: TermReplacerText>(at position: Int, in text: Text) -> [Term]? {
    switch text.termLookup(at: position) {
    case .character(let character): terms[character]
    case .bytes(let first, let second): asciiIndex.terms(first: first, second: second)
    }
  }

  // MARK: Context

  /// Where a title written before `position` ("Dr ", "Dr. ") starts, or `position`.
  private func titleStart<Text: TermReplacerText>(before position: Int, in text: Text) -> Int {
    guard position >= 2, text.isFolded(position - 1, 0x20) else { return position }
    let end = text.isFolded(position - 2, 0x2E) ? position - 2 : position - 1
    for title in titles where end >= title.count {
      let start = end - title.count
      if text.holds(title, at: start), start == 0 || !text.isWord(at: start - 1) {
        return start
      }
    }
    return position
  }

  /// Plural and possessive endings, longest first.
  private static let suffixes = [Pattern(["e", "s"]), Pattern(["s"])]

  /// The folded index after a plural or possessive "s"/"es" at `end`, or `end`.
  private static func suffixEnd<Text: TermReplacerText>(after end: Int, in text: Text) -> Int {
    for suffix in suffixes {
      let stop = end + suffix.count
      if stop <= text.count, text.holds(suffix, at: end),
        stop == text.count || !text.isWord(at: stop)
      {
        return stop
      }
    }
    return end
  }

  /// Whether digits, and then no more of a word, follow the term at `range` (folded indices)
  /// in an address or a handle: the digits before "@" ("priya.patel2@", as NHSmail numbers
  /// them), the term after "@" ("@priyapatel1") or a term of five letters or more
  /// ("tomhughes84"). Such a name went out with its surname
  /// ("[Participant J].patel2@"); elsewhere a name and digits are a postcode ("LE1"), a
  /// number ("NHS111") or a date ("Jan2025"), no name.
  private static func numberedAddress<Text: TermReplacerText>(
    _ range: Range<Int>, in text: Text
  ) -> Bool {
    var index = range.upperBound
    while index < text.count, isDigit(at: index, in: text) {
      index += 1
    }
    guard index > range.upperBound, index == text.count || !text.isWord(at: index) else {
      return false
    }
    // A term of five letters or more with digits is a handle ("tomhughes84"), where no
    // postcode area, short acronym or month is.
    let atSign = UInt8(ascii: "@")
    return range.count >= 5 || (index < text.count && text.isFolded(index, atSign))
      || (range.lowerBound > 0 && text.isFolded(range.lowerBound - 1, atSign))
  }

  /// Whether a name that is also a title reads as the title at `range` (original indices):
  /// written in capitals ("DI"), before a capitalised word ("Lord Smith", "Nurse Jones") or
  /// after "the".
  private static func readsAsTitle<Text: TermReplacerText>(
    _ word: String, _ range: Range<Int>, in text: Text
  ) -> Bool {
    if word.count > 1, !word.contains(where: \.isLowercase) { return true }
    if wordBefore(range.lowerBound, in: text) == "the" { return true }
    // Before a name: a capital, then small letters ("Jones", "Mayor"); not "I", "NHS" or a
    // day ("Thanks Di I will send it" is Di).
    var index = range.upperBound + 1
    guard index < text.originalCount, text.original(range.upperBound) == " ",
      text.original(index).isUppercase
    else { return false }
    var next = String(text.original(index))
    index += 1
    while index < text.originalCount, text.original(index).isLetter, next.count < 12 {
      next.append(text.original(index))
      index += 1
    }
    return next.count >= 2 && next.dropFirst().allSatisfy(\.isLowercase)
      && !NameForms.calendarNames.contains(next.lowercased())
  }

  /// Whether a day stands just before `range` ("14 Jan", "3rd June") or a day or a year just
  /// after it ("Jan 14", "June 2025"), one space apart: it may be a date.
  private static func isInDate<Text: TermReplacerText>(_ range: Range<Int>, in text: Text)
    -> Bool
  {
    if let before = wordBefore(range.lowerBound, in: text) {
      let digits = before.prefix(while: \.isNumber)
      let rest = String(before.dropFirst(digits.count))
      if let day = Int(digits), (1...31).contains(day), rest.isEmpty || ordinals.contains(rest) {
        return true
      }
    }
    var index = range.upperBound
    guard index + 1 < text.originalCount, text.original(index) == " " else { return false }
    index += 1
    var digits = ""
    while index < text.originalCount, digits.count < 5, let ascii = text.original(index).asciiValue,
      (0x30...0x39).contains(ascii)
    {
      digits.append(text.original(index))
      index += 1
    }
    guard let number = Int(digits) else { return false }
    if digits.count == 4 { return (1900...2099).contains(number) }
    // A day, then no word: "Jan 14", "Jan 14, 2025", "June 3rd"; not "Jan 3 times".
    guard (1...31).contains(number) else { return false }
    let rest = index < text.originalCount ? text.original(index) : " "
    if rest == "s" || rest == "n" || rest == "r" || rest == "t" {
      let suffix = (0..<2).compactMap {
        index + $0 < text.originalCount ? text.original(index + $0) : nil
      }
      return ordinals.contains(String(suffix))
    }
    guard !rest.isLetter else { return false }
    if rest == " ", index + 1 < text.originalCount { return text.original(index + 1).isNumber }
    return true
  }

  /// What follows a day's number ("14th", "3rd").
  private static let ordinals: Set<String> = ["st", "nd", "rd", "th"]

  /// The word of up to four letters or digits just before `start`, one space apart, in lower
  /// case; nil if none is there, or it is longer.
  private static func wordBefore<Text: TermReplacerText>(_ start: Int, in text: Text) -> String? {
    guard start >= 2, text.original(start - 1) == " " else { return nil }
    var index = start - 2
    var word: [Character] = []
    while index >= 0, word.count < 5,
      text.original(index).isLetter || text.original(index).isNumber
    {
      word.append(text.original(index))
      index -= 1
    }
    guard !word.isEmpty, word.count < 5 else { return nil }
    return String(word.reversed()).lowercased()
  }

  /// Whether `word` is written as ordinary lower-case English: every one of its words is in
  /// the word list ("will", "city council"; not "Will" or "zoe").
  private static func isOrdinary(_ word: String) -> Bool {
    let words = word.split { !$0.isLetter }
    return !words.isEmpty && words.allSatisfy(EnglishWords.contains)
  }

  /// Words after which a capitalised word may be a title or an ordinary noun.
  private static let determiners: Set<String> = ["the", "a", "an"]

  /// Whether a capitalised English word may not be a name: it starts a sentence, follows
  /// "the", or is written all in capitals.
  private static func capitalisationCannotTell<Text: TermReplacerText>(
    _ word: String, at start: Int, in text: Text
  ) -> Bool {
    if word.count > 1, !word.contains(where: \.isLowercase) { return true }
    var index = start - 1
    while index >= 0,
      text.original(index) == " " || text.original(index) == "\t"
        || "\"'“‘([*•-".contains(text.original(index))
    {
      index -= 1
    }
    guard index >= 0 else { return true }
    if ".!?:;\n\r".contains(text.original(index)) { return true }
    var previous = ""
    while index >= 0, text.original(index).isLetter {
      previous.insert(text.original(index), at: previous.startIndex)
      index -= 1
    }
    return determiners.contains(previous.lowercased())
  }

  /// Whether no letter or digit touches `range`.
  private static func standsAlone<Text: TermReplacerText>(_ range: Range<Int>, in text: Text)
    -> Bool
  {
    let before = range.lowerBound == 0 || !isLetterOrDigit(text.original(range.lowerBound - 1))
    let after =
      range.upperBound == text.originalCount || !isLetterOrDigit(text.original(range.upperBound))
    return before && after
  }

  private static func isLetterOrDigit(_ character: Character) -> Bool {
    character.isLetter || character.isNumber
  }

  // MARK: Folding

  /// Letters that carry no separable accent, so accent folding leaves them alone, but that
  /// people often type without: "Lukasz" for "Łukasz", "Sorensen" for "Sørensen".
  private static let plainLetters: [Character: String] = [
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
  ]

  /// Apostrophes and look-alikes, all read as `'` so "O’Neill" is "O'Neill".
  static let apostrophes: Set<Character> = [
    "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{2032}",
  ]

  /// Spaces that fold to " ": the no-break spaces and the fixed-width ones typesetting uses.
  static let spaces: Set<Character> = [
    "\u{00A0}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
    "\u{2008}", "\u{2009}", "\u{200A}", "\u{202F}", "\u{205F}",
  ]

  /// `text` folded, and for each folded character the index of the original character it came
  /// from.
  static func foldWithOrigin(_ text: String) -> (folded: [Character], origin: [Int]) {
    var folded: [Character] = []
    var origin: [Int] = []
    folded.reserveCapacity(text.utf8.count)
    origin.reserveCapacity(text.utf8.count)
    // Latin text's characters are its scalars: folded from them and the table, without
    // breaking the text into characters.
    if isLatin(text) {
      for (index, scalar) in text.unicodeScalars.enumerated() {
        if scalar.isASCII {
          folded.append(Character(Unicode.Scalar(foldedByte(UInt8(scalar.value)))))
          origin.append(index)
          continue
        }
        for piece in latinFolds.folds[Int(scalar.value - latinFolds.range.lowerBound)] {
          folded.append(piece)
          origin.append(index)
        }
      }
      return (folded, origin)
    }
    for (index, character) in text.enumerated() {
      // An ASCII character folds to one character: appended as it is, without the array
      // ``fold(_:)-(Character)`` returns, which cost an allocation for every character of
      // every note an anonymised report scrubs.
      if let ascii = character.asciiValue {
        folded.append(foldedASCII(character, ascii))
        origin.append(index)
        continue
      }
      for piece in fold(character) {
        folded.append(piece)
        origin.append(index)
      }
    }
    return (folded, origin)
  }

  /// Whether every scalar of `text` is below U+0300 and none is a carriage return (which makes
  /// one character with a following line feed): then each scalar is its own character (none
  /// of them joins another), and ``latinFolds`` folds each one that is not ASCII.
  static func isLatin(_ text: String) -> Bool {
    // Bytes from CC on start scalars from U+0300 on; the rest are ASCII, continuations and the
    // first bytes of U+0080-U+02FF.
    text.utf8.allSatisfy { $0 < 0xCC && $0 != 0x0D }
  }

  /// The characters of `text`, as `Array(text)` gives them; Latin text's from its scalars.
  static func characters(of text: String) -> [Character] {
    isLatin(text) ? text.unicodeScalars.map(Character.init) : Array(text)
  }

  /// `text` folded character by character.
  static func fold(_ text: String) -> [Character] {
    // ASCII without a carriage return (which makes one character with a following line feed)
    // folds byte by byte: capitals to small letters, a backquote to an apostrophe. Names and
    // themes are folded by the thousand in a report, and splitting them into characters to
    // look each up costs far more.
    guard text.utf8.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else {
      return text.flatMap { fold($0) }
    }
    return text.utf8.map { Character(Unicode.Scalar(foldedByte($0))) }
  }

  /// A person's name (or organisation) as people are told apart: ``fold(_:)-(String)``, the
  /// blanks at its ends left out and each run of them inside it one space. "Amira  Khan",
  /// pasted with two spaces, is Amira Khan: `erase-person "Amira Khan"` left her session as it
  /// was, and said she was erased.
  static func nameKey(_ name: String) -> [Character] {
    let folded = fold(name.trimmingCharacters(in: .whitespacesAndNewlines))
    guard folded.indices.dropFirst().contains(where: { folded[$0].isWhitespace }) else {
      return folded
    }
    var key: [Character] = []
    key.reserveCapacity(folded.count)
    for character in folded {
      if character.isWhitespace {
        if key.last != " " { key.append(" ") }
      } else {
        key.append(character)
      }
    }
    return key
  }

  /// One character without case, accents or width, as the characters it compares as.
  static func fold(_ character: Character) -> [Character] {
    // Most text is ASCII, and most of the rest Latin letters of one scalar ("é", "ñ"): those
    // are lowercased or looked up without hashing the character or asking Foundation, which
    // a report folding thousands of names and themes spent most of its folding on.
    if let ascii = character.asciiValue { return [foldedASCII(character, ascii)] }
    var scalars = character.unicodeScalars.makeIterator()
    if let scalar = scalars.next(), scalars.next() == nil {
      // Notes in Arabic or Japanese asked Foundation for every letter; their blocks are looked
      // up too.
      if let folded = fold(scalar, by: latinFolds) ?? fold(scalar, by: kanaFolds)
        ?? fold(scalar, by: arabicFolds)
      {
        return folded
      }
      // A unified Han ideograph has no case, accent, width form or decomposition: it folds to
      // itself (the tests compare every one with Foundation's folding).
      if (0x3400...0x4DBF).contains(scalar.value) || (0x4E00...0x9FFF).contains(scalar.value) {
        return [character]
      }
    }
    return foldedByFoundation(character)
  }

  /// `scalar`, a character of its own, folded by `table`, or nil when outside its range.
  private static func fold(_ scalar: Unicode.Scalar, by table: ScalarFolds) -> [Character]? {
    guard table.range.contains(scalar.value) else { return nil }
    return table.folds[Int(scalar.value - table.range.lowerBound)]
  }

  /// An ASCII `character` (whose value is `ascii`) folded: capitals to small letters, a
  /// backquote to an apostrophe. "\r\n" is one character with the ASCII value of "\n"; it
  /// stays as it is.
  private static func foldedASCII(_ character: Character, _ ascii: UInt8) -> Character {
    let folded = foldedByte(ascii)
    return folded == ascii ? character : Character(Unicode.Scalar(folded))
  }

  /// ``fold(_:)-(Character)`` of each character of one scalar from U+0080 to U+02FF (Latin-1,
  /// Latin Extended-A and -B, IPA and spacing modifier letters), made by
  /// ``foldedByFoundation(_:)`` when first needed, so the two cannot differ.
  static let latinFolds = scalarFolds(0x80...0x2FF)

  /// ``fold(_:)-(Character)`` of each character of one scalar of hiragana and katakana, made
  /// like ``latinFolds`` when first needed.
  static let kanaFolds = scalarFolds(0x3040...0x30FF)

  /// ``fold(_:)-(Character)`` of each character of one scalar of the Arabic block, made like
  /// ``latinFolds`` when first needed.
  static let arabicFolds = scalarFolds(0x600...0x6FF)

  /// Scalars from `range` with what each folds to.
  typealias ScalarFolds = (range: ClosedRange<UInt32>, folds: [[Character]])

  /// ``foldedByFoundation(_:)`` of each scalar in `range`, which holds no surrogate.
  private static func scalarFolds(_ range: ClosedRange<UInt32>) -> ScalarFolds {
    (range, range.map { foldedByFoundation(Character(Unicode.Scalar($0) ?? "\u{FFFD}")) })
  }

  /// ``fold(_:)-(Character)`` without its shortcuts: apostrophes as `'`, then Foundation's
  /// folding of case, accents and width, and the ``plainLetters``. Characters nobody sees
  /// (``isInvisible(_:)``) fold to nothing, alone or inside another character.
  /// Whether `scalar` is a letter or digit drawn in a style, which reads as the plain one:
  /// the mathematical alphanumerics (bold, italic, script, Fraktur, double-struck: "𝐀", "𝑎"),
  /// the letterlike symbols that complete them ("ℎ", "ℳ", "ℬ"), and circled and squared
  /// letters ("Ⓐ", "🄰").
  static func isStyledLetter(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2100...0x214F, 0x2460...0x24FF, 0x1D400...0x1D7FF, 0x1F130...0x1F189: true
    default: false
    }
  }

  static func foldedByFoundation(_ character: Character) -> [Character] {
    if apostrophes.contains(character) { return ["'"] }
    // Text pasted from a word processor or a mail joins a name's words with a space that
    // does not break ("North SLG"): it went out as written.
    if spaces.contains(character) { return [" "] }
    if let ascii = character.asciiValue {
      return [(0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 32)) : character]
    }
    // A reader sees "Zo\u{200B}ë" as "Zoë", so the name is found in it: pasted text brings
    // zero-width spaces and soft hyphens, and a name split by one went out unreplaced.
    if character.unicodeScalars.contains(where: isInvisible) {
      var visible = String.UnicodeScalarView()
      visible.append(contentsOf: character.unicodeScalars.filter { !isInvisible($0) })
      return String(visible).flatMap { foldedByFoundation($0) }
    }
    // Styled letters and digits (bold, italic, script: "𝐀𝐬𝐡𝐚", as some apps paste them) read
    // as the letters: a name written so went out unreplaced.
    // Folded again only where the mapping changed it: a symbol of those blocks that maps to
    // itself ("℮") would otherwise be folded for ever.
    if character.unicodeScalars.contains(where: isStyledLetter) {
      let plain = String(character).precomposedStringWithCompatibilityMapping
      if plain != String(character) { return plain.flatMap { foldedByFoundation($0) } }
    }
    let folded = String(character).folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    return folded.flatMap { piece in plainLetters[piece].map(Array.init) ?? [piece] }
  }

  /// Whether `scalar` is drawn as nothing where it stands: Unicode's default-ignorable code
  /// points, such as the zero-width space and joiners, the soft hyphen, the word joiner, the
  /// direction marks, embeddings and isolates, variation selectors and tags. Whatever they
  /// do to a line's shaping or direction, a name holding one reads as the name.
  static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isDefaultIgnorableCodePoint
  }

  /// A character that continues a word written with spaces between words. ASCII is answered
  /// without asking for the character's Unicode properties, at every position of every text.
  static func isWord(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return isWordByte(ascii) }
    return (character.isLetter || character.isNumber) && !isCJK(character)
  }

  /// Han, kana and hangul: scripts whose words are not separated by spaces.
  static func isCJK(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x318F, 0x31A0...0x31FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
      0xFF66...0xFF9F, 0x20000...0x3134F:
      return true
    default:
      return false
    }
  }
}
