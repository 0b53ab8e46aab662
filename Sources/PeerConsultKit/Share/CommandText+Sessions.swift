import Foundation

extension CommandText {
  /// `peerconsult list`: one row per session in the order given, under a heading row. A
  /// session taken from a shared store says so in its status ("finished, from office").
  /// Given the terminal's `width`, the widest of the title, programme and presenters are cut
  /// to fit it, and the presenters, then the programme, left out if that is not enough (see
  /// ``fitted(_:into:shrinking:dropping:keepingEnds:wanting:)``).
  public static func listings(
    _ listings: [SessionListing], width: Int? = nil, time: ReadableTime = ReadableTime()
  ) -> String {
    let rows = listings.map { listing in
      [
        listing.id.short, time.dayAndTime(listing.createdAt), oneLine(listing.title),
        oneLine(listing.programme), oneLine(listing.presenters.joined(separator: ", ")),
        "\(listing.noteCount)", "\(listing.actionsDone)/\(listing.actionCount)",
        (listing.isFinished ? "finished" : "unfinished")
          + (listing.origin.map { ", from \(oneLine($0))" } ?? ""),
      ]
    }
    return table(
      [["ID", "STARTED", "TITLE", "PROGRAMME", "PRESENTERS", "NOTES", "DONE", "STATUS"]] + rows,
      // A title keeps 16 columns, enough to tell "North SLG meeting 12" from the rest: the
      // presenters go first, as at 80 columns, then the programme, as at 60.
      fitting: width, shrinking: [4, 3, 2], dropping: [4, 3], wanting: [2: 16])
  }

  /// The line under a `list` that shows only the newest of more sessions than it shows.
  public static func moreSessions(shown: Int, total: Int) -> String {
    "\(total - shown) more, older: the newest \(shown) of \(counted(total, "session")) shown "
      + "(--limit N or --all for more)."
  }

  /// `peerconsult actions`: the actions of `records`, newest session first, each session
  /// headed by its day, title, programme and id, then a count. Each action's state is folded
  /// across the sessions (``ActionLedger``): done in its own session or at a later meeting of
  /// its group, carried forward, or dropped (`[-]`, with the reason). `owner` keeps the
  /// actions of people whose name it matches (see ``NameFilter``); `openOnly` the ones neither
  /// done nor dropped; `overdueOnly` the open ones late at `now`. A session taken from a
  /// shared store names it in its heading, from `origins` (``AppDatabase/sessionOrigins()``).
  public static func actions(
    _ records: [SessionRecord], owner: String? = nil, openOnly: Bool = false,
    overdueOnly: Bool = false, origins: [SessionID: String] = [:], now: Date = Date(),
    time: ReadableTime = ReadableTime()
  ) -> String {
    let filter = owner.map(NameFilter.init)
    let ledger = ActionLedger(records)
    let items = ledger.items.filter { item in
      (!openOnly || item.isOpen)
        && (!overdueOnly || item.isOverdue(at: now, timeZone: time.timeZone))
        && (filter.map { filter in item.ownerName.map(filter.matches) ?? false } ?? true)
    }
    // Each session's own, found once: filtered from them all for every session, they took
    // seconds at a thousand meetings of one group.
    let bySession = Dictionary(grouping: items, by: \.reference.session)
    var text = ""
    var done = 0
    var dropped = 0
    for record in SessionRecord.chronological(records).reversed() {
      guard let actions = bySession[record.id], !actions.isEmpty else { continue }
      let state = record.state
      let programme = state.setup.programme.isEmpty ? "" : "\(oneLine(state.setup.programme)) · "
      text +=
        (text.isEmpty ? "" : "\n") + "\(time.day(state.createdAt))  \(oneLine(state.setup.title))"
        + "  (\(programme)\(record.id.short)"
        + (origins[record.id].map { " · from \(oneLine($0))" } ?? "") + ")\n"
      for action in actions {
        let words = action.text.withoutControlCharacters.replacingOccurrences(
          of: "\n", with: "\n      ")
        text +=
          "  [\(mark(action.status))] \(words) (\(detail(of: action, now: now, time: time)))\n"
      }
      done += actions.count { if case .done = $0.status { true } else { false } }
      dropped += actions.count { if case .dropped = $0.status { true } else { false } }
    }
    guard !items.isEmpty else {
      return owner == nil && !openOnly && !overdueOnly ? "No actions yet.\n" : "No actions match.\n"
    }
    if overdueOnly { return text + "\n\(counted(items.count, "overdue action")).\n" }
    return text + "\n\(counted(items.count, openOnly ? "open action" : "action"))"
      // The dropped ones too: "5 actions, 1 done" left a reader looking for the fifth.
      + (openOnly ? ".\n" : ", \(done) done\(dropped > 0 ? ", \(dropped) dropped" : "").\n")
  }

  private static func mark(_ status: ActionLedger.Item.Status) -> String {
    switch status {
    case .open: " "
    case .done: "x"
    case .dropped: "-"
    }
  }

  /// The owner, then when it is due, what later meetings made of it and when it ended.
  private static func detail(of action: ActionLedger.Item, now: Date, time: ReadableTime)
    -> String
  {
    var detail = [action.ownerName.map(oneLine) ?? "no owner"]
    if action.isOpen, let due = action.due {
      detail.append(
        action.isOverdue(at: now, timeZone: time.timeZone)
          ? "overdue: \(dueText(due))" : dueText(due))
    }
    let carried = action.followUps.filter {
      if case .carried = $0.outcome { true } else { false }
    }
    if let last = carried.last {
      var text =
        carried.count == 1
        ? "carried \(time.day(last.at))"
        : "carried \(carried.count) times, last \(time.day(last.at))"
      // What was said when it was carried, typed for it at the meeting: shown nowhere else.
      if case .carried(let note) = last.outcome, !note.trimmingCharacters(in: .whitespaces).isEmpty
      {
        text += ": \(oneLine(note))"
      }
      detail.append(text)
    }
    switch action.status {
    case .open: break
    case .done(let at): detail.append("done \(time.day(at))")
    case .dropped(let at, let reason): detail.append("dropped \(time.day(at)): \(oneLine(reason))")
    }
    return detail.joined(separator: "; ")
  }

  /// "due 2027-01-15" or "due next session".
  public static func dueText(_ due: ActionDue) -> String {
    switch due {
    case .day(let day): "due \(day)"
    case .nextSession: "due next session"
    }
  }

  /// `peerconsult import`: a line per session read, saying what happened to it, then a total.
  /// Standing groups come first, a line each for those added or updated.
  public static func imported(
    _ outcomes: [ImportOutcome], groups: [GroupImportOutcome] = [],
    missingMeetings: [SessionID: Int] = [:]
  ) -> String {
    var text = ""
    for group in groups {
      switch group.change {
      case .added: text += "Imported the group \(oneLine(group.name)) (\(group.group.short)).\n"
      case .extended(let events):
        text +=
          "Updated the group \(oneLine(group.name)) with \(counted(events, "later change")).\n"
      case .alreadyPresent, .newerPresent: break
      }
    }
    var added = 0
    var unchanged = 0
    for outcome in outcomes {
      let session = "\(outcome.session.short) \"\(oneLine(outcome.title))\""
      let file = URL(fileURLWithPath: outcome.path).lastPathComponent
      switch outcome.change {
      case .added:
        added += 1
        text += "Imported \(session) (\(counted(outcome.eventCount, "event"))) from \(file).\n"
      case .extended(let events):
        added += 1
        text += "Updated \(session) with \(counted(events, "later event")) from \(file).\n"
      case .alreadyPresent:
        unchanged += 1
        text += "Already present: \(session) (\(file)).\n"
      case .newerPresent(let events):
        unchanged += 1
        text +=
          "Already present: \(session) (\(file)); the data folder holds "
          + "\(counted(events, "later event")).\n"
      }
    }
    // A meeting whose earlier meetings are not here shows no actions from last time.
    for outcome in outcomes {
      guard let missing = missingMeetings[outcome.session] else { continue }
      text +=
        "\(outcome.session.short) \"\(oneLine(outcome.title))\" follows up actions of "
        + "\(counted(missing, "earlier meeting")) not in this folder: import "
        + (missing == 1 ? "its export" : "their exports")
        + " too to see them under its actions from last time.\n"
    }
    return text
      + (outcomes.isEmpty
        ? "The files hold no sessions; nothing was imported.\n"
        : "\(counted(added, "session")) imported or updated, \(unchanged) already present.\n")
  }
}
