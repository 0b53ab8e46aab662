/// Finds the part of an e-mail address before its "@" that is made of one person's name, as
/// addresses write names: the name's words in either order, joined by a full stop, a hyphen or
/// an underscore or run together, any of them as its initial ("smith.john@", "john-smith@",
/// "john.s@", "jsmith@", "majones@" for Mary Anne Jones, "aobriain@" for Aoife Ó Briain,
/// "zmueller@" for Zoë Müller).
///
/// These forms are not terms of the ``TermReplacer``: held as terms, run-together forms matched
/// wherever their letters stood ("spain" of Sam Pain) and hid the words the look-alike pass
/// lists ("jsmith2", "(jsmith)"). Here a name is only looked for where an address stands, in
/// the whole of its first part, and every letter of that part must be the person's.
struct AddressNames: Sendable {
  /// One part of an address's first part, made of someone's name.
  struct Found: Equatable, Sendable {
    /// Where it is, in characters of the text: from the part's first letter to its last,
    /// digits after it left out ("jsmith" of "jsmith2@").
    let range: Range<Int>
    /// The text there, as written.
    let text: String
    /// Who it may be: indices of the names given to ``init(names:)``.
    let people: [Int]
    /// Whether a word of the name stands as its initial ("jsmith"), which makes it a guess.
    let hasInitial: Bool
    /// Whether its letters make an English word ("shill" of Sam Hill).
    let isWord: Bool
  }

  /// A word of a name (each half of a hyphenated or apostrophised word on its own, "o" and
  /// "briain" of "O'Briain"), as its folded letters and, where German letters are spelt out
  /// ("mueller" for "müller"), that way too.
  private struct Unit: Sendable {
    let spellings: [[Character]]
    var initial: Character { spellings[0][0] }
  }

  /// The most words of a name looked at: what keeps the search of an address's letters
  /// bounded (at most 2^8 choices of words used at each letter).
  static let maximumWords = 8
  /// The longest first part of an address looked at (RFC 5321's limit).
  static let maximumLength = 64
  /// The fewest letters of the part written as whole words: "js@" is anyone's initials.
  static let fewestWholeLetters = 3

  private let people: [[Unit]]

  init(names: [String]) {
    people = names.map { name in
      var units: [Unit] = []
      for word in NameForms.core(name) {
        for piece in word.split(whereSeparator: { $0 == "-" || NameForms.isApostrophe($0) }) {
          let folded = TermReplacer.fold(String(piece)).filter(\.isLetter)
          guard !folded.isEmpty, !folded.contains(where: TermReplacer.isCJK) else { continue }
          let spelt = SuspectFinder.spelt(String(piece))
          units.append(
            Unit(spellings: spelt == folded || spelt.isEmpty ? [folded] : [folded, spelt]))
        }
      }
      return Array(units.prefix(Self.maximumWords))
    }
  }

  /// Each address's first part in `text` that is made of someone's name, in order.
  func find(in text: String) -> [Found] {
    // Most texts hold no address.
    guard !people.isEmpty, text.utf8.contains(UInt8(ascii: "@")) else { return [] }
    let characters = Array(text)
    var found: [Found] = []
    for (at, character) in characters.enumerated()
    where character == "@" && Self.isDomain(after: at, in: characters) {
      guard let range = Self.namedPart(before: at, in: characters) else { continue }
      let letters = characters[range].flatMap { $0.isLetter ? TermReplacer.fold($0) : [] }
        .filter(\.isLetter)
      var hasInitial = false
      var fitting: [Int] = []
      for (index, units) in people.enumerated() {
        guard let initials = Self.fewestInitials(letters, units) else { continue }
        fitting.append(index)
        hasInitial = hasInitial || initials > 0
      }
      guard !fitting.isEmpty else { continue }
      found.append(
        Found(
          range: range, text: String(characters[range]), people: fitting, hasInitial: hasInitial,
          isWord: EnglishWords.contains(String(letters))))
    }
    return found
  }

  /// `matches` (in order, not overlapping) with each of `found` in place of those it overlaps,
  /// but for one already standing where it does, which knows more of what it is.
  static func merging(_ found: [TermReplacer.Match], into matches: [TermReplacer.Match])
    -> [TermReplacer.Match]
  {
    var merged = matches
    for match in found where !merged.contains(where: { $0.range == match.range }) {
      merged.removeAll { $0.range.overlaps(match.range) }
      merged.insert(
        match,
        at: merged.firstIndex { $0.range.lowerBound > match.range.lowerBound } ?? merged.count)
    }
    return merged
  }

  /// Whether what follows the "@" at `at` reads as an address's domain: a letter, then a full
  /// stop and a letter before the address ends ("@harbour.org"; not "@3pm", "@all").
  private static func isDomain(after at: Int, in text: [Character]) -> Bool {
    guard at + 1 < text.count, text[at + 1].isLetter else { return false }
    var position = at + 2
    while position + 1 < text.count, position - at <= 255,
      text[position].isLetter || text[position].isNumber || "-._".contains(text[position])
    {
      if text[position] == ".", text[position + 1].isLetter { return true }
      position += 1
    }
    return false
  }

  /// The first part of the address whose "@" is at `at`, from its first letter to its last
  /// (digits and separators after it left out); nil where there is none or it is too long.
  private static func namedPart(before at: Int, in text: [Character]) -> Range<Int>? {
    var start = at
    while start > 0, isAddressCharacter(text[start - 1]) {
      start -= 1
      if at - start > maximumLength { return nil }
    }
    // An address is not part of a word: "x@" inside "ab—x@" starts at the dash.
    while start < at, !text[start].isLetter { start += 1 }
    var end = at
    while end > start, !text[end - 1].isLetter { end -= 1 }
    return start < end ? start..<end : nil
  }

  /// A character an address's first part is written with.
  private static func isAddressCharacter(_ character: Character) -> Bool {
    character.isLetter || character.isNumber || "._-'’+".contains(character)
  }

  /// The fewest of `units` written as their initial in a reading of `letters` as the words
  /// `units`, each at most once, in any order, with at least two of them and
  /// ``fewestWholeLetters`` written whole; nil when there is no such reading. One whole word
  /// alone is left to the replacer's terms, which know its care ("grace@" for an ordinary
  /// word).
  private static func fewestInitials(_ letters: [Character], _ units: [Unit]) -> Int? {
    guard units.count >= 2, !letters.isEmpty, letters.count <= maximumLength else { return nil }
    // Each state: a letter reached and the words used so far. The best reading from it
    // (most letters written whole) is found once.
    var best: [Int: (whole: Int, words: Int)?] = [:]
    func read(_ position: Int, _ used: Int) -> (whole: Int, words: Int)? {
      if position == letters.count { return (0, 0) }
      let key = position << maximumWords | used
      if let known = best[key] { return known }
      var result: (whole: Int, words: Int)?
      for (index, unit) in units.enumerated() where used & (1 << index) == 0 {
        let next = used | (1 << index)
        for spelling in unit.spellings
        where position + spelling.count <= letters.count
          && letters[position..<position + spelling.count].elementsEqual(spelling)
        {
          if let rest = read(position + spelling.count, next),
            rest.whole + spelling.count > result?.whole ?? -1
          {
            result = (rest.whole + spelling.count, rest.words + 1)
          }
        }
        if letters[position] == unit.initial, let rest = read(position + 1, next),
          rest.whole > result?.whole ?? -1
        {
          result = (rest.whole, rest.words + 1)
        }
      }
      best[key] = result
      return result
    }
    guard let reading = read(0, 0), reading.words >= 2, reading.whole >= fewestWholeLetters
    else { return nil }
    return letters.count - reading.whole
  }
}
