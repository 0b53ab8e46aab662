import Foundation

/// The report's counts (``ProgrammeReport``) as Markdown tables, each cell escaped by
/// ``TextStyle/cell(_:)``.
extension HarvestMarkdown {
  func tags(_ report: ProgrammeReport) -> [String] {
    var lines = ["### Tags", ""]
    guard !report.tags.isEmpty else {
      return lines + ["No #tags in these sessions: write one in a note, such as #licensing.", ""]
    }
    // In how many standing groups, where any met.
    let grouped = !report.groups.isEmpty
    lines += [
      "| Tag | Sessions |\(grouped ? " Groups |" : "") Notes | First seen | Last seen | Trend |",
      "| --- | ---: |\(grouped ? " ---: |" : "") ---: | --- | --- | --- |",
    ]
    lines += report.tags.map { tag in
      "| \(style.cell("#" + tag.tag)) | \(tag.sessions) |\(grouped ? " \(tag.groups) |" : "") "
        + "\(tag.notes) | "
        + "\(time.day(tag.firstSeen)) | \(time.day(tag.lastSeen)) | \(tag.trend.rawValue) |"
    }
    return lines + ["", Self.trendNote, ""]
  }

  /// What a tag's trend compares, under the table.
  static let trendNote =
    "Trend compares the share of the latest \(TagTrend.recentSessions) sessions carrying a tag "
    + "(the later half of fewer than \(TagTrend.recentSessions * 2)) with the earlier ones."

  func recurringThemes(_ report: ProgrammeReport) -> [String] {
    let recurring = report.themes.filter { $0.notes > 1 }
    guard !recurring.isEmpty else {
      return ["### Theme notes that recur", "", ReportWords.noRecurringTheme, ""]
    }
    return ["### Theme notes that recur", ""]
      + list(
        recurring.map { theme in
          "\(style.block(theme.text, indent: 2, leading: true)) "
            + "(\(CommandText.counted(theme.sessions, "session")), "
            + "\(CommandText.counted(theme.notes, "note")); first \(time.day(theme.firstSeen)), "
            + "last \(time.day(theme.lastSeen)))"
        })
  }

  func actionCounts(_ report: ProgrammeReport) -> [String] {
    var lines = [ReportWords.actions(report.actions), ""]
    guard !report.sessions.isEmpty else { return lines }
    if !report.groups.isEmpty {
      lines += ["### Actions by standing group", ""]
      lines += [
        "| Group | Meetings | Agreed | Done | Dropped | Open | Carried | Overdue |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
      ]
      lines += report.groups.map { group in
        "| \(style.cell(group.name)) | \(group.meetings.count) | \(counts(group.actions)) |"
      }
      lines += ["", ReportWords.actionsNote, ""]
    }
    lines += ["### Actions over time", ""]
    let grouped = !report.groups.isEmpty
    lines += [
      "| Date | Session |\(grouped ? " Group |" : "") Agreed | Done | Dropped | Open | Carried "
        + "| Overdue |",
      "| --- | --- |\(grouped ? " --- |" : "")" + String(repeating: " ---: |", count: 6),
    ]
    lines += report.sessions.map { session in
      "| \(time.day(session.createdAt)) | \(style.cell(session.title)) |"
        + (grouped ? " \(style.cell(groupName(session, in: report))) |" : "")
        + " \(counts(session.actions)) |"
    }
    return lines + [""]
  }

  /// An action count's cells from agreed to overdue, without the outer bars.
  private func counts(_ counts: ActionLedger.Counts) -> String {
    [counts.agreed, counts.done, counts.dropped, counts.open, counts.carried, counts.overdue]
      .map(String.init).joined(separator: " | ")
  }

  /// The name of the group `session` was a meeting of, or an empty cell.
  private func groupName(_ session: ProgrammeReport.Session, in report: ProgrammeReport)
    -> String
  {
    report.group(of: session)?.name ?? ""
  }

  /// Each standing group's slice across the system over its meetings.
  func groupSlice(_ report: ProgrammeReport) -> [String] {
    var lines = ["### By standing group", "", ReportWords.groups(report), ""]
    guard !report.groups.isEmpty else { return lines }
    let levels = Level.allCases.map { " \($0.rawValue.capitalized) |" }.joined()
    lines += [
      "| Group | Meetings | People |\(levels) Organisations | Presented | Tags |",
      "| --- | ---: | ---: |" + String(repeating: " ---: |", count: Level.allCases.count)
        + " ---: | ---: | ---: |",
    ]
    lines += report.groups.map { group in
      let counts = Level.allCases.map { " \(group.people(at: $0)) |" }.joined()
      return "| \(style.cell(group.name)) | \(group.meetings.count) | \(group.people) |\(counts) "
        + "\(group.organisations) | \(group.presented) of \(group.people) | \(group.tags) |"
    }
    return lines + [""]
  }

  func slice(_ report: ProgrammeReport) -> [String] {
    guard !report.sessions.isEmpty else { return ["No sessions.", ""] }
    let levels = Level.allCases.map { " \($0.rawValue.capitalized) |" }.joined()
    let grouped = !report.groups.isEmpty
    var lines = [
      "| Date | Session |\(grouped ? " Group |" : "") People |\(levels) Organisations | Presented |",
      "| --- | --- |\(grouped ? " --- |" : "") ---: |"
        + String(repeating: " ---: |", count: Level.allCases.count) + " ---: | --- |",
    ]
    lines += report.sessions.map { session in
      let counts = Level.allCases.map { " \(session.people(at: $0)) |" }.joined()
      let presented =
        session.presenters.isEmpty
        ? "nobody" : session.presenters.map { style.cell($0) }.joined(separator: ", ")
      return "| \(time.day(session.createdAt)) | \(style.cell(session.title)) | "
        + (grouped ? "\(style.cell(groupName(session, in: report))) | " : "")
        + "\(session.people) |\(counts) \(session.organisations) | \(presented) |"
    }
    return lines + [""]
  }

  /// Everyone with their sessions and presentations. Anonymised, without the level: a
  /// pseudonym carries its level only where that does not single someone out.
  func presenters(_ report: ProgrammeReport, anonymised: Bool) -> [String] {
    var lines = ["### Who has presented", "", ReportWords.presented(report), ""]
    guard !report.people.isEmpty else { return lines }
    lines += [
      "| Person |\(anonymised ? "" : " Level |") Organisation | Sessions | Presentations |",
      "| --- |\(anonymised ? "" : " --- |") --- | ---: | ---: |",
    ]
    lines += report.people.map { person in
      "| \(style.cell(person.name)) |\(anonymised ? "" : " \(person.level.rawValue) |") "
        + "\(style.cell(person.organisation)) | \(person.sessions) | \(person.presentations) |"
    }
    return lines + [""]
  }

  /// The ratings over time as a table with a bar of its mean, the chart of the HTML report.
  func ratings(_ report: ProgrammeReport) -> [String] {
    var lines = ["### Ratings over time", "", ReportWords.ratings(report), ""]
    let rated = report.ratedSessions
    guard !rated.isEmpty else { return lines }
    lines += [
      "| Date | Session | Ratings | Average | 1 to 5 |", "| --- | --- | ---: | ---: | --- |",
    ]
    lines += rated.map { session in
      let average = session.averageRating ?? 0
      return "| \(time.day(session.createdAt)) | \(style.cell(session.title)) | "
        + "\(session.ratings) | \(SessionDigest.oneDecimal(average)) | "
        + "\(ReportWords.bar(average)) |"
    }
    return lines + [""]
  }
}
