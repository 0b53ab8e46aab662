/// Spots advice dressed as a question ("Have you tried...?") in a questioning phase, so the
/// screen can gently ask "advice or question?" without blocking anything.
public enum AdviceDetector {
  /// Openings that give advice, in the lowercase, single-spaced, straight-apostrophe form
  /// that ``startsLikeAdvice(_:extraStems:)`` compares against. A protocol file can add its
  /// own (`advice_stems`).
  public static let stems = [
    "have you tried", "have you thought about", "have you considered", "you should",
    "you shouldn't", "you could", "you need to", "you ought to", "you might want to",
    "why don't you", "why not", "if i were you", "if i was you", "don't you think you should",
    "i would", "i'd", "i suggest", "my advice",
  ]

  /// Words that may open a sentence before the advice itself ("So if I were you…").
  static let fillers: Set<String> = ["so", "well", "and", "but", "ok", "okay", "then", "maybe"]

  /// True when `text` is written in a phase whose notes are questions and starts like advice.
  public static func shouldFlag(_ text: String, in phase: Phase, extraStems: [String] = [])
    -> Bool
  {
    phase.noteKind == .question && startsLikeAdvice(text, extraStems: extraStems)
  }

  /// True when any sentence of `text` opens with one of the ``stems`` or `extraStems`,
  /// ignoring case, spacing, leading quotes or bullets, a filler word or two, curly
  /// apostrophes, and apostrophes left out ("dont").
  public static func startsLikeAdvice(_ text: String, extraStems: [String] = []) -> Bool {
    // The built-in stems are normalised once; a note is checked on every key typed into it.
    let expected =
      extraStems.isEmpty
      ? normalizedStems
      : normalizedStems + extraStems.map { normalizedWords($0) }.filter { !$0.isEmpty }
    for sentence in sentences(text) {
      var words = normalizedWords(sentence)
      while let first = words.first, fillers.contains(first), words.count > 1 {
        words.removeFirst()
      }
      if expected.contains(where: { words.starts(with: $0) }) { return true }
    }
    return false
  }

  /// ``stems`` as ``startsLikeAdvice(_:extraStems:)`` compares them.
  private static let normalizedStems = stems.map { normalizedWords($0) }.filter { !$0.isEmpty }

  /// The sentences of `text`, split after `.`, `!`, `?`, `;` and `…` (a line break may fall
  /// inside one); at most the first hundred, so a pasted page costs little.
  static func sentences(_ text: String) -> [Substring] {
    let ends: Set<Character> = [".", "!", "?", ";", "…"]
    return Array(text.split(whereSeparator: ends.contains).prefix(100))
  }

  /// Lowercase words with apostrophes removed, so "Don’t", "don't" and "dont" compare equal
  /// and "you shoulder" is not "you should".
  private static func normalizedWords(_ text: Substring) -> [String] {
    let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]
    // Only the first eight words count, so only they are lowercased: a long sentence costs
    // what a short one does.
    let words = text.split(maxSplits: 8, omittingEmptySubsequences: true) {
      !$0.isLetter && !$0.isNumber && !apostrophes.contains($0)
    }
    return words.prefix(8).map { String($0.lowercased().filter { !apostrophes.contains($0) }) }
  }

  private static func normalizedWords(_ text: String) -> [String] {
    normalizedWords(Substring(text))
  }
}
