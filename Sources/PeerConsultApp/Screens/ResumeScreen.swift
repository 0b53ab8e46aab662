import Foundation
import PeerConsultKit
import TerminalKit

/// The list of unfinished sessions to carry on.
public struct ResumeState: Equatable, Sendable {
  public var sessions: [SessionListing]
  /// Sessions another PeerConsult is facilitating: marked, and not resumed here.
  public var openElsewhere: Set<SessionID>
  public var selection = 0

  public init(sessions: [SessionListing], openElsewhere: Set<SessionID> = []) {
    self.sessions = sessions
    self.openElsewhere = openElsewhere
  }
}

/// Picks an unfinished session; Enter carries it on where it stopped.
public enum ResumeScreen {
  public static func render(
    _ state: ResumeState, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) {
    let inner = area.inset(dx: 2, dy: 0)
    grid.put(
      "Unfinished sessions, most recent first", x: inner.x, y: inner.y + 1, style: Theme.heading)
    if state.sessions.isEmpty {
      grid.put(
        "None: every session so far was finished.", x: inner.x, y: inner.y + 3, style: Theme.muted)
      return
    }
    var y = inner.y + 3
    for (index, listing) in state.sessions.enumerated() where y < inner.maxY {
      let selected = index == state.selection
      let date = ReviewFormat.date(listing.updatedAt, timeZone)
      let programme = listing.programme.isEmpty ? "" : " · \(listing.programme)"
      let elsewhere = state.openElsewhere.contains(listing.id) ? " · open in another window" : ""
      // The mark is kept whole; the title gives way.
      let line =
        "\(selected ? "▸" : " ") \(date)  \(listing.title)\(programme) · \(listing.noteCount) note\(listing.noteCount == 1 ? "" : "s")"
        .truncated(toWidth: inner.width - elsewhere.displayWidth) + elsewhere
      grid.put(
        line.padded(toWidth: inner.width), x: inner.x, y: y,
        style: selected ? Theme.selected : elsewhere.isEmpty ? .plain : Theme.muted)
      y += 1
    }
  }
}

extension KeyContext {
  public static let resume = KeyContext("resume", title: "Resume")
}

extension ResumeState: Screen {
  public static let keyBindings = [
    KeyBinding([.up, .character("k")], .up, "up", "Move up", in: [.resume], footer: false),
    KeyBinding([.down, .character("j")], .down, "down", "Move down", in: [.resume], footer: false),
    KeyBinding([.enter], .select, "open", "Open the selected entry", in: [.resume]),
    KeyBinding([.escape], .back, "back", "Go back", in: [.resume]),
    KeyBinding.help(in: [.resume]),
    KeyBinding([.character("q")], .back, "back", "Go back", in: [.resume], footer: false),
  ]

  public var keyContext: KeyContext { .resume }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("PeerConsult · Resume", "\(sessions.count) unfinished")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    ResumeScreen.render(self, timeZone: environment.timeZone, into: &grid, area: area)
    return nil
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    let count = sessions.count
    switch input {
    case .action(.up) where count > 0: selection = (selection + count - 1) % count
    case .action(.down) where count > 0: selection = (selection + 1) % count
    case .action(.select) where count > 0:
      let id = sessions[selection].id
      guard !openElsewhere.contains(id) else {
        return [.notice(Notice(StoreError.openElsewhere(id).description, tone: .warning))]
      }
      return [.command(.resume(id))]
    case .action(.back): return [.leave(to: .resume)]
    case .result(.sessionOpened(let id, let session)):
      return LiveState.show(id, session, now: environment.now)
    case .result(.failed(_, let error, _)):
      return [.notice(Notice("Cannot resume: \(error)", tone: .error))]
    default: break
    }
    return []
  }
}

/// Shared formatting for session lists.
public enum ReviewFormat {
  /// `2026-11-27 14:05` in the given zone.
  public static func date(_ date: Date, _ timeZone: TimeZone) -> String {
    ReadableTime(timeZone: timeZone).dayAndTime(date)
  }
}
