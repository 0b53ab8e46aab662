import Testing

@testable import TextLayout

@Suite struct DisplayWidthTests {
  @Test func asciiIsOneColumn() {
    #expect("Alcohol Plan".displayWidth == 12)
  }

  @Test func cjkAndEmojiAreTwoColumns() {
    #expect("日本".displayWidth == 4)
    #expect("한국어".displayWidth == 6)
    #expect("🍺".displayWidth == 2)
    #expect("❤️".displayWidth == 2)
    #expect("🇬🇧".displayWidth == 2)
    #expect("👩‍⚕️".displayWidth == 2)
  }

  @Test func combiningMarksTakeNoColumn() {
    #expect("e\u{301}".displayWidth == 1)
    #expect("Zoë Müller".displayWidth == 10)
    #expect("\u{200B}".displayWidth == 0)
  }

  /// A character of one scalar is as wide as the scalar, whichever way its bytes are read:
  /// every scalar of the Basic Multilingual Plane, the Latin letters read from their two
  /// bytes and the C1 controls between them included; a cluster is as wide as its base.
  @Test func aCharacterOfOneScalarIsAsWideAsTheScalar() {
    for value in UInt32(0)..<0x10000 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let character = Character(scalar)
      #expect(
        DisplayWidth.of(character) == DisplayWidth.of(scalar),
        "U+\(String(value, radix: 16, uppercase: true))")
    }
    for base: Character in ["a", "é", "ß", "ʼ", "Ω", "日"] {
      let accented = Character(String(base) + "\u{301}")
      #expect(DisplayWidth.of(accented) == DisplayWidth.of(base), "\(base) with an accent")
    }
  }

  /// No two scalars that stand alone make one cluster, whichever comes first, so a text of
  /// them is measured scalar by scalar: every such scalar after and before a sample of them.
  @Test func scalarsThatStandAloneAreEachTheirOwnCluster() {
    let ranges: [Range<UInt32>] = [0..<0x800, 0x2000..<0x2900]
    let alone = ranges.joined().compactMap(Unicode.Scalar.init).filter(DisplayWidth.standsAlone)
    #expect(alone.count == 95 + 0x260 + 0x18 + 0x670)
    let sample = stride(from: 0, to: alone.count, by: 37).map { alone[$0] } + ["·", "▸", "─"]
    for scalar in alone {
      for other in sample {
        var pair = String.UnicodeScalarView()
        pair.append(contentsOf: [scalar, other])
        let text = String(pair)
        #expect(
          text.count == 2,
          "U+\(String(scalar.value, radix: 16)) U+\(String(other.value, radix: 16))")
        #expect(
          DisplayWidth.standaloneWidth(of: text) == text.reduce(0) { $0 + DisplayWidth.of($1) })
        var reversed = String.UnicodeScalarView()
        reversed.append(contentsOf: [other, scalar])
        #expect(String(reversed).count == 2)
      }
    }
    #expect(DisplayWidth.standaloneWidth(of: "e\u{301}") == nil)
    #expect(DisplayWidth.standaloneWidth(of: "a\u{1B}") == nil)
  }

  @Test func truncationEndsWithEllipsisAndRespectsWideCharacters() {
    #expect("Powerful questions".truncated(toWidth: 8) == "Powerfu…")
    #expect("short".truncated(toWidth: 8) == "short")
    // "日本語" is 6 columns; 5 leave room for one wide char plus the ellipsis.
    #expect("日本語".truncated(toWidth: 5) == "日本…")
    #expect("日本語".truncated(toWidth: 4) == "日…")
    #expect("abc".truncated(toWidth: 0) == "")
  }

  @Test func truncationAtTheStartKeepsTheEnd() {
    #expect("/home/me/protocols/night.yaml".truncatedAtStart(toWidth: 12) == "…/night.yaml")
    #expect("short".truncatedAtStart(toWidth: 8) == "short")
    #expect("日本語テキスト".truncatedAtStart(toWidth: 5) == "…スト")
    #expect("abc".truncatedAtStart(toWidth: 0) == "")
  }

  @Test func paddingFillsToWidth() {
    #expect("ab".padded(toWidth: 4) == "ab  ")
    #expect("日本".padded(toWidth: 5) == "日本 ")
  }
}

@Suite struct TextWrapperTests {
  @Test func wrapsOnWords() {
    #expect(
      TextWrapper.wrap("what would success look like for you", width: 12)
        == ["what would", "success look", "like for you"])
  }

  @Test func breaksWordsLongerThanALine() {
    #expect(TextWrapper.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
  }

  @Test func keepsNewlinesAndCountsWideCharacters() {
    #expect(TextWrapper.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    #expect(TextWrapper.wrap("日本語 テキスト", width: 6) == ["日本語", "テキス", "ト"])
  }

  @Test func emptyTextIsOneEmptyLine() {
    #expect(TextWrapper.wrap("", width: 10) == [""])
    #expect(TextWrapper.wrap("x", width: 0) == [])
  }

  /// The words of each line are slices of the text itself, so that ranges found in the text
  /// (a search's matches) can be carried onto the lines.
  @Test func lineWordsAreSlicesOfTheText() {
    let text = "ask  the 日本語テキスト\nthen"
    let lines = TextWrapper.lineWords(text, width: 6)
    #expect(
      lines.map { $0.map(String.init) } == [["ask"], ["the"], ["日本語"], ["テキス"], ["ト"], ["then"]])
    #expect(lines.map { $0.joined(separator: " ") } == TextWrapper.wrap(text, width: 6))
    for line in lines {
      for word in line {
        #expect(text[word.startIndex..<word.endIndex] == word)
      }
    }
    #expect(text[lines[3][0].startIndex...].hasPrefix("テキスト"))
  }

  /// A word that takes no columns (a zero-width space, a direction mark) at the start of a
  /// line gives way to the next word, as it did before the lines were built from slices.
  @Test func aWordOfNoColumnsAtALinesStartGivesWay() {
    #expect(TextWrapper.wrap("word \u{200F} next line", width: 4) == ["word", "next", "line"])
    #expect(TextWrapper.wrap("\u{200B} x", width: 7) == ["x"])
    #expect(TextWrapper.wrap("x \u{200B}", width: 7) == ["x \u{200B}"])
  }
}
