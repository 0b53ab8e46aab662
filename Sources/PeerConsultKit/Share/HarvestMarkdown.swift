import Foundation

/// The harvest as a Markdown briefing.
struct HarvestMarkdown {
  let time: ReadableTime
  let style = TextStyle.markdown

  init(time: ReadableTime) { self.time = time }

  /// The briefing organised by the programme's questions: themes and patterns, what works,
  /// blockages, actions, the slice across the system and the evaluation of the model.
  func render(_ harvest: ProgrammeHarvest, _ report: ProgrammeReport) -> String {
    var lines = ["# Harvest: \(style.heading(harvest.programme))", ""]
    lines += [harvest.introduction(time, period: report.period), ""]
    if harvest.isAnonymised {
      lines += [
        "> Anonymised for sharing under the Chatham House Rule: people appear as "
          + "\(style.inline("[Participant A, level]")) and organisations as "
          + "\(style.inline("[Organisation 1]")), the same throughout. A distinctive detail can "
          + "still identify someone: read it before you share it.",
        "",
      ]
    }
    lines += ["## Themes and patterns", ""]
    lines += tags(report)
    lines += recurringThemes(report)
    lines += items("Every theme note", harvest.themes, level: "###")
    lines += items("What works well", harvest.worksWell)
    lines += items("Blockages", harvest.blockages)
    lines += ["## Actions", ""]
    lines += actionCounts(report)
    lines += ["### Every action", ""]
    lines += list(
      harvest.actions.map { action in
        var detail = ["owner: \(action.owner.map { style.inline($0) } ?? "nobody yet")"]
        detail.append(
          action.doneAt.map { "done \(time.day($0))" }
            ?? action.droppedAt.map { "dropped \(time.day($0))" } ?? "open")
        detail.append(source(action.createdAt, action.sessionTitle))
        return
          // Dropped is not open: `[-]`, as `peerconsult actions` marks it.
          "[\(action.isDone ? "x" : action.droppedAt == nil ? " " : "-")] "
          + "\(style.block(action.text, indent: 2, leading: true)) "
          + "(\(detail.joined(separator: "; ")))"
      })
    lines += ["## The slice across the system", ""]
    lines += slice(report)
    lines += groupSlice(report)
    lines += ["### By level", ""]
    lines += participation("Level", harvest.byLevel)
    lines += ["### By organisation", ""]
    lines += participation("Organisation", harvest.byOrganisation)
    lines += presenters(report, anonymised: harvest.isAnonymised)
    lines += ["## Evaluation of the peer-learning model", ""]
    lines += ratings(report)
    lines += ["### Process reviews", ""]
    for review in harvest.reviews {
      // The title escaped once, as a heading: `source` would escape it as inline text too.
      let heading = "\(time.day(review.createdAt)) · \(style.heading(review.sessionTitle))"
      lines += ["#### \(heading)", ""]
      var entries = review.notes.map { style.block($0, indent: 2, leading: true) }
      if let average = review.averageRating {
        entries.append(
          "Ratings (1-5): \(harvest.ratingsLabel(review)); average \(SessionDigest.oneDecimal(average))"
        )
      }
      lines += list(entries)
    }
    lines += ["## Sessions over time", ""]
    // A harvest of sessions all written here keeps the table it always had.
    let origins = harvest.hasOrigins
    lines += [
      "| Date | Session | Presenters | Notes | Actions (done) | Finished |"
        + (origins ? " From |" : ""),
      "| --- | --- | ---: | ---: | ---: | --- |" + (origins ? " --- |" : ""),
    ]
    lines += harvest.sessions.map { session in
      "| \(time.day(session.createdAt)) | \(style.cell(session.title)) | \(session.presenters) | "
        + "\(session.notes) | \(session.actions) (\(session.actionsDone)) | "
        + "\(session.finishedAt == nil ? "no" : "yes") |"
        + (origins ? " \(style.cell(session.origin.map { "store \($0)" } ?? "here")) |" : "")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func source(_ date: Date, _ title: String) -> String {
    "\(time.day(date)) · \(style.inline(title))"
  }

  private func items(_ title: String, _ items: [ProgrammeHarvest.Item], level: String = "##")
    -> [String]
  {
    ["\(level) \(title)", ""]
      + list(
        items.map {
          "\(style.block($0.text, indent: 2, leading: true)) "
            + "(\(source($0.createdAt, $0.sessionTitle)))"
        })
  }

  func list(_ entries: [String]) -> [String] {
    (entries.isEmpty ? ["None recorded."] : entries.map { "- " + $0 }) + [""]
  }

  private func participation(_ title: String, _ groups: [ProgrammeHarvest.Participation])
    -> [String]
  {
    [
      "| \(title) | People | Attendances | Presentations |", "| --- | ---: | ---: | ---: |",
    ]
      + groups.map {
        "| \(style.cell($0.label)) | \($0.people) | \($0.attendances) | \($0.presentations) |"
      } + [""]
  }
}
