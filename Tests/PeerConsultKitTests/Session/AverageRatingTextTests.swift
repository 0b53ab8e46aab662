import Foundation
import Testing

@testable import PeerConsultKit

/// A mean rating is written to one decimal as people round it, a half up: the walk-through's
/// 4, 5, 4 and 4 read "average 4.2" everywhere (summary, `show`, programme view, harvest),
/// since `%.1f` rounds 4.25 to the even digit.
@Suite struct AverageRatingTextTests {
  @Test func aHalfIsRoundedUp() {
    #expect(SessionDigest.oneDecimal(Double(4 + 5 + 4 + 4) / 4) == "4.3")
    #expect(SessionDigest.oneDecimal(Double(3 + 4) / 2) == "3.5")
    #expect(SessionDigest.oneDecimal(Double(1 + 2 + 2 + 2) / 4) == "1.8")
    #expect(SessionDigest.oneDecimal(Double(4 + 4 + 5) / 3) == "4.3")
    #expect(SessionDigest.oneDecimal(Double(67) / 20) == "3.4")
    #expect(SessionDigest.oneDecimal(5) == "5.0")
  }
}
