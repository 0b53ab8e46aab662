/// Ordinary English words, to tell a name part that is also a word ("Will", "Hope", "Bishop")
/// from its ordinary use ("we will ask"), and a capitalised word that is only a name from one
/// that starts a sentence.
///
/// The list is generated from Debian's word lists by `Scripts/make-english-words.sh` and kept
/// in the source (`EnglishWords+List.swift`), so nothing needs the packages at run time.
enum EnglishWords {
  /// Every word, read once on first use.
  private static let words: Set<Substring> = Set(list.split(separator: "\n"))

  /// Whether `word`, as written, is an ordinary lower-case English word ("hope", not "Hope",
  /// "hopé" or "hope's"). "a", "i" and the pronoun "I" are, though the word lists leave
  /// letters out: a name with an initial ("A Ward", "I Will") written as words ("moved to a
  /// ward", "I will go") was taken for no ordinary phrase, and replaced without being listed.
  static func contains(_ word: some StringProtocol) -> Bool {
    word == "a" || word == "i" || word == "I" || words.contains(Substring(word))
  }

  /// Reads the list now, if no one has yet: a few hundredths of a second that a caller can
  /// spend on another core while it does something else first.
  static func prepare() {
    _ = words.count
  }
}
