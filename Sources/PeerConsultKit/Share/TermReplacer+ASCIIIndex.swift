extension TermReplacer {
  /// The terms that can match ASCII characters, by their first two folded bytes: what text
  /// read from its bytes (``ASCIIText``, ``LatinText``) is searched with.
  ///
  /// A report's notes are mostly words no term starts as, and a programme has hundreds of
  /// names, many sharing their first two letters. So where a term may start is told by
  /// comparing a word's first eight bytes with each term's, packed into one integer and held
  /// side by side (following a pointer to each term's bytes cost more than the rest of the
  /// search); and where one may, only the terms its first two bytes allow are tried.
  struct ASCIIIndex: Sendable {
    /// A term of two characters or more as the search for where one may start compares it.
    private struct Prefix: Sendable {
      /// Its first eight bytes (or fewer), the first in the lowest byte.
      let packed: UInt64
      /// Ones over the bytes `packed` holds.
      let mask: UInt64
      /// All its bytes, compared past the eighth.
      let bytes: [UInt8]
    }

    /// Terms of two characters or more, by their first two bytes (``pair(_:_:)``).
    private var prefixes: [[Prefix]] = Array(repeating: [], count: 128 * 128)
    /// Whether a term of one character is each ASCII byte: ``singleTerms`` not empty, kept
    /// apart so the search reads a flag, not an array, at every word's start.
    private var singles = [Bool](repeating: false, count: 128)
    /// The terms tried where the folded bytes start with a pair: those of two characters or
    /// more starting with it, then the term of its first byte alone, longest first.
    private var pairTerms: [[Term]] = Array(repeating: [], count: 128 * 128)
    /// The term of each byte alone, tried where no second byte follows.
    private var singleTerms: [[Term]] = Array(repeating: [], count: 128)

    private static func pair(_ first: UInt8, _ second: UInt8) -> Int {
      Int(first) << 7 | Int(second)
    }

    /// Adds `term` if it can match ASCII characters (its pattern has ASCII bytes).
    mutating func add(_ term: Term) {
      guard let bytes = term.folded.ascii, let first = bytes.first else { return }
      if bytes.count == 1 {
        singles[Int(first)] = true
        singleTerms[Int(first)] = [term]
        for second in UInt8(0)..<128 { insert(term, at: Self.pair(first, second)) }
        return
      }
      var packed: UInt64 = 0
      for (offset, byte) in bytes.prefix(8).enumerated() {
        packed |= UInt64(byte) << (8 * offset)
      }
      let mask: UInt64 = bytes.count >= 8 ? .max : (1 << (8 * bytes.count)) - 1
      let pair = Self.pair(first, bytes[1])
      prefixes[pair].append(Prefix(packed: packed, mask: mask, bytes: bytes))
      insert(term, at: pair)
    }

    /// Puts `term` among those of `pair`, longest first (after those of its length), found by
    /// halving: read in turn, thousands of terms of one pair made each addition cost them all.
    private mutating func insert(_ term: Term, at pair: Int) {
      let length = term.folded.count
      pairTerms[pair].insert(
        term, at: pairTerms[pair].partitionPoint { $0.folded.count < length })
    }

    /// The terms that may match where the folded bytes are `first` then `second` (nil at the
    /// end of the text), longest first. A byte from 0x80 stands for a folded character that
    /// is not ASCII (``latinBytes``): no term of two characters or more follows it.
    func terms(first: UInt8, second: UInt8?) -> [Term] {
      guard first < 0x80 else { return [] }
      guard let second, second < 0x80 else { return singleTerms[Int(first)] }
      return pairTerms[Self.pair(first, second)]
    }

    /// The word starts of `folded` (folded by ``TermReplacer/foldedByte(_:)`` as they are
    /// read, which leaves folded bytes as they are, ``latinBytes``) where some term's ASCII
    /// bytes follow.
    func candidates(in folded: UnsafeBufferPointer<UInt8>) -> [Int] {
      var candidates: [Int] = []
      let count = folded.count
      var afterWord = false
      for position in 0..<count {
        let first = TermReplacer.foldedByte(folded[position])
        defer { afterWord = TermReplacer.isFoldedWordByte(first) }
        guard !afterWord, first < 0x80 else { continue }
        if singles[Int(first)] {
          candidates.append(position)
          continue
        }
        guard position + 1 < count else { continue }
        let second = TermReplacer.foldedByte(folded[position + 1])
        guard second < 0x80 else { continue }
        let bucket = prefixes[Self.pair(first, second)]
        guard !bucket.isEmpty else { continue }
        let available = count - position
        var word: UInt64 = 0
        for offset in 0..<min(8, available) {
          word |= UInt64(TermReplacer.foldedByte(folded[position + offset])) << (8 * offset)
        }
        if bucket.contains(where: {
          word & $0.mask == $0.packed && $0.bytes.count <= available
            && Self.holdsPast8($0.bytes, at: position, in: folded)
        }) {
          candidates.append(position)
        }
      }
      return candidates
    }

    /// Whether `folded` holds `bytes` past their eighth from `position` (which leaves room
    /// for them).
    private static func holdsPast8(
      _ bytes: [UInt8], at position: Int, in folded: UnsafeBufferPointer<UInt8>
    ) -> Bool {
      var offset = 8
      while offset < bytes.count {
        guard TermReplacer.foldedByte(folded[position + offset]) == bytes[offset] else {
          return false
        }
        offset += 1
      }
      return true
    }
  }
}
