import Foundation
import TestSupport

@testable import PeerConsultKit

/// Generated names from several scripts, the forms a group writes them in, and ordinary
/// English sentences that mention no one, all reproducible from a seed: the anonymiser's
/// corpus (Docs/RELIABILITY.md, "Anonymising").
///
/// None of the given names or surnames is an ordinary English word written in lower case, so
/// every generated form of them is a mention; the names that are also words ("Will Bishop")
/// are in ``wordNames`` and are mentioned only capitalised mid-sentence, while the ordinary
/// sentences use those words in lower case.
enum MentionCorpus {
  static let latinGiven = [
    "Priya", "Zoë", "Seán", "Siobhán", "Chloé", "Björn", "Łukasz", "Søren", "Anne-Marie",
    "Jean-Luc", "Amara", "Kwame", "Oluwaseun", "Nadia", "Tariq", "Fatima", "Dariusz", "Ingrid",
    "Mehmet", "Aoife", "Niamh", "Zeynep", "Rohan", "Ximena", "Joaquín", "François", "Eilidh",
    "Kemi", "Thabo", "Inés",
  ]
  static let latinFamily = [
    "Patel", "O'Neill", "D'Arcy", "Al-Rashid", "Müller", "Ångström", "Kowalczyk", "Smith-Jones",
    "Nguyen", "Okafor", "Fitzgerald", "Mac Giolla", "Ó Briain", "García-López", "Øvergaard",
    "Yılmaz", "Dubois", "Ferreira", "Adeyemi", "Mbeki",
  ]
  static let cyrillic = [("Ольга", "Петрова"), ("Дмитрий", "Иванов"), ("Наталья", "Смирнова")]
  static let greek = [("Νίκος", "Παπαδόπουλος"), ("Ελένη", "Γεωργίου")]
  /// Chinese, Japanese and Korean: family name first, one- and two-character given names.
  static let cjk = [
    ("李", "静"), ("王", "伟"), ("张", "小红"), ("陈", "明"), ("刘", "洋"), ("田中", "太郎"),
    ("佐藤", "花子"), ("김", "민수"), ("박", "지은"), ("黄", "丽"),
  ]
  /// Names whose parts are also English words.
  static let wordNames = ["Will Bishop", "Hope Adeyemi", "Late Comer-Smith", "Grace Mark"]

  /// At least `count` distinct names, drawn from every script with `generator`.
  static func names(_ count: Int, using generator: inout SeededGenerator) -> [String] {
    var names: [String] = wordNames
    var seen = Set(names)
    for (given, family) in cyrillic + greek {
      names.append("\(given) \(family)")
      seen.insert(names.last!)
    }
    for (family, given) in cjk {
      names.append("\(family) \(given)")
      seen.insert(names.last!)
    }
    while names.count < count {
      let name =
        "\(latinGiven.randomElement(using: &generator)!) \(latinFamily.randomElement(using: &generator)!)"
      if seen.insert(name).inserted { names.append(name) }
    }
    return names
  }

  /// One way of writing someone in a note: the text, and whether it is CJK text in which a
  /// one-character name part stands alone.
  struct Mention {
    let name: String
    let text: String
  }

  /// Every form of `name` the generator tries: each part and the whole name, in its case,
  /// lower case and capitals, without accents, with each apostrophe and none, possessive with
  /// and without an apostrophe, plural, joined ("PriyaPatel", "@PriyaPatel", "PriyaP"), and for
  /// CJK names with and without the space, and the given name alone.
  static func mentions(of name: String) -> [Mention] {
    let words = name.split(separator: " ").map(String.init)
    if words.allSatisfy({ $0.contains(where: TermReplacer.isCJK) }) {
      let family = words[0]
      let given = words.dropFirst().joined()
      return [family + given, "\(family) \(given)", given, "\(family + given)的", "「\(given)」"]
        .map { Mention(name: name, text: $0) }
    }
    let isWordName = wordNames.contains(name)
    var bases: [String] = [name, words.joined()]
    for word in words {
      bases.append(word)
      bases += word.split(separator: "-").map(String.init)
      if word.contains("'") {
        bases.append(word.replacingOccurrences(of: "'", with: "’"))
        bases.append(word.replacingOccurrences(of: "'", with: ""))
        bases.append(word.replacingOccurrences(of: "'", with: " "))
        if let after = word.split(separator: "'").last, after.count >= 2 {
          bases.append(String(after))
        }
      }
      if word.contains("-") { bases.append(word.replacingOccurrences(of: "-", with: "")) }
    }
    if let first = words.first, let last = words.last, words.count > 1 {
      bases.append("\(first)\(last.prefix(1))")
    }
    bases = bases.filter { $0.filter(\.isLetter).count >= 2 }
    var forms: [String] = []
    for base in bases {
      // A part that is an English word ("Smith", "Jean") is, in lower case, that word.
      let ordinary = base.lowercased().split { !$0.isLetter }.allSatisfy(EnglishWords.contains)
      let cases =
        isWordName
        ? [base]
        : ordinary
          ? [base, base.uppercased()]
          : [base, base.lowercased(), base.uppercased(), strippingAccents(base)]
      for (index, form) in cases.enumerated() {
        // Every ending with the name as written; one ending, in turn, with its other cases.
        let endings = ["", "'s", "’s", "s"]
        forms +=
          index == 0 ? endings.map { form + $0 } : [form + endings[forms.count % endings.count]]
      }
      forms.append("@\(base.replacingOccurrences(of: " ", with: ""))")
      if !isWordName { forms.append("the \(base)es") }
    }
    // A form in lower case that is an English word is that word ("jeans" of Jean, "times" of
    // Tim), as an ordinary part is.
    var seen = Set<String>()
    return forms.filter { form in
      !(form == form.lowercased() && EnglishWords.contains(form)) && seen.insert(form).inserted
    }.map { Mention(name: name, text: $0) }
  }

  private static func strippingAccents(_ text: String) -> String {
    text.folding(options: .diacriticInsensitive, locale: nil)
  }

  /// Sentences a mention is put into, mid-sentence so its capitals say it is a name.
  static let mentionTemplates = [
    "Yesterday I spoke with %@ about the referral backlog.",
    "The pilot worked because %@ kept the team together.",
    "Nobody told %@ that funding ends in March.",
  ]

  // MARK: Ordinary sentences

  /// At least `count` ordinary English sentences that mention no one: templates filled with
  /// words from the word list, and sentences that use the word names' words in lower case.
  static func ordinarySentences(_ count: Int, using generator: inout SeededGenerator) -> [String] {
    let words = EnglishWords.list.split(separator: "\n").filter { $0.count >= 3 }.map(String.init)
    let fixed = [
      "We will ask the data team.", "the hope project is late again", "the data is late",
      "Call the police if it happens.", "It is a mark of good grace.",
      "They will hope for the best.",
      "The late shift will cover it.", "A bishop moved on the board in the chess club.",
      "Our council meeting ran late.", "The trust fund pays for the hub.",
    ]
    let templates = [
      "the %@ and the %@ were discussed at length.",
      "We agreed that %@ matters more than %@.",
      "Nobody expected the %@ to %@ so quickly.",
      "the team will %@ the %@ next week.",
      "Everyone hoped the %@ would be %@ by Friday.",
      "It is hard to %@ without a %@.",
    ]
    var sentences = fixed
    while sentences.count < count {
      var sentence = templates.randomElement(using: &generator)!
      while let slot = sentence.range(of: "%@") {
        sentence.replaceSubrange(slot, with: words.randomElement(using: &generator)!)
      }
      sentences.append(sentence)
    }
    return sentences
  }

  // MARK: Anonymisers

  /// An anonymiser for one session of `names`, each from an organisation of their own.
  static func anonymiser(for names: [String]) throws -> Anonymiser {
    let levels = Level.allCases
    let participants = names.enumerated().map { index, name in
      Participant(
        name: name, organisation: "Organisation Number \(index)",
        level: levels[index % levels.count])
    }
    let setup = SessionSetup(
      title: "Corpus", programme: "", consultingProtocol: Fixtures.consultingProtocol,
      participants: participants, presenters: [0])
    let created = RecordedEvent(sequence: 1, at: Fixtures.start, event: .created(setup: setup))
    return Anonymiser(records: [try SessionRecord(id: ShareFixture.firstID, events: [created])])
  }
}
