import Foundation
import Plot

/// Sessions as one self-contained HTML page (see ``HTMLPage``): the same content as
/// ``SessionMarkdown``, one article per session, each starting a new page when printed.
struct SessionHTML {
  let time: ReadableTime

  func render(_ reports: [SessionReport]) -> String {
    let title = reports.count == 1 ? reports[0].title : "\(reports.count) PeerConsult sessions"
    return HTMLPage.render(title: title, body: reports.map(article))
  }

  private func article(_ report: SessionReport) -> Node<HTML.BodyContext> {
    .article(
      .class("session"),
      .header(
        .h1(HTMLPage.text(report.title)),
        .dl(
          .class("facts"),
          .dt("Programme"),
          .dd(HTMLPage.text(report.programme.isEmpty ? "none" : report.programme)),
          .dt("Protocol"), .dd(HTMLPage.text(report.protocolName)),
          .dt("When"), .dd(HTMLPage.text(when(report))),
          .dt("Session"), .dd(.code(HTMLPage.text(report.id.rawValue)))
        ),
        report.isAnonymised
          ? .p(
            .class("notice"),
            HTMLPage.text(
              "Anonymised for sharing under the Chatham House Rule: people appear as "
                + "[Participant A, level] and organisations as [Organisation 1], the same "
                + "throughout; the attendee list is left out. A distinctive detail can still "
                + "identify someone: read it before you share it."))
          : attendees(report)
      ),
      .section(
        .class("transcript"),
        .h2("Transcript"),
        .group(report.parts.map { part(_: $0, in: report) })
      ),
      .section(
        .class("summary"),
        .h2("Actions"),
        list(report.actions, className: "tasks") { action($0, in: report) },
        .h2("Themes"), summaryList(report.themes),
        .h2("What works well"), summaryList(report.worksWell),
        .h2("Blockages"), summaryList(report.blockages),
        .h2("Process review"), summaryList(report.processReview),
        ratings(report),
        .h2("Time by phase"), usage(report)
      )
    )
  }

  private func attendees(_ report: SessionReport) -> Node<HTML.BodyContext> {
    .group(
      .h2("Attendees"),
      .ul(
        .class("attendees"),
        .forEach(report.attendees) { attendee in
          var detail = [attendee.organisation, attendee.level.rawValue].filter { !$0.isEmpty }
          if let round = attendee.presents { detail.append("presents round \(round)") }
          return .li(
            HTMLPage.text(attendee.name), .text(" "),
            HTMLPage.span("detail", "(\(detail.joined(separator: ", ")))"))
        }
      )
    )
  }

  private func when(_ report: SessionReport) -> String {
    let zone = time.zoneLabel(at: report.createdAt)
    let start = time.dayAndTime(report.createdAt)
    guard let end = report.finishedAt else {
      return "\(start) \(zone), not finished (last entry "
        + "\(time.time(report.asOf, sameDayAs: report.createdAt)))"
    }
    return "\(start)–\(time.time(end, sameDayAs: report.createdAt)) \(zone)"
  }

  private func part(_ part: SessionReport.Part, in report: SessionReport)
    -> Node<HTML.BodyContext>
  {
    .section(
      .class("part"),
      .h3(HTMLPage.text(part.heading)),
      .unwrap(part.focusQuestion) { question in
        .p(.class("focus"), .strong("Focus question: "), HTMLPage.text(question))
      },
      .if(part.phases.isEmpty, .p(.class("detail"), "No notes.")),
      .group(
        part.phases.map { phase in
          .group(
            .h4(HTMLPage.text(phase.name)),
            .ul(.class("notes"), .forEach(phase.entries) { note($0, in: report) }))
        })
    )
  }

  private func note(_ entry: SessionReport.Entry, in report: SessionReport)
    -> Node<HTML.ListContext>
  {
    var kind = entry.kind.rawValue
    if entry.kind == .action {
      kind += " (\(entry.owner.map { $0 + ", " } ?? "")\(entry.isDone ? "done" : "open"))"
    }
    return .li(
      .class("note kind-\(entry.kind.rawValue)"),
      HTMLPage.span("time", time.time(entry.time, sameDayAs: report.createdAt)),
      HTMLPage.span("kind", kind),
      .unwrap(entry.speaker) { HTMLPage.span("speaker", $0 + ":") },
      HTMLPage.span("text", entry.text),
      .if(entry.isEdited, HTMLPage.span("edited", " (edited)"))
    )
  }

  private func action(_ entry: SessionReport.Entry, in report: SessionReport)
    -> Node<HTML.ListContext>
  {
    var detail = ["owner: \(entry.owner ?? "nobody yet")"]
    if let doneAt = entry.doneAt {
      detail.append("done \(time.time(doneAt, sameDayAs: report.createdAt))")
    }
    detail.append(entry.context)
    return .li(
      HTMLPage.span("box", entry.isDone ? "☑" : "☐"),
      HTMLPage.span("text", entry.text), .text(" "),
      HTMLPage.span("detail", "(\(detail.joined(separator: "; ")))"))
  }

  private func summaryList(_ entries: [SessionReport.Entry]) -> Node<HTML.BodyContext> {
    list(entries, className: "notes") { entry in
      .li(
        HTMLPage.span("text", entry.text), .text(" "),
        HTMLPage.span("detail", "(\(entry.context))"))
    }
  }

  private func list(
    _ entries: [SessionReport.Entry], className: String,
    _ item: (SessionReport.Entry) -> Node<HTML.ListContext>
  ) -> Node<HTML.BodyContext> {
    entries.isEmpty
      ? .p(.class("detail"), "None recorded.") : .ul(.class(className), .group(entries.map(item)))
  }

  private func ratings(_ report: SessionReport) -> Node<HTML.BodyContext> {
    guard let average = report.averageRating else { return .empty }
    let ratings = report.ratings.map { "\($0.name) \($0.rating)" }.joined(separator: ", ")
    return .p(
      .strong("Ratings (1-5): "),
      HTMLPage.text("\(ratings); average \(String(format: "%.1f", average))"))
  }

  private func usage(_ report: SessionReport) -> Node<HTML.BodyContext> {
    .table(
      .class("usage"),
      .thead(
        .tr(
          .th("Phase"), .th(.class("number"), "Runs"), .th(.class("number"), "Planned"),
          .th(.class("number"), "Used"))),
      .tbody(
        .forEach(report.usage) { usage in
          .tr(
            .td(HTMLPage.text(usage.name)), .td(.class("number"), .text("\(usage.occurrences)")),
            .td(.class("number"), .text(PhaseDuration.display(usage.plannedSeconds))),
            .td(.class("number"), .text(PhaseDuration.display(usage.usedSeconds))))
        })
    )
  }
}
