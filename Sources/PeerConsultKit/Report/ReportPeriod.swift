import Foundation
import TextLayout

/// The days a programme report covers, from `--since` to `--until` inclusive: a session counts
/// when it was created on one of them, in the time zone the report is read in.
public struct ReportPeriod: Hashable, Sendable {
  /// Why a day given for a period was refused, in words for the command line.
  public enum Refusal: Error, Hashable, Sendable, CustomStringConvertible {
    /// Not a day written `2027-01-15`.
    case notADay(String)
    /// The period ends before it starts.
    case endsBeforeItStarts(since: String, until: String)

    public var description: String {
      switch self {
      case .notADay(let text):
        // At most a line of what was typed, its control characters spelt out.
        "\(ControlCharacters.spelledOut(String(text.prefix(40)))) is not a day: write it as 2027-01-15."
      case .endsBeforeItStarts(let since, let until):
        "The period ends (\(until)) before it starts (\(since))."
      }
    }
  }

  /// The first moment counted, when the period has a start.
  public let start: Date?
  /// The first moment after the period, when it has an end.
  public let end: Date?
  /// The first day as written, `2027-01-15`.
  public let since: String?
  /// The last day as written.
  public let until: String?

  /// Every session, whenever it was held.
  public static let always = ReportPeriod(start: nil, end: nil, since: nil, until: nil)

  private init(start: Date?, end: Date?, since: String?, until: String?) {
    self.start = start
    self.end = end
    self.since = since
    self.until = until
  }

  /// The days from `since` to `until` (each `2027-01-15`, either left out for an open end),
  /// midnight to midnight in `timeZone`.
  public init(since: String?, until: String?, timeZone: TimeZone) throws(Refusal) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    func day(_ text: String) throws(Refusal) -> (components: DateComponents, start: Date) {
      let parts = text.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
        parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
        let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
      else { throw .notADay(text) }
      let components = DateComponents(year: year, month: month, day: day)
      // Foundation rolls 30 February over into March: a day that does not come back is no day.
      guard (1...12).contains(month), let date = calendar.date(from: components),
        calendar.dateComponents([.year, .month, .day], from: date) == components
      else { throw .notADay(text) }
      return (components, date)
    }
    let first = try since.map { text throws(Refusal) in try day(text) }
    let last = try until.map { text throws(Refusal) in try day(text) }
    let end = last.flatMap { calendar.date(byAdding: .day, value: 1, to: $0.start) }
    if let since, let until, let start = first?.start, let end, end <= start {
      throw .endsBeforeItStarts(since: since, until: until)
    }
    self.init(start: first?.start, end: end, since: since, until: until)
  }

  /// Whether the period is every session's.
  public var isAlways: Bool { start == nil && end == nil }

  /// Whether `date` falls in the period.
  public func contains(_ date: Date) -> Bool {
    if let start, date < start { return false }
    if let end, date >= end { return false }
    return true
  }

  /// The period in words for a report's opening, or nil when it is every session's.
  public var label: String? {
    switch (since, until) {
    case (nil, nil): nil
    case (let since?, nil): "Sessions from \(since)."
    case (nil, let until?): "Sessions until \(until)."
    case (let since?, let until?): "Sessions from \(since) to \(until)."
    }
  }
}
