/// Spots advice dressed as a question ("Have you tried...?") in a questioning phase, so the
/// screen can gently ask "advice or question?" without blocking anything.
public enum AdviceDetector {
  /// Openings that give advice, in the lowercase, single-spaced, straight-apostrophe form
  /// that ``startsLikeAdvice(_:)`` compares against.
  public static let openings = [
    "have you tried", "you should", "you shouldn't", "why don't you", "if i were you",
    "don't you think you should",
  ]

  /// True when `text` is written in a phase whose notes are questions and starts like advice.
  public static func shouldFlag(_ text: String, in phase: Phase) -> Bool {
    phase.noteKind == .question && startsLikeAdvice(text)
  }

  /// True when `text` opens with one of the ``openings``, ignoring case, spacing, leading
  /// quotes or bullets, curly apostrophes, and apostrophes left out ("dont").
  public static func startsLikeAdvice(_ text: String) -> Bool {
    let words = normalizedWords(text)
    return openings.contains { opening in
      let expected = normalizedWords(opening)
      return words.count >= expected.count && Array(words.prefix(expected.count)) == expected
    }
  }

  /// Lowercase words with apostrophes removed, so "Don’t", "don't" and "dont" compare equal
  /// and "you shoulder" is not "you should".
  private static func normalizedWords(_ text: String) -> [String] {
    let apostrophes: Set<Character> = ["'", "\u{2019}", "\u{2018}", "\u{02BC}", "`"]
    let words = text.lowercased().split {
      !$0.isLetter && !$0.isNumber && !apostrophes.contains($0)
    }
    return words.prefix(6).map { String($0.filter { !apostrophes.contains($0) }) }
  }
}
