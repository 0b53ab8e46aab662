extension String {
  /// The candidate this string is probably a typo of, so messages can say "did you mean …?".
  ///
  /// Case is ignored; at most a third of the letters (and never more than three) may differ.
  func closestMatch(in candidates: [String]) -> String? {
    let typed = Array(lowercased())
    let allowed = Swift.min(3, Swift.max(1, typed.count / 3))
    let scored = candidates.map { ($0, Self.editDistance(typed, Array($0.lowercased()))) }
    guard let best = scored.min(by: { $0.1 < $1.1 }), best.1 <= allowed else { return nil }
    return best.0
  }

  /// Levenshtein distance, two rows at a time.
  private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
