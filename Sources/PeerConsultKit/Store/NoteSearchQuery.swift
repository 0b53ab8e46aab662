/// What a person typed into a search box, turned into an FTS5 pattern that cannot be a syntax
/// error: every word and "quoted phrase" becomes a quoted string, so `AND`, `NEAR`, `-`, `:`
/// and brackets are searched as text; a trailing `*` asks for words starting with it; all
/// terms must match.
public struct NoteSearchQuery: Hashable, Sendable {
  /// One word or phrase to match.
  public struct Term: Hashable, Sendable {
    public let text: String
    public let isPhrase: Bool
    public let isPrefix: Bool

    /// Whether the term holds a CJK ideograph, kana or hangul syllable.
    public var isCJK: Bool {
      text.unicodeScalars.contains { scalar in
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
          0x20000...0x2FFFF:
          return true
        default: return false
        }
      }
    }
  }

  public let terms: [Term]

  public init(_ input: String) {
    var terms: [Term] = []
    var characters = Substring(input)
    while let first = characters.first {
      if first.isWhitespace {
        characters = characters.dropFirst()
        continue
      }
      let isPhrase = first == "\""
      let body: Substring
      if isPhrase {
        // An unclosed quote runs to the end rather than failing.
        let rest = characters.dropFirst()
        let close = rest.firstIndex(of: "\"") ?? rest.endIndex
        body = rest[..<close]
        characters = close < rest.endIndex ? rest[rest.index(after: close)...] : ""
      } else {
        let end = characters.firstIndex { $0.isWhitespace || $0 == "\"" } ?? characters.endIndex
        body = characters[..<end]
        characters = characters[end...]
      }
      var isPrefix = body.hasSuffix("*")
      if isPhrase, characters.first == "*" {
        isPrefix = true
        characters = characters.dropFirst()
      }
      let text = body.filter { $0 != "*" }.trimmingCharacters(in: .whitespaces)
      // A term without letters or digits has no tokens and would match nothing.
      guard text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
      terms.append(Term(text: text, isPhrase: isPhrase, isPrefix: isPrefix))
    }
    self.terms = terms
  }

  /// Terms in Chinese, Japanese or Korean script. SQLite's unicode61 tokenizer reads an
  /// unspaced run of such text as one word, so these are matched as substrings instead.
  public var cjkTerms: [Term] { terms.filter(\.isCJK) }

  /// The FTS5 pattern for the other terms, or nil when there are none.
  public var ftsPattern: String? {
    let words = terms.filter { !$0.isCJK }
    guard !words.isEmpty else { return nil }
    return words.map { term in
      let quoted = "\"" + term.text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
      return term.isPrefix ? quoted + "*" : quoted
    }.joined(separator: " ")
  }
}
