import TerminalKit

/// The home screen's state: which entry is selected.
public struct HomeState: Equatable, Sendable {
  public var selection: Int = 0
  /// Unfinished sessions, counted for the "resume" entry.
  public var unfinishedCount: Int = 0
  public init(selection: Int = 0, unfinishedCount: Int = 0) {
    self.selection = selection
    self.unfinishedCount = unfinishedCount
  }
}

/// The first screen: start, resume, review, browse protocols, or quit.
public enum HomeScreen {
  /// The menu entries, in order.
  public enum Entry: Int, CaseIterable, Sendable {
    case newSession, resume, review, protocols, quit

    var title: String {
      switch self {
      case .newSession: return "New session"
      case .resume: return "Resume"
      case .review: return "Review"
      case .protocols: return "Protocols"
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
      case .quit: return "Leave PeerConsult"
      }
    }
  }

  public static func render(_ state: HomeState, app: AppState, into grid: inout Grid, area: Rect) {
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
      "Data folder: " + app.dataDirectory, x: area.x + 2, y: y, style: Theme.muted,
      maxWidth: area.width - 4)
  }

  public static func update(_ state: inout HomeState, _ action: Action) -> HomeOutcome {
    let count = Entry.allCases.count
    switch action {
    case .up: state.selection = (state.selection + count - 1) % count
    case .down: state.selection = (state.selection + 1) % count
    case .select: return .open(Entry(rawValue: state.selection) ?? .quit)
    case .quit: return .open(.quit)
    default: break
    }
    return .stay
  }
}

/// What a home-screen action leads to.
public enum HomeOutcome: Equatable, Sendable {
  case stay
  case open(HomeScreen.Entry)
}
