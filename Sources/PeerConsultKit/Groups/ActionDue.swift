import Foundation

/// When an action is due: by a day, or by the group's next meeting.
public enum ActionDue: Hashable, Sendable {
  case day(CalendarDay)
  /// By the next meeting of the session's standing group.
  case nextSession

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
  /// alone), "by tomorrow", "next session" or "next meeting". Nil when it gives none. A date
  /// wins over a weekday, which wins over the next session.
  public static func find(in text: String, writtenAt date: Date, timeZone: TimeZone) -> ActionDue? {
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }.map(
      String.init)
    if let day = words.lazy.compactMap(CalendarDay.init(iso:)).first { return .day(day) }
    let today = CalendarDay(date, in: timeZone)
    for (index, word) in words.enumerated() where word == "by" && index + 1 < words.count {
      let next = words[index + 1]
      if next == "today" { return .day(today) }
      if next == "tomorrow" { return .day(today.adding(days: 1)) }
      if let weekday = weekdays.firstIndex(where: { next == $0 || next == String($0.prefix(3)) }) {
        // Weekdays count from Sunday (1); "by Friday" on a Friday means a week later.
        let ahead = (weekday + 1 - today.weekday + 7) % 7
        return .day(today.adding(days: ahead == 0 ? 7 : ahead))
      }
    }
    for (index, word) in words.enumerated().dropLast() where word == "next" {
      if ["session", "meeting"].contains(words[index + 1]) { return .nextSession }
    }
    return nil
  }

  private static let weekdays = [
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
  ]
}
