import Plot

/// A page's repeated rows (quoted notes, actions, table rows) written as text, where Plot's
/// node tree costs most: over a thousand sessions, building and rendering a node for each of
/// 22,345 quoted notes took half of the HTML report's time. The page's structure and the chart
/// stay in Plot; these rows go into it as one `Node.raw` each (``node``).
///
/// Written exactly as Plot writes the same elements with ``HTMLPage``'s indentation (each
/// element on its own line, one space deeper than its parent; an element holding only text on
/// one line), so the page is the same byte for byte. Every text goes through
/// ``HTMLPage/escaped(_:)``; tags and classes are the caller's constants, never what a person
/// typed.
struct HTMLRows {
  /// The rows written so far.
  private(set) var html = ""
  /// The elements open, innermost last, and whether each holds an element yet (which puts its
  /// closing tag on a line of its own).
  private var open: [(tag: String, holdsElements: Bool)] = []
  /// The depth of the first element: 3 for the harvest's article (html, body, article).
  private let depth: Int

  init(depth: Int) { self.depth = depth }

  /// The rows, to be placed in Plot's tree where an element at ``depth`` would be.
  var node: Node<HTML.BodyContext> { .raw(html) }

  /// Opens `tag` on a new line; ``close()`` ends it.
  mutating func open(_ tag: String, class className: String? = nil) {
    startElement(tag, className)
    open.append((tag, false))
  }

  /// Ends the innermost element open.
  mutating func close() {
    guard let element = open.popLast() else { return }
    if element.holdsElements { newLine() }
    closingTag(element.tag)
  }

  /// `tag` holding only `text`, on one line.
  mutating func element(_ tag: String, class className: String? = nil, text: String) {
    startElement(tag, className)
    html += HTMLPage.escaped(text)
    closingTag(tag)
  }

  /// `value` as text right after what was written, on the same line.
  mutating func text(_ value: String) {
    html += HTMLPage.escaped(value)
  }

  private mutating func startElement(_ tag: String, _ className: String?) {
    if !open.isEmpty { open[open.count - 1].holdsElements = true }
    newLine()
    // Appended piece by piece: an interpolated string is built apart first, once a row.
    html += "<"
    html += tag
    if let className {
      html += " class=\""
      html += className
      html += "\""
    }
    html += ">"
  }

  private mutating func closingTag(_ tag: String) {
    html += "</"
    html += tag
    html += ">"
  }

  private mutating func newLine() {
    html += "\n"
    html += String(repeating: " ", count: depth + open.count)
  }
}
