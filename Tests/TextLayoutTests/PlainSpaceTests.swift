import Testing

@testable import TextLayout

@Suite struct PlainSpaceTests {
  /// Only U+0020 on its own is the plain space: not a space with a mark on it, nor the other
  /// spaces, nor a letter whose bytes are not ASCII.
  @Test func onlyTheSpaceAloneIsThePlainSpace() {
    #expect(Character(" ").isPlainSpace)
    for other: Character in ["a", "é", "\u{A0}", "\u{3000}", "\t", " \u{301}", "日", "\r\n"] {
      #expect(!other.isPlainSpace, "\(other.unicodeScalars.map(\.value))")
      #expect(other != " ")
    }
  }
}
