import PeerConsultKit

/// What a key on the transcript leads to beyond changing `TranscriptState`.
public enum TranscriptOutcome: Equatable, Sendable {
  case stay
  /// Back to the review screen.
  case back
  /// Store an action as done or not done.
  case setActionDone(note: Int, done: Bool)
}

extension TranscriptScreen {
  /// Handles an action; `rows` is how many transcript rows the screen shows.
  public static func update(_ state: inout TranscriptState, _ action: Action, rows: Int)
    -> TranscriptOutcome
  {
    if state.showActions { return updateActions(&state, action, rows: rows) }
    let layout = state.layout
    switch action {
    case .scrollUp: state.scroll(to: state.scroll - 1, rows: rows)
    case .scrollDown: state.scroll(to: state.scroll + 1, rows: rows)
    case .pageUp: state.scroll(to: state.scroll - max(1, rows - 1), rows: rows)
    case .pageDown: state.scroll(to: state.scroll + max(1, rows - 1), rows: rows)
    case .top: state.scroll = 0
    case .bottom: state.scroll = state.maxScroll(rows: rows)
    case .nextSection:
      if let next = layout.sectionStarts.first(where: { $0 > state.scroll }) {
        state.scroll(to: next, rows: rows)
      }
    case .previousSection:
      if let previous = layout.sectionStarts.last(where: { $0 < state.scroll }) {
        state.scroll(to: previous, rows: rows)
      }
    case .filterKind:
      state.filter(kind: nextKind(after: layout.kind, in: state.kindsPresent))
      state.scroll(to: state.scroll, rows: rows)
    case .actions:
      state.showActions = true
      state.actionSelection = min(state.actionSelection, max(0, state.actions.count - 1))
    case .back, .quit: return .back
    default: break
    }
    return .stay
  }

  /// The kind after `kind` among `kinds`; after the last (or with none), every kind.
  static func nextKind(after kind: NoteKind?, in kinds: [NoteKind]) -> NoteKind? {
    guard let kind else { return kinds.first }
    guard let index = kinds.firstIndex(of: kind), index + 1 < kinds.count else { return nil }
    return kinds[index + 1]
  }

  private static func updateActions(_ state: inout TranscriptState, _ action: Action, rows: Int)
    -> TranscriptOutcome
  {
    let count = state.actions.count
    switch action {
    case .up where count > 0: state.actionSelection = max(0, state.actionSelection - 1)
    case .down where count > 0: state.actionSelection = min(count - 1, state.actionSelection + 1)
    case .pageUp where count > 0:
      state.actionSelection = max(0, state.actionSelection - max(1, rows / 2))
    case .pageDown where count > 0:
      state.actionSelection = min(count - 1, state.actionSelection + max(1, rows / 2))
    case .actionDone where count > 0:
      let note = state.actions[state.actionSelection]
      return .setActionDone(note: note.id, done: !note.isDone)
    case .select where count > 0:
      // Show the action where it was agreed, with the filter widened if it hid actions.
      let note = state.actions[state.actionSelection]
      if let kind = state.layout.kind, kind != note.kind { state.filter(kind: nil) }
      state.showActions = false
      state.focusNote = note.id
      state.reveal(note: note.id, rows: rows)
    case .actions, .back: state.showActions = false
    default: break
    }
    return .stay
  }
}
