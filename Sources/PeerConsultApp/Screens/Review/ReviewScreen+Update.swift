import PeerConsultKit
import TerminalKit

/// What a key on the review screen leads to beyond changing `ReviewState`.
public enum ReviewOutcome: Equatable, Sendable {
  case stay
  /// The query or the programme changed: search again.
  case search
  /// Leave the review (home, or out of the program when started for it).
  case leave
  /// Open a session's transcript, at a note when one is given.
  case open(SessionID, note: Int?)
}

extension ReviewScreen {
  /// Entries a page key moves over.
  static let pageStep = 8

  /// Handles a key. Keys that are not commands edit the field: typing never triggers one.
  public static func update(_ state: inout ReviewState, _ key: Key) -> ReviewOutcome {
    let searching = state.mode == .search
    switch Keymap.action(for: key, in: context(state)) {
    case .up: move(&state, by: -1, wrap: true)
    case .down: move(&state, by: 1, wrap: true)
    case .pageUp: move(&state, by: -pageStep, wrap: false)
    case .pageDown: move(&state, by: pageStep, wrap: false)
    case .select:
      if searching, let hit = state.selectedHit { return .open(hit.session, note: hit.noteID) }
      if !searching, let listing = state.selectedSession { return .open(listing.id, note: nil) }
    case .search: state.mode = searching ? .sessions : .search
    case .filterProgramme:
      state.cycleProgramme()
      if searching && state.searchedQuery != nil { return .search }
    case .back:
      if searching {
        if state.query.isEmpty { state.mode = .sessions } else { state.clearQuery() }
      } else {
        if state.filter.isEmpty { return .leave }
        state.clearFilter()
      }
    default:
      if searching {
        if state.editQuery(key) { return .search }
      } else {
        _ = state.editFilter(key)
      }
    }
    return .stay
  }

  /// Moves the selection of the list in front, wrapping around at the ends or stopping there.
  private static func move(_ state: inout ReviewState, by step: Int, wrap: Bool) {
    let searching = state.mode == .search
    let count = searching ? state.hits.count : state.shown.count
    guard count > 0 else { return }
    let current = searching ? state.hitSelection : state.selection
    let next =
      wrap ? ((current + step) % count + count) % count : min(count - 1, max(0, current + step))
    if searching { state.hitSelection = next } else { state.selection = next }
  }
}
