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

  /// The bidirectional embeddings, overrides and isolates are controls; the marks and the
  /// other characters written 0xE2 0x80 … or 0xE2 0x81 … beside them are not, and a text
  /// holding one is cleaned to the mark, read as bytes or as characters. The line and
  /// paragraph separators are no controls, but are cleaned to spaces: a terminal gives them
  /// no width, and `list` and `show` printed them raw ("AshaKhan").
  @Test func theControlsThatReorderTextAreControlsAndTheMarksAreNot() {
    let reordering = Array(0x202A...0x202E) + Array(0x2066...0x2069)
    for value in 0x2000...0x20FF {
      let scalar = Unicode.Scalar(UInt32(value))!
      let expected = reordering.contains(value)
      let separator = value == 0x2028 || value == 0x2029
      #expect(ControlCharacters.isControl(scalar) == expected, "\(value)")
      let text = "a" + String(Character(scalar)) + "b"
      #expect(ControlCharacters.needsCleaning(text) == (expected || separator), "\(value)")
      #expect(
        ControlCharacters.cleaned(text)
          == (expected ? "a\u{FFFD}b" : separator ? "a b" : text), "\(value)")
    }
    #expect(ControlCharacters.first(in: "Asha\u{2028}Khan", allowingLineBreaks: true) == nil)
    for mark: Unicode.Scalar in ["\u{200E}", "\u{200F}", "\u{061C}"] {
      #expect(!ControlCharacters.isControl(mark))
    }
    // Held back to front behind an override, a name reads as the name: cleaned, it cannot.
    #expect("\u{202E}ylloM\u{202C}".withoutControlCharacters == "\u{FFFD}ylloM\u{FFFD}")
    // Not refused where text is checked on its way in: earlier versions stored them as typed.
    #expect(ControlCharacters.first(in: "x\u{2067}y") == nil)
    #expect(ControlCharacters.first(in: "x\u{2067}\u{1B}") == "\u{1B}")
  }
}
