/// A name typed to pick people ("ben", "O'Neill", "zoe", "sio"): it matches a participant
/// whose name contains it as whole words, or whose name has a word that starts with it (one
/// word typed, as the live screen's speaker choice takes "sio" for Siobhán), ignoring case,
/// accents and the kind of apostrophe.
public struct NameFilter: Sendable {
  private var replacer = TermReplacer()
  /// The query folded, when it is one word: what a word of a name may start with.
  private let start: [Character]

  public init(_ query: String) {
    replacer.add(query, replacement: "")
    let folded = TermReplacer.fold(query.trimmingCharacters(in: .whitespacesAndNewlines))
    start = folded.allSatisfy { $0.isLetter || $0.isNumber } ? folded : []
  }

  public func matches(_ name: String) -> Bool {
    if replacer.occurs(in: name) { return true }
    guard !start.isEmpty else { return false }
    return name.split { !$0.isLetter && !$0.isNumber }.contains {
      TermReplacer.fold(String($0)).starts(with: start)
    }
  }
}
