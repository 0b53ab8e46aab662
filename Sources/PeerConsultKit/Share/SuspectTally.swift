import Synchronization

/// The suspects an anonymised export met without the facilitator's choice, each gone out as
/// it goes by default (``TermReplacer/Suspicion/replacedByDefault``): what the command says
/// once written, since nothing else told that "Rosie" or a hospital's name went out kept.
///
/// Shared by every copy of one ``Anonymiser`` and noted from every core that scrubs with it.
public final class SuspectTally: Sendable {
  /// One word, as first written, and whether it was replaced.
  public struct Entry: Hashable, Sendable {
    public let text: String
    public let replaced: Bool
  }

  private let met = Mutex<[String: Entry]>([:])

  /// Notes `text` (by `key`, as choices are keyed) gone out without a choice.
  func note(_ text: String, key: String, replaced: Bool) {
    met.withLock { met in
      if met[key] == nil { met[key] = Entry(text: text, replaced: replaced) }
    }
  }

  /// The words met, in the order of their keys (the cores meet them in any order).
  var entries: [Entry] {
    met.withLock { met in met.sorted { $0.key < $1.key }.map(\.value) }
  }
}
