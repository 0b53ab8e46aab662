import Foundation
import Plot

/// The report's counts (``ProgrammeReport``) as HTML tables, every text through
/// ``HTMLPage/text(_:)``.
extension HarvestHTML {
  func tags(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    // In how many standing groups, where any met.
    let grouped = !report.groups.isEmpty
    guard !report.tags.isEmpty else {
      return .p(
        .class("detail"),
        "No #tags in these sessions: write one in a note, such as #licensing.")
    }
    return .group(
      table(
        "tags",
        ["Tag", "#Sessions"] + (grouped ? ["#Groups"] : [])
          + ["#Notes", "First seen", "Last seen", "Trend"],
        report.tags.map { tag in
          ["#" + tag.tag, "\(tag.sessions)"] + (grouped ? ["\(tag.groups)"] : []) + [
            "\(tag.notes)", time.day(tag.firstSeen),
            time.day(tag.lastSeen), tag.trend.rawValue,
          ]
        }),
      .p(.class("detail"), HTMLPage.text(HarvestMarkdown.trendNote)))
  }

  func recurringThemes(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    let recurring = report.themes.filter { $0.notes > 1 }
    guard !recurring.isEmpty else {
      return .p(.class("detail"), HTMLPage.text(ReportWords.noRecurringTheme))
    }
    return notes(
      recurring.map { theme in
        (
          theme.text,
          "(\(CommandText.counted(theme.sessions, "session")), "
            + "\(CommandText.counted(theme.notes, "note")); first \(time.day(theme.firstSeen)), "
            + "last \(time.day(theme.lastSeen)))"
        )
      })
  }

  func actionCounts(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    let grouped = !report.groups.isEmpty
    let countHeadings = ["#Agreed", "#Done", "#Dropped", "#Open", "#Carried", "#Overdue"]
    return .group(
      .p(HTMLPage.text(ReportWords.actions(report.actions))),
      .if(
        grouped,
        .group(
          .h3("Actions by standing group"),
          table(
            "group-actions", ["Group", "#Meetings"] + countHeadings,
            report.groups.map { group in
              [group.name, "\(group.meetings.count)"] + Self.cells(group.actions)
            }),
          .p(.class("detail"), HTMLPage.text(ReportWords.actionsNote)))),
      .if(
        !report.sessions.isEmpty,
        .group(
          .h3("Actions over time"),
          table(
            "actions", ["Date", "Session"] + (grouped ? ["Group"] : []) + countHeadings,
            report.sessions.map { session in
              [time.day(session.createdAt), session.title]
                + (grouped ? [report.group(of: session)?.name ?? ""] : [])
                + Self.cells(session.actions)
            }))))
  }

  /// An action count's cells, agreed to overdue.
  private static func cells(_ counts: ActionLedger.Counts) -> [String] {
    [counts.agreed, counts.done, counts.dropped, counts.open, counts.carried, counts.overdue]
      .map(String.init)
  }

  /// Each standing group's slice across the system over its meetings.
  func groupSlice(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    .group(
      .p(HTMLPage.text(ReportWords.groups(report))),
      .if(
        !report.groups.isEmpty,
        table(
          "group-slice",
          ["Group", "#Meetings", "#People"] + Level.allCases.map { "#" + $0.rawValue.capitalized }
            + ["#Organisations", "#Presented", "#Tags"],
          report.groups.map { group in
            [group.name, "\(group.meetings.count)", "\(group.people)"]
              + Level.allCases.map { "\(group.people(at: $0))" }
              + [
                "\(group.organisations)", "\(group.presented) of \(group.people)", "\(group.tags)",
              ]
          })))
  }

  func slice(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    guard !report.sessions.isEmpty else { return .p(.class("detail"), "No sessions.") }
    let grouped = !report.groups.isEmpty
    return table(
      "slice",
      ["Date", "Session"] + (grouped ? ["Group"] : []) + ["#People"]
        + Level.allCases.map { "#" + $0.rawValue.capitalized } + ["#Organisations", "Presented"],
      report.sessions.map { session in
        [time.day(session.createdAt), session.title]
          + (grouped ? [report.group(of: session)?.name ?? ""] : []) + ["\(session.people)"]
          + Level.allCases.map { "\(session.people(at: $0))" }
          + [
            "\(session.organisations)",
            session.presenters.isEmpty ? "nobody" : session.presenters.joined(separator: ", "),
          ]
      })
  }

  /// Everyone with their sessions and presentations; anonymised, without the level (see
  /// ``HarvestMarkdown/presenters(_:anonymised:)``).
  func presenters(_ report: ProgrammeReport, anonymised: Bool) -> Node<HTML.BodyContext> {
    .group(
      .p(HTMLPage.text(ReportWords.presented(report))),
      .if(
        !report.people.isEmpty,
        table(
          "people",
          ["Person"] + (anonymised ? [] : ["Level"])
            + ["Organisation", "#Sessions", "#Presentations"],
          report.people.map { person in
            [person.name] + (anonymised ? [] : [person.level.rawValue])
              + [person.organisation, "\(person.sessions)", "\(person.presentations)"]
          })))
  }

  func ratings(_ report: ProgrammeReport) -> Node<HTML.BodyContext> {
    let rated = report.ratedSessions
    return .group(
      .p(HTMLPage.text(ReportWords.ratings(report))),
      .if(!rated.isEmpty, RatingsChart(time: time).render(rated)),
      .if(
        !rated.isEmpty,
        table(
          "ratings", ["Date", "Session", "#Ratings", "#Average"],
          rated.map { session in
            [
              time.day(session.createdAt), session.title, "\(session.ratings)",
              SessionDigest.oneDecimal(session.averageRating ?? 0),
            ]
          })))
  }

  /// A table of text cells; a heading starting with `#` marks a column of numbers, which is
  /// right-aligned (the `#` is not shown). Written as text (``HTMLRows``): a table has a row
  /// per session or person.
  func table(_ className: String, _ headings: [String], _ rows: [[String]])
    -> Node<HTML.BodyContext>
  {
    let numeric = headings.map { $0.hasPrefix("#") }
    var table = HTMLRows(depth: Self.rowDepth)
    table.open("table", class: className)
    table.open("thead")
    table.open("tr")
    for heading in headings {
      if heading.hasPrefix("#") {
        table.element("th", class: "number", text: String(heading.dropFirst()))
      } else {
        table.element("th", text: heading)
      }
    }
    table.close()
    table.close()
    table.open("tbody")
    for row in rows {
      table.open("tr")
      for (column, cell) in row.enumerated() {
        let isNumber = numeric.indices.contains(column) && numeric[column]
        table.element("td", class: isNumber ? "number" : nil, text: cell)
      }
      table.close()
    }
    table.close()
    table.close()
    return table.node
  }
}
