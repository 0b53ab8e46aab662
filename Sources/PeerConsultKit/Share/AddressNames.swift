/// Finds, in the part of an e-mail address before its "@", a person's name written as
/// addresses write names: the name's words in either order, joined by full stops, hyphens or
/// underscores or run together, any of them as its initial, a title run in ("smith.john@",
/// "john-smith@", "john.s@", "jsmith@", "majones@" for Mary Anne Jones, "aobriain@" for Aoife
/// Ó Briain, "zmueller@" for Zoë Müller, "drpatel@"), alone or beside other words of the
/// address ("cllr.jsmith@", "jsmith.nhs@", "jsmith+work@").
///
/// These forms are not terms of the ``TermReplacer``: held as terms, run-together forms matched
/// wherever their letters stood ("spain" of Sam Pain) and hid the words the look-alike pass
/// lists ("jsmith2", "(jsmith)"). Here a name is only looked for where an address stands, and
/// every letter of the words it is found in must be the person's.
struct AddressNames: Sendable {
  /// A name found in an address.
  struct Found: Equatable, Sendable {
    /// Where it is, in characters of the text: from its first letter to its last, what is not
    /// the name left out ("jsmith" of "cllr.jsmith2@").
    let range: Range<Int>
    /// The text there, as written.
    let text: String
    /// Who it may be: indices of the names given to ``init(names:)``.
    let people: [Int]
    /// Whether a word of the name stands as its initial ("jsmith"), which makes it a guess.
    let hasInitial: Bool
    /// Whether it is written as an English word: "rosemary" of Rose Mary Lane, or, with an
    /// initial, "shill" of Sam Hill and "pals" of Inder Pal Singh, more often no one's.
    let isWord: Bool
  }

  /// A word of a name (each half of a hyphenated or apostrophised word on its own, "o" and
  /// "briain" of "O'Briain"), as its folded letters and, where letters are spelt out as a
  /// keyboard without them writes them ("mueller" for "müller"), that way too.
  private struct Unit: Sendable {
    let spellings: [[Character]]
    /// A particle ("bin", "de", "Ó"), whose letters alone say little of who it is.
    let isParticle: Bool
    var initial: Character { spellings[0][0] }
  }

  /// The longest part of an address before its "@" looked at (RFC 5321's limit).
  static let maximumLength = 64
  /// The most words, split at full stops, hyphens and underscores, of an address's first part
  /// whose runs are each looked at (`cllr.jsmith.nhs`); a part of more is looked at whole.
  static let maximumWords = 8
  /// The most words of a name read: its first ones and its last, the surname, which an
  /// address writes.
  static let maximumUnits = 16
  /// The fewest letters of the name written as whole words other than particles: "js@" or
  /// "albin@" (of "Al" and "bin") is anyone's.
  static let fewestWholeLetters = 3
  /// How many comparisons of a name's word (or a title) with an address's letters, and
  /// readings from a letter, looking at one text may make: what keeps a crafted text of many
  /// addresses, against many names of many like words, bounded; its later addresses are left
  /// to the replacer's terms. An ordinary address takes a few dozen against the one or two
  /// names that hold all its letters.
  static let comparisonBudget = 40_000
  /// The part of ``comparisonBudget`` one address may take: ten crafted ones use up a text's.
  static let addressBudget = 4_000

  /// Particles of names, folded: "albin@" of "Mohammed bin Ahmed Al-Harbi" is no one's.
  private static let particles: Set<[Character]> = Set(
    [
      "al", "el", "bin", "ibn", "bint", "binti", "abu", "van", "von", "der", "den", "de", "la",
      "le", "du", "da", "di", "dos", "das", "del", "della", "ni", "nic", "o", "mac", "mc", "ap",
      "ter", "ten", "st", "y",
    ].map { Array($0) })
  /// Titles run into an address ("drpatel", "cllr.jsmith"), folded.
  private static let titles: [[Character]] = NameForms.titles.map { TermReplacer.fold($0) }

  private let people: [[Unit]]
  /// Each name's letters, a title's among them: an address's part holding another is not it.
  private let letters: [Letters]
  /// The letters each name's words and the titles start with.
  private let initials: [Letters]

  init(names: [String]) {
    people = names.map { name in
      var units: [Unit] = []
      for word in NameForms.core(name) {
        for piece in word.split(whereSeparator: { $0 == "-" || NameForms.isApostrophe($0) }) {
          let folded = TermReplacer.fold(String(piece)).filter(\.isLetter)
          guard !folded.isEmpty, !folded.contains(where: TermReplacer.isCJK) else { continue }
          let spelt = SuspectFinder.spelt(String(piece))
          units.append(
            Unit(
              spellings: spelt == folded || spelt.isEmpty ? [folded] : [folded, spelt],
              isParticle: Self.particles.contains(folded)))
        }
      }
      return units
    }
    let titleLetters = Array(Self.titles.joined())
    letters = people.map { Letters($0.flatMap { $0.spellings.joined() } + titleLetters) }
    initials = people.map { Letters($0.map(\.initial) + Self.titles.compactMap(\.first)) }
  }

  /// Each name found in an address's first part in `text`, in order.
  func find(in text: String) -> [Found] {
    // Most texts hold no address.
    guard !people.isEmpty, text.utf8.contains(UInt8(ascii: "@")) else { return [] }
    let characters = TermReplacer.characters(of: text)
    var found: [Found] = []
    var budget = Self.comparisonBudget
    for (at, character) in characters.enumerated()
    where character == "@" && Self.isDomain(after: at, in: characters) {
      guard budget > 0 else { break }
      var left = min(budget, Self.addressBudget)
      defer { budget -= min(budget, Self.addressBudget) - left }
      for run in Self.runs(before: at, in: characters) {
        let letters = characters[run].flatMap(Self.foldedLetters)
        guard let first = letters.first else { continue }
        let wanted = Letters(letters)
        let written = characters[run]
        // Written as one word: "john.s" is no "johns", nor is "SHill", whose capital marks an
        // initial ("SHILL" does not).
        let isWord =
          written.allSatisfy(Self.isLetter)
          && !(written.dropFirst().contains(where: \.isUppercase)
            && written.contains(where: \.isLowercase))
          && EnglishWords.contains(String(letters))
        let free = Self.freeInitials(in: written)
        var fitting: [Int] = []
        var hasInitial = false
        for (index, units) in people.enumerated()
        where self.initials[index].contains(first) && self.letters[index].contains(all: wanted) {
          guard let initials = Self.fewestInitials(letters, free: free, units, budget: &left)
          else {
            continue
          }
          fitting.append(index)
          hasInitial = hasInitial || initials > 0
        }
        // Cut short, the people it fits are not all known: it may be two people's, said for
        // one. Left to the replacer's terms.
        guard left > 0 else { break }
        guard !fitting.isEmpty else { continue }
        found.append(
          Found(
            range: run, text: String(characters[run]), people: fitting, hasInitial: hasInitial,
            isWord: isWord))
        break
      }
    }
    return found
  }

  /// `matches` (in order, not overlapping) with each of `found` in place of those it overlaps:
  /// it has read the whole of the address's words, where a match there has read one, or
  /// guessed the form a look-alike. One already there that says the same, certain of it, stays.
  /// It is never less sure than what it takes the place of: "p.patel" holds "patel", certain,
  /// so a choice to keep "p.patel" as a guess would have let the surname out; and where what
  /// it displaces is replaced unless kept, so is it.
  static func merging(_ found: [TermReplacer.Match], into matches: [TermReplacer.Match])
    -> [TermReplacer.Match]
  {
    var merged = matches
    for match in found
    where !merged.contains(where: {
      $0.range == match.range && $0.replacement == match.replacement && $0.suspicion == nil
    }) {
      let displaced = merged.filter { $0.range.overlaps(match.range) }
      var suspicion = match.suspicion
      if displaced.contains(where: { $0.suspicion == nil }) {
        suspicion = nil
      } else if suspicion?.replacedByDefault == false,
        let replaced = displaced.first(where: { $0.suspicion?.replacedByDefault == true })
      {
        suspicion = replaced.suspicion
      }
      merged.removeAll { $0.range.overlaps(match.range) }
      merged.insert(
        TermReplacer.Match(
          range: match.range, text: match.text, replacement: match.replacement,
          suspicion: suspicion),
        at: merged.firstIndex { $0.range.lowerBound > match.range.lowerBound } ?? merged.count)
    }
    return merged
  }

  /// Whether what follows the "@" at `at` reads as an address's domain: a letter, then a full
  /// stop and a letter before the address ends ("@harbour.org"; not "@3pm", "@all").
  private static func isDomain(after at: Int, in text: [Character]) -> Bool {
    guard at + 1 < text.count, isLetter(text[at + 1]) else { return false }
    var position = at + 2
    while position + 1 < text.count, position - at <= 255,
      TermReplacer.isWord(text[position]) || "-._".contains(text[position])
    {
      if text[position] == ".", isLetter(text[position + 1]) { return true }
      position += 1
    }
    return false
  }

  /// Where a name may stand in the first part of the address whose "@" is at `at`, longest
  /// first: the whole part, without a tag after "+" ("jsmith+work"), then each run of its words
  /// ("cllr.jsmith.nhs": "cllr.jsmith", "jsmith.nhs", …), each from its first letter to its
  /// last. None where the part is longer than an address's may be.
  private static func runs(before at: Int, in text: [Character]) -> [Range<Int>] {
    var start = at
    while start > 0, isAddressCharacter(text[start - 1]) {
      start -= 1
      if at - start > maximumLength { return [] }
    }
    let end = text[start..<at].firstIndex(of: "+") ?? at
    // The words, each a range of letters and digits.
    var words: [Range<Int>] = []
    var index = start
    while index < end {
      guard TermReplacer.isWord(text[index]) else {
        index += 1
        continue
      }
      var last = index
      while last < end, TermReplacer.isWord(text[last]) { last += 1 }
      words.append(index..<last)
      index = last
    }
    guard let firstWord = words.first, let lastWord = words.last else { return [] }
    var spans: [Range<Int>] = []
    if words.count > maximumWords {
      spans = [firstWord.lowerBound..<lastWord.upperBound]
    } else {
      for length in stride(from: words.count, through: 1, by: -1) {
        for first in 0...(words.count - length) {
          spans.append(words[first].lowerBound..<words[first + length - 1].upperBound)
        }
      }
    }
    // From a letter to a letter: "jsmith2" is "jsmith".
    return spans.compactMap { span -> Range<Int>? in
      guard let first = text[span].firstIndex(where: isLetter),
        let last = text[span].lastIndex(where: isLetter)
      else { return nil }
      return first..<(last + 1)
    }
  }

  /// The letters (counted among the folded letters of `written`) that are a word of one
  /// letter between two others: a middle initial ("grace.l.hall"), which may be anyone's.
  private static func freeInitials(in written: ArraySlice<Character>) -> Set<Int> {
    var words: [(start: Int, count: Int)] = []
    var letters = 0
    var inWord = false
    for character in written {
      guard TermReplacer.isWord(character) else {
        inWord = false
        continue
      }
      let count = foldedLetters(character).count
      if !inWord { words.append((letters, 0)) }
      inWord = true
      words[words.count - 1].count += count
      letters += count
    }
    // In the middle only: "x.y.hill" is no one's.
    return Set(words.dropFirst().dropLast().filter { $0.count == 1 }.map(\.start))
  }

  /// The letters `character` folds to (``TermReplacer/fold(_:)``): none for a digit or a
  /// separator; an ASCII letter, as most are, itself in lower case.
  private static func foldedLetters(_ character: Character) -> [Character] {
    if let ascii = character.asciiValue {
      return isLetter(character) ? [Character(Unicode.Scalar(ascii | 0x20))] : []
    }
    return character.isLetter ? TermReplacer.fold(character).filter(\.isLetter) : []
  }

  /// A character an address's first part is written with.
  private static func isAddressCharacter(_ character: Character) -> Bool {
    TermReplacer.isWord(character) || "._-'’+".contains(character)
  }

  /// Whether `character` is a letter, an ASCII one without asking Unicode's tables: every
  /// character of every address is asked.
  private static func isLetter(_ character: Character) -> Bool {
    if let ascii = character.asciiValue { return TermReplacer.isLetterByte(ascii) }
    return character.isLetter
  }

  /// Letters of a name or an address's words, folded: the ASCII ones as bits.
  private struct Letters: Sendable {
    private var ascii: UInt32 = 0
    private var others: Set<Character> = []

    init(_ letters: some Sequence<Character>) {
      for letter in letters {
        if let value = letter.asciiValue, (0x61...0x7A).contains(value) {
          ascii |= 1 << (value - 0x61)
        } else {
          others.insert(letter)
        }
      }
    }

    func contains(_ letter: Character) -> Bool {
      guard let value = letter.asciiValue, (0x61...0x7A).contains(value) else {
        return others.contains(letter)
      }
      return ascii & 1 << (value - 0x61) != 0
    }

    func contains(all letters: Letters) -> Bool {
      letters.ascii & ~ascii == 0 && letters.others.isSubset(of: others)
    }
  }

  /// How many pieces of the reading of `letters` as the words `units` (each at most once,
  /// in any order, any as its initial), titles, and the letters at `free` (a word of one
  /// letter among three or more: a middle initial the name does not give, "grace.l.hall") are
  /// guesses (an initial, a title, a free letter), in the reading with the most letters of
  /// words other than particles written whole, at least ``fewestWholeLetters``; nil when there
  /// is no such reading, or the letters are one word alone, which the replacer's terms know
  /// the care of ("grace@" for an ordinary word). Each comparison and reading is taken from
  /// `budget`.
  ///
  /// Each word once: "hhill" is no reading of Sam Hill, nor "ssmith" of John Smith. The best
  /// reading from each letter with each set of words used is found once, and a name's first
  /// ``maximumUnits`` words and its last are read.
  private static func fewestInitials(
    _ letters: [Character], free: Set<Int>, _ units: [Unit], budget: inout Int
  ) -> Int? {
    guard units.count >= 2, !letters.isEmpty, letters.count <= maximumLength,
      !units.contains(where: { $0.spellings.contains(letters) })
    else { return nil }
    let units =
      units.count > maximumUnits ? Array(units.prefix(maximumUnits - 1)) + [units.last!] : units
    typealias Reading = (whole: Int, guesses: Int)
    var known: [Int: Reading?] = [:]
    func read(_ position: Int, _ used: Int) -> Reading? {
      if position == letters.count { return (0, 0) }
      let key = position << maximumUnits | used
      if let reading = known[key] { return reading }
      budget -= 1 + titles.count
      var best: Reading?
      func consider(_ count: Int, _ used: Int, whole: Int, guess: Int) {
        guard let rest = read(position + count, used) else { return }
        let reading = (whole: rest.whole + whole, guesses: rest.guesses + guess)
        if let known = best,
          known.whole > reading.whole
            || (known.whole == reading.whole && known.guesses <= reading.guesses)
        {
          return
        }
        best = reading
      }
      for (index, unit) in units.enumerated() where used & 1 << index == 0 && budget > 0 {
        for spelling in unit.spellings where position + spelling.count <= letters.count {
          budget -= 1
          if letters[position..<position + spelling.count].elementsEqual(spelling) {
            consider(
              spelling.count, used | 1 << index, whole: unit.isParticle ? 0 : spelling.count,
              guess: 0)
          }
        }
        if letters[position] == unit.initial {
          consider(1, used | 1 << index, whole: 0, guess: 1)
        }
      }
      for title in titles
      where position + title.count <= letters.count
        && letters[position..<position + title.count].elementsEqual(title)
      {
        consider(title.count, used, whole: 0, guess: 1)
      }
      if free.contains(position) { consider(1, used, whole: 0, guess: 1) }
      known[key] = best
      return best
    }
    guard let reading = read(0, 0), budget > 0, reading.whole >= fewestWholeLetters else {
      return nil
    }
    return reading.guesses
  }
}
