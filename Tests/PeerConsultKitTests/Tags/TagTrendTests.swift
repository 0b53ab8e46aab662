import Testing

@testable import PeerConsultKit

/// Rising and fading compare the share of the latest sessions carrying a tag with the share of
/// the earlier ones.
@Suite struct TagTrendTests {
  @Test(arguments: [
    // (sessions carrying the tag, of how many, expected)
    ([0, 1, 2, 3, 4, 5, 6, 7], 8, TagTrend.steady),
    ([5, 6, 7], 8, .new),
    ([0, 6, 7], 8, .rising),
    ([0, 1, 2, 3, 7], 8, .fading),
    ([0, 1], 8, .fading),
    ([0, 5, 6], 8, .rising),  // 2 of the last 3 against 1 of the first 5
    ([0, 1, 2, 5], 8, .fading),  // 1 of 3 against 3 of 5
    ([0, 3, 6], 9, .steady),  // 1 of 3 against 2 of 6
    ([0], 1, .steady),
    ([1], 2, .new),
    ([0], 2, .fading),
    ([], 5, .steady),
  ])
  func comparesTheLatestSessionsWithTheEarlierOnes(
    carrying: [Int], sessions: Int, expected: TagTrend
  ) {
    #expect(TagTrend.of(carrying: Set(carrying), sessionCount: sessions) == expected)
  }
}
