import Testing

@testable import TerminalKit

/// The terminal's bytes as scalars: a character split between two reads is one character, and
/// bytes that are not UTF-8 are U+FFFD, never dropped and never held without bound.
@Suite struct UTF8InputTests {
  /// The scalars of `parts` read one after another, then what a flush gives.
  private func read(_ parts: [[UInt8]]) -> (read: String, flushed: String) {
    var input = UTF8Input()
    var scalars: [Unicode.Scalar] = []
    for part in parts { scalars += part.withUnsafeBufferPointer { input.scalars(from: $0) } }
    let flushed = input.flush()
    return (
      String(String.UnicodeScalarView(scalars)), String(String.UnicodeScalarView(flushed))
    )
  }

  @Test(arguments: ["é", "日", "👍", "a", "e\u{301}"])
  func aCharacterSplitAtAnyByteIsReadWhole(text: String) {
    let bytes = Array(("x" + text + "y").utf8)
    for cut in 0...bytes.count {
      let result = read([Array(bytes[..<cut]), Array(bytes[cut...])])
      #expect(result.read == "x" + text + "y", "cut at \(cut)")
      #expect(result.flushed.isEmpty, "cut at \(cut)")
    }
  }

  @Test func theStartOfACharacterWaitsForItsRestAndIsReplacedIfItNeverComes() {
    var input = UTF8Input()
    let first: [UInt8] = [0x61, 0xE6, 0x97]  // "a", then two of 日's three bytes
    let scalars = first.withUnsafeBufferPointer { input.scalars(from: $0) }
    #expect(scalars == ["a"])
    #expect(input.isWaiting)
    #expect(input.flush() == ["\u{FFFD}"])
    #expect(!input.isWaiting)
  }

  @Test func bytesThatAreNotUTF8AreReplacedNotDroppedNorHeld() {
    // A lone continuation byte, a byte no character starts with, an overlong form, a
    // surrogate's encoding and a lead byte followed by ASCII.
    let result = read([[0x80, 0x41, 0xFF, 0x42, 0xC0, 0xAF, 0x43, 0xED, 0xA0, 0x80, 0xC3, 0x44]])
    #expect(result.read == "\u{FFFD}A\u{FFFD}B\u{FFFD}\u{FFFD}C\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}D")
    #expect(result.flushed.isEmpty)
  }

  @Test func atMostThreeBytesAreEverHeld() {
    for tail: [UInt8] in [[0xF0], [0xF0, 0x9F], [0xF0, 0x9F, 0x91], [0xE6], [0xC3]] {
      #expect(tail.withUnsafeBufferPointer { UTF8Input.unfinishedTail(of: $0) } == tail.count)
    }
    // Continuation bytes beyond what their lead byte needs end nothing unfinished.
    for complete: [UInt8] in [[0x80, 0x80, 0x80, 0x80], [0xC3, 0xA9], [0xF5, 0x80], [0x41]] {
      #expect(complete.withUnsafeBufferPointer { UTF8Input.unfinishedTail(of: $0) } == 0)
    }
  }
}
