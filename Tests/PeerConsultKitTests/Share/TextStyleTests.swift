import Testing

@testable import PeerConsultKit

/// Markdown escaping: what Markdown would read as markup is escaped, and nothing else, so
/// ordinary text reads as typed in the Markdown source too.
@Suite struct TextStyleTests {
  @Test(arguments: [
    ("A&E and Devon & Cornwall", "A&E and Devon & Cornwall"),
    ("a < b > c", "a < b > c"),
    ("snake_case_name", "snake_case_name"),
    ("C:\\Users\\me", "C:\\Users\\me"),
    ("Tom & Jerry;", "Tom & Jerry;"),
  ])
  func ordinaryTextIsLeftAsTyped(text: String, expected: String) {
    #expect(TextStyle.markdown.inline(text) == expected)
  }

  @Test(arguments: [
    ("&lt; &#60; &#x3C; &amp;", "\\&lt; \\&#60; \\&#x3C; \\&amp;"),
    ("<script> </b> <!-- <?x", "\\<script> \\</b> \\<!-- \\<?x"),
    ("<https://x.org>", "\\<https://x.org>"),
    ("*bold* _em_ `code` ~~gone~~", "\\*bold\\* \\_em\\_ \\`code\\` \\~\\~gone\\~\\~"),
    ("[a link](javascript:x) [ref]: y [a][b]", "[a link\\](javascript:x) [ref\\]: y [a\\][b]"),
    ("\\* not a star", "\\\\\\* not a star"),
  ])
  func markupIsEscaped(text: String, expected: String) {
    #expect(TextStyle.markdown.inline(text) == expected)
  }

  @Test func plainTextIsNeverEscaped() {
    #expect(TextStyle.plain.inline("*A&E* <b>") == "*A&E* <b>")
  }
}
