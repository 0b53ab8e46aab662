import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The tokenizer's cut of unspaced CJK text straight from its bytes, against the general path
/// through Swift's characters that it stands in for.
@Suite struct NoteTokenizerTests {
  /// Code points that a token may hold: ASCII, apostrophes, accents and combining marks, kana
  /// with and without voicing marks, half-width katakana, ideographs at the ends of their
  /// blocks, Hangul syllables and the jamo that join them, emoji and joiners.
  private static let scalars: [Unicode.Scalar] = [
    "a", "Z", "7", "'", "`", "é", "\u{0301}", "\u{2019}", "\u{02BC}", "あ", "ゔ", "\u{3099}",
    "\u{309A}", "ゝ", "ア", "・", "ー", "ｱ", "\u{FF9E}", "酒", "居", "\u{4E00}", "\u{9FFF}",
    "\u{3400}", "\u{4DBF}", "\u{F900}", "\u{20000}", "\u{3134A}", "가", "힣", "\u{1100}",
    "\u{1161}", "\u{11A8}", "😀", "\u{200D}", "\u{FE0F}", "\u{E0100}", "\u{2E80}",
  ]

  /// Code points that are a character alone, and ASCII letters and digits.
  private static let lone: [Unicode.Scalar] = [
    "a", "7", "あ", "ゔ", "ゝ", "ア", "ー", "酒", "居", "\u{4E00}", "\u{9FFF}", "\u{3400}",
    "\u{4DBF}", "\u{F900}", "\u{20000}", "\u{3134A}", "가", "힣",
  ]

  /// The pieces the fast path gives for `token`, or nil when it declines the token.
  private func unspaced(_ token: [UInt8]) -> [(text: String, offset: Int, length: Int)]? {
    token.withUnsafeBytes { bytes -> [(String, Int, Int)]? in
      guard NoteTokenizer.isUnspaced(bytes) else { return nil }
      var pieces: [(String, Int, Int)] = []
      let code = NoteTokenizer.unspacedPieces(of: bytes) { offset, length in
        pieces.append(
          (String(decoding: token[offset..<(offset + length)], as: UTF8.self), offset, length))
        return 0
      }
      return code == 0 ? pieces : nil
    }
  }

  @Test func unspacedTokensAreCutAsTheCharacterPathCutsThem() {
    var rng = SeededGenerator(seed: SeededGenerator.seed(0x70_4B3E))
    var accepted = 0
    var declined = 0
    for _ in 0..<20_000 {
      var token = String.UnicodeScalarView()
      for _ in 0..<Int.random(in: 1...8, using: &rng) {
        // CJK and ASCII most of the time, so that many tokens take the fast path.
        let pool = Bool.random(using: &rng) ? Self.lone : Self.scalars
        token.append(pool.randomElement(using: &rng)!)
      }
      let text = String(token)
      guard let fast = unspaced(Array(text.utf8)) else {
        declined += 1
        continue
      }
      accepted += 1
      let general = NoteTokenizer.pieces(of: text)
      #expect(
        fast.map { "\($0.text)@\($0.offset)+\($0.length)" }
          == general.map { "\($0.text)@\($0.offset)+\($0.length)" }, "\(text.debugDescription)")
    }
    #expect(accepted > 1_000)
    #expect(declined > 1_000)
  }

  @Test func unspacedJapaneseTakesTheFastPathAndStopsWhenAsked() {
    let sentence = Array("駅前の居酒屋でabc飲酒の相談".utf8)
    #expect(
      unspaced(sentence)?.map(\.text) == [
        "駅", "前", "の", "居", "酒", "屋", "で", "abc", "飲", "酒", "の", "相", "談",
      ])
    let calls = sentence.withUnsafeBytes { bytes in
      var calls = 0
      let code = NoteTokenizer.unspacedPieces(of: bytes) { _, _ in
        calls += 1
        return calls == 3 ? 7 : 0
      }
      return (calls, code)
    }
    #expect(calls.0 == 3 && calls.1 == 7)
  }

  @Test func malformedOrJoiningBytesTakeTheGeneralPath() {
    // Cut short, overlong (酒 in four bytes, "a" in two), a stray continuation byte.
    for bytes: [UInt8] in [[0xE9, 0x85], [0xF0, 0x89, 0x85, 0x92], [0xC1, 0xA1], [0x85, 0x61]] {
      #expect(unspaced(bytes) == nil)
    }
    for text in ["か\u{3099}", "ｶ\u{FF9E}", "\u{1100}\u{1161}", "酒\u{FE0F}", "don't", "ｱ"] {
      #expect(unspaced(Array(text.utf8)) == nil, "\(text.debugDescription)")
    }
  }
}
