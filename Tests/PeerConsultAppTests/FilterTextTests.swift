import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp

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

  /// Every ASCII character, and texts holding others, fold as Foundation folds them.
  @Test func asciiFoldsAsFoundationFoldsIt() {
    let ascii = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self)
    for text in [ascii, "Zoë ÅNGSTRÖM", "Ｗide", "Night-Time ECONOMY 3 Dec 2026 14:05", ""] {
      #expect(
        ReviewState.fold(text)
          == text.folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil),
        "\(text.debugDescription)")
    }
  }
}
