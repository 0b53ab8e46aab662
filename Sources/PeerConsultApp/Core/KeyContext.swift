/// Where a key binding applies: one per screen or mode.
public enum KeyContext: String, Hashable, Sendable, CaseIterable {
  case home, protocols, resume, setup, live, editor, rating, schedule, summary, review, search,
    transcript, actions, confirm, help

  /// The title of this context's section in the help overlay.
  public var title: String {
    switch self {
    case .home: return "Home"
    case .protocols: return "Protocols"
    case .resume: return "Resume"
    case .setup: return "New session"
    case .live: return "Live session"
    case .editor: return "Note editor"
    case .rating: return "Process ratings"
    case .schedule: return "Schedule"
    case .summary: return "Summary"
    case .review: return "Review"
    case .search: return "Search"
    case .transcript: return "Transcript"
    case .actions: return "Actions"
    case .confirm: return "Confirm"
    case .help: return "Help"
    }
  }
}
