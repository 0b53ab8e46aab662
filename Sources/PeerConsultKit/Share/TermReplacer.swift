import Foundation

/// Finds terms (names, organisations) in free text the way a reader would recognise them and
/// replaces them: ignoring case and accents ("zoe" is "Zoë"), treating ’ and ' alike, whole
/// words only ("Ben" is not in "Benjamin"), and, for Chinese, Japanese and Korean, which do not
/// put spaces between words, anywhere in the text.
///
/// Where terms overlap, the one starting first wins, then the longest, so "Anne-Marie" is
/// replaced whole rather than as "Anne" and "Marie".
struct TermReplacer: Sendable {
  private struct Term: Sendable {
    let folded: [Character]
    let replacement: String
    /// CJK at an edge: no word boundary is needed on that side.
    let opensInCJK: Bool
    let closesInCJK: Bool
  }

  /// Terms by their first folded character, longest first.
  private var terms: [Character: [Term]] = [:]

  /// Adds `term`, to be replaced by `replacement`. A term already added keeps its first
  /// replacement; a term with nothing to match is ignored.
  mutating func add(_ term: String, replacement: String) {
    let folded = Self.fold(term.trimmingCharacters(in: .whitespacesAndNewlines))
    guard let first = folded.first, let last = folded.last else { return }
    var bucket = terms[first, default: []]
    guard !bucket.contains(where: { $0.folded == folded }) else { return }
    bucket.append(
      Term(
        folded: folded, replacement: replacement, opensInCJK: Self.isCJK(first),
        closesInCJK: Self.isCJK(last)))
    bucket.sort { $0.folded.count > $1.folded.count }
    terms[first] = bucket
  }

  /// Whether `term` folds to something already added.
  func contains(_ term: String) -> Bool {
    let folded = Self.fold(term.trimmingCharacters(in: .whitespacesAndNewlines))
    guard let first = folded.first else { return false }
    return terms[first]?.contains { $0.folded == folded } ?? false
  }

  /// Whether any term occurs in `text`.
  func occurs(in text: String) -> Bool {
    let (folded, origin) = Self.foldWithOrigin(text)
    return folded.indices.contains { match(at: $0, in: folded, origin: origin) != nil }
  }

  /// `text` with every term replaced.
  func replacing(in text: String) -> String {
    guard !terms.isEmpty else { return text }
    let original = Array(text)
    let (folded, origin) = Self.foldWithOrigin(text)
    var output = ""
    var copiedUpTo = 0
    var position = 0
    while position < folded.count {
      if let (term, end) = match(at: position, in: folded, origin: origin) {
        let from = origin[position]
        let to = origin[end - 1] + 1
        output += String(original[copiedUpTo..<from]) + term.replacement
        copiedUpTo = to
        position = end
      } else {
        position += 1
      }
    }
    return output + String(original[copiedUpTo...])
  }

  /// The longest term matching at `position`, with the folded index just after it.
  private func match(at position: Int, in folded: [Character], origin: [Int]) -> (Term, Int)? {
    // A match starts and ends on whole original characters: "ß" folds to "ss", and half of
    // it is no word.
    guard position == 0 || origin[position - 1] != origin[position],
      let candidates = terms[folded[position]]
    else { return nil }
    for term in candidates {
      let end = position + term.folded.count
      guard end <= folded.count, end == folded.count || origin[end] != origin[end - 1],
        folded[position..<end].elementsEqual(term.folded)
      else { continue }
      let openBoundary = term.opensInCJK || position == 0 || !Self.isWord(folded[position - 1])
      let closeBoundary = term.closesInCJK || end == folded.count || !Self.isWord(folded[end])
      if openBoundary && closeBoundary { return (term, end) }
    }
    return nil
  }

  // MARK: Folding

  /// Letters that carry no separable accent, so accent folding leaves them alone, but that
  /// people often type without: "Lukasz" for "Łukasz", "Sorensen" for "Sørensen".
  private static let plainLetters: [Character: String] = [
    "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ı": "i", "æ": "ae", "œ": "oe", "þ": "th",
  ]

  /// Apostrophes and look-alikes, all read as `'` so "O’Neill" is "O'Neill".
  private static let apostrophes: Set<Character> = [
    "\u{2019}", "\u{2018}", "\u{02BC}", "`", "\u{2032}",
  ]

  /// `text` folded, and for each folded character the index of the original character it came
  /// from.
  private static func foldWithOrigin(_ text: String) -> (folded: [Character], origin: [Int]) {
    var folded: [Character] = []
    var origin: [Int] = []
    for (index, character) in text.enumerated() {
      for piece in fold(character) {
        folded.append(piece)
        origin.append(index)
      }
    }
    return (folded, origin)
  }

  /// `text` folded character by character.
  static func fold(_ text: String) -> [Character] {
    text.flatMap { fold($0) }
  }

  /// One character without case, accents or width, as the characters it compares as.
  static func fold(_ character: Character) -> [Character] {
    if apostrophes.contains(character) { return ["'"] }
    // Most text is ASCII; Foundation's folding is far slower than lowercasing it.
    if let ascii = character.asciiValue {
      return [(0x41...0x5A).contains(ascii) ? Character(Unicode.Scalar(ascii + 32)) : character]
    }
    let folded = String(character).folding(
      options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    return folded.flatMap { piece in plainLetters[piece].map(Array.init) ?? [piece] }
  }

  /// A character that continues a word written with spaces between words.
  private static func isWord(_ character: Character) -> Bool {
    (character.isLetter || character.isNumber) && !isCJK(character)
  }

  /// Han, kana and hangul: scripts whose words are not separated by spaces.
  static func isCJK(_ character: Character) -> Bool {
    guard let scalar = character.unicodeScalars.first else { return false }
    switch scalar.value {
    case 0x1100...0x11FF, 0x2E80...0x2FDF, 0x3040...0x30FF, 0x3100...0x318F, 0x31A0...0x31FF,
      0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA960...0xA97F, 0xAC00...0xD7FF, 0xF900...0xFAFF,
      0xFF66...0xFF9F, 0x20000...0x3134F:
      return true
    default:
      return false
    }
  }
}
