import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct ExportTimeTests {
  @Test func writesUTCWithExactMilliseconds() {
    #expect(
      ExportTime.string(Date(millisecondsSince1970: 1_800_000_000_123))
        == "2027-01-15T08:00:00.123Z")
    #expect(ExportTime.string(Date(millisecondsSince1970: 0)) == "1970-01-01T00:00:00.000Z")
    #expect(
      ExportTime.string(Date(millisecondsSince1970: 951_782_400_999)) == "2000-02-29T00:00:00.999Z")
    #expect(ExportTime.string(Date(millisecondsSince1970: -1)) == "1969-12-31T23:59:59.999Z")
  }

  @Test func everyStoredMillisecondSurvivesTheRoundTrip() {
    var generator = SeededGenerator(seed: 6)
    for _ in 0..<2_000 {
      let milliseconds = Int64.random(in: 0...4_102_444_800_000, using: &generator)
      let date = Date(millisecondsSince1970: milliseconds)
      let text = ExportTime.string(date)
      #expect(ExportTime.date(text) == date, "\(text)")
      #expect(ExportTime.date(text)?.millisecondsSince1970 == milliseconds)
    }
  }

  /// Written from bytes (``PaddedDigits``): each field as the Gregorian calendar in UTC gives
  /// it, padded as always.
  @Test func everyFieldIsWhatTheCalendarSays() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    var generator = SeededGenerator(seed: 61)
    for _ in 0..<2_000 {
      // From 1600 (the calendar is Julian before 1582) to the end of 9999.
      let milliseconds = Int64.random(
        in: -11_676_096_000_000...253_402_300_799_999, using: &generator)
      let date = Date(millisecondsSince1970: milliseconds)
      let parts = calendar.dateComponents(
        [.year, .month, .day, .hour, .minute, .second], from: date)
      let expected = String(
        format: "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", parts.year ?? 0, parts.month ?? 0,
        parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0,
        Int((milliseconds % 1000 + 1000) % 1000))
      #expect(ExportTime.string(date) == expected, "\(milliseconds)")
    }
  }

  @Test func readsOnlyItsOwnForm() {
    for text in [
      "2027-01-15T08:00:00Z", "2027-01-15T08:00:00.123+01:00", "2027-01-15 08:00:00.123Z",
      "2027-02-30T08:00:00.000Z", "2027-13-01T08:00:00.000Z", "2027-01-15T24:00:00.000Z",
      "2027-01-15T08:00:00.12aZ", "", "yesterday",
    ] {
      #expect(ExportTime.date(text) == nil, "\(text)")
    }
    #expect(ExportTime.date("2028-02-29T23:59:59.999Z") != nil)
  }
}
