import Foundation

/// The sentences a programme report says about its counts, the same in every format.
enum ReportWords {
  /// Under "Theme notes that recur" when each was written once.
  static let noRecurringTheme = "No theme note was written more than once (case and spacing aside)."

  /// "12 actions agreed: 7 done, 1 dropped, 4 open (2 carried forward, 1 overdue)." Dropped,
  /// carried and overdue are said only when some are, as before standing groups none could be.
  static func actions(_ counts: ActionLedger.Counts) -> String {
    guard counts.agreed > 0 else { return "No actions agreed." }
    let dropped = counts.dropped > 0 ? "\(counts.dropped) dropped, " : ""
    let late = [(counts.carried, "carried forward"), (counts.overdue, "overdue")]
      .filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
    return "\(CommandText.counted(counts.agreed, "action")) agreed: \(counts.done) done, "
      + "\(dropped)\(counts.open) open"
      + (late.isEmpty ? "." : " (\(late.joined(separator: ", "))).")
  }

  /// Under the actions per group: what the columns count.
  static let actionsNote =
    "Each action is counted by what has become of it since: done in its own session or at a "
    + "later meeting of its group, dropped at a later meeting, or open; carried means a later "
    + "meeting kept it open for the next, overdue that its day or its group's next meeting "
    + "went by without it being done or carried."

  /// "3 standing groups met: 24 meetings."
  static func groups(_ report: ProgrammeReport) -> String {
    guard !report.groups.isEmpty else { return "No standing group met in these sessions." }
    let meetings = report.groups.reduce(0) { $0 + $1.meetings.count }
    let others = report.sessions.count - meetings
    return "\(CommandText.counted(report.groups.count, "standing group")) met "
      + "\(CommandText.counted(meetings, "time"))"
      + (others > 0 ? "; \(CommandText.counted(others, "session")) met as no group." : ".")
  }

  /// "5 of 9 people have presented a case."
  static func presented(_ report: ProgrammeReport) -> String {
    guard !report.people.isEmpty else { return "Nobody took part." }
    return "\(report.presented) of \(CommandText.counted(report.people.count, "person", "people")) "
      + "\(report.people.count == 1 ? "has" : "have") presented a case."
  }

  /// "8 of 10 sessions rated, 41 ratings from 1 to 5, averaging 3.9."
  static func ratings(_ report: ProgrammeReport) -> String {
    guard let average = report.averageRating else { return "No session was rated." }
    let count = report.sessions.reduce(0) { $0 + $1.ratings }
    return
      "\(report.ratedSessions.count) of \(CommandText.counted(report.sessions.count, "session")) "
      + "rated, \(CommandText.counted(count, "rating")) from 1 to 5, averaging "
      + "\(SessionDigest.oneDecimal(average))."
  }

  /// A mean rating from 1 to 5 as a bar of one block per point, drawn to an eighth of a point,
  /// for a text table.
  static func bar(_ average: Double) -> String {
    let eighths = Int((min(max(average, 0), 5) * 8).rounded())
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    return String(repeating: "█", count: eighths / 8) + partial
  }
}
