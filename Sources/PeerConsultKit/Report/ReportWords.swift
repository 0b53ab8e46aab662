import Foundation

/// The sentences a programme report says about its counts, the same in every format.
enum ReportWords {
  /// Under "Theme notes that recur" when each was written once.
  static let noRecurringTheme = "No theme note was written more than once (case and spacing aside)."

  /// "12 actions agreed: 7 done, 5 open."
  static func actions(_ counts: ProgrammeReport.ActionCounts) -> String {
    guard counts.agreed > 0 else { return "No actions agreed." }
    return "\(CommandText.counted(counts.agreed, "action")) agreed: \(counts.done) done, "
      + "\(counts.open) open."
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
      + "\(String(format: "%.1f", average))."
  }

  /// A mean rating from 1 to 5 as a bar of one block per point, drawn to an eighth of a point,
  /// for a text table.
  static func bar(_ average: Double) -> String {
    let eighths = Int((min(max(average, 0), 5) * 8).rounded())
    let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
    return String(repeating: "█", count: eighths / 8) + partial
  }
}
