import Synchronization

/// The suspects an anonymised export met without the facilitator's choice, each gone out as
/// it goes by default (``TermReplacer/Suspicion/replacedByDefault``): what the command says
/// once written, since nothing else told that "Rosie" or a hospital's name went out kept.
///
/// Shared by every copy of one ``Anonymiser`` and noted from every core that scrubs with it.
public final class SuspectTally: Sendable {
  /// One word, as written (the first in alphabetical order of its spellings, whichever core
  /// met it first), and what became of it:
  /// a word beside a number may be kept where the same word alone was replaced.
  public struct Entry: Hashable, Sendable {
    public let text: String
    public var kept: Bool
    public var replaced: Bool
  }

  private let met = Mutex<[String: Entry]>([:])

  /// Notes `text` (by `key`, as choices are keyed) gone out without a choice, replaced or not.
  func note(_ text: String, key: String, replaced: Bool) {
    met.withLock { met in
      var entry = met[key] ?? Entry(text: text, kept: false, replaced: false)
      // The cores meet the spellings in any order: the same one is kept whatever the order.
      if text < entry.text { entry = Entry(text: text, kept: entry.kept, replaced: entry.replaced) }
      if replaced { entry.replaced = true } else { entry.kept = true }
      met[key] = entry
    }
  }

  /// The words met, those kept somewhere first (what may identify someone), each group in the
  /// order of their keys.
  var entries: [Entry] {
    met.withLock { met in
      let sorted = met.sorted { $0.key < $1.key }.map(\.value)
      return sorted.filter(\.kept) + sorted.filter { !$0.kept }
    }
  }
}
