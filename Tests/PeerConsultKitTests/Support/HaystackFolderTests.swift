import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Folding the review list's texts a scalar at a time from looked-up foldings gives what
/// Foundation's folding of each text whole gives.
@Suite struct HaystackFolderTests {
  /// Every scalar looked up or taken as an ideograph, alone, after a letter and before one.
  @Test func everyScalarFoldsAsFoundationFoldsIt() {
    var folder = HaystackFolder()
    let values = (0x80...0xFFFF as ClosedRange<UInt32>).filter {
      HaystackFolder.isLookedUp($0) || HaystackFolder.isIdeograph($0)
    }
    #expect(values.count > 25_000)
    for value in values {
      let scalar = String(Unicode.Scalar(value)!)
      for text in [scalar, "A" + scalar, scalar + "b"] {
        #expect(folder.fold(text) == HaystackFolder.folded(text), "U+\(String(value, radix: 16))")
      }
    }
  }

  /// Names and titles from many scripts, with combining accents after letters, marks and
  /// joiners that are not looked up, and width forms, folded one after another by one
  /// folder, as the sessions of a list are: each equals Foundation's folding of the whole.
  @Test func foldingScalarByScalarIsFoldingTheWhole() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4841_5953))
    let pieces = [
      "Bjørn", "Ødegård", "محمد", "مُحَمَّد", "王小明", "Zoë", "ZOË", "Ayşe", "Ångström", "ﬁnance",
      "Ｗide", "ΣΟΦΙΑ", "ΐ", "ᾳ", "Straße", "İstanbul", "Ǆ", "ǅ", "ŉ", "가나", "ｶﾞ", "ガ", "か\u{3099}",
      "Chen", "2026-12-03", " ", "é", "e\u{301}", "\u{301}", "\u{345}", "a\u{308}", "o\u{328}",
      "\u{200D}", "\u{FE0F}", "\u{212A}", "\u{600}", "\u{1161}", "\r\n", "Ё", "й", "Ӂ", "ﷲ",
    ]
    var folder = HaystackFolder()
    for _ in 0..<6_000 {
      let text = (0..<Int.random(in: 1...6, using: &generator)).map { _ in
        pieces.randomElement(using: &generator)!
      }.joined()
      #expect(folder.fold(text) == HaystackFolder.folded(text), "\(text.debugDescription)")
    }
  }
}
