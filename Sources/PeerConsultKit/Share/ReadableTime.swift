import Foundation

/// Dates and times for people to read in one time zone, written the same way whatever the
/// user's locale (`2027-01-15 08:00`), so that exports are stable and sort as text.
public struct ReadableTime: Sendable {
  /// The zone given, or nil for the user's local time, read from the C library when it can
  /// (``SystemZone``).
  private let zone: TimeZone?

  /// In the user's local time.
  public init() {
    zone = SystemZone.isReadable ? nil : .current
  }

  public init(timeZone: TimeZone) {
    zone = timeZone
  }

  /// The zone the times are written in.
  public var timeZone: TimeZone { zone ?? .current }

  /// Seconds the zone is ahead of UTC at `date`.
  private func secondsFromGMT(for date: Date) -> Int {
    zone?.secondsFromGMT(for: date) ?? SystemZone.secondsFromGMT(for: date)
  }

  /// The Gregorian calendar in ``timeZone``, made only for a date outside 1600-9999: making
  /// one costs a start more than formatting a page of dates (``fields(of:)``).
  private var calendar: Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }

  /// `2027-01-15`.
  public func day(_ date: Date) -> String {
    let parts = fields(of: date)
    return PaddedDigits.text(
      .number(parts.year, width: 4), .byte(0x2D), .number(parts.month, width: 2), .byte(0x2D),
      .number(parts.day, width: 2))
  }

  /// `08:05`.
  public func time(_ date: Date) -> String {
    let parts = fields(of: date)
    return PaddedDigits.text(
      .number(parts.hour, width: 2), .byte(0x3A), .number(parts.minute, width: 2))
  }

  /// The date's year, month, day, hour and minute in ``timeZone``. Worked out from the zone's
  /// offset at that moment with the civil calendar's arithmetic, which is what the Gregorian
  /// calendar gives from 1583 on: `Calendar.dateComponents` costs about 20 µs a date in a zone
  /// with summer time, and a list formats one or two dates a row (the review list's filter
  /// one per stored session at each key). Dates outside 1600-9999 go to the calendar.
  func fields(of date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
    let seconds = (date.timeIntervalSince1970 + Double(secondsFromGMT(for: date)))
      .rounded(.down)
    // 1600-01-01 00:00 and 9999-12-31 00:00 in the zone.
    guard seconds > -11_676_096_000, seconds < 253_402_214_400 else {
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
      return (parts.year ?? 0, parts.month ?? 0, parts.day ?? 0, parts.hour ?? 0, parts.minute ?? 0)
    }
    let local = Int(seconds)
    let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
    let secondOfDay = local - days * 86_400
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm), in 400-year eras
    // counted from 0000-03-01.
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthFromMarch = (5 * dayOfYear + 2) / 153
    let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
    return (
      yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month,
      dayOfYear - (153 * monthFromMarch + 2) / 5 + 1, secondOfDay / 3_600, secondOfDay % 3_600 / 60
    )
  }

  /// `2027-01-15 08:05`.
  public func dayAndTime(_ date: Date) -> String { "\(day(date)) \(time(date))" }

  /// `08:05` when `date` falls on the same day as `reference`, else the day too.
  public func time(_ date: Date, sameDayAs reference: Date) -> String {
    day(date) == day(reference) ? time(date) : dayAndTime(date)
  }

  /// The zone as an offset, so a reader elsewhere knows what the times mean: `UTC`,
  /// `UTC+01:00`.
  public func zoneLabel(at date: Date) -> String {
    let offset = secondsFromGMT(for: date)
    guard offset != 0 else { return "UTC" }
    let minutes = abs(offset) / 60
    return "UTC\(offset < 0 ? "-" : "+")\(pad(minutes / 60)):\(pad(minutes % 60))"
  }

  private func pad(_ value: Int) -> String { PaddedDigits.padded(value, 2) }
}
