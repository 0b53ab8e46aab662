import Foundation

/// Times as exports write them: ISO 8601 in UTC with exactly three decimals,
/// `2027-01-15T08:00:00.123Z`. Events are stored to the millisecond, so this loses nothing.
///
/// The conversion works on whole milliseconds with integer arithmetic: Foundation's ISO 8601
/// style cuts fractions rather than rounding them and would write a stored .123 as .122, which
/// would break the promise that export, import and export again give the same bytes.
enum ExportTime {
  private static let millisecondsPerDay: Int64 = 86_400_000

  /// `date` to the millisecond, in UTC.
  static func string(_ date: Date) -> String {
    let milliseconds = date.millisecondsSince1970
    let days = floorDivide(milliseconds, millisecondsPerDay)
    let ofDay = milliseconds - days * millisecondsPerDay
    let (year, month, day) = civil(fromDays: days)
    let seconds = Int(ofDay / 1000)
    return PaddedDigits.text(
      .number(Int(year), width: 4), .byte(0x2D), .number(Int(month), width: 2), .byte(0x2D),
      .number(Int(day), width: 2), .byte(0x54), .number(seconds / 3600, width: 2), .byte(0x3A),
      .number(seconds / 60 % 60, width: 2), .byte(0x3A), .number(seconds % 60, width: 2),
      .byte(0x2E), .number(Int(ofDay % 1000), width: 3), .byte(0x5A))
  }

  /// The date written by ``string(_:)``, or nil for anything else (another offset, no
  /// milliseconds, a 30th of February).
  static func date(_ text: String) -> Date? {
    let bytes = Array(text.utf8)
    // YYYY-MM-DDTHH:MM:SS.mmmZ
    guard bytes.count == 24, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
      bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A
    else { return nil }
    func number(_ range: Range<Int>) -> Int64? {
      var value: Int64 = 0
      for byte in bytes[range] {
        guard (0x30...0x39).contains(byte) else { return nil }
        value = value * 10 + Int64(byte - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
      let millisecond = number(20..<23), (1...12).contains(month), day >= 1,
      day <= daysInMonth(year: year, month: month), hour < 24, minute < 60, second < 60
    else { return nil }
    let days = self.days(year: year, month: month, day: day)
    let milliseconds =
      days * millisecondsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond
    return Date(millisecondsSince1970: milliseconds)
  }

  // Howard Hinnant's days-from-civil and civil-from-days, proleptic Gregorian calendar.

  private static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let y = month <= 2 ? year - 1 : year
    let era = floorDivide(y, 400)
    let yearOfEra = y - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private static func civil(fromDays days: Int64) -> (Int64, Int64, Int64) {
    let z = days + 719_468
    let era = floorDivide(z, 146_097)
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }

  private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  private static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    a >= 0 ? a / b : -((-a + b - 1) / b)
  }
}
