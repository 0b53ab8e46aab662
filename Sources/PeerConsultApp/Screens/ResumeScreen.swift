import Foundation
import PeerConsultKit
import TerminalKit

/// The list of unfinished sessions to carry on.
public struct ResumeState: Equatable, Sendable {
  public var sessions: [SessionListing]
  public var selection = 0

  public init(sessions: [SessionListing]) { self.sessions = sessions }
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
      let line =
        "\(selected ? "▸" : " ") \(date)  \(listing.title)\(programme) · \(listing.noteCount) notes"
      grid.put(
        line.padded(toWidth: inner.width), x: inner.x, y: y,
        style: selected ? Theme.selected : .plain)
      y += 1
    }
  }

  /// What a key leads to.
  public enum Outcome: Equatable, Sendable {
    case stay, back
    case resume(SessionID)
  }

  public static func update(_ state: inout ResumeState, _ action: Action) -> Outcome {
    let count = state.sessions.count
    switch action {
    case .up where count > 0: state.selection = (state.selection + count - 1) % count
    case .down where count > 0: state.selection = (state.selection + 1) % count
    case .select where count > 0: return .resume(state.sessions[state.selection].id)
    case .back, .quit: return .back
    default: break
    }
    return .stay
  }
}

/// Shared formatting for session lists.
public enum ReviewFormat {
  /// `2026-11-27 14:05` in the given zone.
  public static func date(_ date: Date, _ timeZone: TimeZone) -> String {
    ReadableTime(timeZone: timeZone).dayAndTime(date)
  }
}
