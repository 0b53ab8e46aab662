import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Where a term may start: a name written in CJK needs no space before it, so it is found
/// even right after Latin letters, where a Latin name is not (it would be part of a word).
@Suite struct TermReplacerTests {
  @Test func aCJKNameRightAfterLatinLettersIsReplacedAndALatinNameInsideAWordIsNot() throws {
    let anonymiser = Anonymiser(records: try ShareFixture.records())
    let cjk = anonymiser.scrub("Team王伟 said yes")
    #expect(!cjk.contains("王伟"), "\(cjk)")
    #expect(cjk.hasPrefix("Team[Participant"), "\(cjk)")
    #expect(anonymiser.scrub("xPatel and Patelx") == "xPatel and Patelx")
    #expect(anonymiser.scrub("Ask Patel") != "Ask Patel")
  }

  /// ASCII text is read byte by byte; what is found must be what the long way, character by
  /// character, finds: with every kind of care, a title, plural endings, terms of one letter,
  /// a longer term where a shorter one starts too, terms of more than eight letters, terms
  /// that equal ASCII only by canonical equivalence (U+037E is ";"), and text with a carriage
  /// return or other letters, which the bytes do not decide.
  @Test func asciiTextMatchesAsCharacterByCharacter() {
    var replacer = TermReplacer(titles: ["Dr", "Mrs"])
    replacer.add("Anne-Marie Byrne", replacement: "[A]", care: [.suffixes, .takesTitle])
    replacer.add("Anne", replacement: "[B]", care: [.takesTitle])
    replacer.add("Will", replacement: "[C]", care: [.ordinaryWord, .takesTitle])
    replacer.add("Bishop", replacement: "[C]", care: [.ordinaryWord, .suffixes])
    replacer.add("O'Neill", replacement: "[D]", care: [.suffixes])
    replacer.add("DCP", replacement: "[O]", care: [.capitalsOnly])
    replacer.add("the Trust", replacement: "[O]", care: [.guess])
    replacer.add("Zoë", replacement: "[E]")
    replacer.add("x", replacement: "[F]")
    replacer.add("a\u{37E}b", replacement: "[G]")
    replacer.add("王", replacement: "[H]", care: [.standsAlone])
    replacer.add("Mueller", replacement: "[I]", care: [.resemblance])
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4153_4349))
    let pieces = [
      "Anne", "anne", "-", "Marie", "Byrne", "Byrnes", "Will", "will", "WILL", "Bishop", "bishops",
      "O'Neill", "O`Neill", "O’Neill", "s", "es", "DCP", "dcp", "the", "The", "Trust", "Zoe", "Zoë",
      "x", "X", "a;b", "A;B", "Dr", "Dr.", "Mrs", ".", " ", " ", " ", "\n", "\r\n", "\r", ",", "2",
      "王", "Mueller", "muellers", "é", "\t", "Anne-Marie Byrne", "anne-marie byrnx",
    ]
    expectMatchesAsCharacterByCharacter(replacer, in: pieces, length: 0...14, &generator)
  }

  /// Latin text (accents, "ß", "ø", "¿", "µ") is searched from its bytes too, and must find
  /// what the character-by-character search finds: terms matching through folding ("Zoe" for
  /// "Zoë", "Sorensen" for "Sørensen", "strausse" for "Straße"), word edges at letters that
  /// are not ASCII ("Annestraße"), and a term or a title holding a character that is not
  /// ASCII, which such text may fold to ("µ" is "μ"; "ĳ").
  @Test func latinTextMatchesAsCharacterByCharacter() {
    var replacer = TermReplacer(titles: ["Dr", "ĳ"])
    replacer.add("Zoë Strauss", replacement: "[A]", care: [.suffixes, .takesTitle])
    replacer.add("Zoë", replacement: "[A]", care: [.takesTitle])
    replacer.add("Sørensen", replacement: "[B]", care: [.suffixes])
    replacer.add("Anne", replacement: "[C]", care: [.takesTitle])
    replacer.add("Will", replacement: "[D]", care: [.ordinaryWord, .takesTitle])
    replacer.add("Łukasz", replacement: "[E]")
    replacer.add("μαρία", replacement: "[F]")
    replacer.add("μ", replacement: "[F]")
    replacer.add("ae", replacement: "[G]")
    replacer.add("王", replacement: "[H]", care: [.standsAlone])
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4C41_5449))
    let pieces = [
      "Zoë", "Zoe", "ZOË", "zoë", "Strauss", "Straße", "strasse", "s", "es", "Sørensen",
      "Sorensen", "SØRENSEN", "Anne", "anné", "Annë", "Will", "will", "Lukasz", "Łukasz",
      "łukasz", "µαρία", "μαρία", "µ", "æ", "Æ", "ae", "¿", "¡", "ſ", "ŉ", "×", "©", "é", "ß",
      "Dr", "Dr.", "王", ".", " ", " ", " ", "-", "'", "\n", "\r\n", "2", "²", "ª", "ɐ", "ʼ",
      "ˆ", "\u{2FF}", "Zoë Strauss", "zoe strausz", "ĳ", "Ĳ.",
    ]
    expectMatchesAsCharacterByCharacter(replacer, in: pieces, length: 0...12, &generator)
  }

  /// Characters nobody sees: the zero-width space and joiners, the soft hyphen, the word
  /// joiner, the direction marks, embeddings and isolates, a variation selector, the byte-order
  /// mark, a tag and the combining grapheme joiner.
  static let invisible: [Unicode.Scalar] = [
    "\u{AD}", "\u{34F}", "\u{61C}", "\u{200B}", "\u{200C}", "\u{200D}", "\u{200E}", "\u{200F}",
    "\u{202A}", "\u{202E}", "\u{2060}", "\u{2063}", "\u{2066}", "\u{2069}", "\u{FE0F}",
    "\u{FEFF}", "\u{E0041}",
  ]

  /// A name split by a character nobody sees reads as the name, so it is replaced, the
  /// hidden character with it; a word that reads as another word ("Benjamin") is not a name,
  /// so it is left as written. ASCII, Latin (read from its bytes) and CJK text alike.
  @Test func aNameSplitByACharacterNobodySeesIsReplacedAndAWordItJoinsIsNot() {
    var replacer = TermReplacer()
    replacer.add("Zoë Ångström", replacement: "[A]")
    replacer.add("Zoë", replacement: "[A]")
    replacer.add("Ben", replacement: "[B]")
    replacer.add("王伟", replacement: "[C]")
    for hidden in Self.invisible {
      let attaches = "n\(hidden)".count == 1
      let texts = [
        ("Ask Zo\(hidden)ë Ång\(hidden)ström, B\(hidden)en.", "Ask [A], [B]."),
        ("Ask Zo\(hidden)ë and Ben\(hidden)jamin.", "Ask [A] and Ben\(hidden)jamin."),
        // A joiner, a selector or a tag is part of the letter before it, replaced with it.
        (
          "王\(hidden)伟 said \(hidden)Ben\(hidden).",
          "[C] said \(hidden)[B]\(attaches ? "" : "\(hidden)")."
        ),
      ]
      for (text, expected) in texts {
        let name = "U+\(String(hidden.value, radix: 16, uppercase: true))"
        #expect(replacer.replacing(in: text) == expected, "\(name): \(text.debugDescription)")
        #expect(replacer.matches(in: text) == replacer.matchesByCharacter(in: text), "\(name)")
      }
    }
    // What nobody sees is nothing of a name added with it either.
    var hiddenTerm = TermReplacer()
    hiddenTerm.add("Pri\u{200B}ya", replacement: "[P]")
    #expect(hiddenTerm.replacing(in: "Ask Priya.") == "Ask [P].")
  }

  /// Styled letters ("𝐀𝐬𝐡𝐚" in bold, "𝑂𝑘𝑎𝑓𝑜𝑟" in italic, as some apps paste them) read as the
  /// letters, so a name written in them is replaced; the words around it are not touched.
  @Test func aNameInStyledLettersIsReplaced() {
    var replacer = TermReplacer()
    replacer.add("Asha", replacement: "[A]")
    replacer.add("Okafor", replacement: "[B]")
    // Italic "h" and script "M" are letterlike symbols, outside the mathematical block.
    replacer.add("Mary", replacement: "[C]")
    let text = "𝐀𝐬𝐡𝐚 agreed; 𝑂𝑘𝑎𝑓𝑜𝑟 did not, nor did 𝐁𝐞𝐧; 𝐴𝑠ℎ𝑎 and ℳ𝒶𝓇𝓎, Ⓐⓢⓗⓐ too."
    #expect(
      replacer.replacing(in: text)
        == "[A] agreed; [B] did not, nor did 𝐁𝐞𝐧; [A] and [C], [A] too.")
    #expect(replacer.matches(in: text) == replacer.matchesByCharacter(in: text))
  }

  /// `replacer` finds in 6,000 texts made of `pieces` what its character-by-character search
  /// finds, and the texts hold more than 2,000 terms to find.
  private func expectMatchesAsCharacterByCharacter(
    _ replacer: TermReplacer, in pieces: [String], length: ClosedRange<Int>,
    _ generator: inout SeededGenerator
  ) {
    var found = 0
    for _ in 0..<6_000 {
      let text = generator.text(of: pieces, length: length)
      let expected = replacer.matchesByCharacter(in: text)
      #expect(replacer.matches(in: text) == expected, "\(text.debugDescription)")
      found += expected.count
    }
    #expect(found > 2_000)
  }
}
