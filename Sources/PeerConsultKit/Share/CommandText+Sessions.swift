import Foundation

extension CommandText {
  /// `peerconsult list`: one row per session in the order given, under a heading row.
  public static func listings(_ listings: [SessionListing], time: ReadableTime = ReadableTime())
    -> String
  {
    let rows = listings.map { listing in
      [
        listing.id.short, time.dayAndTime(listing.createdAt), oneLine(listing.title),
        oneLine(listing.programme), oneLine(listing.presenters.joined(separator: ", ")),
        "\(listing.noteCount)", "\(listing.actionsDone)/\(listing.actionCount)",
        listing.isFinished ? "finished" : "unfinished",
      ]
    }
    return table(
      [["ID", "STARTED", "TITLE", "PROGRAMME", "PRESENTERS", "NOTES", "DONE", "STATUS"]] + rows)
  }

  /// The line under a `list` that shows only the newest of more sessions than it shows.
  public static func moreSessions(shown: Int, total: Int) -> String {
    "\(total - shown) more, older: the newest \(shown) of \(counted(total, "session")) shown "
      + "(--limit N or --all for more)."
  }

  /// `peerconsult actions`: the actions of `records`, newest session first, each session
  /// headed by its day, title, programme and id, then a count. `owner` keeps the actions of
  /// people whose name it matches (see ``NameFilter``); `openOnly` the ones not done.
  public static func actions(
    _ records: [SessionRecord], owner: String? = nil, openOnly: Bool = false,
    time: ReadableTime = ReadableTime()
  ) -> String {
    let filter = owner.map(NameFilter.init)
    var text = ""
    var shown = 0
    var done = 0
    for digest in SessionRecord.chronological(records).reversed().map(SessionDigest.init) {
      let actions = digest.actions.filter { action in
        (!openOnly || !action.note.isDone)
          && (filter.map { filter in action.ownerName.map(filter.matches) ?? false } ?? true)
      }
      guard !actions.isEmpty else { continue }
      let programme = digest.programme.isEmpty ? "" : "\(oneLine(digest.programme)) · "
      text +=
        (shown == 0 ? "" : "\n") + "\(time.day(digest.createdAt))  \(oneLine(digest.title))"
        + "  (\(programme)\(digest.id.short))\n"
      for action in actions {
        var detail = [action.ownerName.map(oneLine) ?? "no owner"]
        if let doneAt = action.note.doneAt { detail.append("done \(time.day(doneAt))") }
        let words = action.text.withoutControlCharacters.replacingOccurrences(
          of: "\n", with: "\n      ")
        text +=
          "  [\(action.note.isDone ? "x" : " ")] \(words) (\(detail.joined(separator: "; ")))\n"
      }
      shown += actions.count
      done += actions.count { $0.note.isDone }
    }
    guard shown > 0 else {
      return owner == nil && !openOnly ? "No actions yet.\n" : "No actions match.\n"
    }
    return text + "\n\(counted(shown, openOnly ? "open action" : "action"))"
      + (openOnly ? ".\n" : ", \(done) done.\n")
  }

  /// `peerconsult import`: a line per session read, saying what happened to it, then a total.
  public static func imported(_ outcomes: [ImportOutcome]) -> String {
    var text = ""
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
    return text
      + (outcomes.isEmpty
        ? "The files hold no sessions; nothing was imported.\n"
        : "\(counted(added, "session")) imported or updated, \(unchanged) already present.\n")
  }
}
