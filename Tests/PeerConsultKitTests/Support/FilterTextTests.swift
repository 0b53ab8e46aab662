import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The review list's filter finds a word from the bytes where both texts are plain ASCII, and
/// folds ASCII without Foundation: each must answer as the long way does.
@Suite struct FilterTextTests {
  /// Texts made of ASCII words, accented and CJK letters, a carriage return before a line
  /// feed, and a ligature, and words made of the same: found where `String.contains` finds
  /// them, and only there.
  @Test func aWordIsFoundWhereTheCharactersFindIt() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4649_4C54))
    let pieces = [
      "a", "b", "ab", "night", "time", " ", "-", ":", "14", "e", "é", "e\u{301}", "王", "\r",
      "\n", "\r\n", "ﬁ", "fi", "zoe",
    ]
    func text(_ length: ClosedRange<Int>) -> String {
      (0..<Int.random(in: length, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
    }
    var found = 0
    for _ in 0..<20_000 {
      let haystack = text(0...12)
      let word = text(1...3)
      let expected = haystack.contains(word)
      #expect(
        FilterText(haystack).holds(FilterText(word)) == expected,
        "\(haystack.debugDescription) \(word.debugDescription)")
      if expected { found += 1 }
    }
    #expect(found > 2_000)
  }

  /// Texts holding a name not in ASCII, and characters that join an ASCII neighbour or compare
  /// as ASCII (marks, joiners, the Kelvin sign, the Greek question mark, jamo, emoji modifiers,
  /// a prepended letter): an ASCII word is found from the bytes where no such character is
  /// there, and found where Foundation finds it, and only there, whichever way it is looked for.
  @Test func anASCIIWordIsFoundInANameNotInASCIIWhereTheCharactersFindIt() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4649_4C55))
    let plain = [
      "a", "k", "e", "n", "ab", "chen", ";", "`", " ", "-", "14", "é", "ø", "Ø", "ß", "ﬁ", "王",
      "明", "محمد", "ا", "가", "ｶ", "ﾊ", "ä", "Ω", "ω", "å", "ı", "ŉ", "😀", "👍", "🇬", "\n",
    ]
    let joining = [
      "\u{301}", "\u{308}", "\u{20DD}", "\u{200D}", "\u{200C}", "\u{FE0F}", "\u{212A}",
      "\u{212B}", "\u{2126}", "\u{37E}", "\u{1FEF}", "\u{1100}", "\u{1161}", "\u{11A8}",
      "\u{1F3FB}", "\u{600}", "\u{D4E}", "\u{E33}", "\u{FF9E}", "\u{94D}", "\u{93F}", "\r",
      "\u{AD}", "\u{E000}", "\u{0378}",
    ]
    var (found, fromBytes) = (0, 0)
    for round in 0..<30_000 {
      // A third of the texts hold one character that joins or passes for ASCII.
      var pieces = (0..<Int.random(in: 1...10, using: &generator)).map { _ in
        plain.randomElement(using: &generator)!
      }
      if round % 3 == 0 {
        pieces.insert(
          joining.randomElement(using: &generator)!,
          at: Int.random(in: 0...pieces.count, using: &generator))
      }
      let haystack = pieces.joined()
      // Words cut from the text's ASCII, so that many are there.
      let ascii = Array(haystack.unicodeScalars.filter(\.isASCII))
      let start = Int.random(in: 0...ascii.count, using: &generator)
      let cut = ascii.dropFirst(start).prefix(Int.random(in: 1...4, using: &generator))
      let word =
        round % 4 == 0 || cut.isEmpty
        ? ["k", "K", ";", "`", "a", "e", "chen", "n"].randomElement(using: &generator)!
        : String(String.UnicodeScalarView(cut))
      guard word.utf8.allSatisfy({ $0 != 0x0D }) else { continue }
      let text = FilterText(haystack)
      let expected = haystack.contains(word)
      #expect(
        text.holds(FilterText(word)) == expected, "\(haystack.debugDescription) \(word)")
      if expected { found += 1 }
      if text.reach == .asciiWords || text.reach == .composedWords { fromBytes += 1 }
    }
    // Not vacuous: many words are there, and most texts are searched from their bytes.
    #expect(found > 5_000 && fromBytes > 15_000)
  }

  /// Names in many scripts, and the forms that compare equal to them in other bytes (an accent
  /// apart, a Greek letter's one-scalar twin, the Ångström sign, a compatibility ideograph,
  /// jamo for a hangul syllable, a Devanagari letter that decomposes): a word not in ASCII is
  /// found where Foundation finds it, and only there, whichever way it is looked for.
  @Test func aWordNotInASCIIIsFoundWhereTheCharactersFindIt() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4649_4C56))
    let pieces = [
      "bjørn", "ødegard", "å", "a", "ά", "ω", "σοφια", "жанна", "محمد", "王小明", "가나", "かな", "カ",
      "ß", "ǆ", " ", "-", "chen", "é", "e", "ı", "ŉ", "ή", "\u{8C48}", "\u{2B9}", "\u{B7}",
    ]
    // Forms that compare equal to some of the above in other bytes, and letters of other
    // scripts: one in half the texts.
    let others = [
      "\u{1F71}", "a\u{30A}", "e\u{301}", "\u{212B}", "\u{2126}", "\u{F900}",
      "\u{1100}\u{1161}", "\u{958}", "क", "\u{374}", "\u{387}", "😀", "ｶﾞ",
    ]
    let words = [
      "ø", "å", "ά", "\u{1F71}", "ω", "Ω", "\u{2126}", "가", "\u{8C48}", "\u{F900}", "ʹ", "·",
      "\u{2B9}", "\u{B7}", "ødeg", "σο", "ка", "محم", "小明", "な", "é", "e\u{301}", "क़", "\u{958}",
    ]
    var (found, fromBytes) = (0, 0)
    for round in 0..<30_000 {
      var parts = (0..<Int.random(in: 1...8, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }
      if round % 4 < 2 {
        parts.insert(
          others.randomElement(using: &generator)!,
          at: Int.random(in: 0...parts.count, using: &generator))
      }
      let haystack = parts.joined()
      // Half the words are cut from the text's own scalars, so that many are there.
      let scalars = Array(haystack.unicodeScalars)
      let start = Int.random(in: 0..<scalars.count, using: &generator)
      let cut = String(
        String.UnicodeScalarView(
          scalars[start...].prefix(Int.random(in: 1...3, using: &generator))))
      let word = round % 2 == 0 ? cut : words.randomElement(using: &generator)!
      guard !word.utf8.allSatisfy({ $0 < 0x80 }) else { continue }
      let text = FilterText(haystack)
      let expected = haystack.contains(word)
      #expect(
        text.holds(FilterText(word)) == expected,
        "\(haystack.debugDescription) \(word.debugDescription)")
      if expected { found += 1 }
      if text.reach == .composedWords && FilterText(word).reach == .composedWords {
        fromBytes += 1
      }
    }
    // Not vacuous: many words are there, and most are looked for from the bytes (texts mixing
    // ASCII with other letters too).
    #expect(found > 5_000 && fromBytes > 8_000)
  }

  /// Every ASCII character, and texts holding others, fold as Foundation folds them.
  @Test func asciiFoldsAsFoundationFoldsIt() {
    let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
    for text in [ascii, "Zoë ÅNGSTRÖM", "Ｗide", "Night-Time ECONOMY 3 Dec 2026 14:05", ""] {
      #expect(
        HaystackFolder.folded(text)
          == text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil),
        "\(text.debugDescription)")
    }
  }
}
