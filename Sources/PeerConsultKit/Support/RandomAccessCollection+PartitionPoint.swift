extension RandomAccessCollection {
  /// The index of the first element that `isPast` holds for, found by halving, in a
  /// collection where every element it does not hold for comes before every one it does (a
  /// sorted one, asked whether an element lies past a value); `endIndex` when it holds for
  /// none. The one binary search of the runs, transcripts, ledger and term lists, which each
  /// wrote their own.
  @inlinable
  public func partitionPoint(where isPast: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if try isPast(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
