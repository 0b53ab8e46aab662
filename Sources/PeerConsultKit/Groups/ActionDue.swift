import Foundation

/// When an action is due: by a day, or by the group's next meeting.
public enum ActionDue: Hashable, Sendable {
  case day(CalendarDay)
  /// By the next meeting of the session's standing group.
  case nextSession

  /// Whether it has gone by on `today`: its day has passed, or it was due at the next meeting
  /// and, of the meetings of its group since (`meetingsSince`), the first finished
  /// (`nextMeetingFinished`) or a second started. The one rule of lateness: the group's
  /// ledger, review's actions and the SQL of ``ActionStates`` say it alike.
  public func hasPassed(
    today: CalendarDay, meetingsSince: Int = 0, nextMeetingFinished: Bool = false
  ) -> Bool {
    switch self {
    case .day(let day): day < today
    case .nextSession: meetingsSince >= 2 || (meetingsSince == 1 && nextMeetingFinished)
    }
  }

  /// How the due date is written in the event log and the export: `2027-01-15` or
  /// `next-session`.
  public var code: String {
    switch self {
    case .day(let day): day.description
    case .nextSession: "next-session"
    }
  }

  /// The due date `code` writes, or nil.
  public init?(code: String) {
    if code == "next-session" {
      self = .nextSession
    } else if let day = CalendarDay(iso: code) {
      self = .day(day)
    } else {
      return nil
    }
  }

  /// The due date an action's text gives, as people write it at the end of an action: "by
  /// Friday" (the next Friday after the day it is written), "by 2027-01-15" (or the date
  /// alone), "by 15 Jan", "by 15th January 2027", "by January 15", "by 15/01", "by 15/1" or
  /// "by 15/01/2027" (the day first, as in Britain; "by 1/3" is a third), "by the end of January", "by the end of the
  /// month", "by tomorrow", "next session" or "next meeting"; "due" as well as "by". A day
  /// and month without a year is their next coming, the day written included. Nil when it
  /// gives none. A date wins over a weekday, which wins over the next session.
  public static func find(in text: String, writtenAt date: Date, timeZone: TimeZone) -> ActionDue? {
    // "/" stays inside a date ("15/01/2027") but parts words ("by Fri/Mon").
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "/") }
      .flatMap { word in
        word.allSatisfy { $0.isNumber || $0 == "/" }
          ? [word] : word.split(separator: "/").filter { !$0.isEmpty }
      }
      .map(String.init)
    if let day = words.lazy.compactMap(CalendarDay.init(iso:)).first { return .day(day) }
    let today = CalendarDay(date, in: timeZone)
    var weekdayDue: CalendarDay?
    for (index, word) in words.enumerated() where ["by", "due"].contains(word) {
      let after = Array(words[(index + 1)...].prefix(5))
      guard let next = after.first else { continue }
      if let day = Self.day(in: after, from: today) { return .day(day) }
      // "By Friday, 15 January": the date, not the next Friday.
      if weekdays.contains(where: { next == $0 || next == String($0.prefix(3)) }),
        let day = Self.day(in: Array(after.dropFirst()), from: today)
      {
        return .day(day)
      }
      if weekdayDue != nil { continue }
      if next == "today" { weekdayDue = today }
      if next == "tomorrow" { weekdayDue = today.adding(days: 1) }
      if let weekday = weekdays.firstIndex(where: { next == $0 || next == String($0.prefix(3)) }) {
        // Weekdays count from Sunday (1); "by Friday" on a Friday means a week later.
        let ahead = (weekday + 1 - today.weekday + 7) % 7
        weekdayDue = today.adding(days: ahead == 0 ? 7 : ahead)
      }
    }
    if let weekdayDue { return .day(weekdayDue) }
    for (index, word) in words.enumerated().dropLast() where word == "next" {
      if ["session", "meeting"].contains(words[index + 1]) { return .nextSession }
    }
    return nil
  }

  /// The day the words after "by" begin with: "15/1[/2027]", "[the] 15[th] [of] Jan[uary]
  /// [2027]", "January 15[th] [2027]", "[the] end of [the] January [2028]" or "[the] end of
  /// the month".
  private static func day(in words: [String], from today: CalendarDay) -> CalendarDay? {
    // "By the 3rd of February", "by the end of January".
    let words = words.first == "the" ? Array(words.dropFirst()) : words
    guard let first = words.first else { return nil }
    // 15/01, 15/01/27, 15/01/2027, 15-01-2027. Without a year, only with a slash and a
    // two-digit day or month: "by 1/3" is a third, "by 2-3 weeks" a range.
    let separator: Character = first.contains("/") ? "/" : "-"
    let parts = first.split(separator: separator, omittingEmptySubsequences: false)
    if (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) }),
      parts[0].count <= 2, parts[1].count <= 2, let day = Int(parts[0]), let month = Int(parts[1])
    {
      if parts.count == 2 {
        // "24/7" is round the clock.
        guard separator == "/", parts[0].count == 2 || parts[1].count == 2, first != "24/7"
        else { return nil }
        return Self.day(day, month, year: nil, from: today)
      }
      guard let year = Self.year(String(parts[2]), twoDigits: true) else { return nil }
      return Self.day(day, month, year: year, from: today)
    }
    // 15 Jan, 15th of January 2027.
    if let day = dayOfMonth(first) {
      var rest = words.dropFirst()
      if rest.first == "of" { rest = rest.dropFirst() }
      guard let month = rest.first.flatMap({ months[$0] }) else { return nil }
      return Self.day(
        day, month, year: rest.dropFirst().first.flatMap { Self.year($0) }, from: today)
    }
    // January 15th 2027.
    if let month = months[first], words.count > 1, let day = dayOfMonth(words[1]) {
      return Self.day(
        day, month, year: words.dropFirst(2).first.flatMap { Self.year($0) }, from: today)
    }
    // The end of January, the end of the month.
    var rest = words[...]
    guard rest.first == "end", rest.dropFirst().first == "of" else { return nil }
    rest = rest.dropFirst(2)
    if rest.first == "the" { rest = rest.dropFirst() }
    guard let word = rest.first else { return nil }
    let month = word == "month" ? today.month : months[word]
    guard let month else { return nil }
    let year =
      rest.dropFirst().first.flatMap { Self.year($0) }
      ?? (month >= today.month ? today.year : today.year + 1)
    // The day before the first of the month after.
    return CalendarDay(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1)?
      .adding(days: -1)
  }

  /// `day` of `month` of `year`; without a year, their next coming from `today` on.
  private static func day(_ day: Int, _ month: Int, year: Int?, from today: CalendarDay)
    -> CalendarDay?
  {
    if let year { return CalendarDay(year: year, month: month, day: day) }
    if let this = CalendarDay(year: today.year, month: month, day: day), this >= today {
      return this
    }
    return CalendarDay(year: today.year + 1, month: month, day: day)
  }

  /// "15", "15th", "1st", "2nd", "3rd" as a day of a month.
  private static func dayOfMonth(_ word: String) -> Int? {
    var digits = Substring(word)
    for suffix in ["st", "nd", "rd", "th"] where digits.hasSuffix(suffix) {
      digits = digits.dropLast(2)
      break
    }
    guard (1...2).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let day = Int(digits), (1...31).contains(day)
    else { return nil }
    return day
  }

  /// A year written in four digits, or, in a date of digits alone (`15/01/27`), two (2000
  /// on): after a month's name two digits are more often a time ("21 March 14:00").
  private static func year(_ word: String, twoDigits: Bool = false) -> Int? {
    guard word.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(word) else {
      return nil
    }
    switch word.count {
    case 4: return number
    case 2 where twoDigits: return 2000 + number
    default: return nil
    }
  }

  /// Months by their names and the short forms people write.
  private static let months: [String: Int] = {
    let names = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    var months: [String: Int] = [:]
    for (index, name) in names.enumerated() {
      months[name] = index + 1
      months[String(name.prefix(3))] = index + 1
    }
    months["sept"] = 9
    return months
  }()

  private static let weekdays = [
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  ]
}
