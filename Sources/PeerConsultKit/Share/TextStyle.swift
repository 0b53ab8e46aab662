import Foundation
import TextLayout

/// How text meant for people is written: Markdown (escaped, so a note shows exactly as typed
/// and cannot turn into links, HTML or headings) or plain text for the terminal. Both take out
/// control characters, which a terminal would obey and a reader cannot see.
enum TextStyle: Sendable {
  case markdown
  case plain

  /// `text` cleaned and, for Markdown, escaped: one line of inline text.
  func inline(_ text: String) -> String {
    let clean = Self.clean(text).replacingOccurrences(of: "\n", with: " ")
    return self == .markdown ? Self.escape(clean) : clean
  }

  /// One line of inline text that starts a list item or a line, where Markdown would read a
  /// leading `#`, `>`, `-` or `1.` as a heading, quote or list: a participant called `# Boss`.
  func leading(_ text: String) -> String {
    self == .markdown ? Self.escapeLineStart(inline(text)) : inline(text)
  }

  /// A note that may span lines, continued under a list item indented by `indent` spaces.
  /// `leading` when its first line starts the item, so it is escaped as every later line is.
  func block(_ text: String, indent: Int, leading: Bool = false) -> String {
    let lines = Self.clean(text).split(separator: "\n", omittingEmptySubsequences: true)
    let margin = String(repeating: " ", count: indent)
    switch self {
    case .plain:
      return lines.joined(separator: "\n" + margin)
    case .markdown:
      // Two trailing spaces: a hard line break that keeps the lines in one list item.
      return lines.enumerated().map { index, line in
        let escaped = Self.escape(String(line))
        return index == 0 && !leading ? escaped : Self.escapeLineStart(escaped)
      }.joined(separator: "  \n" + margin)
    }
  }

  /// Text for a heading: inline, and in Markdown without `#`, which could close the heading.
  func heading(_ text: String) -> String {
    self == .markdown ? inline(text).replacingOccurrences(of: "#", with: "\\#") : inline(text)
  }

  /// A table cell: inline, with `|` escaped.
  func cell(_ text: String) -> String {
    self == .markdown ? inline(text).replacingOccurrences(of: "|", with: "\\|") : inline(text)
  }

  /// `text` in bold, in Markdown.
  func strong(_ text: String) -> String { self == .markdown ? "**\(text)**" : text }

  /// Line breaks made `\n`, and other control characters shown as `�`: a note never carries
  /// them on purpose, and a terminal would act on them.
  static func clean(_ text: String) -> String { ControlCharacters.cleaned(text) }

  /// Backslash-escapes what Markdown would read as markup inside a line: emphasis, code,
  /// HTML and autolinks, entities, and the `](` `]:` `][` that make links.
  private static func escape(_ text: String) -> String {
    var result = ""
    var characters = text.makeIterator()
    var pending = characters.next()
    while let character = pending {
      let next = characters.next()
      switch character {
      case "\\", "`", "*", "_", "~", "<", ">", "&":
        result += "\\" + String(character)
      case "]" where next == "(" || next == "[" || next == ":":
        result += "\\]"
      default:
        result.append(character)
      }
      pending = next
    }
    return result
  }

  /// Escapes a line start that Markdown would read as a heading, quote, list or rule.
  private static func escapeLineStart(_ line: String) -> String {
    let trimmed = line.drop { $0 == " " }
    guard let first = trimmed.first else { return line }
    if "#>-+=|".contains(first) { return "\\" + trimmed }
    let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
    if !digits.isEmpty, let after = trimmed.dropFirst(digits.count).first,
      after == "." || after == ")"
    {
      return digits + "\\" + trimmed.dropFirst(digits.count)
    }
    return String(trimmed)
  }
}
