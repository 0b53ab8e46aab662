/// A name typed to pick people ("ben", "O'Neill", "zoe", "sio", "o'n"): it matches a
/// participant whose name contains it as whole words, or in which it starts a word (as the
/// live screen's speaker choice takes "sio" for Siobhán), ignoring case, accents, the kind of
/// apostrophe and how many spaces were typed.
public struct NameFilter: Sendable {
  private var replacer = TermReplacer()
  /// The query folded, its words one space apart: what a word of a name may start with.
  private let start: [Character]

  public init(_ query: String) {
    let words = query.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    replacer.add(words, replacement: "")
    start = TermReplacer.fold(words)
  }

  /// Whether `name` holds the query as whole words ("will" in "Will Rose", not in "Willa
  /// Ng"): where picking the wrong person costs more than asking again.
  public func matchesWholeWords(_ name: String) -> Bool {
    replacer.occurs(in: name)
  }

  public func matches(_ name: String) -> Bool {
    if replacer.occurs(in: name) { return true }
    guard !start.isEmpty else { return false }
    let folded = TermReplacer.fold(
      name.split(whereSeparator: \.isWhitespace).joined(separator: " "))
    func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
    for index in folded.indices
    where isWord(folded[index]) && (index == 0 || !isWord(folded[index - 1])) {
      if folded[index...].starts(with: start) { return true }
    }
    return false
  }
}
