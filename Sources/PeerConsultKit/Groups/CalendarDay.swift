import Foundation

/// A day on the calendar, without a time: when an action is due. Written `2027-01-15`.
public struct CalendarDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// The day `2027-01-15` names, or nil when the text is not such a day (`2027-02-30`).
  public init?(iso text: String) {
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
      let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The day `day` of `month` of `year`, or nil when there is none (30 February).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year) else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: "UTC")!
    let components = DateComponents(year: year, month: month, day: day)
    // Foundation rolls 30 February over to March: a day that does not come back is no day.
    guard (1...12).contains(month), let date = calendar.date(from: components),
      calendar.dateComponents([.year, .month, .day], from: date) == components
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `date` falls on in `timeZone`.
  public init(_ date: Date, in timeZone: TimeZone) {
    let parts = Self.calendar(timeZone).dateComponents([.year, .month, .day], from: date)
    year = parts.year ?? 1970
    month = parts.month ?? 1
    day = parts.day ?? 1
  }

  /// `2027-01-15`.
  public var description: String {
    let month = month < 10 ? "0\(month)" : "\(month)"
    let day = day < 10 ? "0\(day)" : "\(day)"
    return "\(year)-\(month)-\(day)"
  }

  /// The day `days` later (earlier when negative).
  public func adding(days: Int) -> CalendarDay {
    let calendar = Self.calendar(TimeZone(identifier: "UTC")!)
    let start = calendar.date(from: DateComponents(year: year, month: month, day: day))!
    return CalendarDay(
      calendar.date(byAdding: .day, value: days, to: start)!, in: TimeZone(identifier: "UTC")!)
  }

  /// The weekday, 1 (Sunday) to 7 (Saturday), as Foundation counts them.
  public var weekday: Int {
    let calendar = Self.calendar(TimeZone(identifier: "UTC")!)
    let date = calendar.date(from: DateComponents(year: year, month: month, day: day))!
    return calendar.component(.weekday, from: date)
  }

  public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  private static func calendar(_ timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }
}
