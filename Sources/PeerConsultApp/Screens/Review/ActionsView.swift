import Foundation
import PeerConsultKit
import TerminalKit

/// A session's actions: each with its owner, whether it is done, and where it was agreed.
public enum ActionsView {
  /// Columns before an action's text and its details: the marker and the box.
  private static let indent = 6

  public static func render(
    _ state: TranscriptState, now: Date, timeZone: TimeZone, status: Rect, into grid: inout Grid,
    area: Rect
  ) {
    let actions = state.actions
    // Counted as the boxes show them: done here, or at a later meeting of the group.
    let done = actions.filter { settled($0, state.actionHistory[$0.id]) == .done }.count
    let summary =
      actions.isEmpty
      ? "No actions were recorded in this session."
      : "Actions · \(done) of \(actions.count) done · x marks the selected one done or open"
    grid.put(summary, x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
    guard !actions.isEmpty, area.height > 0 else { return }
    let selection = min(max(0, state.actionSelection), actions.count - 1)
    func lines(_ index: Int) -> [String] {
      self.lines(
        actions[index], selected: index == selection, session: state.session,
        history: state.actionHistory[actions[index].id], now: now, timeZone: timeZone,
        width: area.width)
    }
    // The selected action is shown whole, over as many rows as it takes (what later meetings
    // said of it was cut at 80 columns, with no way to read the rest); the others in two. The
    // page starts where it would with two rows each, later if the selected one would not fit.
    // Taller than the list, it says what is cut rather than ending mid-sentence unmarked.
    var selected = lines(selection)
    if selected.count > area.height, area.height > 1 {
      let hidden = selected.count - area.height + 1
      selected = Array(selected.prefix(area.height - 1))
      selected.append(
        String(repeating: " ", count: indent) + "… \(CommandText.counted(hidden, "more line"))")
    }
    selected = Array(selected.prefix(area.height))
    var first = ReviewScreen.page(
      selection: selection, count: actions.count, listHeight: area.height
    ).lowerBound
    while first < selection,
      (selection - first) * ReviewScreen.rowsPerEntry + selected.count > area.height
    {
      first += 1
    }
    var y = area.y
    for index in first..<actions.count {
      let rows = index == selection ? selected : lines(index)
      guard y + rows.count <= area.y + area.height else { break }
      for (offset, row) in rows.enumerated() {
        let style =
          index == selection ? Theme.selected : offset == 0 ? Style.plain : Theme.muted
        grid.put(row.padded(toWidth: area.width), x: area.x, y: y + offset, style: style)
      }
      y += rows.count
    }
  }

  /// One action's rows: a box and the text; then owner, state, where it was agreed and what
  /// later meetings of the group made of it. Selected, both are wrapped to `width`; otherwise
  /// one row each, cut where the screen ends.
  static func lines(
    _ note: Note, selected: Bool, session: SessionState, history: ActionLedger.Item?,
    now: Date, timeZone: TimeZone, width: Int
  ) -> [String] {
    // Done or dropped at a later meeting of the group shows as such, beside the session's own.
    let standing = settled(note, history)
    let box =
      switch standing {
      case .done: "[x]"
      case .dropped: "[-]"
      case .open: "[ ]"
      }
    let owner = note.owner.map { "owner " + LiveScreen.name($0, in: session) } ?? "no owner"
    // What a later meeting decided is said after the place; "open" here would contradict it.
    // Late, it says so, as `peerconsult actions` does.
    let state =
      note.doneAt.map { "done \(ReviewFormat.date($0, timeZone))" }
      ?? (note.isDone
        ? "done"
        : standing != .open
          ? nil : isOverdue(note, history, now: now, timeZone) ? "overdue" : "open")
    let slot = session.schedule[note.slot]
    let place = (slot.round.map { "round \($0 + 1), " } ?? "") + slot.phase.name
    var details = [owner] + (state.map { [$0] } ?? [])
    // As the group's ledger has it: a carried action is due at the next meeting, whatever its
    // text first said (`peerconsult actions` says the same).
    let due = history.map(\.due) ?? note.due
    if let due, standing == .open { details.append(CommandText.dueText(due)) }
    // What later meetings decided, the latest first: it is what stands, and at the end of the
    // row, after every earlier step, it was cut at 80 columns ("carried 2026-12-06 …").
    for step in (history?.followUps ?? []).reversed() {
      var text =
        "\(step.outcome.name) \(ReadableTime(timeZone: timeZone).day(step.at)) in \(step.sessionTitle)"
      // What was said when it was carried or dropped, typed for it at that meeting.
      switch step.outcome {
      case .carried(let said), .dropped(let said):
        let said = said.split(whereSeparator: \.isNewline).joined(separator: " ")
        if !said.trimmingCharacters(in: .whitespaces).isEmpty { text += ": \(said)" }
      case .done: break
      }
      details.append(text)
    }
    details.append(place)
    let head = "\(selected ? "▸" : " ") \(box) "
    let text = note.text.split(whereSeparator: \.isNewline).joined(separator: " ")
    let detail = details.joined(separator: " · ")
    let margin = String(repeating: " ", count: indent)
    guard selected, width > indent else { return [head + text, margin + detail] }
    let textLines = TextWrapper.wrap(text, width: width - indent)
    return [head + (textLines.first ?? "")] + textLines.dropFirst().map { margin + $0 }
      + TextWrapper.wrap(detail, width: width - indent).map { margin + $0 }
  }

  /// Whether `note`, open, is late at `now`: as the group's ledger says (its day has passed,
  /// or the next meeting went by without it being done or carried), or, in a session of no
  /// group, when its day has passed. The ledger's rule is asked, not its status: read with the
  /// transcript, that still said done after `x` reopened the action, which then showed "open"
  /// when it was late.
  private static func isOverdue(
    _ note: Note, _ history: ActionLedger.Item?, now: Date, _ timeZone: TimeZone
  ) -> Bool {
    let today = CalendarDay(now, in: timeZone)
    if let history { return history.isLate(today: today) }
    return note.due?.hasPassed(today: today) ?? false
  }

  /// Where an action stands, as its box shows it.
  enum Settled { case open, done, dropped }

  /// Done when this session marked it done or the group's last follow-up did, dropped when
  /// that follow-up dropped it, as ``ActionLedger`` has it; from the note as it now stands,
  /// since the ledger read with the transcript predates a mark made since.
  static func settled(_ note: Note, _ history: ActionLedger.Item?) -> Settled {
    if note.isDone { return .done }
    switch history?.followedUpStatus {
    case .done?: return .done
    case .dropped?: return .dropped
    case .open?, nil: return .open
    }
  }
}
