import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// ``PaddedDigits/text(_:)`` writes dates' bytes directly: it must write exactly what joining
/// ``PaddedDigits/padded(_:_:)`` strings writes, which is how dates were always written.
@Suite struct PaddedDigitsTests {
  @Test func padsAsDatesAreWritten() {
    #expect(PaddedDigits.padded(5, 4) == "0005")
    #expect(PaddedDigits.padded(2027, 4) == "2027")
    #expect(PaddedDigits.padded(12_345, 4) == "12345")
    #expect(PaddedDigits.padded(-5, 4) == "00-5")
    #expect(PaddedDigits.padded(Int64(7), 3) == "007")
    #expect(
      PaddedDigits.text(
        .number(2027, width: 4), .byte(0x2D), .number(1, width: 2), .byte(0x2D),
        .number(5, width: 2)) == "2027-01-05")
  }

  @Test func writesWhatThePaddedStringsJoinedWrite() {
    var generator = SeededGenerator(seed: 17)
    for _ in 0..<5_000 {
      var parts: [PaddedDigits.Part] = []
      for _ in 0..<Int.random(in: 1...8, using: &generator) {
        if Bool.random(using: &generator) {
          parts.append(.byte(UInt8.random(in: 0x20...0x7E, using: &generator)))
        } else {
          let width = Int.random(in: 0...6, using: &generator)
          // Mostly numbers that fit their width (the direct path), some too wide or below zero.
          let value =
            Int.random(in: 0...9, using: &generator) == 0
            ? Int.random(in: -99...9_999_999, using: &generator)
            : Int.random(
              in: 0..<[1, 10, 100, 1_000, 10_000, 100_000, 1_000_000][width], using: &generator)
          parts.append(.number(value, width: width))
        }
      }
      #expect(PaddedDigits.text(parts) == PaddedDigits.general(parts), "\(parts)")
    }
  }
}
