import Foundation

/// Dates and times for people to read in one time zone, written the same way whatever the
/// user's locale (`2027-01-15 08:00`), so that exports are stable and sort as text.
public struct ReadableTime: Sendable {
  public let timeZone: TimeZone
  private let calendar: Calendar

  public init(timeZone: TimeZone = .current) {
    self.timeZone = timeZone
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// `2027-01-15`.
  public func day(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return "\(pad(parts.year, 4))-\(pad(parts.month))-\(pad(parts.day))"
  }

  /// `08:05`.
  public func time(_ date: Date) -> String {
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return "\(pad(parts.hour)):\(pad(parts.minute))"
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
    let offset = timeZone.secondsFromGMT(for: date)
    guard offset != 0 else { return "UTC" }
    let minutes = abs(offset) / 60
    return "UTC\(offset < 0 ? "-" : "+")\(pad(minutes / 60)):\(pad(minutes % 60))"
  }

  private func pad(_ value: Int?, _ width: Int = 2) -> String {
    let digits = String(value ?? 0)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
