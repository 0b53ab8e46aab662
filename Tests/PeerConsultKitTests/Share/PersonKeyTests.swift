import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// A report folds names and themes by the thousand, ASCII byte by byte and each person once
/// (``PersonKey/Cache``); both must fold exactly as folding character by character does.
@Suite struct PersonKeyTests {
  static let pieces = [
    "A", "z", "Q", "`", "'", " ", "\r\n", "\r", "\n", "\t", "-", ".", "0", "~", "\u{7F}", "é",
    "Ł", "’", "Ｒ", "\u{301}",
  ]

  static func texts() -> [String] {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x464F_4C44))
    return ["", "Priya Patel", "O`Neill", "DEVON & CORNWALL POLICE", "a\r\nb", " Ann \r"]
      + (0..<2_000).map { _ in generator.text(of: pieces, length: 1...10) }
  }

  @Test func foldingATextIsFoldingEachOfItsCharacters() {
    for text in Self.texts() {
      #expect(
        TermReplacer.fold(text) == text.flatMap { TermReplacer.fold($0) },
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test func theCacheGivesEachParticipantTheirOwnKey() {
    var cache = PersonKey.Cache()
    let texts = Self.texts()
    for (index, name) in texts.enumerated() {
      // Names met again, as people come back to session after session.
      for name in [name, texts[index / 2]] {
        let participant = Participant(
          name: name, organisation: texts[(index * 7) % texts.count], level: .frontline)
        #expect(cache.key(participant) == PersonKey(participant))
      }
    }
  }
}
