import Foundation
import Testing

@testable import PeerConsultKit

/// ``ReadableTime`` works dates out from the zone's offset instead of asking the calendar:
/// it must write exactly what the Gregorian calendar gives, in every kind of zone.
@Suite struct ReadableTimeTests {
  /// Zones with summer time on either side of the equator, offsets of half and three quarters
  /// of an hour, behind and ahead of UTC, and UTC.
  static let zones = [
    "UTC", "Europe/Berlin", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
    "America/St_Johns", "Pacific/Chatham", "Pacific/Kiritimati", "Pacific/Pago_Pago",
  ]

  private func calendarFields(_ date: Date, _ zone: TimeZone) -> [Int] {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone
    let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
    return [parts.year, parts.month, parts.day, parts.hour, parts.minute].map { $0 ?? -1 }
  }

  @Test(arguments: zones)
  func everyDateIsWhatTheCalendarSays(_ name: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    let time = ReadableTime(timeZone: zone)
    // Around the epoch, leap days and century years, summer time changes (every 10 minutes
    // through 2026's), and a spread from 1600 to 9999 with odd seconds.
    var moments: [Double] = [-1, 0, 59.9, 951_782_400, 951_868_799, 4_107_542_400, -2_208_988_800]
    moments += stride(from: 1_774_000_000.0, to: 1_775_000_000, by: 600)
    moments += stride(from: 1_792_000_000.0, to: 1_793_500_000, by: 600)
    moments += stride(from: -11_670_000_000.0, to: 253_390_000_000, by: 9_876_543.21)
    for moment in moments {
      let date = Date(timeIntervalSince1970: moment)
      let fields = time.fields(of: date)
      let expected = calendarFields(date, zone)
      #expect(
        [fields.year, fields.month, fields.day, fields.hour, fields.minute] == expected,
        "\(moment) in \(name)")
    }
  }

  /// Days and times are written from bytes (``PaddedDigits``): as the calendar's fields,
  /// padded.
  @Test(arguments: ["UTC", "Europe/Berlin", "Asia/Kolkata"])
  func daysAndTimesAreTheCalendarsFieldsPadded(_ name: String) throws {
    let zone = try #require(TimeZone(identifier: name))
    let time = ReadableTime(timeZone: zone)
    for moment in stride(from: -11_670_000_000.0, to: 253_390_000_000, by: 7_654_321.09) {
      let date = Date(timeIntervalSince1970: moment)
      let fields = calendarFields(date, zone)
      #expect(
        time.day(date) == String(format: "%04d-%02d-%02d", fields[0], fields[1], fields[2]),
        "\(moment) in \(name)")
      #expect(time.time(date) == String(format: "%02d:%02d", fields[3], fields[4]))
    }
  }

  @Test func datesBeyondTheArithmeticsRangeAskTheCalendar() throws {
    let zone = try #require(TimeZone(identifier: "Europe/Berlin"))
    let time = ReadableTime(timeZone: zone)
    for moment in [-20_000_000_000.0, 300_000_000_000] {
      let date = Date(timeIntervalSince1970: moment)
      let fields = time.fields(of: date)
      #expect(
        [fields.year, fields.month, fields.day, fields.hour, fields.minute]
          == calendarFields(date, zone))
    }
    #expect(
      ReadableTime(timeZone: .gmt).dayAndTime(Date(timeIntervalSince1970: 0)) == "1970-01-01 00:00")
  }
}
