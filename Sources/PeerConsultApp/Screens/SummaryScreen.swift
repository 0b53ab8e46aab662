import Foundation
import PeerConsultKit
import TerminalKit

/// The end-of-session summary: actions with owners, themes, what works well, blockages, the
/// process review and time used per phase against the plan. Shown for review before anything
/// is shared.
public enum SummaryScreen {
  public static func render(_ state: SummaryState, now: Date, into grid: inout Grid, area: Rect) {
    ScrolledLines.render(
      lines(state, now: now, width: area.width - 4), scroll: state.scroll, into: &grid, area: area)
  }

  /// The summary as styled lines, so scrolling is a slice.
  static func lines(_ state: SummaryState, now: Date, width: Int) -> [(String, Style)] {
    let digest = SessionDigest(id: state.sessionID, state: state.session, at: now)
    // Wrapped: a long title cut off the programme and "finished" at 80 columns.
    var lines: [(String, Style)] = TextWrapper.wrap(
      "\(digest.title) · \(digest.programme) · finished", width: max(1, width)
    ).map { ($0, Theme.title) }
    lines.append(("Review this summary with the group before anything is shared.", Theme.muted))
    func section(
      _ title: String, _ notes: [SessionDigest.Entry],
      describe: (SessionDigest.Entry) -> String = {
        $0.text + ($0.note.content.looksLikeAdvice ? " " + SessionDigest.adviceFlagJoined : "")
      }
    ) {
      lines.append(("", .plain))
      lines.append(("\(title) (\(notes.count))", Theme.heading))
      if notes.isEmpty { lines.append(("  none recorded", Theme.muted)) }
      for note in notes {
        for (i, line) in TextWrapper.wrap(describe(note), width: max(1, width - 4)).enumerated() {
          lines.append(((i == 0 ? "• " : "  ") + SessionDigest.separatingAdviceFlag(line), .plain))
        }
      }
    }
    // What this meeting decided about the group's earlier actions, as the minutes say it:
    // what was said of one carried or dropped goes out with them.
    if !state.earlier.isEmpty {
      lines.append(("", .plain))
      lines.append(("Actions from last time (\(state.earlier.count))", Theme.heading))
      for action in state.earlier {
        let decision = action.decision { $0 }
        let box = decision.open ? "[→]" : decision.dropped ? "[✗]" : "[✓]"
        let owner = action.ownerName.map { " (\($0))" } ?? ""
        let text = "\(box) \(action.text)\(owner): \(decision.words)"
        for (i, line) in TextWrapper.wrap(text, width: max(1, width - 4)).enumerated() {
          lines.append(((i == 0 ? "" : "    ") + line, .plain))
        }
      }
    }
    // With the date its words were read as ("by Friday"), for the group to check.
    section("Actions", digest.actions) { action in
      "\(action.text) → \(action.ownerName ?? "no owner")"
        + (action.note.due.map { " · \(CommandText.dueText($0))" } ?? "")
        + (action.note.isDone ? " ✓ done" : "")
    }
    section("Themes", digest.themes)
    section("Insights", digest.insights)
    section("What works well", digest.worksWell)
    section("Blockages", digest.blockages)
    section("Feedback", digest.feedback)
    section("Process review", digest.processReview)
    if let rating = digest.ratingSummary {
      lines.append(("  Process rating: \(rating)", .plain))
    }
    lines.append(("", .plain))
    lines.append(("Time per phase (used / planned)", Theme.heading))
    // Round by round, so the round that overran shows as itself.
    for part in digest.parts {
      switch part.part {
      case .opening: lines.append(("  Opening", Theme.key))
      case .round(let number):
        lines.append(("  Round \(number + 1) · \(part.presenterName ?? "?")", Theme.key))
      case .closing: lines.append(("  Closing", Theme.key))
      }
      for phase in part.phases {
        var text =
          "    \(phase.name): \(LiveScreen.clock(phase.usedSeconds)) / \(LiveScreen.clock(phase.adjustedSeconds))"
        if phase.adjustedSeconds != phase.plannedSeconds {
          text += " (planned \(LiveScreen.clock(phase.plannedSeconds)))"
        }
        if phase.ranOver { text += " · over" }
        lines.append((text, phase.ranOver ? Theme.amber : .plain))
      }
    }
    return lines
  }
}

extension KeyContext {
  public static let summary = KeyContext("summary", title: "Summary")
}

extension SummaryState: Screen {
  public static let keyBindings = [
    KeyBinding([.pageUp], .pageUp, "page up", "Scroll a page up", in: [.summary], footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.summary], footer: false),
    KeyBinding([.up], .scrollUp, "scroll", "Scroll up", in: [.summary], footer: false),
    KeyBinding([.down], .scrollDown, "scroll", "Scroll down", in: [.summary], footer: false),
    KeyBinding(
      [.character("p")], .previousPhase, "reopen",
      "Reopen the last phase (nothing is lost; n finishes again)", in: [.summary]),
    KeyBinding(
      [.character("s")], .share, "share",
      "Review and write the session anonymised", in: [.summary]),
    KeyBinding.help(in: [.summary]),
    KeyBinding(
      [.character("q")], .quit, "quit", "Quit (in a session: leave it, resumable)",
      in: [.summary]),
  ]

  public var keyContext: KeyContext { .summary }

  static let reopenedNotice = "Reopened the last phase: nothing was lost; n finishes again."

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("Summary · \(session.setup.title)", "session \(sessionID.short)")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    SummaryScreen.render(self, now: environment.now, into: &grid, area: area)
    return nil
  }

  /// The scroll that shows the last page, as ``ScrolledLines`` lays the lines out.
  private func lastScroll(_ environment: ScreenEnvironment) -> Int {
    let total = SummaryScreen.lines(self, now: environment.now, width: environment.width - 4).count
    let rows = total > environment.bodyHeight ? environment.bodyHeight - 1 : environment.bodyHeight
    return max(0, total - rows)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    // A page is what shows but a line kept for context (it was 10 rows of 19 shown), and
    // never past the last page, so that PgUp answers at once after PgDn was held.
    let page = max(1, environment.bodyHeight - 2)
    switch input {
    case .action(.scrollDown): scroll = min(scroll + 1, lastScroll(environment))
    case .action(.scrollUp): scroll = max(0, min(scroll, lastScroll(environment)) - 1)
    case .action(.pageDown): scroll = min(scroll + page, lastScroll(environment))
    case .action(.pageUp): scroll = max(0, min(scroll, lastScroll(environment)) - page)
    case .action(.quit): return [.command(.leaveSession())]
    case .action(.previousPhase): return [.command(.session(.previous))]
    case .action(.share):
      return ShareReviewState.open(
        .sessions([sessionID]), heading: session.setup.title, from: self, environment)
    case .result(.sessionChanged(let reopened)) where !reopened.isFinished:
      return [
        .show(LiveState(sessionID: sessionID, session: reopened, now: environment.now)),
        .notice(Notice(Self.reopenedNotice, tone: .success)),
        .command(.loadDraft(sessionID)),
      ]
    case .result(.sessionChanged(let changed)) where changed.isFinished:
      // A change that leaves it finished (a choice for sharing): shown as stored.
      session = changed
    case .result(.earlierActionsLoaded(let id, let actions)) where id == sessionID:
      earlier = actions
    case .result(.failed(.loadEarlierActions, let error, _)):
      return [
        .notice(Notice("The actions from last time cannot be read (\(error)).", tone: .warning))
      ]
    case .result(.failed(_, let error, _)):
      return [.notice(Notice("Not reopened: \(error)", tone: .error))]
    case .result(.sessionLeft): return [.leave(to: .newSession)]
    default: break
    }
    return []
  }
}
