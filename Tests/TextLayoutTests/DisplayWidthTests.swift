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

  @Test func truncationEndsWithEllipsisAndRespectsWideCharacters() {
    #expect("Powerful questions".truncated(toWidth: 8) == "Powerfu…")
    #expect("short".truncated(toWidth: 8) == "short")
    // "日本語" is 6 columns; 5 leave room for one wide char plus the ellipsis.
    #expect("日本語".truncated(toWidth: 5) == "日本…")
    #expect("日本語".truncated(toWidth: 4) == "日…")
    #expect("abc".truncated(toWidth: 0) == "")
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
}
