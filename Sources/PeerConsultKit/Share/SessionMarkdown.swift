import Foundation

/// Sessions as Markdown to read and paste, or as plain text for the terminal
/// (`peerconsult show`): a header, the transcript by round and phase, then the summary.
///
/// Digests of anonymised records are rendered with `anonymised` set: the attendee list gives
/// way to a notice.
struct SessionMarkdown {
  let style: TextStyle
  let time: ReadableTime
  let anonymised: Bool

  /// Every session in turn, separated by rules.
  func render(_ digests: [SessionDigest]) -> String {
    digests.map(render).joined(separator: "\n---\n\n")
  }

  func render(_ digest: SessionDigest) -> String {
    var text = ""
    render(digest) { text += $0 }
    return text
  }

  /// Renders `digest` a piece at a time, each piece whole lines: the header, then each phase
  /// of the transcript, then the summary.
  func render<Failure: Error>(
    _ digest: SessionDigest, to write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try render(
      outline: digest, notes: { phase in (phase.notes.count, { phase.notes[$0] }) },
      summary: { digest }, to: write)
  }

  /// Renders session `id`, whose state is `state`, as ``render(_:to:)`` renders its digest at
  /// `asOf`, without building that digest first: the header and headings come from the state
  /// without its notes, each phase's notes are decoded as their lines are written
  /// (``NoteLog/visibleIndicesBySlot()`` reads a snapshot's table, not its notes), and the
  /// digest is built for the summary once the transcript is out. So `show` writes the first
  /// lines of a long session as soon as one of ten notes.
  func render<Failure: Error>(
    _ id: SessionID, _ state: SessionState, at asOf: Date, earlier: [EarlierAction] = [],
    group: StandingGroup? = nil, to write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    var bare = state
    bare.notes.removeAll()
    bare.deletedNoteCount = 0
    let bySlot = state.notes.visibleIndicesBySlot()
    var outline = SessionDigest(id: id, state: bare, at: asOf)
    if let group { outline.describe(group, meeting: state) }
    try render(
      outline: outline,
      notes: { phase in
        let indices = bySlot[phase.slot.index] ?? []
        return (indices.count, { SessionDigest.Entry(state.notes[indices[$0]], of: state) })
      },
      summary: {
        var digest = SessionDigest(id: id, state: state, at: asOf)
        digest.earlierActions = earlier
        return digest
      }, to: write)
  }

  /// The layout both ``render(_:to:)`` forms share: `outline` gives everything but the notes,
  /// `notes` how many notes of a phase are not deleted and the one at each place, read as it
  /// is written, `summary` the whole digest, asked for only after the transcript is written. `show` writes each piece as it comes, so the first lines of a
  /// long transcript do not wait for the rest to be laid out.
  private func render<Failure: Error>(
    outline digest: SessionDigest,
    notes: (SessionDigest.Phase) -> (count: Int, entry: (Int) -> SessionDigest.Entry),
    summary: () -> SessionDigest, to write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    var lines = ["# \(style.heading(digest.title))", ""]
    func flush() throws(Failure) {
      guard !lines.isEmpty else { return }
      try write(lines.joined(separator: "\n") + "\n")
      lines.removeAll(keepingCapacity: true)
    }
    lines += header(digest)
    lines += ["", "## Transcript", ""]
    for part in digest.parts {
      let phases = part.phases.map { ($0, notes($0)) }.filter { $0.1.count > 0 }
      // As `transcriptParts`: every round, and the opening and closing when they have notes.
      guard part.isRound || !phases.isEmpty else { continue }
      lines += ["### \(style.heading(part.heading))", ""]
      if let question = part.focusQuestion {
        lines += ["\(style.strong("Focus question:")) \(style.inline(question))", ""]
      }
      if phases.isEmpty { lines += ["No notes.", ""] }
      for (phase, entries) in phases {
        lines += ["#### \(style.heading(phase.name))", ""]
        for index in 0..<entries.count {
          lines.append("- " + line(for: entries.entry(index), in: digest))
          if index % 100 == 99 { try flush() }
        }
        lines.append("")
        try flush()
      }
    }
    let digest = summary()
    // What this meeting decided about the group's earlier actions, before its own.
    if !digest.earlierActions.isEmpty {
      lines += section("Actions from last time", digest.earlierActions.map(earlier))
    }
    lines += section("Actions", digest.actions.map { action(for: $0, in: digest) })
    // The summary's sections in the order of the summary screen.
    lines += section("Themes", digest.themes.map(summaryLine))
    lines += section("Insights", digest.insights.map(summaryLine))
    lines += section("What works well", digest.worksWell.map(summaryLine))
    lines += section("Blockages", digest.blockages.map(summaryLine))
    lines += section("Feedback", digest.feedback.map(summaryLine))
    var review = digest.processReview.map(summaryLine)
    if let average = digest.averageRating {
      // Anonymised, a rating by pseudonym still tells who was pleased: only the average goes.
      let ratings =
        anonymised
        ? digest.ratings.count == 1 ? "1 rating" : "\(digest.ratings.count) ratings"
        : digest.ratings.map { "\(style.inline($0.name)) \($0.rating)" }.joined(separator: ", ")
      review.append("Ratings (1-5): \(ratings); average " + SessionDigest.oneDecimal(average))
    }
    lines += section("Process review", review)
    lines += timeTable(digest)
    try flush()
  }

  private func header(_ digest: SessionDigest) -> [String] {
    var lines = [
      "- \(style.strong("Programme:")) \(style.inline(digest.programme.isEmpty ? "none" : digest.programme))"
    ]
    // A standing group's meeting says which group's, as its absent members are the group's.
    if !anonymised, let group = digest.groupName {
      lines.append("- \(style.strong("Group:")) \(style.inline(group))")
    }
    lines += [
      "- \(style.strong("Protocol:")) \(style.inline(digest.consultingProtocol.name))",
      "- \(style.strong("When:")) \(digest.when(time))",
      "- \(style.strong("Session:")) \(digest.id.rawValue)",
    ]
    if anonymised {
      lines += [
        "",
        "> Anonymised for sharing under the Chatham House Rule: people appear as "
          + "\(style.inline("[Participant A, level]")) and organisations as "
          + "\(style.inline("[Organisation 1]")), the same throughout; the attendee list is left "
          + "out. A distinctive detail can still identify someone: read it before you share it.",
      ]
    } else {
      lines.append("- \(style.strong("Attendees:"))")
      lines += digest.people.map { attendee in
        let detail = attendee.detail(time, in: digest)
        return "  - \(style.leading(attendee.name)) (\(style.inline(detail)))"
      }
      // Members of the group who were not there: minutes name them.
      if !digest.absentMembers.isEmpty {
        lines.append(
          "- \(style.strong("Absent:")) "
            + digest.absentMembers.map {
              "\(style.inline($0.name)) (\(style.inline($0.organisation)))"
            }.joined(separator: ", "))
      }
    }
    return lines
  }

  /// A transcript line: `08:03 · insight · Ben: the note`.
  private func line(for entry: SessionDigest.Entry, in digest: SessionDigest) -> String {
    var kind = entry.kind.rawValue
    if entry.kind == .action {
      let owner = entry.ownerName.map { style.inline($0) + ", " } ?? ""
      kind += " (\(owner)\(entry.note.isDone ? "done" : "open"))"
    }
    let speaker = entry.speakerName.map { style.inline($0) + ": " } ?? ""
    return "\(time.time(entry.note.createdAt, sameDayAs: digest.createdAt)) · \(kind) · \(speaker)"
      + style.block(entry.text, indent: 2) + (entry.note.editedAt != nil ? " (edited)" : "")
      + (entry.note.content.looksLikeAdvice ? " " + SessionDigest.adviceFlag : "")
  }

  /// An action as a task: `[x] the action (owner: Ben; done 09:02)`.
  private func action(for entry: SessionDigest.Entry, in digest: SessionDigest) -> String {
    var detail = ["owner: \(entry.ownerName.map { style.inline($0) } ?? "nobody yet")"]
    // The date its words were read as ("by Friday"), for the group to check before it goes.
    if let due = entry.note.due { detail.append(CommandText.dueText(due)) }
    if let doneAt = entry.note.doneAt {
      detail.append("done \(time.time(doneAt, sameDayAs: digest.createdAt))")
    }
    detail.append(style.inline(entry.place))
    return
      "[\(entry.note.isDone ? "x" : " ")] \(style.block(entry.text, indent: 2, leading: true)) "
      + "(\(detail.joined(separator: "; ")))"
  }

  /// An earlier meeting's action as this one decided it: `[x]` done, `[ ]` carried forward
  /// (still open), `[-]` dropped, as the harvest marks them, then what was said.
  private func earlier(_ action: EarlierAction) -> String {
    let decision = action.decision(style.inline)
    let box = decision.open ? " " : decision.dropped ? "-" : "x"
    let detail = [
      "owner: \(action.ownerName.map { style.inline($0) } ?? "nobody")",
      "agreed in \(style.inline(action.agreedIn)), \(time.day(action.agreedAt))",
    ]
    return "[\(box)] \(style.block(action.text, indent: 2, leading: true)) "
      + "(\(detail.joined(separator: "; "))): \(decision.words)"
  }

  private func summaryLine(_ entry: SessionDigest.Entry) -> String {
    "\(style.block(entry.text, indent: 2, leading: true)) (\(style.inline(entry.place)))"
  }

  private func section(_ title: String, _ items: [String]) -> [String] {
    ["## \(title)", ""] + (items.isEmpty ? ["None recorded."] : items.map { "- " + $0 }) + [""]
  }

  /// Each protocol phase's time against its plan with the facilitator's adjustments (the
  /// protocol's own where they differ), a round's phase summed over the rounds, and where it
  /// ran over, as the summary screen marks it.
  private func timeTable(_ digest: SessionDigest) -> [String] {
    var lines = ["## Time by phase", ""]
    switch style {
    case .markdown:
      lines += [
        "| Phase | Runs | Planned | Used | Over |", "| --- | ---: | ---: | ---: | --- |",
      ]
      lines += digest.phaseUsage.map {
        "| \(style.cell($0.name)) | \($0.occurrences) | \($0.plannedText) | "
          + "\(PhaseDuration.display($0.wholeUsedSeconds)) | \($0.overCell) |"
      }
    case .plain:
      lines += digest.phaseUsage.map {
        let runs = $0.occurrences == 1 ? "" : " (\($0.occurrences) runs)"
        let over = $0.roundsOverText.map { $0.isEmpty ? " · over" : " · over in \($0)" } ?? ""
        let protocolPlan =
          $0.adjustedSeconds == $0.plannedSeconds
          ? "" : " (\(PhaseDuration.display($0.plannedSeconds)) in the protocol)"
        return
          "- \(style.leading($0.name))\(runs): \(PhaseDuration.display($0.wholeUsedSeconds)) used "
          + "of \(PhaseDuration.display($0.adjustedSeconds)) planned\(protocolPlan)\(over)"
      }
    }
    return lines
  }
}
