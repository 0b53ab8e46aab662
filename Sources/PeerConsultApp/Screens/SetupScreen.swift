import PeerConsultKit
import TerminalKit

/// What the form's Enter or Ctrl-G leads to.
enum SetupOutcome: Equatable, Sendable {
  case stay
  /// Leave without starting (back home).
  case cancel
  /// Start the live session with this validated setup.
  case start(SessionSetup)
}

/// The new-session form: title, programme, protocol, the group with its slice, presenters in
/// order with optional focus questions, and a start that refuses with a reason, losing nothing.
///
/// Most fields take text, so the form binds no printable key: a printable key always goes
/// into the focused field (or nowhere).
public enum SetupScreen {
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
      if !focused, !editor.isEmpty {
        // Read, not typed in: from its start, as it is read. Scrolled to the cursor, a long
        // group name or title showed only its end ("…ms Learning Group 2027").
        grid.fill(Rect(x: x, y: y, width: width, height: 1), with: Cell(" "))
        grid.put(editor.string.truncated(toWidth: width), x: x, y: y, maxWidth: width)
        return
      }
      let column = editor.render(
        into: &grid, x: x, y: y, width: width, style: focused ? Theme.field : .plain)
      if editor.isEmpty {
        grid.put(
          placeholder, x: x, y: y, style: focused ? Theme.placeholder : Theme.muted,
          maxWidth: width)
      }
      if focused { cursor = (column, y) }
    }

    if let row = layout.standingGroup {
      label("Group", .standingGroup, y: row)
      let width = min(24, fieldWidth / 2)
      textField(
        state.groupQuery, .standingGroup, placeholder: "none: a one-off", x: fieldX, y: row,
        width: width)
      drawGroupRow(state, into: &grid, x: fieldX + width + 1, y: row, width: fieldWidth - width - 1)
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

extension KeyContext {
  public static let setup = KeyContext(
    "setup", title: "New session", typesText: true, helpSections: [.textField])
}

extension Action {
  public static let nextField = Action("nextField")
  public static let previousField = Action("previousField")
  public static let removeItem = Action("removeItem")
  public static let moveUp = Action("moveUp")
  public static let moveDown = Action("moveDown")
  public static let togglePresenter = Action("togglePresenter")
  public static let start = Action("start")
}

extension SetupState: Screen {
  // Only non-printing keys, because most fields take text and typing must never trigger a
  // command. The focused field's own keys also show beside the form.
  public static let keyBindings = [
    KeyBinding([.tab], .nextField, "next", "Next field", in: [.setup]),
    KeyBinding([.backTab], .previousField, "prev", "Previous field", in: [.setup], footer: false),
    KeyBinding(
      [.enter], .select, "add/next", "Add the typed person, go on, or start", in: [.setup]),
    KeyBinding(
      [.control("g")], .start, "start", "Start the session (from any field)", in: [.setup]),
    KeyBinding(
      [.up], .up, "up", "Move up; choose a protocol or programme", in: [.setup], footer: false),
    KeyBinding(
      [.down], .down, "down", "Move down; choose a protocol or programme", in: [.setup],
      footer: false),
    KeyBinding(
      [.control("t")], .togglePresenter, "presents", "Selected person presents or not",
      in: [.setup], footer: false),
    KeyBinding(
      [.control("p")], .moveUp, "earlier", "Move the selected person up (earlier)", in: [.setup],
      footer: false),
    KeyBinding(
      [.control("n")], .moveDown, "later", "Move the selected person down (later)",
      in: [.setup], footer: false),
    KeyBinding(
      [.delete, .control("d")], .removeItem, "remove", "Remove the selected person from the group",
      in: [.setup]),
    // In a text field ← → move the cursor (the text field's keys come first); on the
    // protocol picker, whose ◂ ▸ show them, they choose.
    KeyBinding(
      [.left], .cursorLeft, "previous", "On the protocol: the previous or next one", in: [.setup],
      footer: false),
    KeyBinding(
      [.right], .cursorRight, "next", "On the protocol: the previous or next one", in: [.setup],
      footer: false),
    KeyBinding(
      [.escape], .back, "cancel", "Cancel, back home (twice if anything typed)", in: [.setup]),
    KeyBinding.helpF1(in: [.setup]),
  ]

  public var keyContext: KeyContext { .setup }
  public var acceptsText: Bool { focus.takesText }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("PeerConsult · New session", "\(members.count) in the group")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    SetupScreen.render(self, into: &grid, area: area)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    switch input {
    case .text(let text):
      // A pasted line break adds the typed person, so a pasted list of "Name; Organisation;
      // level" lines adds them all, as if typed with Enter after each. A line that cannot be
      // added is taken out of the field, or the next line would be typed onto its end and
      // the two added as one person; the first is given back, with what is wrong, once the
      // rest are in.
      // A key answering "Esc again discards this setup" only answers it; a paste there clears
      // the question and is taken whole (its first line was taken as the answer and lost).
      if confirmingCancel {
        confirmingCancel = false
        if text.count <= 1 { return [] }
      }
      var effects: [Effect] = []
      var refused: [(line: String, reason: String)] = []
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
        .enumerated()
      {
        // A blank line (a list copied with CR LF brings one after every person) adds nobody
        // and must not move on to the next field; nor does a paste ever start the session.
        let blank = focus == .newParticipant && !hasPendingParticipant
        if index > 0 && !blank && focus != .start {
          let adding = focus == .newParticipant
          let typed = newParticipant.string
          effects += update(.action(.select), environment)
          if adding, let reason = addError, !newParticipant.isEmpty {
            refused.append((typed, reason))
            newParticipant.set("")
          }
        }
        if !line.isEmpty { effects += type(String(line)) }
      }
      if let first = refused.first {
        let quoted = refused.map { "'\(ControlCharacters.spelledOut($0.line))'" }
        if newParticipant.isEmpty {
          newParticipant.set(first.line)
          addError =
            first.reason
            + (quoted.count == 1
              ? "" : "; not added either: \(quoted.dropFirst().joined(separator: ", "))")
        } else {
          addError = "not added: \(quoted.joined(separator: ", ")); \(first.reason)"
        }
      }
      return effects
    case .action(let action):
      return perform(action)
    case .result(.sessionOpened(let id, let session)):
      return LiveState.show(id, session, now: environment.now)
    case .result(.failed(_, let error, _)):
      return [.notice(Notice("Not started: \(error)", tone: .error))]
    default:
      return []
    }
  }

  private mutating func type(_ text: String) -> [Effect] {
    confirmingCancel = false
    _ = edit(.text(text))
    return []
  }

  private mutating func perform(_ action: Action) -> [Effect] {
    let wasConfirmingCancel = confirmingCancel
    confirmingCancel = false
    // Any key but Esc keeps the setup, and does nothing else (Enter started the session).
    if wasConfirmingCancel, action != .back { return [] }
    if focus.takesText && edit(.action(action)) { return [] }
    let outcome: SetupOutcome
    switch action {
    case .nextField: moveFocus(by: 1)
    case .previousField: moveFocus(by: -1)
    case .up: step(-1)
    case .down: step(1)
    case .cursorLeft where focus == .consultingProtocol: step(-1)
    case .cursorRight where focus == .consultingProtocol: step(1)
    case .select:
      outcome = confirm()
      return effects(of: outcome)
    case .start:
      outcome = start()
      return effects(of: outcome)
    case .togglePresenter where focus == .group: togglePresenter()
    case .moveUp where focus == .group: moveSelected(by: -1)
    case .moveDown where focus == .group: moveSelected(by: 1)
    case .removeItem where focus == .group: removeSelected()
    case .back:
      if wasConfirmingCancel || !hasInput { return [.leave(to: .newSession)] }
      confirmingCancel = true
    default: break
    }
    return []
  }

  private func effects(of outcome: SetupOutcome) -> [Effect] {
    switch outcome {
    case .stay: return []
    case .cancel: return [.leave(to: .newSession)]
    case .start(let setup): return [.command(.startSession(setup))]
    }
  }
}
