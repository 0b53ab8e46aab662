import PeerConsultKit
import TerminalKit

/// What a key on the setup screen leads to.
public enum SetupOutcome: Equatable, Sendable {
  case stay
  /// Leave without starting (back home).
  case cancel
  /// Start the live session with this validated setup.
  case start(SessionSetup)
}

/// The new-session form: title, programme, protocol, the group with its slice, presenters in
/// order with optional focus questions, and a start that refuses with a reason, losing nothing.
///
/// It takes raw keys, because most fields take text: a printable key always goes into the
/// focused field (or nowhere), and only non-printing keys are looked up in the ``Keymap``.
public enum SetupScreen {
  /// Applies one key. F1 (`.help`) is left to `App`, which opens the help overlay for
  /// `.setup` before the key reaches the screen.
  public static func update(_ state: inout SetupState, _ key: Key) -> SetupOutcome {
    let wasConfirmingCancel = state.confirmingCancel
    state.confirmingCancel = false
    if state.focus.takesText && state.edit(key) { return .stay }
    // Printable keys never act as commands, even in fields that take no text.
    if case .character = key { return .stay }
    guard let action = Keymap.action(for: key, in: .setup) else { return .stay }
    switch action {
    case .nextField: state.moveFocus(by: 1)
    case .previousField: state.moveFocus(by: -1)
    case .up: state.step(-1)
    case .down: state.step(1)
    case .select: return state.confirm()
    case .start: return state.start()
    case .togglePresenter where state.focus == .group: state.togglePresenter()
    case .moveUp where state.focus == .group: state.moveSelected(by: -1)
    case .moveDown where state.focus == .group: state.moveSelected(by: 1)
    case .removeItem where state.focus == .group: state.removeSelected()
    case .back:
      if wasConfirmingCancel || !state.hasInput { return .cancel }
      state.confirmingCancel = true
    default: break
    }
    return .stay
  }

  /// Draws the form into `area`; returns the text cursor when a text field has focus.
  ///
  /// At 80 columns everything stacks in one column; from ``wideWidth`` a side panel lists
  /// the protocols with the chosen one's round and shows the slice in full.
  public static func render(_ state: SetupState, into grid: inout Grid, area: Rect) -> (
    x: Int, y: Int
  )? {
    guard area.width >= minimumSize.width, area.height >= minimumSize.height else {
      // Only when the body is squeezed below the app's minimum; App shows its own message.
      grid.put(
        "Enlarge the window to set up a session.", x: area.x, y: area.y, maxWidth: area.width)
      return nil
    }
    let layout = Layout(state, area: area)
    var cursor: (x: Int, y: Int)?
    let fieldX = layout.x + Self.labelWidth
    let fieldWidth = layout.width - Self.labelWidth
    func label(_ text: String, _ field: SetupState.Field?, y: Int) {
      let focused = field == state.focus
      grid.put(
        (focused ? "▸ " : "  ") + text, x: layout.x, y: y,
        style: focused ? Theme.heading : Theme.muted, maxWidth: Self.labelWidth - 1)
    }
    func textField(
      _ editor: LineEditor, _ field: SetupState.Field, placeholder: String, x: Int, y: Int,
      width: Int
    ) {
      let focused = field == state.focus
      let column = editor.render(
        into: &grid, x: x, y: y, width: width, style: focused ? Theme.field : .plain)
      if editor.isEmpty {
        grid.put(
          placeholder, x: x, y: y, style: focused ? Theme.placeholder : Theme.muted,
          maxWidth: width)
      }
      if focused { cursor = (column, y) }
    }

    label("Title", .title, y: layout.title)
    textField(
      state.title, .title, placeholder: "required, e.g. Night-time economy", x: fieldX,
      y: layout.title, width: fieldWidth)

    label("Programme", .programme, y: layout.programme)
    let tagWidth = 20
    textField(
      state.programme, .programme, placeholder: "optional, e.g. Alcohol Plan", x: fieldX,
      y: layout.programme, width: fieldWidth - tagWidth - 1)
    if !state.programme.string.allSatisfy(\.isWhitespace) {
      let tag = state.matchingPreviousProgramme == nil ? "new programme" : "previous programme"
      grid.put(
        tag, x: layout.x + layout.width - tag.displayWidth, y: layout.programme, style: Theme.muted)
    }
    if state.focus == .programme {
      drawSuggestions(state, into: &grid, x: fieldX, y: layout.suggestions, width: fieldWidth)
    }

    label("Protocol", .consultingProtocol, y: layout.protocol)
    drawProtocolRow(state, into: &grid, x: fieldX, y: layout.protocol, width: fieldWidth)

    label("Add", .newParticipant, y: layout.add)
    textField(
      state.newParticipant, .newParticipant, placeholder: Participant.specFormat, x: fieldX,
      y: layout.add, width: fieldWidth)
    drawAddNote(state, lines: layout.addNote, into: &grid, x: fieldX, width: fieldWidth)

    SetupGroupTable.render(
      state, into: &grid,
      area: Rect(x: layout.x, y: layout.header, width: layout.width, height: layout.tableHeight))

    label("Focus", .focusQuestion, y: layout.focus)
    if let (editor, x, width) = drawFocusRow(
      state, into: &grid, x: fieldX, y: layout.focus, width: fieldWidth)
    {
      textField(
        editor, .focusQuestion, placeholder: "optional: the question they bring", x: x,
        y: layout.focus, width: width)
    }

    if let slice = layout.slice {
      label("Slice", nil, y: slice)
      drawSliceRows(state, into: &grid, x: fieldX, y: slice, width: fieldWidth)
    }
    if let side = layout.side {
      SetupSidePanel.render(state, into: &grid, area: side)
    }

    if state.confirmingCancel {
      grid.put(
        "\(key(.back)) again discards this setup; any other key keeps it.", x: layout.x + 2,
        y: layout.help, style: Theme.warning, maxWidth: layout.width - 2)
    } else {
      grid.put(
        hint(for: state), x: layout.x + 2, y: layout.help, style: Theme.muted,
        maxWidth: layout.width - 2)
    }
    drawStartRow(state, into: &grid, x: layout.x, y: layout.start, width: layout.width)
    return cursor
  }
}
