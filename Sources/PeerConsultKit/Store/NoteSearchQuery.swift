/// What a person typed into a search box, turned into an FTS5 pattern that cannot be a syntax
/// error: every word and "quoted phrase" becomes a quoted string, so `AND`, `NEAR`, `-`, `:`
/// and brackets are searched as text; a trailing `*` asks for words starting with it; all
/// terms must match. A word that is a whole `#tag` (``NoteTag``) matches the tag only, through
/// the tag index, so `#licensing` finds notes tagged so and `licensing` the word anywhere;
/// `#lic*` finds tags starting with it.
public struct NoteSearchQuery: Hashable, Sendable {
  /// One word or phrase to match.
  public struct Term: Hashable, Sendable {
    public let text: String
    public let isPhrase: Bool
    public let isPrefix: Bool
  }

  /// One `#tag` to match, by its ``NoteTag/key``.
  public struct Tag: Hashable, Sendable {
    public let key: String
    public let isPrefix: Bool
  }

  public let terms: [Term]
  /// Each once, in the order typed.
  public let tags: [Tag]

  /// The most `#tags` a search asks for together: each is a condition of the query, and a
  /// thousand of them passed SQLite's limit on an expression's depth ("Expression tree is
  /// too large", reported as a disk that could not be read). No note has so many.
  public static let maximumTags = 32

  /// Whether the query asks for more tags than ``maximumTags``: it finds nothing, and the
  /// command line refuses it.
  public var hasTooManyTags: Bool { tags.count > Self.maximumTags }

  /// True when there is nothing to search for: no word, phrase or tag.
  public var isEmpty: Bool { terms.isEmpty && tags.isEmpty }

  public init(_ input: String) {
    var terms: [Term] = []
    var tags: [Tag] = []
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
      let text = body.filter { $0 != "*" }.trimmingSpaces
      if !isPhrase, text.hasPrefix("#"), let tag = NoteTag.parse(text) {
        let tag = Tag(key: tag.key, isPrefix: isPrefix)
        if !tags.contains(tag) { tags.append(tag) }
        continue
      }
      // A term without letters or digits has no tokens and would match nothing.
      guard text.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
      terms.append(Term(text: text, isPhrase: isPhrase, isPrefix: isPrefix))
    }
    self.terms = terms
    self.tags = tags
  }

  /// The FTS5 pattern of the words and phrases, or nil when there are none. A Chinese, Japanese or
  /// Korean term is a phrase of single characters to the index's tokenizer, so it is found
  /// inside unspaced text.
  public var ftsPattern: String? {
    guard !terms.isEmpty else { return nil }
    return terms.map { term in
      // Doubled scalar by scalar: a quote joined to the mark after it (an accent, a joiner)
      // is one Character with it, which splitting on the Character `"` would miss, leaving
      // FTS5 an unterminated string. Not `replacingOccurrences`, whose first use bridges to
      // NSString at every search's start (Docs/PERFORMANCE.md).
      var doubled = String.UnicodeScalarView()
      for scalar in term.text.unicodeScalars {
        doubled.append(scalar)
        if scalar == "\"" { doubled.append(scalar) }
      }
      let quoted = "\"" + String(doubled) + "\""
      return term.isPrefix ? quoted + "*" : quoted
    }.joined(separator: " ")
  }
}
