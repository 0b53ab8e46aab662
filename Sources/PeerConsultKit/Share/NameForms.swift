import Foundation

/// The ways a group writes a participant's name in its notes, for the ``Anonymiser``.
///
/// A whole name is also written without its title, joined ("PriyaPatel", "李静"), as first and
/// last name only, with the surname's initial ("PriyaP", "Priya P"), joined by a full stop or an
/// underscore as in an e-mail address ("priya.patel@", "priya_patel"), without its apostrophes
/// or hyphens ("ONeill", "AlRashid") and with spaces for them ("O Neill", "Al Rashid"). Its
/// parts are each word, each half of a hyphenated word and what follows an apostrophe
/// ("Neill"), without titles and initials. A title before any of them ("Dr Patel") goes with
/// the name (``titles``, given to the ``TermReplacer``).
///
/// A Chinese name is usually typed without a space ("王小明"), yet the group writes the given
/// name alone ("小明"): the halves of such a name that are two characters or more are parts
/// too, as guesses (``cjkHalves(of:)``): replaced and listed for review, since a given name
/// can also be a word ("建国").
enum NameForms {
  /// Titles, not names, so they are never replaced on their own.
  static let honorifics: Set<String> = [
    "mr", "mrs", "ms", "mx", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "rev", "revd", "cllr", "councillor", "pc", "ps", "dc", "ds", "di", "dci", "sgt", "insp",
    "supt", "ch", "nurse", "sister",
  ]

  /// Titles written before a name (with or without a full stop), replaced with it.
  static let titles = ["Mr", "Mrs", "Ms", "Mx", "Miss", "Dr", "Prof", "Cllr", "Sir", "Dame"]

  /// The forms of the whole name, each replaced wherever it stands, in every way it reads
  /// (``readings(of:)``).
  static func whole(_ name: String) -> [String] {
    unique(readings(of: name).flatMap(wholeForms))
  }

  /// `name` as a reader may read it: as written, and, where a character nobody sees or a
  /// blank one stands in it ("Asha\u{3164}Khan", a Hangul filler that shows as a space), with
  /// each such character a space: a note says "Asha Khan", and went out unreplaced. A name in
  /// Han characters also reads in Simplified and in Traditional characters
  /// (``otherScripts(of:)``).
  static func readings(of name: String) -> [String] {
    func blank(_ scalar: Unicode.Scalar) -> Bool {
      TermReplacer.isInvisible(scalar) || scalar.value == 0x2800
    }
    var readings = [name]
    // "Okafor, Grace", as a register lists people, is read "Grace Okafor" too.
    let halves = name.split(separator: ",", omittingEmptySubsequences: false)
    if halves.count == 2 {
      let surname = halves[0].trimmingCharacters(in: .whitespaces)
      let given = halves[1].trimmingCharacters(in: .whitespaces)
      if !surname.isEmpty, !given.isEmpty { readings.append("\(given) \(surname)") }
    }
    if name.unicodeScalars.contains(where: blank) {
      var spaced = String.UnicodeScalarView()
      for scalar in name.unicodeScalars { spaced.append(blank(scalar) ? " " : scalar) }
      let words = String(spaced).split(whereSeparator: \.isWhitespace)
      if !words.isEmpty { readings.append(words.joined(separator: " ")) }
    }
    return unique(readings + readings.flatMap(otherScripts))
  }

  /// `name` in Simplified and in Traditional Chinese characters, and with its characters
  /// mixed, each as either (黃偉, 黄偉 and 黃伟 for 黄伟; 陈美玲 for 陳美玲): the group types a
  /// name as each keyboard gives it, and a note of "黄偉说" went out. ICU's transforms (as
  /// Foundation gives them) find each character's counterpart: a character with two (发 for
  /// 發 and 髮) reads as the usual one. At most ``maximumScriptReadings`` readings.
  static func otherScripts(of name: String) -> [String] {
    guard name.unicodeScalars.contains(where: { NoteTokenizer.isHan($0.value) }) else {
      return []
    }
    var readings = [""]
    for character in name {
      var variants = [String(character)]
      if character.unicodeScalars.contains(where: { NoteTokenizer.isHan($0.value) }) {
        for transform in [StringTransform("Hans-Hant"), StringTransform("Hant-Hans")] {
          if let other = String(character).applyingTransform(transform, reverse: false),
            !variants.contains(other)
          {
            variants.append(other)
          }
        }
      }
      guard readings.count * variants.count <= maximumScriptReadings else {
        variants = [String(character)]
        continue
      }
      readings = readings.flatMap { reading in variants.map { reading + $0 } }
    }
    return readings.filter { $0 != name }
  }

  /// The most readings ``otherScripts(of:)`` gives one name: a long name of Han characters
  /// has its later characters as written.
  static let maximumScriptReadings = 16

  /// `name` with its Traditional Chinese characters in their Simplified form, so that names
  /// typed on either keyboard compare alike (``Participant/looksAlike(_:)``).
  static func simplified(_ name: String) -> String {
    guard name.unicodeScalars.contains(where: { NoteTokenizer.isHan($0.value) }) else {
      return name
    }
    return name.applyingTransform(StringTransform("Hant-Hans"), reverse: false) ?? name
  }

  /// ``whole(_:)`` of one reading of a name.
  private static func wholeForms(_ name: String) -> [String] {
    let words = core(name)
    var forms = [name]
    // "王小明" is also written "王 小明".
    if words.count == 1 {
      forms += cjkHalves(of: words[0]).map { "\($0.family) \($0.given)" }
    }
    guard words.count >= 2, let first = words.first, let last = words.last else {
      return unique(forms)
    }
    var wholes = [words.joined(separator: " "), words.joined()]
    if words.count > 2 { wholes += ["\(first) \(last)", first + last] }
    // An e-mail address or a handle joins the words with a full stop or an underscore
    // ("rose.baker@council.gov", "amira_khan"), in lower case: words that are each ordinary
    // English ("rose", "baker") were left as ordinary there, and the address went out whole.
    // It also gives the surname with the first name's initial ("j.smith", "smith.j"):
    // "smith" and "lee" are English words, left in their lower-case use. Not run together
    // ("jsmith"): an initial and a surname make words ("Spain" of Sam Pain, "shall" of Sam
    // Hall), which went out replaced, and were rewritten for good by an erasure.
    if !TermReplacer.isCJK(first.last ?? " ") {
      for joint in [".", "_"] {
        wholes.append(words.joined(separator: joint))
        if words.count > 2 { wholes.append(first + joint + last) }
      }
      if let initial = first.first(where: \.isLetter), last.count(where: \.isLetter) >= 2 {
        wholes += ["\(initial).\(last)", "\(initial)_\(last)", "\(last).\(initial)"]
      }
    }
    // A surname with its particle ("Ó Briain", "van Dijk", "bin Salleh"), written without the
    // first name: replaced whole, so that the particle, too short to be replaced alone, does
    // not stand beside the pseudonym ("O [Participant D]").
    if words.count > 2, words[words.count - 2].count(where: \.isLetter) <= 3 {
      wholes.append("\(words[words.count - 2]) \(last)")
      // Two of them: "de la Cruz".
      if words.count > 3, words[words.count - 3].count(where: \.isLetter) <= 3 {
        wholes.append(words.suffix(3).joined(separator: " "))
      }
    }
    forms += wholes.flatMap(spellings) + initialFormsOfOneReading(words)
    return unique(forms)
  }

  /// The forms of ``whole(_:)`` that are the first name with the surname's initial ("PriyaP",
  /// "Priya P"), the initial a capital whatever the name's case. Only where the initial is
  /// written as a capital are they certain (``TermReplacer/Care/capitalInitial``): folded,
  /// "AnnE" of Ann Edwards is "Anne", someone else, and "TimE" is "time"; both went out as
  /// Ann's and Tim's letter, unlisted, and an erasure rewrote them for good.
  static func initialForms(of name: String) -> [String] {
    unique(readings(of: name).flatMap { initialFormsOfOneReading(core($0)) })
  }

  private static func initialFormsOfOneReading(_ words: [String]) -> [String] {
    guard words.count >= 2, let first = words.first, let last = words.last,
      !TermReplacer.isCJK(first.last ?? " "), first.count >= 2,
      let letter = last.first(where: \.isLetter), String(letter).uppercased().count == 1
    else { return [] }
    let initial = String(letter).uppercased()
    return ["\(first) \(initial)", "\(first)\(initial)"].flatMap(spellings)
  }

  /// The care a whole-name `form` is replaced with: a name of one ordinary word ("Hope") is
  /// left in its ordinary lower-case use, as a part of a name is; a whole name of several
  /// ("will hope") is a suspect there, but not joined as in an address ("will.hope"), which is
  /// always the name; any name takes a title and a plural or possessive. A first name with the
  /// surname's initial, folded among `initials` (``initialForms(of:)``), is certain only with
  /// the initial a capital (``TermReplacer/Care/capitalInitial``).
  static func careOfWhole(_ form: String, initials: Set<[Character]> = [])
    -> TermReplacer.Care
  {
    // Words joined by a full stop or an underscore ("rose.baker") are no ordinary phrase.
    let ordinary: TermReplacer.Care =
      !isOrdinary(form) || form.contains(where: { $0 == "." || $0 == "_" })
      ? [] : form.contains(where: { !$0.isLetter }) ? .ordinaryPhrase : .ordinaryWord
    let initial: TermReplacer.Care =
      initials.contains(TermReplacer.fold(form)) ? .capitalInitial : []
    return ordinary.union([.suffixes, .takesTitle]).union(initial)
  }

  /// Whether every word of `text`, in lower case, is an ordinary English word ("Will Hope").
  static func isOrdinary(_ text: String) -> Bool {
    let words = text.lowercased().split { !$0.isLetter }
    return !words.isEmpty && words.allSatisfy(EnglishWords.contains)
  }

  /// The parts that identify someone on their own, each with the care its matching needs, in
  /// every way the name reads (``readings(of:)``).
  static func parts(_ name: String) -> [(part: String, care: TermReplacer.Care)] {
    var seen = Set<String>()
    return readings(of: name).flatMap(partsOfOneReading).filter { seen.insert($0.part).inserted }
  }

  /// ``parts(_:)`` of one reading of a name.
  private static func partsOfOneReading(_ name: String) -> [(part: String, care: TermReplacer.Care)]
  {
    var parts: [String] = []
    var halves: [String] = []
    for word in core(name) {
      parts.append(word)
      let pieces = word.split { $0 == "-" || isApostrophe($0) }.map(String.init)
      if pieces.count > 1 { parts += pieces + spellings(of: word) }
      for (family, given) in cjkHalves(of: word) {
        halves += [family, given]
        // A given name of one character (伟 of 黄伟) is what colleagues call them: replaced
        // where it stands alone ("I asked 伟"), a suspect inside other text ("伟大"), as a
        // name typed with a space (李 静) has its parts. It went out as written.
        if given.count == 1 { parts.append(given) }
      }
    }
    // A one-character half is left out: it stands inside countless words ("张" in "紧张"), and
    // each would be a suspect to decide on.
    let guessed = unique(halves).filter { $0.count >= 2 && !parts.contains($0) }.map {
      (part: $0, care: TermReplacer.Care.resemblance)
    }
    return unique(parts).compactMap { part -> (part: String, care: TermReplacer.Care)? in
      let letters = part.filter { $0.isLetter || $0.isNumber }
      if letters.count == 1, let only = letters.first, TermReplacer.isCJK(only) {
        return (part, .standsAlone)
      }
      guard letters.count >= 2 else { return nil }
      if part.contains(where: TermReplacer.isCJK) { return (part, []) }
      var care: TermReplacer.Care = isOrdinary(part) ? [.suffixes, .ordinaryWord] : .suffixes
      if calendarNames.contains(part.lowercased()) { care.insert(.calendar) }
      // Di Evans's first name and Sarah Lord's surname are titles too ("DI Smith", "the Lord
      // Mayor"): left there, listed.
      if isHonorific(part) { care.insert(.title) }
      return (part, care)
    } + guessed
  }

  /// Chinese forms of address that name someone by their one-character family name: "王先生"
  /// (Mr Wang), "王女士", "王老师", "小王", "老王". Standing alone they name the person as
  /// surely as "Ms Jones" does; inside other text they are often words ("小时" for 时明, "小区",
  /// "老年人"), so they are always suspects (``TermReplacer/Care/formOfAddress``).
  static func addressed(_ name: String) -> [String] {
    unique(readings(of: name).flatMap { addressed(words: core($0)) })
  }

  private static func addressed(words: [String]) -> [String] {
    let family: String?
    if words.count == 1, let split = cjkHalves(of: words[0]).first, split.family.count == 1 {
      family = split.family
    } else if words.count >= 2, words[0].count == 1, isHan(words[0].first!) {
      family = words[0]
    } else {
      family = nil
    }
    guard let family else { return [] }
    return ["先生", "女士", "小姐", "老师", "老師", "太太", "夫人"].map { family + $0 }
      + ["小", "老"].map { $0 + family }
  }

  /// The ways a name typed as one word of Han characters ("王小明") splits into a family name
  /// and a given name: after its first character, and for a name of four after its second
  /// too ("欧阳娜娜", "山田太郎"). Two characters to four, as such names are written. Kana and
  /// mixed words are not split (their halves cannot be told apart), nor Korean names, whose
  /// halves, in text with spaces and particles, would be words of their own ("이", "영수증").
  static func cjkHalves(of word: String) -> [(family: String, given: String)] {
    let characters = Array(word)
    guard (2...4).contains(characters.count), characters.allSatisfy(isHan) else {
      return []
    }
    var halves = [(String(characters[..<1]), String(characters[1...]))]
    if characters.count == 4 { halves.append((String(characters[..<2]), String(characters[2...]))) }
    return halves
  }

  /// A Han character alone, as the search index tells one (``NoteTokenizer/isHan(_:)``).
  private static func isHan(_ character: Character) -> Bool {
    guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first else {
      return false
    }
    return NoteTokenizer.isHan(scalar.value)
  }

  /// The name's words without the titles before them ("Dr Priya Patel" is "Priya", "Patel";
  /// "Okafor, Dr Grace" is "Okafor", "Grace"), without a comma ("Okafor, Grace") or the
  /// brackets and quotes around a name it is known by ("Mohammed (Mo) Ali", "Robert “Bobby”
  /// Smith"): each such word was part of the name only with them, and "Okafor said" and "Mo
  /// will ring" went out as written. A word in brackets that says what they are, not who
  /// (``isLabel(_:last:)``: "Priya Patel (NHS)", "Jo Smith (Chair)"), is left out.
  static func core(_ name: String) -> [String] {
    var halves: [[String]] = []
    for half in name.split(separator: ",") {
      let all = half.split(whereSeparator: \.isWhitespace).map(String.init)
      var kept: [String] = []
      for (index, word) in all.enumerated() {
        let bare = word.trimmingCharacters(in: wrappers)
        guard !bare.isEmpty else { continue }
        if bare != word, isLabel(bare, last: index == all.count - 1) { continue }
        kept.append(bare)
      }
      halves.append(kept)
    }
    // Only what stands before the name is a title ("Dr Priya Patel", "Okafor, Mrs"): Sarah
    // Lord's surname is a name, and so is Di Evans's first name (the rank is written "DI").
    // A name of titles alone keeps them.
    let words = halves.flatMap { $0.drop(while: isTitle) }
    return words.isEmpty ? halves.flatMap(\.self) : words
  }

  /// Whether a word in brackets or quotes says what someone is, not who: in capitals
  /// ("(NHS)"), or last and an English word ("(Chair)"); a name someone goes by otherwise
  /// ("(Mo)", "“Bobby”", "(Liz)" last).
  private static func isLabel(_ word: String, last: Bool) -> Bool {
    let letters = word.filter(\.isLetter)
    if letters.count >= 3, !letters.contains(where: \.isLowercase) { return true }
    return last && letters.count >= 4 && EnglishWords.contains(word.lowercased())
  }

  /// Brackets and quotation marks around a word of a name.
  private static let wrappers = CharacterSet(charactersIn: "()[]{}\"“”„‘’'«»")

  /// Months and days, and their short forms, that are names too (June, April, Jan, Jun, Sun):
  /// "Review in June" and "14 Jan" went out as a participant's letter, unlisted.
  static let calendarNames: Set<String> = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
    "sun",
  ]

  /// Whether `word`, standing before a name, is a title: "Di" only in capitals, as the rank
  /// ("DI Evans"), since it is a first name too ("Di Evans"); "Pc", "Dci" in any case.
  private static func isTitle(_ word: String) -> Bool {
    isHonorific(word)
      && (TermReplacer.fold(word).filter(\.isLetter) != ["d", "i"]
        || !word.contains(where: \.isLowercase))
  }

  /// Whether `word`, its letters folded, is one of the ``honorifics``.
  private static func isHonorific(_ word: String) -> Bool {
    honorifics.contains(String(TermReplacer.fold(word).filter(\.isLetter)))
  }

  static func isApostrophe(_ character: Character) -> Bool {
    character == "'" || TermReplacer.apostrophes.contains(character)
  }

  /// `form` as written and with its apostrophes and hyphens left out or made spaces.
  private static func spellings(of form: String) -> [String] {
    let marks: [(Character) -> Bool] = [
      isApostrophe, { $0 == "-" }, { isApostrophe($0) || $0 == "-" },
    ]
    var spellings = [form]
    for isMark in marks where form.contains(where: isMark) {
      spellings.append(form.filter { !isMark($0) })
      spellings.append(String(form.map { isMark($0) ? " " : $0 }))
    }
    return spellings
  }

  private static func unique(_ forms: [String]) -> [String] {
    var seen = Set<[Character]>()
    return forms.filter { seen.insert(TermReplacer.fold($0)).inserted }
  }
}
