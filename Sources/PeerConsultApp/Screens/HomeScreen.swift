import Foundation
import PeerConsultKit
import TerminalKit

/// The home screen's state: which entry is selected.
public struct HomeState: Equatable, Sendable {
  /// How recently a session must have been left unfinished for the home screen to start on
  /// Resume: the same day's meeting after a crash or a break, not one abandoned last month.
  public static let resumeWithin: TimeInterval = 12 * 60 * 60

  public var selection: Int = 0
  /// Unfinished sessions, counted for the "resume" entry.
  public var unfinishedCount: Int = 0
  /// Whether the selection is the user's (a key moved it, or they came back from an entry),
  /// which the count of unfinished sessions then leaves alone.
  public var selectionIsChosen: Bool

  public init(selection: Int = 0, unfinishedCount: Int = 0, selectionIsChosen: Bool = false) {
    self.selection = selection
    self.unfinishedCount = unfinishedCount
    self.selectionIsChosen = selectionIsChosen
  }
}

/// The first screen: start, resume, review, browse protocols, or quit.
public enum HomeScreen {
  /// The menu entries, in order.
  public enum Entry: Int, CaseIterable, Sendable {
    case newSession, resume, review, protocols, roomDisplay, quit

    var title: String {
      switch self {
      case .newSession: return "New session"
      case .resume: return "Resume"
      case .review: return "Review"
      case .protocols: return "Protocols"
      case .roomDisplay: return "Room display"
      case .quit: return "Quit"
      }
    }

    func detail(_ state: HomeState) -> String {
      switch self {
      case .newSession: return "Set up a group and walk a protocol with timers"
      case .resume:
        switch state.unfinishedCount {
        case 0: return "Carry on an unfinished session (none now)"
        case 1: return "Carry on the unfinished session"
        default: return "Carry on one of \(state.unfinishedCount) unfinished sessions"
        }
      case .review: return "Read, search and share past sessions"
      case .protocols: return "Browse the protocol library"
      case .roomDisplay: return "Show the room a session run in another window"
      case .quit: return "Leave PeerConsult"
      }
    }
  }

  public static func render(
    _ state: HomeState, dataDirectory: String, into grid: inout Grid, area: Rect
  ) {
    var y = area.y + 1
    grid.put(
      "Systems Learning Groups · peer consulting, facilitated", x: area.x + 2, y: y,
      style: Theme.muted)
    y += 2
    for entry in Entry.allCases {
      let isSelected = entry.rawValue == state.selection
      let marker = isSelected ? "▸ " : "  "
      let row = Rect(x: area.x + 2, y: y, width: area.width - 4, height: 1)
      let title = (marker + entry.title).padded(toWidth: 18)
      grid.put(title, x: row.x, y: y, style: isSelected ? Theme.selected : Theme.heading)
      grid.put(
        entry.detail(state), x: row.x + 20, y: y, style: Theme.muted, maxWidth: row.width - 20)
      y += 2
    }
    y += 1
    grid.put(
      "Data folder: " + dataDirectory, x: area.x + 2, y: y, style: Theme.muted,
      maxWidth: area.width - 4)
  }

}

extension KeyContext {
  public static let home = KeyContext("home", title: "Home")
}

extension HomeState: Screen {
  public static let keyBindings = [
    KeyBinding([.up, .character("k")], .up, "up", "Move up", in: [.home], footer: false),
    KeyBinding([.down, .character("j")], .down, "down", "Move down", in: [.home], footer: false),
    KeyBinding([.enter], .select, "open", "Open the selected entry", in: [.home]),
    KeyBinding.help(in: [.home]),
    KeyBinding([.character("q")], .quit, "quit", "Leave PeerConsult", in: [.home]),
  ]

  public var keyContext: KeyContext { .home }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("PeerConsult", "v" + PeerConsultVersion.current)
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    HomeScreen.render(self, dataDirectory: environment.dataDirectory, into: &grid, area: area)
    return nil
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    let count = HomeScreen.Entry.allCases.count
    switch input {
    case .action(.up):
      selection = (selection + count - 1) % count
      selectionIsChosen = true
    case .action(.down):
      selection = (selection + 1) % count
      selectionIsChosen = true
    case .action(.select): return open(HomeScreen.Entry(rawValue: selection) ?? .quit)
    case .action(.quit): return open(.quit)
    case .result(let result): return show(result, environment)
    default: break
    }
    return []
  }

  private func open(_ entry: HomeScreen.Entry) -> [Effect] {
    switch entry {
    case .newSession: return [.command(.loadSetup)]
    case .resume: return [.command(.listUnfinished)]
    case .review: return [.command(.loadReview)]
    case .protocols: return [.command(.loadProtocols)]
    case .roomDisplay: return [.command(.follow(nil, notes: false))]
    case .quit: return [.exit(0)]
    }
  }

  /// Shows what an entry loaded, or why it could not.
  private mutating func show(_ result: ServiceResult, _ environment: ScreenEnvironment)
    -> [Effect]
  {
    switch result {
    case .unfinishedCounted(let count, let resumable):
      unfinishedCount = count
      // The meeting that crashed or paused today is what the facilitator comes back for.
      // A time ahead of the clock (an import dated later, a clock put back) is not "just now"
      // for ever: only a few minutes ahead count, for clocks that differ a little.
      if !selectionIsChosen, let resumable,
        (-5 * 60..<Self.resumeWithin).contains(environment.now.timeIntervalSince(resumable))
      {
        selection = HomeScreen.Entry.resume.rawValue
      }
    case .protocolsLoaded(let protocols, let problems):
      return [.show(ProtocolBrowserState(protocols: protocols, problems: problems))]
    case .setupLoaded(let protocols, let problems, let programmes, let programmesError, let groups):
      var effects: [Effect] = [
        .show(
          SetupState(protocols: protocols, previousProgrammes: programmes, standingGroups: groups))
      ]
      if let programmesError {
        effects.append(
          .notice(Notice("Earlier programmes not listed: \(programmesError)", tone: .error)))
      } else if !problems.isEmpty {
        effects.append(
          .notice(
            Notice(
              "\(problems.count) protocol file(s) not loaded: see `peerconsult protocols check`.",
              tone: .warning)))
      }
      return effects
    case .unfinishedListed(let sessions, let openElsewhere):
      // With one unfinished session there is nothing to choose: carry it on (or be told
      // where it is open).
      if sessions.count == 1 { return [.command(.resume(sessions[0].id))] }
      return [.show(ResumeState(sessions: sessions, openElsewhere: openElsewhere))]
    case .reviewLoaded(let sessions, let programmes, let total, let hasDatabase, _):
      var review = ReviewState(
        sessions: sessions, programmes: programmes, total: total, hasDatabase: hasDatabase,
        timeZone: environment.timeZone)
      // A window taller than the first page asks for more before its first frame.
      let more = review.moreSessionsNeeded(rows: environment.bodyHeight)
      return [.show(review)] + (more.map { [.command($0)] } ?? [])
    case .sessionOpened(let id, let session):
      return LiveState.show(id, session, now: environment.now)
    case .followStarted(let id, let session, let isLive, let notes, let followsLatest):
      return [
        .show(
          FollowState(
            sessionID: id, session: session, isLive: isLive, notesAllowed: notes,
            followsLatest: followsLatest))
      ]
    case .followWaiting(let notes):
      return [.show(FollowState(waitingWithNotes: notes))]
    case .failed(.follow, let error, _):
      return [.notice(Notice("No room display: \(error)", tone: .error))]
    case .failed(.resume, let error, _):
      return [.notice(Notice("Cannot resume: \(error)", tone: .error))]
    case .failed(.countUnfinished, let error, _):
      unfinishedCount = 0
      return [.notice(Notice("Cannot count the unfinished sessions: \(error)", tone: .error))]
    case .failed(_, let error, _):
      return [.notice(Notice(error, tone: .error))]
    default: break
    }
    return []
  }
}
