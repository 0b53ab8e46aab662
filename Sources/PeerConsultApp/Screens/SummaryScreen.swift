import Foundation
import PeerConsultKit
import TerminalKit

/// The end-of-session summary: actions with owners, themes, what works well, blockages, the
/// process review and time used per phase against the plan. Shown for review before anything
/// is shared.
public enum SummaryScreen {
  public static func render(_ state: SummaryState, now: Date, into grid: inout Grid, area: Rect) {
    let lines = self.lines(state, now: now, width: area.width - 4)
    let scroll = min(state.scroll, max(0, lines.count - area.height))
    for (i, line) in lines.dropFirst(scroll).prefix(area.height).enumerated() {
      grid.put(line.0, x: area.x + 2, y: area.y + i, style: line.1, maxWidth: area.width - 4)
    }
  }

  /// The summary as styled lines, so scrolling is a slice.
  static func lines(_ state: SummaryState, now: Date, width: Int) -> [(String, Style)] {
    let digest = SessionDigest(id: state.sessionID, state: state.session, at: now)
    var lines: [(String, Style)] = [
      ("\(digest.title) · \(digest.programme) · finished", Theme.title),
      ("Review this summary with the group before anything is shared.", Theme.muted),
    ]
    func section(
      _ title: String, _ notes: [SessionDigest.Entry],
      describe: (SessionDigest.Entry) -> String = { $0.text }
    ) {
      lines.append(("", .plain))
      lines.append(("\(title) (\(notes.count))", Theme.heading))
      if notes.isEmpty { lines.append(("  none recorded", Theme.muted)) }
      for note in notes {
        for (i, line) in TextWrapper.wrap(describe(note), width: max(1, width - 4)).enumerated() {
          lines.append(((i == 0 ? "• " : "  ") + line, .plain))
        }
      }
    }
    section("Actions", digest.actions) { action in
      "\(action.text) → \(action.ownerName ?? "no owner")\(action.note.isDone ? " ✓ done" : "")"
    }
    section("Themes", digest.themes)
    section("What works well", digest.worksWell)
    section("Blockages", digest.blockages)
    section("Process review", digest.processReview)
    if let average = digest.averageRating {
      lines.append(
        (
          "  ratings: \(digest.ratings.count), average \(String(format: "%.1f", average)) of 5",
          .plain
        ))
    }
    lines.append(("", .plain))
    lines.append(("Time per phase (used / planned)", Theme.heading))
    for usage in digest.phaseUsage {
      let used = usage.wholeUsedSeconds
      let over = used > usage.plannedSeconds ? Theme.amber : .plain
      let times = usage.occurrences > 1 ? " ×\(usage.occurrences)" : ""
      lines.append(
        (
          "  \(usage.name)\(times): \(LiveScreen.clock(used)) / \(LiveScreen.clock(usage.plannedSeconds))",
          over
        ))
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

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    switch input {
    case .action(.scrollDown): scroll += 1
    case .action(.scrollUp): scroll = max(0, scroll - 1)
    case .action(.pageDown): scroll += 10
    case .action(.pageUp): scroll = max(0, scroll - 10)
    case .action(.quit): return [.command(.leaveSession)]
    case .action(.previousPhase): return [.command(.session(.previous))]
    case .result(.sessionChanged(let reopened)) where !reopened.isFinished:
      return [
        .show(LiveState(sessionID: sessionID, session: reopened, now: environment.now)),
        .notice(Notice(Self.reopenedNotice, tone: .success)),
      ]
    case .result(.failed(_, let error, _)):
      return [.notice(Notice("Not reopened: \(error)", tone: .error))]
    case .result(.sessionLeft): return [.leave(to: .newSession)]
    default: break
    }
    return []
  }
}
