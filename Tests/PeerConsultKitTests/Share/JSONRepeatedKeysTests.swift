import Foundation
import Testing

@testable import PeerConsultKit

/// A key given twice in one object is found at any depth, however it is spelt, in a narrow
/// object and in a wide one; the same key in different objects is no repetition.
@Suite struct JSONRepeatedKeysTests {
  private func first(_ json: String) -> String? {
    JSONRepeatedKeys.first(in: Array(json.utf8))
  }

  @Test func aKeyTwiceInOneObjectIsFoundAtAnyDepth() {
    #expect(first(#"{"a": 1, "b": {"c": [{"d": 1, "e": 2, "d": 3}]}}"#) == "d")
    #expect(first(#"{"a": {"x": 1}, "b": {"x": 1}, "c": [{"x": 1}, {"x": 2}]}"#) == nil)
    #expect(first(#"{"a": "a", "b": ["a", "a"], "c": {"a": "b"}}"#) == nil)
    // After a nested object closes, its keys are no longer the outer object's.
    #expect(first(#"{"a": {"b": 1}, "b": 2}"#) == nil)
    #expect(first(#"{"a": {"b": 1}, "b": 2, "a": 3}"#) == "a")
  }

  @Test func anEscapedSpellingIsTheSameKey() {
    #expect(first(#"{"text": 1, "t\u0065xt": 2}"#) == "text")
    #expect(first(#"{"t\u0065xt": 1, "text": 2}"#) == "text")
    #expect(first(#"{"q\"": 1, "q\u0022": 2}"#) == "q\"")
    #expect(first(#"{"q\\": 1, "q\"": 2}"#) == nil)
    // Canonically equal keys are one key to the decoder: the Kelvin sign is "K", and "é"
    // composed or not is "é".
    #expect(first("{\"note\u{212A}ind\": 1, \"noteKind\": 2}") == "noteKind")
    #expect(first(#"{"noteKind": 1, "note\u212Aind": 2}"#) == "noteKind")
    #expect(first("{\"caf\u{E9}\": 1, \"cafe\u{301}\": 2}") == "caf\u{E9}")
  }

  @Test func aWideObjectIsHashedAndStillFound() {
    let many = (0..<100).map { "\"k\($0)\": \($0)" }
    #expect(first("{" + many.joined(separator: ", ") + "}") == nil)
    for repeated in [0, 31, 32, 33, 99] {
      let json = "{" + (many + ["\"k\(repeated)\": 0"]).joined(separator: ", ") + "}"
      #expect(first(json) == "k\(repeated)", "k\(repeated)")
    }
    // A wide object's keys do not stay with the next object at its depth.
    #expect(first("[{" + many.joined(separator: ", ") + "}, {\"k5\": 1}]") == nil)
  }
}
