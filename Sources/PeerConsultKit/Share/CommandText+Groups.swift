import Foundation
import TextLayout

extension CommandText {
  /// `peerconsult groups list`: one row per group, by name; names and programmes cut to the
  /// terminal's `width` when given.
  public static func groupList(
    _ groups: [(listing: GroupListing, members: Int)], width: Int? = nil,
    time: ReadableTime = ReadableTime()
  ) -> String {
    guard !groups.isEmpty else {
      return "No groups yet: add one with `peerconsult groups add NAME --participant …`.\n"
    }
    let rows = groups.map { group in
      [
        group.listing.id.short, oneLine(group.listing.name), oneLine(group.listing.programme),
        "\(group.members)", "\(group.listing.sessionCount)",
        group.listing.lastMet.map(time.day) ?? "never",
      ]
    }
    return table(
      [["ID", "NAME", "PROGRAMME", "MEMBERS", "MEETINGS", "LAST MET"]] + rows, fitting: width,
      shrinking: [2, 1])
  }

  /// `peerconsult groups show`: the group's members (and who left, when), its meetings, the
  /// presenter order suggested for the next one, and its actions still open. For a terminal
  /// `width` columns wide, lines wrap on words and the members' columns are not padded past
  /// it (a long organisation padded every row to a hundred columns, each wrapping mid-word).
  public static func group(
    _ group: StandingGroup, meetings: [SessionRecord], now: Date = Date(),
    time: ReadableTime = ReadableTime(), width: Int? = nil
  ) -> String {
    func members(_ rows: [[String]]) -> String {
      let padded = table(rows)
      guard let width,
        padded.split(separator: "\n").contains(where: { DisplayWidth.of($0) > width })
      else { return padded }
      return rows.map { $0.joined(separator: " · ") + "\n" }.joined()
    }
    let programme = group.programme.isEmpty ? "" : "\(oneLine(group.programme)) · "
    var text = "\(oneLine(group.name))  (\(programme)\(group.id.short))\n\nMembers:\n"
    let current = group.memberships.filter(\.isCurrent)
    text +=
      current.isEmpty
      ? "  none\n"
      : members(
        current.map {
          ["  " + oneLine($0.participant.spec), "joined \(time.day($0.joinedAt))"]
        })
    let former = group.memberships.filter { !$0.isCurrent }
    if !former.isEmpty {
      text += "\nLeft:\n"
      text += members(
        former.map {
          [
            "  " + oneLine($0.participant.spec),
            "\(time.day($0.joinedAt)) to \(time.day($0.leftAt ?? $0.joinedAt))",
          ]
        })
    }
    let ordered = SessionRecord.chronological(meetings)
    text += "\n\(counted(ordered.count, "meeting"))"
    if let last = ordered.last { text += ", the last \(time.day(last.state.createdAt))" }
    text += ".\n"
    let suggestion = PresenterSuggestion(members: group.members, records: meetings)
    if !suggestion.entries.isEmpty {
      text += "\nPresenters next time:\n"
      for (number, entry) in suggestion.entries.enumerated() {
        text += "  \(number + 1). \(oneLine(entry.name)) (\(entry.reason(time)))\n"
      }
    }
    let open = ActionLedger(meetings).openNewestFirst
    let overdue = open.count { $0.isOverdue(at: now, timeZone: time.timeZone) }
    text += "\n\(counted(open.count, "open action"))"
    text += overdue > 0 ? ", \(overdue) overdue.\n" : ".\n"
    return wrapped(text, width: width)
  }
}
