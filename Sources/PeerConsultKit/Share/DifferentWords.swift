import Foundation

/// The different words of some texts, each once, in the order first met, told apart by their
/// bytes: what ``Anonymiser/differentWords(in:)`` gathers from every note of a programme,
/// about a million and a half words of which a tenth are different.
///
/// A `Set` of `Substring`s cost more than cutting the words: each word was made a `Substring`
/// (holding its text), put in an array, hashed after bringing it to normal form, and compared
/// through its view. Here a word is looked up from its bytes where it stands in its text, and
/// only a word not met before is made a `Substring`. A word written in two canonically equal
/// ways is kept twice; the anonymiser's look that follows compares them as text.
struct DifferentWords {
  /// The words, in the order first met.
  private(set) var words: [Substring] = []
  /// The bytes of every word kept, one after another.
  private var bytes: [UInt8] = []
  /// Where each kept word's bytes start in `bytes`, and their number, in the order of `words`.
  private var spans: [(start: Int, count: Int)] = []
  /// Open addressing: for each slot, the index in `words` plus one, or 0 when free.
  private var slots = [Int32](repeating: 0, count: 64)

  /// Adds `word`, cut from its text, unless a word of the same bytes is already kept; returns
  /// whether it was added.
  @discardableResult
  mutating func insert(_ word: Substring) -> Bool {
    let added = word.utf8.withContiguousStorageIfAvailable { insert(word, bytes: $0) }
    return added ?? Array(word.utf8).withUnsafeBufferPointer { insert(word, bytes: $0) }
  }

  /// Adds the words of `text` that ``SuspectFinder/words(in:)-(String)`` cuts and `keeps`
  /// accepts (given each word's bytes), each unless already kept.
  mutating func insertWords(
    of text: String, where keeps: (UnsafeBufferPointer<UInt8>) -> Bool
  ) {
    let cut: Void? =
      text.utf8.withContiguousStorageIfAvailable { utf8 in
        guard SuspectFinder.isLatin(utf8) else { return nil }
        SuspectFinder.forEachLatinWord(in: utf8) { range in
          let word = UnsafeBufferPointer(rebasing: utf8[range])
          guard keeps(word) else { return }
          let found = slot(of: word)
          guard !found.isKept else { return }
          // Made a `Substring` only now, when it is kept.
          let start = text.utf8.index(text.utf8.startIndex, offsetBy: range.lowerBound)
          let end = text.utf8.index(start, offsetBy: range.count)
          add(text[start..<end], bytes: word, at: found.index)
        }
        return ()
      } ?? nil
    guard cut == nil else { return }
    for word in SuspectFinder.words(in: text) {
      let kept = word.utf8.withContiguousStorageIfAvailable { keeps($0) }
      if kept ?? Array(word.utf8).withUnsafeBufferPointer(keeps) { insert(word) }
    }
  }

  private mutating func insert(_ word: Substring, bytes wordBytes: UnsafeBufferPointer<UInt8>)
    -> Bool
  {
    let found = slot(of: wordBytes)
    guard !found.isKept else { return false }
    add(word, bytes: wordBytes, at: found.index)
    return true
  }

  /// Keeps `word`, of `wordBytes`, in the free `slot` found for it.
  private mutating func add(
    _ word: Substring, bytes wordBytes: UnsafeBufferPointer<UInt8>, at slot: Int
  ) {
    words.append(word)
    spans.append((bytes.count, wordBytes.count))
    bytes.append(contentsOf: wordBytes)
    slots[slot] = Int32(words.count)
    // At most half full, so that a look-up meets a free slot soon.
    if words.count * 2 > slots.count { grow() }
  }

  /// The slot holding a word of `word`'s bytes, or the free slot where it would go.
  private func slot(of word: UnsafeBufferPointer<UInt8>) -> (index: Int, isKept: Bool) {
    let mask = slots.count - 1
    var index = Self.hash(word) & mask
    while true {
      let entry = Int(slots[index])
      if entry == 0 { return (index, false) }
      let span = spans[entry - 1]
      if span.count == word.count,
        bytes.withUnsafeBufferPointer({
          word.isEmpty || memcmp($0.baseAddress! + span.start, word.baseAddress!, word.count) == 0
        })
      {
        return (index, true)
      }
      index = (index + 1) & mask
    }
  }

  private mutating func grow() {
    slots = [Int32](repeating: 0, count: slots.count * 2)
    let mask = slots.count - 1
    bytes.withUnsafeBufferPointer { all in
      for (number, span) in spans.enumerated() {
        var index =
          Self.hash(UnsafeBufferPointer(rebasing: all[span.start..<span.start + span.count]))
          & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = Int32(number + 1)
      }
    }
  }

  /// Hashed by `Hasher`, seeded afresh for every process, so that no text can be written to
  /// make its words collide.
  private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
    var hasher = Hasher()
    hasher.combine(bytes: UnsafeRawBufferPointer(word))
    return hasher.finalize()
  }
}
