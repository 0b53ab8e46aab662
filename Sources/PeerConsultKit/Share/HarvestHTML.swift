import Foundation
import Plot

/// The harvest as one self-contained HTML briefing (see ``HTMLPage``).
struct HarvestHTML {
  let time: ReadableTime

  /// The briefing organised by the programme's questions, as ``HarvestMarkdown`` orders it,
  /// with the ratings over time drawn as an inline SVG chart.
  func render(_ harvest: ProgrammeHarvest, _ report: ProgrammeReport) -> String {
    HTMLPage.render(
      title: "Harvest: \(harvest.programme)",
      body: [
        .article(
          .class("harvest"),
          .header(
            .h1(HTMLPage.text("Harvest: \(harvest.programme)")),
            .p(.class("intro"), HTMLPage.text(harvest.introduction(time, period: report.period))),
            .if(
              harvest.isAnonymised,
              .p(
                .class("notice"),
                HTMLPage.text(
                  "Anonymised for sharing under the Chatham House Rule: people appear as "
                    + "[Participant A, level] and organisations as [Organisation 1], the same "
                    + "throughout. A distinctive detail can still identify someone: read it "
                    + "before you share it.")))
          ),
          .h2("Themes and patterns"),
          .h3("Tags"), tags(report),
          .h3("Theme notes that recur"), recurringThemes(report),
          .h3("Every theme note"), items(harvest.themes),
          .h2("What works well"), items(harvest.worksWell),
          .h2("Blockages"), items(harvest.blockages),
          .h2("Actions"), actionCounts(report),
          .h3("Every action"), actions(harvest.actions),
          .h2("The slice across the system"), slice(report),
          .h3("By standing group"), groupSlice(report),
          .h3("By level"), participation("Level", harvest.byLevel),
          .h3("By organisation"), participation("Organisation", harvest.byOrganisation),
          .h3("Who has presented"), presenters(report, anonymised: harvest.isAnonymised),
          .h2("Evaluation of the peer-learning model"),
          .h3("Ratings over time"), ratings(report),
          .h3("Process reviews"), .group(harvest.reviews.map { review($0, in: harvest) }),
          .h2("Sessions over time"), sessions(harvest.sessions, origins: harvest.hasOrigins)
        )
      ])
  }

  private func source(_ date: Date, _ title: String) -> String {
    "\(time.day(date)) · \(title)"
  }

  func items(_ items: [ProgrammeHarvest.Item]) -> Node<HTML.BodyContext> {
    guard !items.isEmpty else { return .p(.class("detail"), "None recorded.") }
    return .ul(
      .class("notes"),
      .forEach(items) { item in
        .li(
          HTMLPage.span("text", item.text), .text(" "),
          HTMLPage.span("detail", "(\(source(item.createdAt, item.sessionTitle)))"))
      })
  }

  private func actions(_ actions: [ProgrammeHarvest.Action]) -> Node<HTML.BodyContext> {
    guard !actions.isEmpty else { return .p(.class("detail"), "None recorded.") }
    return .ul(
      .class("tasks"),
      .forEach(actions) { action in
        var detail = ["owner: \(action.owner ?? "nobody yet")"]
        detail.append(
          action.doneAt.map { "done \(time.day($0))" }
            ?? action.droppedAt.map { "dropped \(time.day($0))" } ?? "open")
        detail.append(source(action.createdAt, action.sessionTitle))
        return .li(
          HTMLPage.span("box", action.isDone ? "☑" : "☐"), HTMLPage.span("text", action.text),
          .text(" "), HTMLPage.span("detail", "(\(detail.joined(separator: "; ")))"))
      })
  }

  private func review(_ review: ProgrammeHarvest.Review, in harvest: ProgrammeHarvest)
    -> Node<HTML.BodyContext>
  {
    .section(
      .class("review"),
      .h4(HTMLPage.text(source(review.createdAt, review.sessionTitle))),
      review.notes.isEmpty
        ? .p(.class("detail"), "No process notes.")
        : .ul(.class("notes"), .forEach(review.notes) { .li(HTMLPage.span("text", $0)) }),
      .unwrap(review.averageRating) { average in
        .p(
          .strong("Ratings (1-5): "),
          HTMLPage.text(
            "\(harvest.ratingsLabel(review)); average "
              + String(format: "%.1f", average)))
      }
    )
  }

  private func participation(_ title: String, _ groups: [ProgrammeHarvest.Participation])
    -> Node<HTML.BodyContext>
  {
    .table(
      .class("participation"),
      .thead(
        .tr(
          .th(HTMLPage.text(title)), .th(.class("number"), "People"),
          .th(.class("number"), "Attendances"), .th(.class("number"), "Presentations"))),
      .tbody(
        .forEach(groups) { group in
          .tr(
            .td(HTMLPage.text(group.label)), .td(.class("number"), .text("\(group.people)")),
            .td(.class("number"), .text("\(group.attendances)")),
            .td(.class("number"), .text("\(group.presentations)")))
        })
    )
  }

  private func sessions(_ sessions: [ProgrammeHarvest.Session], origins: Bool)
    -> Node<HTML.BodyContext>
  {
    .table(
      .class("sessions"),
      .thead(
        .tr(
          .th("Date"), .th("Session"), .th(.class("number"), "Presenters"),
          .th(.class("number"), "Notes"), .th(.class("number"), "Actions (done)"),
          .th("Finished"), .if(origins, .th("From")))),
      .tbody(
        .forEach(sessions) { session in
          .tr(
            .td(.text(time.day(session.createdAt))), .td(HTMLPage.text(session.title)),
            .td(.class("number"), .text("\(session.presenters)")),
            .td(.class("number"), .text("\(session.notes)")),
            .td(.class("number"), .text("\(session.actions) (\(session.actionsDone))")),
            .td(.text(session.finishedAt == nil ? "no" : "yes")),
            .if(origins, .td(HTMLPage.text(session.origin.map { "store \($0)" } ?? "here"))))
        })
    )
  }
}
