import Foundation
import Plot

/// The harvest as one self-contained HTML briefing (see ``HTMLPage``).
struct HarvestHTML: Sendable {
  let time: ReadableTime

  /// The briefing organised by the programme's questions, as ``HarvestMarkdown`` orders it,
  /// with the ratings over time drawn as an inline SVG chart.
  func render(_ harvest: ProgrammeHarvest, _ report: ProgrammeReport) -> String {
    String(piecesOf: { render(harvest, report, into: $0) })
  }

  /// ``render(_:_:)`` handed to `write` a piece at a time, in order: the page around the long
  /// lists, and each list as it was written. A report of a thousand sessions is megabytes, most
  /// of them the lists: gathered into the page, they were copied as often as its string grew,
  /// through fresh memory, after the rest was done.
  func render<Failure: Error>(
    _ harvest: ProgrammeHarvest, _ report: ProgrammeReport,
    into write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    // The harvest's long lists (every theme note, what works, blockage and action; half the
    // writing) are written one after another on another core while the report's tables are
    // written here; then this thread writes those not yet begun, from the last, while the
    // other finishes its own.
    let writing = DispatchQueue(label: "peerconsult.harvest-lists", qos: .userInitiated)
    let themes = BackgroundWork(on: writing) { [self] in itemRows(harvest.themes) }
    let worksWell = BackgroundWork(on: writing) { [self] in itemRows(harvest.worksWell) }
    let blockages = BackgroundWork(on: writing) { [self] in itemRows(harvest.blockages) }
    let actions = BackgroundWork(on: writing) { [self] in actionRows(harvest.actions) }
    let tables = (
      tags: tags(report), recurringThemes: recurringThemes(report),
      actionCounts: actionCounts(report), slice: slice(report), groupSlice: groupSlice(report),
      byLevel: participation("Level", harvest.byLevel),
      byOrganisation: participation("Organisation", harvest.byOrganisation),
      presenters: presenters(report, anonymised: harvest.isAnonymised), ratings: ratings(report),
      reviews: reviews(harvest), sessions: sessions(harvest.sessions, origins: harvest.hasOrigins)
    )
    let written = (
      actions: actions.value(), blockages: blockages.value(), worksWell: worksWell.value(),
      themes: themes.value()
    )
    // The page is made with a mark where each list goes, and the lists written between its
    // pieces: Plot writes a raw node as it stands, so the bytes are those of the whole page.
    let lists = [written.themes, written.worksWell, written.blockages, written.actions]
    func page(_ listed: (HTMLRows?) -> Node<HTML.BodyContext>) -> String {
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
            .h3("Tags"), tables.tags,
            .h3("Theme notes that recur"), tables.recurringThemes,
            .h3("Every theme note"), listed(written.themes),
            .h2("What works well"), listed(written.worksWell),
            .h2("Blockages"), listed(written.blockages),
            .h2("Actions"), tables.actionCounts,
            .h3("Every action"), listed(written.actions),
            .h2("The slice across the system"), tables.slice,
            .h3("By standing group"), tables.groupSlice,
            .h3("By level"), tables.byLevel,
            .h3("By organisation"), tables.byOrganisation,
            .h3("Who has presented"), tables.presenters,
            .h2("Evaluation of the peer-learning model"),
            .h3("Ratings over time"), tables.ratings,
            .h3("Process reviews"), tables.reviews,
            .h2("Sessions over time"), tables.sessions
          )
        ])
    }
    let marked = page { $0 == nil ? Self.listed($0) : .raw(Self.listMark) }
    let recorded = lists.compactMap { $0 }
    // No text holds the mark (every text is cleaned of control characters), so this holds;
    // were it not to, the page is written whole.
    guard let pieces = Self.pieces(of: marked), pieces.count == recorded.count + 1 else {
      return try write(page(Self.listed))
    }
    try write(pieces[0])
    for (rows, piece) in zip(recorded, pieces.dropFirst()) {
      try write(rows.html)
      try write(piece)
    }
  }

  /// Where a long list goes in the page before it is written: control characters, which no
  /// text or constant of the page holds.
  private static let listMark = "\u{1}list\u{1}"

  /// The text of `page` between its ``listMark``s, nil if a U+0001 stands anywhere else. Cut
  /// from the bytes: the standard library's split of a string by a string took longer than
  /// writing the page.
  private static func pieces(of page: String) -> [String]? {
    let parts = Array(page.utf8).split(separator: 0x01, omittingEmptySubsequences: false)
    // Text, a mark, text, a mark, …, text.
    guard parts.count % 2 == 1 else { return nil }
    var pieces: [String] = []
    for (index, part) in parts.enumerated() {
      if index % 2 == 1 {
        guard part.elementsEqual("list".utf8) else { return nil }
      } else {
        pieces.append(String(decoding: part, as: UTF8.self))
      }
    }
    return pieces
  }

  private func source(_ date: Date, _ title: String) -> String {
    "\(time.day(date)) · \(title)"
  }

  /// The depth of the article's children (html, body, article), where ``HTMLRows`` writes.
  static let rowDepth = 3

  /// A list written by ``itemRows(_:)`` or ``actionRows(_:)``, or that none was recorded.
  private static func listed(_ rows: HTMLRows?) -> Node<HTML.BodyContext> {
    rows?.node ?? .p(.class("detail"), "None recorded.")
  }

  /// Quoted notes as a list, each with its day and session; nil for none.
  private func itemRows(_ items: [ProgrammeHarvest.Item]) -> HTMLRows? {
    guard !items.isEmpty else { return nil }
    return noteRows(items.map { ($0.text, "(\(source($0.createdAt, $0.sessionTitle)))") })
  }

  /// Quoted texts as a list of notes, each followed by its detail.
  func notes(_ entries: [(text: String, detail: String)]) -> Node<HTML.BodyContext> {
    noteRows(entries).node
  }

  /// ``notes(_:)`` as rows.
  private func noteRows(_ entries: [(text: String, detail: String)]) -> HTMLRows {
    var rows = HTMLRows(depth: Self.rowDepth)
    rows.open("ul", class: "notes")
    for entry in entries {
      rows.open("li")
      rows.element("span", class: "text", text: entry.text)
      rows.text(" ")
      rows.element("span", class: "detail", text: entry.detail)
      rows.close()
    }
    rows.close()
    return rows
  }

  /// Every action as a list, each with its owner, state, day and session; nil for none.
  private func actionRows(_ actions: [ProgrammeHarvest.Action]) -> HTMLRows? {
    guard !actions.isEmpty else { return nil }
    var rows = HTMLRows(depth: Self.rowDepth)
    rows.open("ul", class: "tasks")
    for action in actions {
      var detail = ["owner: \(action.owner ?? "nobody yet")"]
      detail.append(
        action.doneAt.map { "done \(time.day($0))" }
          ?? action.droppedAt.map { "dropped \(time.day($0))" } ?? "open")
      detail.append(source(action.createdAt, action.sessionTitle))
      rows.open("li")
      rows.element(
        "span", class: "box", text: action.isDone ? "☑" : action.droppedAt == nil ? "☐" : "☒")
      rows.element("span", class: "text", text: action.text)
      rows.text(" ")
      rows.element("span", class: "detail", text: "(\(detail.joined(separator: "; ")))")
      rows.close()
    }
    rows.close()
    return rows
  }

  /// Every session's process review, one section each.
  private func reviews(_ harvest: ProgrammeHarvest) -> Node<HTML.BodyContext> {
    var rows = HTMLRows(depth: Self.rowDepth)
    for review in harvest.reviews {
      rows.open("section", class: "review")
      rows.element("h4", text: source(review.createdAt, review.sessionTitle))
      if review.notes.isEmpty {
        rows.element("p", class: "detail", text: "No process notes.")
      } else {
        rows.open("ul", class: "notes")
        for note in review.notes {
          rows.open("li")
          rows.element("span", class: "text", text: note)
          rows.close()
        }
        rows.close()
      }
      if let average = review.averageRating {
        rows.open("p")
        rows.element("strong", text: "Ratings (1-5): ")
        rows.text("\(harvest.ratingsLabel(review)); average " + SessionDigest.oneDecimal(average))
        rows.close()
      }
      rows.close()
    }
    return rows.node
  }

  private func participation(_ title: String, _ groups: [ProgrammeHarvest.Participation])
    -> Node<HTML.BodyContext>
  {
    table(
      "participation", [title, "#People", "#Attendances", "#Presentations"],
      groups.map { [$0.label, "\($0.people)", "\($0.attendances)", "\($0.presentations)"] })
  }

  /// The sessions table; a "From" column only when some session came from a shared store,
  /// so a harvest of one laptop's sessions is as it was.
  private func sessions(_ sessions: [ProgrammeHarvest.Session], origins: Bool)
    -> Node<HTML.BodyContext>
  {
    let headings = ["Date", "Session", "#Presenters", "#Notes", "#Actions (done)", "Finished"]
    return table(
      "sessions", origins ? headings + ["From"] : headings,
      sessions.map { session in
        let cells = [
          time.day(session.createdAt), session.title, "\(session.presenters)", "\(session.notes)",
          "\(session.actions) (\(session.actionsDone))", session.finishedAt == nil ? "no" : "yes",
        ]
        return origins ? cells + [session.origin.map { "store \($0)" } ?? "here"] : cells
      })
  }
}
