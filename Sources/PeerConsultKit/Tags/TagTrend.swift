/// Whether a tag comes up more or less often in a programme's latest sessions than before:
/// the "rising or fading" a programme lead looks for across months.
public enum TagTrend: String, Hashable, Sendable, CaseIterable {
  /// First used in the latest sessions.
  case new
  /// In a larger share of the latest sessions than of the earlier ones.
  case rising
  /// In the same share.
  case steady
  /// In a smaller share of the latest sessions than of the earlier ones (possibly none).
  case fading

  /// How many of a programme's sessions count as its latest, at most.
  public static let recentSessions = 3

  /// The trend of a tag carried by the sessions at `carrying` (positions in the programme's
  /// sessions, oldest first) out of `sessionCount`. The latest sessions are the last
  /// ``recentSessions``, or the later half of fewer than twice that many; with one session
  /// there is nothing to compare and the trend is steady.
  public static func of(carrying: Set<Int>, sessionCount: Int) -> TagTrend {
    guard sessionCount >= 2 else { return .steady }
    let recent = min(recentSessions, sessionCount / 2)
    let firstRecent = sessionCount - recent
    let inRecent = carrying.count { $0 >= firstRecent && $0 < sessionCount }
    let inEarlier = carrying.count { $0 >= 0 && $0 < firstRecent }
    if inEarlier == 0 { return inRecent > 0 ? .new : .steady }
    // Compare shares without division: inRecent / recent against inEarlier / firstRecent.
    let recentWeight = inRecent * firstRecent
    let earlierWeight = inEarlier * recent
    if recentWeight > earlierWeight { return .rising }
    if recentWeight < earlierWeight { return .fading }
    return .steady
  }
}
