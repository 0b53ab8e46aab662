import Foundation

/// Sessions as Markdown to read and paste, or as plain text for the terminal
/// (`peerconsult show`): a header, the transcript by round and phase, then the summary.
struct SessionMarkdown {
  let style: TextStyle
  let time: ReadableTime

  /// Every report in turn, separated by rules.
  func render(_ reports: [SessionReport]) -> String {
    reports.map(render).joined(separator: "\n---\n\n")
  }

  func render(_ report: SessionReport) -> String {
    var lines = ["# \(style.heading(report.title))", ""]
    lines += header(report)
    lines += ["", "## Transcript", ""]
    for part in report.parts {
      lines += ["### \(style.heading(part.heading))", ""]
      if let question = part.focusQuestion {
        lines += ["\(style.strong("Focus question:")) \(style.inline(question))", ""]
      }
      if part.phases.isEmpty { lines += ["No notes.", ""] }
      for phase in part.phases {
        lines += ["#### \(style.heading(phase.name))", ""]
        lines += phase.entries.map { "- " + line(for: $0, in: report) }
        lines.append("")
      }
    }
    lines += section("Actions", report.actions.map { action(for: $0, in: report) })
    lines += section("Themes", report.themes.map(summaryLine))
    lines += section("What works well", report.worksWell.map(summaryLine))
    lines += section("Blockages", report.blockages.map(summaryLine))
    var review = report.processReview.map(summaryLine)
    if !report.ratings.isEmpty {
      let ratings = report.ratings.map { "\(style.inline($0.name)) \($0.rating)" }
      review.append(
        "Ratings (1-5): \(ratings.joined(separator: ", ")); average "
          + String(format: "%.1f", report.averageRating ?? 0))
    }
    lines += section("Process review", review)
    lines += timeTable(report)
    return lines.joined(separator: "\n") + "\n"
  }

  private func header(_ report: SessionReport) -> [String] {
    var lines = [
      "- \(style.strong("Programme:")) \(style.inline(report.programme.isEmpty ? "none" : report.programme))",
      "- \(style.strong("Protocol:")) \(style.inline(report.protocolName))",
      "- \(style.strong("When:")) \(when(report))",
      "- \(style.strong("Session:")) \(report.id.rawValue)",
    ]
    if report.isAnonymised {
      lines += [
        "",
        "> Anonymised for sharing under the Chatham House Rule: people appear as "
          + "\(style.inline("[Participant A, level]")) and organisations as "
          + "\(style.inline("[Organisation 1]")), the same throughout; the attendee list is left "
          + "out. A distinctive detail can still identify someone: read it before you share it.",
      ]
    } else {
      lines.append("- \(style.strong("Attendees:"))")
      lines += report.attendees.map { attendee in
        var detail = [attendee.organisation, attendee.level.rawValue].filter { !$0.isEmpty }
        if let round = attendee.presents { detail.append("presents round \(round)") }
        return
          "  - \(style.inline(attendee.name)) (\(style.inline(detail.joined(separator: ", "))))"
      }
    }
    return lines
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

  /// A transcript line: `08:03 · insight · Ben: the note`.
  private func line(for entry: SessionReport.Entry, in report: SessionReport) -> String {
    var kind = entry.kind.rawValue
    if entry.kind == .action {
      let owner = entry.owner.map { style.inline($0) + ", " } ?? ""
      kind += " (\(owner)\(entry.isDone ? "done" : "open"))"
    }
    let speaker = entry.speaker.map { style.inline($0) + ": " } ?? ""
    return "\(time.time(entry.time, sameDayAs: report.createdAt)) · \(kind) · \(speaker)"
      + style.block(entry.text, indent: 2) + (entry.isEdited ? " (edited)" : "")
  }

  /// An action as a task: `[x] the action (owner: Ben; done 09:02)`.
  private func action(for entry: SessionReport.Entry, in report: SessionReport) -> String {
    var detail = ["owner: \(entry.owner.map { style.inline($0) } ?? "nobody yet")"]
    if let doneAt = entry.doneAt {
      detail.append("done \(time.time(doneAt, sameDayAs: report.createdAt))")
    }
    detail.append(entry.context)
    return "[\(entry.isDone ? "x" : " ")] \(style.block(entry.text, indent: 2)) "
      + "(\(detail.joined(separator: "; ")))"
  }

  private func summaryLine(_ entry: SessionReport.Entry) -> String {
    "\(style.block(entry.text, indent: 2)) (\(style.inline(entry.context)))"
  }

  private func section(_ title: String, _ items: [String]) -> [String] {
    ["## \(title)", ""] + (items.isEmpty ? ["None recorded."] : items.map { "- " + $0 }) + [""]
  }

  private func timeTable(_ report: SessionReport) -> [String] {
    var lines = ["## Time by phase", ""]
    switch style {
    case .markdown:
      lines += ["| Phase | Runs | Planned | Used |", "| --- | ---: | ---: | ---: |"]
      lines += report.usage.map {
        "| \(style.cell($0.name)) | \($0.occurrences) | \(PhaseDuration.display($0.plannedSeconds)) | "
          + "\(PhaseDuration.display($0.usedSeconds)) |"
      }
    case .plain:
      lines += report.usage.map {
        let runs = $0.occurrences == 1 ? "" : " (\($0.occurrences) runs)"
        return "- \(style.inline($0.name))\(runs): \(PhaseDuration.display($0.usedSeconds)) used "
          + "of \(PhaseDuration.display($0.plannedSeconds)) planned"
      }
    }
    return lines
  }
}
