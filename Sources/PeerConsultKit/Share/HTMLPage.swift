import Plot

/// One self-contained HTML page, built with Plot so that every piece of text is escaped by
/// construction: a note reading `<script>` shows as text. Styles are inline and print well.
///
/// Text goes through ``text(_:)`` only, never into attributes (Plot does not escape those) and
/// never through Plot's head `.title`, which copies the text into unescaped attributes.
enum HTMLPage {
  /// The whole document.
  static func render(title: String, body: [Node<HTML.BodyContext>]) -> String {
    HTML(
      .lang(.english),
      .head(
        .meta(.charset(.utf8)),
        .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
        .meta(.name("generator"), .content("PeerConsult")),
        .element(named: "title", nodes: [text(title)]),
        .style(css)
      ),
      .body(.group(body))
    ).render(indentedBy: .spaces(1)) + "\n"
  }

  /// `value` as text, exactly as typed. Plot escapes `<`, `>` and `&`, but leaves what looks
  /// like an entity (`&lt;`) alone, so a note that reads "&lt;" would show as "<"; turning
  /// each `&` into `&amp;` first, which Plot then leaves alone, keeps the text exact.
  static func text<Context>(_ value: String) -> Node<Context> {
    .text(TextStyle.clean(value).replacingOccurrences(of: "&", with: "&amp;"))
  }

  /// `value` as Plot writes ``text(_:)``: cleaned, with `&`, `<` and `>` as entities. For the
  /// rows written as text (``HTMLRows``), which must read exactly as the same text in a node.
  static func escaped(_ value: String) -> String {
    let cleaned = TextStyle.clean(value)
    // Most notes hold nothing to escape: they come back as they are, not split into characters.
    guard cleaned.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E }) else {
      return cleaned
    }
    // As Plot escapes a text node after ``text(_:)``: every `&` is already `&amp;`, which Plot
    // leaves alone as an entity, and Plot turns a character that is exactly `<` or `>` into
    // an entity (one joined with an accent after it stays as it is). HTMLRowsTests compares
    // the two over hostile texts.
    var result = ""
    result.reserveCapacity(cleaned.utf8.count + 16)
    for character in cleaned.replacingOccurrences(of: "&", with: "&amp;") {
      switch character {
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      default: result.append(character)
      }
    }
    return result
  }

  /// A name as ``text(_:)`` writes it, isolated (`<bdi>`) from the text around it: a name
  /// in Arabic or Hebrew beside English otherwise takes the number or comma after it to its
  /// other side.
  static func isolated<Context>(_ name: String) -> Node<Context> {
    .element(named: "bdi", nodes: [text(name)])
  }

  /// A span of `text` with a fixed class.
  static func span(_ className: String, _ value: String) -> Node<HTML.BodyContext> {
    .span(.class(className), text(value))
  }

  static let css = """
    :root { color-scheme: light; }
    body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
      color: #1b1b1b; background: #fff; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
    h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 .6rem; }
    h2 { font-size: 1.3rem; border-bottom: 1px solid #bbb; padding-bottom: .2rem; margin-top: 2rem; }
    h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; }
    h4 { font-size: 1rem; margin: 1rem 0 .3rem; color: #333; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; }
    .notice { border-left: 4px solid #777; background: #f3f3f3; padding: .5rem .9rem; }
    .intro { font-size: 1.05rem; }
    ul.notes, ul.tasks { list-style: none; padding-left: 0; }
    ul.notes li, ul.tasks li { margin: .35rem 0; }
    .time { font-variant-numeric: tabular-nums; color: #555; margin-right: .3rem; }
    .kind { display: inline-block; font-size: .78em; padding: 0 .45em; border: 1px solid #999;
      border-radius: .3em; margin-right: .3rem; color: #333; }
    .speaker { font-weight: 600; margin-right: .2rem; unicode-bidi: isolate; }
    .text { white-space: pre-wrap; }
    .detail, .edited { color: #555; font-size: .9em; }
    .box { font-size: 1.1em; margin-right: .3rem; }
    .focus { font-style: italic; }
    table { border-collapse: collapse; margin: .5rem 0; }
    th, td { border-bottom: 1px solid #ddd; padding: .25rem .7rem; text-align: left;
      vertical-align: top; }
    td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
    svg.chart { display: block; width: 100%; max-width: 40rem; height: auto; margin: .5rem 0; }
    article + article { margin-top: 3rem; border-top: 3px double #999; padding-top: 1rem; }
    @media print {
      body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; color: #000; }
      article + article { break-before: page; border-top: none; margin-top: 0; padding-top: 0; }
      h1, h2, h3, h4 { break-after: avoid; }
      li, tr, .notice { break-inside: avoid; }
      .notice { background: none; border: 1px solid #000; }
      .time, .detail, .edited, h4 { color: #000; }
    }
    @page { margin: 18mm 16mm; }
    """
}
