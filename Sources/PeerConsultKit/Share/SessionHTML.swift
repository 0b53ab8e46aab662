import Foundation
import Plot

/// Sessions as one self-contained HTML page (see ``HTMLPage``): the same content as
/// ``SessionMarkdown``, one article per session, each starting a new page when printed.
struct SessionHTML {
  let time: ReadableTime
  /// Whether the digests are of anonymised records: the attendee list gives way to a notice.
  let anonymised: Bool

  func render(_ digests: [SessionDigest]) -> String {
    let title = Self.title(count: digests.count, first: digests.first?.title ?? "")
    return HTMLPage.render(title: title, body: digests.map(article))
  }

  /// The page's title: the session's own when it is alone.
  static func title(count: Int, first: String) -> String {
    count == 1 ? first : "\(count) PeerConsult sessions"
  }

  /// The page of `digest` alone, titled `title`, cut where the page of several sessions has its
  /// articles: everything up to them (`head`), this session's article as it stands among them
  /// (`article`), and what follows the last one (`tail`). The head, then each session's
  /// article in turn, then the tail make the bytes of ``render(_:)`` with the same title, so a
  /// page of every session can be written a session at a time (`StreamingExportImportTests`).
  func pieces(of digest: SessionDigest, title: String) -> (
    head: String, article: String, tail: String
  ) {
    let page = HTMLPage.render(title: title, body: [article(digest)])
    // Every text is escaped, so the only `<body>` and `</body>` are the page's own; the
    // indentation before `</body>` closes the list of articles.
    let start = page.range(of: "<body>")!.upperBound
    let end = page.range(of: "\n </body>", options: .backwards)!.lowerBound
    return (String(page[..<start]), String(page[start..<end]), String(page[end...]))
  }

  private func article(_ digest: SessionDigest) -> Node<HTML.BodyContext> {
    .article(
      .class("session"),
      .header(
        .h1(HTMLPage.text(digest.title)),
        .dl(
          .class("facts"),
          .dt("Programme"),
          .dd(HTMLPage.text(digest.programme.isEmpty ? "none" : digest.programme)),
          .if(
            !anonymised && digest.groupName != nil,
            .group(.dt("Group"), .dd(HTMLPage.text(digest.groupName ?? "")))),
          .dt("Protocol"), .dd(HTMLPage.text(digest.consultingProtocol.name)),
          .dt("When"), .dd(HTMLPage.text(digest.when(time))),
          .dt("Session"), .dd(.code(HTMLPage.text(digest.id.rawValue)))
        ),
        anonymised
          ? .p(
            .class("notice"),
            HTMLPage.text(
              "Anonymised for sharing under the Chatham House Rule: people appear as "
                + "[Participant A, level] and organisations as [Organisation 1], the same "
                + "throughout; the attendee list is left out. A distinctive detail can still "
                + "identify someone: read it before you share it."))
          : attendees(digest)
      ),
      .section(
        .class("transcript"),
        .h2("Transcript"),
        .group(digest.transcriptParts.map { part(_: $0, in: digest) })
      ),
      .section(
        .class("summary"),
        earlierActions(digest),
        .h2("Actions"),
        list(digest.actions, className: "tasks") { action($0, in: digest) },
        .h2("Themes"), summaryList(digest.themes),
        .h2("Insights"), summaryList(digest.insights),
        .h2("What works well"), summaryList(digest.worksWell),
        .h2("Blockages"), summaryList(digest.blockages),
        .h2("Feedback"), summaryList(digest.feedback),
        .h2("Process review"), summaryList(digest.processReview),
        ratings(digest),
        .h2("Time by phase"), usage(digest)
      )
    )
  }

  private func attendees(_ digest: SessionDigest) -> Node<HTML.BodyContext> {
    .group(
      .h2("Attendees"),
      .ul(
        .class("attendees"),
        .forEach(digest.people) { attendee in
          .li(
            HTMLPage.isolated(attendee.name), .text(" "),
            HTMLPage.span(
              "detail", "(\(attendee.detail(time, in: digest)))"))
        }
      ),
      // Members of the group who were not there: minutes name them.
      .if(
        !digest.absentMembers.isEmpty,
        .p(
          .class("absent"), .strong("Absent: "),
          .group(
            digest.absentMembers.enumerated().map { index, member in
              .group(
                .text(index == 0 ? "" : ", "), HTMLPage.isolated(member.name), .text(" "),
                HTMLPage.span("detail", "(\(member.organisation))"))
            })))
    )
  }

  private func part(_ part: SessionDigest.Part, in digest: SessionDigest)
    -> Node<HTML.BodyContext>
  {
    .section(
      .class("part"),
      .h3(HTMLPage.text(part.heading)),
      .unwrap(part.focusQuestion) { question in
        .p(.class("focus"), .strong("Focus question: "), HTMLPage.text(question))
      },
      .if(!part.hasNotes, .p(.class("detail"), "No notes.")),
      .group(
        part.phases.filter { !$0.notes.isEmpty }.map { phase in
          .group(
            .h4(HTMLPage.text(phase.name)),
            .ul(.class("notes"), .forEach(phase.notes) { note($0, in: digest) }))
        })
    )
  }

  private func note(_ entry: SessionDigest.Entry, in digest: SessionDigest)
    -> Node<HTML.ListContext>
  {
    var kind = entry.kind.rawValue
    if entry.kind == .action {
      kind += " (\(entry.ownerName.map { $0 + ", " } ?? "")\(entry.note.isDone ? "done" : "open"))"
    }
    return .li(
      .class("note kind-\(entry.kind.rawValue)"),
      HTMLPage.span("time", time.time(entry.note.createdAt, sameDayAs: digest.createdAt)),
      HTMLPage.span("kind", kind),
      .unwrap(entry.speakerName) { HTMLPage.span("speaker", $0 + ":") },
      HTMLPage.span("text", entry.text),
      .if(entry.note.editedAt != nil, HTMLPage.span("edited", " (edited)")),
      .if(
        entry.note.content.looksLikeAdvice,
        HTMLPage.span("advice", " " + SessionDigest.adviceFlag))
    )
  }

  private func action(_ entry: SessionDigest.Entry, in digest: SessionDigest)
    -> Node<HTML.ListContext>
  {
    var detail = ["owner: \(entry.ownerName ?? "nobody yet")"]
    if let due = entry.note.due { detail.append(CommandText.dueText(due)) }
    if let doneAt = entry.note.doneAt {
      detail.append("done \(time.time(doneAt, sameDayAs: digest.createdAt))")
    }
    detail.append(entry.place)
    return .li(
      HTMLPage.span("box", entry.note.isDone ? "☑" : "☐"),
      HTMLPage.span("text", entry.text), .text(" "),
      HTMLPage.span("detail", "(\(detail.joined(separator: "; ")))"))
  }

  /// What this meeting decided about the group's earlier actions; nothing when none.
  private func earlierActions(_ digest: SessionDigest) -> Node<HTML.BodyContext> {
    guard !digest.earlierActions.isEmpty else { return .empty }
    return .group(
      .h2("Actions from last time"),
      .ul(
        .class("tasks"),
        .group(
          digest.earlierActions.map { action in
            let decision = action.decision { $0 }
            let box = decision.open ? "☐" : decision.dropped ? "☒" : "☑"
            return .li(
              HTMLPage.span("box", box), HTMLPage.span("text", action.text), .text(" "),
              HTMLPage.span(
                "detail",
                "(owner: \(action.ownerName ?? "nobody"); agreed in \(action.agreedIn), "
                  + "\(time.day(action.agreedAt))): \(decision.words)"))
          })))
  }

  private func summaryList(_ entries: [SessionDigest.Entry]) -> Node<HTML.BodyContext> {
    list(entries, className: "notes") { entry in
      .li(
        HTMLPage.span("text", entry.text), .text(" "),
        HTMLPage.span("detail", "(\(entry.place))"))
    }
  }

  private func list(
    _ entries: [SessionDigest.Entry], className: String,
    _ item: (SessionDigest.Entry) -> Node<HTML.ListContext>
  ) -> Node<HTML.BodyContext> {
    entries.isEmpty
      ? .p(.class("detail"), "None recorded.") : .ul(.class(className), .group(entries.map(item)))
  }

  private func ratings(_ digest: SessionDigest) -> Node<HTML.BodyContext> {
    guard let average = digest.averageRating else { return .empty }
    let summary = "average \(SessionDigest.oneDecimal(average))"
    // Anonymised, a rating by pseudonym still tells who was pleased: only the average goes.
    guard !anonymised else {
      let count = digest.ratings.count == 1 ? "1 rating" : "\(digest.ratings.count) ratings"
      return .p(.strong("Ratings (1-5): "), HTMLPage.text("\(count); \(summary)"))
    }
    // Each name isolated, so that a right-to-left name does not carry its rating, or the
    // comma after it, to its other side.
    var nodes: [Node<HTML.BodyContext>] = [.strong("Ratings (1-5): ")]
    for (index, rating) in digest.ratings.enumerated() {
      nodes += [HTMLPage.isolated(rating.name), .text(" \(rating.rating)")]
      nodes.append(.text(index == digest.ratings.count - 1 ? "; " : ", "))
    }
    return .p(.group(nodes + [HTMLPage.text(summary)]))
  }

  private func usage(_ digest: SessionDigest) -> Node<HTML.BodyContext> {
    .table(
      .class("usage"),
      .thead(
        .tr(
          .th("Phase"), .th(.class("number"), "Runs"), .th(.class("number"), "Planned"),
          .th(.class("number"), "Used"), .th("Over"))),
      .tbody(
        .forEach(digest.phaseUsage) { usage in
          .tr(
            .td(HTMLPage.text(usage.name)), .td(.class("number"), .text("\(usage.occurrences)")),
            .td(.class("number"), .text(usage.plannedText)),
            .td(.class("number"), .text(PhaseDuration.display(usage.wholeUsedSeconds))),
            .td(.text(usage.overCell)))
        })
    )
  }
}
