import Foundation

/// The ways a group writes an organisation's name, for the ``Anonymiser``: as given, with "and"
/// for "&" and the other way round, without apostrophes ("St Lukes"), and the other names the
/// facilitator gave (``Participant/organisationAliases``); then, as guesses that are always
/// shown for review, its acronym ("DCP") and its short forms ("the Trust", "City Council").
enum OrganisationForms {
  /// Words that say what kind of organisation a name ends with, so "the Council" may mean it.
  static let kinds: Set<String> = [
    "agency", "association", "authority", "board", "centre", "center", "charity", "college",
    "commission", "constabulary", "council", "hospice", "department", "foundation", "group",
    "hospital",
    "hospitals", "partnership", "police", "prison", "probation", "service", "services",
    "school", "society", "team", "trust", "university",
  ]

  /// The legal forms a company's name may end with, which people leave out when they name it
  /// ("Quixcorp" for "Quixcorp Ltd").
  private static let legalForms: Set<String> = [
    "ltd", "ltd.", "limited", "plc", "llp", "cic", "inc", "inc.", "llc", "gmbh",
  ]

  /// Common abbreviations of four letters or more, written in lower case in notes and
  /// addresses, that an organisation's initials may spell.
  private static let abbreviations: Set<String> = [
    "asap", "covid", "faqs", "html", "http", "https", "json", "rsvp", "smtp", "sars", "wifi",
  ]

  /// Words left out of an acronym.
  private static let connectives: Set<String> = ["and", "&", "of", "the", "for", "in", "on", "at"]

  /// The organisation's names, each replaced wherever it stands (and as an e-mail domain
  /// however it is written, ``TermReplacer/Care/organisation``).
  static func names(_ name: String, aliases: [String]) -> [(form: String, care: TermReplacer.Care)]
  {
    var said: [String] = []
    for given in [name] + aliases {
      let given = given.trimmingCharacters(in: .whitespacesAndNewlines)
      said += spellings(of: given)
      // The name as it is said, without its legal form: a name, not a guess.
      let words = given.split(whereSeparator: \.isWhitespace)
      if words.count >= 2, let last = words.last, legalForms.contains(last.lowercased()) {
        said += spellings(of: words.dropLast().joined(separator: " "))
      }
    }
    // Joined, a name of ordinary words may be a word of its own ("homecare" for Home Care):
    // replaced, but shown for review, where the facilitator can keep it. Its care is not
    // read from the joined form, whose hyphens would make it ordinary ("baker-charity").
    // Joined by an underscore or a full stop, it is no word of its own.
    let forms =
      said.map { ($0, care(of: $0)) }
      + said.flatMap { spelling in
        let ordinary = !care(of: spelling).isEmpty
        return joined(spelling).map { form -> (String, TermReplacer.Care) in
          let word = ordinary && !form.contains("_") && !form.contains(".")
          return (form, word ? .guess : [])
        }
      }
    var seen = Set<[Character]>()
    return forms.filter { seen.insert(TermReplacer.fold($0.0)).inserted }.map {
      ($0.0, $0.1.union(.organisation))
    }
  }

  /// Forms guessed from the name: its acronym (of four letters or more in any case, unless in
  /// lower case it is a word or a common abbreviation); its first word when that is no
  /// English word; and when its last word says what kind of organisation it is, "the" and
  /// that word, its last two words, and the words before it
  /// ("St Luke's" for "St Luke's Hospice"), with and without apostrophes, and those words
  /// joined as an address writes them ("stlukes").
  static func guesses(_ name: String) -> [(form: String, care: TermReplacer.Care)] {
    let words = name.replacingOccurrences(of: "&", with: " & ").split(
      whereSeparator: \.isWhitespace
    )
    .map(String.init)
    var guesses: [(String, TermReplacer.Care)] = []
    let initials = words.filter { !connectives.contains($0.lowercased()) }.compactMap(\.first)
    if words.count >= 2, initials.count >= 3, initials.allSatisfy(\.isLetter) {
      // In any case, as a web or e-mail domain writes it ("ncvap.org.uk"), when it has four
      // letters or more and in lower case is neither a word ("cab") nor a common abbreviation
      // ("asap"); otherwise in capitals only: three lower-case letters are "pdf", "www", "org".
      let acronym = String(initials).uppercased()
      let lower = acronym.lowercased()
      let anyCase =
        acronym.count >= 4 && !EnglishWords.contains(lower) && !abbreviations.contains(lower)
      guesses.append((acronym, anyCase ? .guess : [.capitalsOnly, .guess]))
    }
    // Its first word, when it is no English word ("Greenfield" for Greenfield Housing): said
    // alone ("the duty desk at Greenfield"), it was listed as a person's name, kept unless
    // replaced, and then replaced as a person.
    if words.count >= 2, let first = words.first, !connectives.contains(first.lowercased()),
      first.count(where: \.isLetter) >= 4, first.first?.isUppercase == true,
      !EnglishWords.contains(first.lowercased())
    {
      guesses.append((first, .guess))
    } else if words.count >= 2, let first = words.first,
      !connectives.contains(first.lowercased()), first.count(where: \.isLetter) >= 4
    {
      // An English first word ("Harbour" of Harbour Centre) is its e-mail domain after "@"
      // ("@harbour.org"), where it is no ordinary word: it went out unlisted.
      guesses.append((first.lowercased(), [.guess, .afterAt]))
    }
    if words.count >= 2, let last = words.last, kinds.contains(last.lowercased()) {
      guesses.append(("the \(last)", [.ordinaryWord, .guess]))
      if words.count >= 3, !connectives.contains(words[words.count - 2].lowercased()) {
        guesses.append(("\(words[words.count - 2]) \(last)", [.ordinaryWord, .guess]))
        for spelling in spellings(of: words.dropLast().joined(separator: " ")) {
          guesses.append((spelling, [.ordinaryWord, .guess]))
          // "stlukes.org" for "St Luke's Hospice"; shown for review however it is written.
          guesses += joined(spelling).map { ($0, .guess) }
        }
      }
    }
    return guesses
  }

  /// `spelling`'s words joined as an e-mail domain, a web address or a handle writes them
  /// ("bakercharity.org", "st-lukes-hospice.nhs.uk", "#BakerCharity", "ageuk.org.uk"), so
  /// that an address does not name the organisation whose people it replaces: run together,
  /// with hyphens, underscores or full stops, without its own full stops and commas ("St.
  /// Luke's"). Only a spelling without apostrophes or "&" (``spellings(of:)`` gives one for
  /// each), and of four letters or more.
  private static func joined(_ spelling: String) -> [String] {
    let words = spelling.split(whereSeparator: \.isWhitespace).map {
      $0.filter { $0 != "." && $0 != "," }
    }.filter { !$0.isEmpty }
    guard words.count >= 2,
      words.allSatisfy({ $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" } }),
      words.reduce(0, { $0 + $1.count }) >= 4
    else { return [] }
    return ["", "-", "_", "."].map { words.joined(separator: $0) }
  }

  /// `name` as written, with "and" and "&" swapped, without apostrophes, and with what joins
  /// or marks its words written as people also write them: a hyphen as a space ("Anglo
  /// Welsh Forum"), without full stops ("St Helens Network") or brackets ("Leeds North SLG").
  private static func spellings(of name: String) -> [String] {
    var spellings = [name]
    let unmarked = name.split(whereSeparator: \.isWhitespace).map { word in
      word.filter { $0 != "." && $0 != "(" && $0 != ")" }.split(separator: "-").joined(
        separator: " ")
    }.filter { !$0.isEmpty }.joined(separator: " ")
    if unmarked != name, unmarked.contains(where: \.isLetter) { spellings.append(unmarked) }
    if name.contains("&") {
      spellings.append(name.replacingOccurrences(of: "&", with: "and"))
    }
    let andWord = name.replacingOccurrences(
      of: #"\band\b"#, with: "&", options: [.regularExpression, .caseInsensitive])
    if andWord != name { spellings.append(andWord) }
    for spelling in spellings
    where spelling.contains(where: { $0 == "'" || TermReplacer.apostrophes.contains($0) }) {
      spellings.append(spelling.filter { $0 != "'" && !TermReplacer.apostrophes.contains($0) })
    }
    return spellings
  }

  /// An organisation whose every word is an ordinary English word ("Police") is left alone in
  /// its ordinary lower-case use.
  private static func care(of form: String) -> TermReplacer.Care {
    let words = form.lowercased().split { !$0.isLetter }
    return !words.isEmpty && words.allSatisfy(EnglishWords.contains) ? .ordinaryWord : []
  }
}
