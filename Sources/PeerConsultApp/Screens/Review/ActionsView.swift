import Foundation
import PeerConsultKit
import TerminalKit

/// A session's actions: each with its owner, whether it is done, and where it was agreed.
public enum ActionsView {
  public static func render(
    _ state: TranscriptState, timeZone: TimeZone, status: Rect, into grid: inout Grid,
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
    let shown = ReviewScreen.page(
      selection: state.actionSelection, count: actions.count, listHeight: area.height)
    var y = area.y
    for index in shown {
      draw(
        actions[index], selected: index == state.actionSelection, session: state.session,
        history: state.actionHistory[actions[index].id], timeZone: timeZone, into: &grid,
        area: Rect(x: area.x, y: y, width: area.width, height: ReviewScreen.rowsPerEntry))
      y += ReviewScreen.rowsPerEntry
    }
  }

  /// One action as two rows: a box and the text; then owner, state, where it was agreed and
  /// what later meetings of the group made of it.
  private static func draw(
    _ note: Note, selected: Bool, session: SessionState, history: ActionLedger.Item?,
    timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) {
    let base = selected ? Theme.selected : Style.plain
    // Done or dropped at a later meeting of the group shows as such, beside the session's own.
    let standing = settled(note, history)
    let box =
      switch standing {
      case .done: "[x]"
      case .dropped: "[-]"
      case .open: "[ ]"
      }
    grid.put(
      "\(selected ? "▸" : " ") \(box) \(note.text)".padded(toWidth: area.width), x: area.x,
      y: area.y, style: base)
    let owner = note.owner.map { "owner " + LiveScreen.name($0, in: session) } ?? "no owner"
    // What a later meeting decided is said after the place; "open" here would contradict it.
    let state =
      note.doneAt.map { "done \(ReviewFormat.date($0, timeZone))" }
      ?? (note.isDone ? "done" : standing == .open ? "open" : nil)
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
    grid.put(
      ("      " + details.joined(separator: " · ")).padded(toWidth: area.width), x: area.x,
      y: area.y + 1, style: selected ? base : Theme.muted)
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
