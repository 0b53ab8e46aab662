import Testing

@testable import TextLayout

@Suite struct ControlCharactersTests {
  /// A character holds a control character when one of its scalars is one (or hides text),
  /// whichever way it is read: every scalar of the Basic Multilingual Plane alone (C0, DEL and C1 among them),
  /// and clusters whose bytes hold 0xC2 or continuation bytes in the C1 range without a
  /// control.
  @Test func aCharacterIsAControlWhenOneOfItsScalarsIs() {
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(
        ControlCharacters.isControl(Character(scalar))
          == (ControlCharacters.isControl(scalar) || ControlCharacters.hides(scalar)),
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

  /// The characters that hide text (tags, annotation marks) are shown as a mark in every
  /// output, the letter they join kept: a name spelt in tags read as nothing and went out
  /// whole, to any program reading the file. A flag spelt in tags (Wales) is no hiding place.
  @Test func theCharactersThatHideTextAreShownAsAMarkAndTheirLetterKept() {
    let tagged =
      "Kh"
      + String(
        String.UnicodeScalarView([0xE0041, 0xE0073, 0xE0068, 0xE0061].map { Unicode.Scalar($0)! }))
      + "an"
    #expect(tagged.count == 4)
    #expect(ControlCharacters.needsCleaning(tagged))
    #expect(tagged.withoutControlCharacters == "Kh\u{FFFD}an")
    #expect(ControlCharacters.isControl(Array(tagged)[1]))
    #expect("a\u{FFF9}b\u{FFFA}c\u{FFFB}".withoutControlCharacters == "a\u{FFFD}b\u{FFFD}c\u{FFFD}")
    // Alone, at the start: only the mark.
    let alone = String(Unicode.Scalar(0xE0041)!) + "x"
    #expect(alone.withoutControlCharacters == "\u{FFFD}x")
    let wales = "🏴\u{E0067}\u{E0062}\u{E0077}\u{E006C}\u{E0073}\u{E007F}"
    #expect(wales.count == 1)
    #expect(!ControlCharacters.isControl(Character(wales)))
    #expect(("Croeso " + wales).withoutControlCharacters == "Croeso " + wales)
    // The black flag with any other run of tags is no flag: a name spelt after it is marked.
    let smuggled =
      "🏴"
      + String(
        String.UnicodeScalarView(
          "amira".unicodeScalars.map {
            Unicode.Scalar(0xE0000 + $0.value)!
          })) + "\u{E007F}"
    #expect(smuggled.count == 1)
    #expect(ControlCharacters.isControl(Character(smuggled)))
    #expect(ControlCharacters.removingHidden("a " + smuggled) == "a 🏴")
    #expect(ControlCharacters.removingHidden("a " + wales) == "a " + wales)
    // Taken where text comes in, as pasted text brings them.
    #expect(ControlCharacters.first(in: tagged) == nil)
    // The replacement mark itself (0xEF 0xBF 0xBD) and its neighbours are no such character.
    for clean in ["\u{FFFD}", "\u{FFFC}", "\u{FFF8}", "\u{E0080}", "\u{DFFFF}"] {
      #expect(!ControlCharacters.needsCleaning(clean), "\(clean.unicodeScalars.map(\.value))")
    }
  }
}
