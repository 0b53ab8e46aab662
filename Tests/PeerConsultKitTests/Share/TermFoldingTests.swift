import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The anonymiser's shortcuts for ASCII and Latin letters: ``TermReplacer/fold(_:)-(Character)``
/// answers from a table instead of asking Foundation, words are told from ASCII bytes without
/// Unicode properties, and the suspects' words are cut from the text itself. Each must answer
/// as the long way does.
@Suite struct TermFoldingTests {
  /// Every scalar of the Basic Multilingual Plane's first 0x3000 (Latin, Greek, Cyrillic,
  /// punctuation, the apostrophes and their look-alikes such as U+1FEF, which equals "`"),
  /// alone and followed by a joining accent.
  @Test func eachCharacterFoldsAsFoundationFoldsIt() {
    var differing: [String] = []
    for value in UInt32(0)..<0x3000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      // With the accent, where the two make one character (not after a control).
      let accented = "\(scalar)\u{301}"
      for character in [Character(scalar)] + (accented.count == 1 ? [Character(accented)] : []) {
        if TermReplacer.fold(character) != TermReplacer.foldedByFoundation(character) {
          differing.append(String(value, radix: 16))
        }
      }
    }
    #expect(differing.isEmpty, "\(differing.prefix(20))")
    #expect(TermReplacer.fold("\r\n" as Character) == ["\r\n"])
    #expect(TermReplacer.fold("Zoë Ångström’s `x`") == Array("zoe angstrom's 'x'"))
    // A space that does not break, as mail and word processors paste between a name's words,
    // is a space: "North SLG" went out as written.
    for space in ["\u{00A0}", "\u{202F}", "\u{2009}"] {
      #expect(TermReplacer.fold("Zoë\(space)Müller") == Array("zoe muller"), "\(space)")
    }
  }

  /// Kana, which a table folds, and the unified Han ideographs, which fold to themselves
  /// without asking Foundation; and beside them, asked, the compatibility ideographs and the
  /// fullwidth and halfwidth forms ("Ａ" is "a").
  @Test func kanaAndHanFoldAsFoundationFoldsThem() {
    var differing: [String] = []
    for range: ClosedRange<UInt32> in [
      0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFFEF,
    ] {
      for value in range {
        guard let scalar = Unicode.Scalar(value) else { continue }
        let character = Character(scalar)
        if TermReplacer.fold(character) != TermReplacer.foldedByFoundation(character) {
          differing.append(String(value, radix: 16))
        }
      }
    }
    #expect(differing.isEmpty, "\(differing.prefix(20))")
  }

  /// A text folded for matching, with where each folded character came from, is each of its
  /// characters folded the long way, in order: ASCII ones are appended without an array.
  @Test func textsFoldAsTheirCharactersFoldTheLongWay() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x464F_4C44))
    let pieces = [
      "a", "Z", "M", "`", "'", "0", " ", "\n", "\r\n", "\r", "é", "E\u{301}", "ß", "Ł", "芳", "’",
      "\u{1F600}", "Ｗ", "æ",
    ]
    for _ in 0..<2_000 {
      let text = generator.text(of: pieces, length: 0...24)
      var folded: [Character] = []
      var origin: [Int] = []
      for (index, character) in text.enumerated() {
        let pieces = TermReplacer.foldedByFoundation(character)
        folded += pieces
        origin += Array(repeating: index, count: pieces.count)
      }
      let fast = TermReplacer.foldWithOrigin(text)
      #expect(fast.folded == folded, "\(text.debugDescription)")
      #expect(fast.origin == origin, "\(text.debugDescription)")
    }
  }

  @Test func trimmingIsFoundationsTrimming() {
    for text in [
      "", " ", "a", " a", "a ", "\na\t", "\u{A0}Zoë\u{3000}", "\u{2028}x", "x\u{85}", "a b",
      "\r\n", "\u{200B}x", "x\u{FEFF}", "e\u{301} ", "\u{1680}",
    ] {
      #expect(text.trimmedOfWhitespace == text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    for text in ["", ".", "...", "a.", ".a", "..a.b..", ".\u{301}x", "x.\u{301}", "é.", "a . "] {
      #expect(
        text.trimmingFullStops == text.trimmingCharacters(in: CharacterSet(charactersIn: ".")))
    }
  }

  /// A title taken with a name never reaches back into the match before it: "Mrs" as a term
  /// of its own ("Okafor, Mrs" made it one) and "Okafor" taking its title overlapped, and
  /// replacing crashed.
  @Test func aTitleNeverReachesBackIntoTheMatchBeforeIt() {
    var replacer = TermReplacer(titles: ["Mrs"])
    replacer.add("Mrs", replacement: "[M]")
    replacer.add("Okafor", replacement: "[O]", care: .takesTitle)
    #expect(replacer.replacing(in: "Mrs Okafor came") == "[M] [O] came")
  }

  /// A letter continues a word, and so does a digit: a name is not found inside "Anna",
  /// "zAnn", "3Ann" or "Ann2" (a postcode's "LE1", "Jan2025"). Digits after a name in an
  /// address or a handle ("ann12@", "@ann12") are a name numbered: the name is replaced, the
  /// digits stay; "Ann2b" is no name.
  @Test func aNameTouchingADigitOrLetterIsNoWholeWord() {
    var replacer = TermReplacer()
    replacer.add("Ann", replacement: "[A]")
    #expect(
      replacer.replacing(in: "Ann2 3Ann Anna zAnn Ann, ann Ann2b ann12@x")
        == "Ann2 3Ann Anna zAnn [A], [A] Ann2b [A]12@x")
  }

  /// The words looked at for suspects, from the text and from its characters, are the runs of
  /// letters other than CJK, found here the long way.
  @Test func suspectsWordsAreTheRunsOfLetters() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x574F_5244))
    let pieces = [
      "a", "z", "A", "Z", "m", "0", "9", " ", "-", "'", "é", "e\u{301}", "ß", "芳", "안", "\r\n",
      "_", "@", "[", "`", "{", "Ω", "\u{1F600}",
    ]
    // ASCII alone too: such a text is cut from its bytes.
    let ascii = [
      "a", "z", "A", "Z", "m", "0", "9", " ", "-", "'", "\r\n", "\r", "\n", "_", "@", "[", "`",
      "{", "\u{7F}", "\u{0}",
    ]
    // Latin alone: every scalar below U+0300, cut a scalar at a time.
    let latin = [
      "a", "Z", "0", " ", "-", "'", "\r\n", "é", "É", "ß", "ø", "ł", "µ", "ª", "²", "¿", "×",
      "÷", "ſ", "ŉ", "ɐ", "ʼ", "ˆ", "\u{A0}", "\u{AD}", "\u{80}", "\u{2FF}",
    ]
    for round in 0..<6_000 {
      let text = generator.text(of: [pieces, ascii, latin][round % 3], length: 0...20)
      var expected: [String] = []
      var word = ""
      for character in text {
        if character.isLetter && !TermReplacer.isCJK(character) {
          word.append(character)
        } else if !word.isEmpty {
          expected.append(word)
          word = ""
        }
      }
      if !word.isEmpty { expected.append(word) }
      #expect(SuspectFinder.words(in: text).map(String.init) == expected, "\(text)")
      #expect(SuspectFinder.words(in: Array(text)).map(\.word) == expected, "\(text)")
    }
  }

  /// Latin text is folded from its scalars, not its characters: the same folded characters,
  /// each from the same character, as folding it character by character.
  @Test func latinTextFoldsAsCharacterByCharacter() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4C46_4F4C))
    let pieces = [
      "a", "Z", "0", " ", "`", "'", "\n", "\r\n", "é", "É", "ß", "Æ", "ø", "Ł", "µ", "ª", "²", "¿",
      "ſ", "ŉ", "Ǆ", "ɐ", "ʼ", "ˆ", "\u{A0}", "\u{AD}", "\u{80}", "\u{2FF}", "e\u{301}", "王",
    ]
    var latin = 0
    for _ in 0..<4_000 {
      let text = generator.text(of: pieces, length: 0...16)
      var folded: [Character] = []
      var origin: [Int] = []
      for (index, character) in text.enumerated() {
        let pieces = TermReplacer.fold(character)
        folded += pieces
        origin += Array(repeating: index, count: pieces.count)
      }
      let fast = TermReplacer.foldWithOrigin(text)
      #expect(fast.folded == folded && fast.origin == origin, "\(text.debugDescription)")
      #expect(TermReplacer.characters(of: text) == Array(text), "\(text.debugDescription)")
      if TermReplacer.isLatin(text) { latin += 1 }
    }
    // Both kinds of text were tried.
    #expect(latin > 500 && latin < 3_500)
  }
}
