import Foundation
import TextLayout

/// How text meant for people is written: Markdown (escaped where Markdown would read markup,
/// so a note shows exactly as typed and cannot turn into links, HTML or headings) or plain text for the terminal. Both take out
/// control characters, which a terminal would obey and a reader cannot see.
enum TextStyle: Sendable {
  case markdown
  case plain

  /// `text` cleaned and, for Markdown, escaped: one line of inline text.
  func inline(_ text: String) -> String {
    let clean = Self.replacing("\n", with: " ", in: Self.clean(text))
    return self == .markdown ? Self.escape(clean) : clean
  }

  /// `text` with `byte` (an ASCII character) replaced by `replacement`; a text without it (most
  /// notes, titles and names) as it is, without Foundation's search copying it.
  private static func replacing(_ byte: Unicode.Scalar, with replacement: String, in text: String)
    -> String
  {
    guard text.utf8.contains(UInt8(byte.value)) else { return text }
    return text.replacingOccurrences(of: String(byte), with: replacement)
  }

  /// One line of inline text that starts a list item or a line, where Markdown would read a
  /// leading `#`, `>`, `-` or `1.` as a heading, quote or list: a participant called `# Boss`.
  func leading(_ text: String) -> String {
    self == .markdown ? Self.escapeLineStart(inline(text)) : inline(text)
  }

  /// A note that may span lines, continued under a list item indented by `indent` spaces.
  /// `leading` when its first line starts the item, so it is escaped as every later line is.
  func block(_ text: String, indent: Int, leading: Bool = false) -> String {
    let clean = Self.clean(text)
    // One line, as most notes are, without splitting it into characters to find none.
    let lines =
      clean.utf8.contains(UInt8(ascii: "\n"))
      ? clean.split(separator: "\n", omittingEmptySubsequences: true)
      : clean.isEmpty ? [] : [clean[...]]
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
    self == .markdown ? Self.replacing("#", with: "\\#", in: inline(text)) : inline(text)
  }

  /// A table cell: inline, with `|` escaped.
  func cell(_ text: String) -> String {
    self == .markdown ? Self.replacing("|", with: "\\|", in: inline(text)) : inline(text)
  }

  /// `text` in bold, in Markdown.
  func strong(_ text: String) -> String { self == .markdown ? "**\(text)**" : text }

  /// Line breaks made `\n`, and other control characters shown as `�`: a note never carries
  /// them on purpose, and a terminal would act on them.
  static func clean(_ text: String) -> String { ControlCharacters.cleaned(text) }

  /// Backslash-escapes what Markdown would read as markup inside a line, and only that, so
  /// "A&E", "Devon & Cornwall", "a < b" and "snake_case" show as typed: emphasis and code
  /// marks (`*`, `~`, `` ` ``, and `_` unless inside a word), `<` that would open HTML or an
  /// autolink, `&` that would start an entity (`&lt;`, `&#60;`), a backslash before
  /// punctuation, and the `](` `]:` `][` that make links.
  private static func escape(_ text: String) -> String {
    // Most notes hold none of the characters that may need a backslash: they come back as
    // they are, without being split into characters.
    guard text.utf8.contains(where: markupBytes.contains) else { return text }
    let characters = Array(text)
    var result = ""
    for (index, character) in characters.enumerated() {
      let previous = index > 0 ? characters[index - 1] : nil
      let next = index + 1 < characters.count ? characters[index + 1] : nil
      let needsEscape: Bool
      switch character {
      case "`", "*", "~":
        needsEscape = true
      case "_":
        needsEscape = !(isWordCharacter(previous) && isWordCharacter(next))
      case "\\":
        needsEscape =
          next.map { $0.isASCII && $0.isPunctuation || $0.isASCII && $0.isSymbol } ?? false
      case "<":
        needsEscape = next.map { $0.isLetter || "/!?".contains($0) } ?? false
      case "&":
        needsEscape = startsEntity(characters[(index + 1)...])
      case "]":
        needsEscape = next == "(" || next == "[" || next == ":"
      default:
        needsEscape = false
      }
      if needsEscape { result.append("\\") }
      result.append(character)
    }
    return result
  }

  /// The bytes of the only characters ``escape(_:)`` may put a backslash before.
  private static let markupBytes = Set("`*~_\\<&]".utf8)

  private static func isWordCharacter(_ character: Character?) -> Bool {
    guard let character else { return false }
    return character.isLetter || character.isNumber
  }

  /// Whether `rest`, what follows a `&`, makes it an entity: `#` and digits, `#x` and hex
  /// digits, or a name, then `;`.
  private static func startsEntity(_ rest: ArraySlice<Character>) -> Bool {
    guard let semicolon = rest.prefix(34).firstIndex(of: ";"), semicolon > rest.startIndex else {
      return false
    }
    let body = rest[rest.startIndex..<semicolon]
    if body.first == "#" {
      let number = body.dropFirst()
      if number.first == "x" || number.first == "X" {
        return number.count > 1 && number.dropFirst().allSatisfy(\.isHexDigit)
      }
      return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return body.first?.isASCII == true && body.first?.isLetter == true
      && body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
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
