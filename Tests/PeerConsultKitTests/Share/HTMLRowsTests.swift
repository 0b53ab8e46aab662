import Foundation
import Plot
import TestSupport
import Testing

@testable import PeerConsultKit

/// The harvest's repeated rows are written as text (``HTMLRows``) instead of Plot's nodes; the
/// page must stay the same byte for byte, whatever a note holds.
@Suite struct HTMLRowsTests {
  /// Pieces that make hostile text: markup, entities and what looks like one, characters that
  /// join the one before them into one character (accents, a prepended mark), a carriage
  /// return, an escape sequence, CJK.
  static let pieces = [
    "&", "<", ">", ";", "#", "a", "p", "1", "x", "amp", "lt", "#60", "&amp;", "&#60;", "&lt;",
    " ", "é", "\u{301}", "\u{338}", "\u{600}", "\r", "\n", "\r\n", "\u{1B}[2J", "\u{7}", "☑",
    "芳", "\"", "'",
  ]

  /// Texts to try: some written out, the rest random strings of ``pieces``.
  static func texts() -> [String] {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4854_4D4C))
    return [
      "", "plain", "A&E", "&lt;b&gt; &amp;", "&#60;script&#62;", "<script>alert(1)</script>",
      "&\u{301}", "<\u{338}", "\u{600}&", "a &amp", "&;", "&#;", "&#x3C;", "&&", "x&y;z",
      "Night-time economy #licensing\u{1B}[31m",
    ] + (0..<2_000).map { _ in generator.text(of: pieces, length: 1...12) }
  }

  @Test func escapedTextIsWhatPlotWritesForTheSameText() {
    for text in Self.texts() {
      let node: Node<HTML.BodyContext> = .span(HTMLPage.text(text))
      #expect(
        node.render() == "<span>\(HTMLPage.escaped(text))</span>", "\(Array(text.unicodeScalars))")
    }
  }

  /// The harvest's lists and tables (one without rows) and an element holding an element and
  /// text, written both ways inside a page where the harvest places them.
  @Test func rowsAreWhatPlotWritesForTheSameElements() {
    let texts = Array(Self.texts().prefix(300))
    let harvest = HarvestHTML(time: ReadableTime(timeZone: TimeZone(identifier: "UTC")!))
    let plot: [Node<HTML.BodyContext>] = [
      .ul(
        .class("notes"),
        .forEach(texts) {
          .li(HTMLPage.span("text", $0), .text(" "), HTMLPage.span("detail", "(\($0))"))
        }),
      .table(
        .class("t"),
        .thead(.tr(.th(HTMLPage.text("A")), .th(.class("number"), HTMLPage.text("B")))),
        .tbody(
          .forEach(texts) {
            .tr(.td(HTMLPage.text($0)), .td(.class("number"), HTMLPage.text($0)))
          })),
      .table(.class("empty"), .thead(.tr(.th(HTMLPage.text("A")))), .tbody()),
      .section(
        .class("review"), .h4(HTMLPage.text(texts[1])),
        .p(.class("detail"), HTMLPage.text("No process notes.")),
        .p(.strong(HTMLPage.text("Ratings (1-5): ")), HTMLPage.text(texts[2]))),
    ]
    var section = HTMLRows(depth: HarvestHTML.rowDepth)
    section.open("section", class: "review")
    section.element("h4", text: texts[1])
    section.element("p", class: "detail", text: "No process notes.")
    section.open("p")
    section.element("strong", text: "Ratings (1-5): ")
    section.text(texts[2])
    section.close()
    section.close()
    let rows: [Node<HTML.BodyContext>] = [
      harvest.notes(texts.map { ($0, "(\($0))") }),
      harvest.table("t", ["A", "#B"], texts.map { [$0, $0] }),
      harvest.table("empty", ["A"], []), section.node,
    ]
    func page(_ nodes: [Node<HTML.BodyContext>]) -> String {
      HTMLPage.render(
        title: "Rows",
        body: [.article(.class("harvest"), .h2("Before"), .group(nodes), .h2("After"))])
    }
    let expected = page(plot)
    #expect(page(rows) == expected)
    #expect(expected.contains("<tbody></tbody>"))
  }
}

extension SeededGenerator {
  /// A text of `length` random `pieces`.
  mutating func text(of pieces: [String], length: ClosedRange<Int>) -> String {
    (0..<Int.random(in: length, using: &self)).map { _ in pieces.randomElement(using: &self)! }
      .joined()
  }
}
