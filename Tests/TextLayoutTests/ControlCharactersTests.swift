import Testing

@testable import TextLayout

@Suite struct ControlCharactersTests {
  /// A character holds a control character when one of its scalars is one, whichever way it
  /// is read: every scalar of the Basic Multilingual Plane alone (C0, DEL and C1 among them),
  /// and clusters whose bytes hold 0xC2 or continuation bytes in the C1 range without a
  /// control.
  @Test func aCharacterIsAControlWhenOneOfItsScalarsIs() {
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        ControlCharacters.isControl(Character(scalar)) == ControlCharacters.isControl(scalar),
        "U+\(String(value, radix: 16, uppercase: true))")
    }
    #expect(ControlCharacters.isControl("\r\n"))
    // Â is 0xC3 0x82, a combining grave 0xCC 0x80, ‚ 0xE2 0x80 0x9A: bytes of the C1 range
    // after other leads; a no-break space (0xC2 0xA0) or © (0xC2 0xA9) under an accent
    // (0xCC 0x81) puts a 0x8x byte after the byte after 0xC2.
    for clean: Character in [
      "Â", "Â\u{300}", "e\u{301}", "\u{201A}", "\u{A0}\u{301}", "\u{A9}\u{301}", "👩‍⚕️",
    ] {
      #expect(!ControlCharacters.isControl(clean), "\(clean.unicodeScalars.map(\.value))")
    }
  }
}
