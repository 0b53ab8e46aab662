import Foundation
import PeerConsultKit
import TerminalKit

/// What reaches `App.update`: a key, a new size, the clock moving on, pasted text, or the
/// result of a command.
public enum AppEvent: Equatable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  case tick(Date)
  /// Pasted text: it goes into an open text field and never acts as keys.
  case paste(String)
  /// What a command the screen asked for came to.
  case result(ServiceResult)
  /// A frame is out and no input is waiting: the screen may read ahead
  /// (``Screen/readAhead(_:)``).
  case idle
}

/// The app as two pure functions: `render` draws a state, `update` turns an event into a new
/// state and the effects the runner must perform (I/O, sound, leaving).
///
/// `App` knows no screen by name: it draws the chrome around whichever ``Screen`` is
/// showing, turns keys into actions through the ``Keymap``, and applies the effects that only
/// change the state (another screen, a notice, a question).
public enum App {
  /// What a question says when a letter other than `y` or `n` answered it.
  static let cancelledNotice = Notice("Not done: only y answers yes.")
  /// The same for a question answered yes by Enter.
  static let cancelledByEnterNotice = Notice("Not done: only Enter answers yes.")

  /// The frame for `state`, with the cursor position when a text field has focus, in the
  /// state's palette.
  public static func render(_ state: AppState) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
    Theme.$palette.withValue(state.palette) { draw(state) }
  }

  private static func draw(_ state: AppState) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
    var grid = Grid(width: state.width, height: state.height)
    if state.isTooSmall {
      Chrome.tooSmall(
        width: state.width, height: state.height,
        typing: state.overlay == nil && state.screen.acceptsText, into: &grid)
      return (grid, nil)
    }
    let (top, body, screenArea, noticeArea, footerRow) = layout(state)
    let environment = state.environment
    // What waits to be sent to the shared store always shows: a title that adapts to its
    // width (the live screen's) is given what is left beside it, any other is cut.
    let backlog = state.pushStatus.titleText
    var titleEnvironment = environment
    if !backlog.isEmpty {
      titleEnvironment.width = max(1, environment.width - backlog.displayWidth - 3)
    }
    let title = state.screen.title(titleEnvironment)
    let right = titleRight(title, backlog: backlog, width: top.width)
    Chrome.titleBar(
      backlog.isEmpty ? title.left : title.left.truncated(toWidth: titleEnvironment.width - 1),
      right: right, into: &grid, area: top)
    if let warning = state.localeWarning {
      grid.put(" " + warning, x: body.x, y: body.y, style: Theme.warning, maxWidth: body.width)
    }
    let cursor = state.screen.render(into: &grid, area: screenArea, environment)
    Chrome.notice(state.notice, into: &grid, area: noticeArea)
    let screen = state.screen
    Chrome.footer(
      for: context(of: state),
      label: { state.overlay == nil ? screen.footerLabel(for: $0) : nil }, into: &grid,
      area: footerRow)
    switch state.overlay {
    case .help(let scroll):
      HelpOverlay.render(
        context: state.screen.keyContext, scroll: scroll, into: &grid, area: body)
      return (grid, nil)
    case .confirm(let question, _, _, _):
      let width = min(body.width - 4, max(40, question.displayWidth + 6))
      // Wrapped, so that a long question keeps its end ("… y/n"), which it lost to "…".
      let lines = TextWrapper.wrap(question, width: max(1, width - 4))
      let box = body.centered(width: width, height: min(body.height, 4 + lines.count))
      Chrome.box(box, title: "Confirm", into: &grid, style: Theme.warning)
      for (offset, line) in lines.prefix(max(1, box.height - 4)).enumerated() {
        grid.put(line, x: box.x + 2, y: box.y + 2 + offset, maxWidth: box.width - 4)
      }
      return (grid, nil)
    case nil:
      return (grid, cursor)
    }
  }

  /// Where the screen draws: below the title bar and the locale warning, above the notice
  /// and the footer.
  static func screenArea(_ state: AppState) -> Rect { layout(state).screen }

  /// A frame's parts: the title bar on top; the body between it and the notice (where
  /// overlays go), and within it the screen's area, below the locale warning; the notice's
  /// rows; the footer at the bottom.
  static func layout(_ state: AppState) -> (
    top: Rect, body: Rect, screen: Rect, notice: Rect, footer: Rect
  ) {
    let (top, rest) = Rect(x: 0, y: 0, width: state.width, height: state.height).splitTop(1)
    let (body, bottom) = rest.splitBottom(1 + noticeRows(state))
    let (notice, footer) = bottom.splitBottom(1)
    let screen = state.localeWarning == nil ? body : body.splitTop(1).1
    return (top, body, screen, notice, footer)
  }

  /// The rows the notice line takes above the footer: two for a notice too long for one, so
  /// that what it says to do is read whole ("Cannot resume: …"), taken from the screen while
  /// it shows.
  static func noticeRows(_ state: AppState) -> Int {
    guard let notice = state.notice else { return 1 }
    // A notice that fits its row is only measured, not wrapped: a key typed while one shows
    // asks for the screen's area.
    if !notice.text.contains("\n"), notice.text.displayWidth <= state.width - 1 { return 1 }
    return Chrome.noticeLines(notice.text, width: state.width).count > 1 ? 2 : 1
  }

  /// The title bar's right-hand words: the push backlog before the screen's own, and when both
  /// do not fit beside the title, the backlog alone (the bar drops a right side that does not
  /// fit).
  static func titleRight(_ title: (left: String, right: String), backlog: String, width: Int)
    -> String
  {
    guard !backlog.isEmpty else { return title.right }
    guard !title.right.isEmpty else { return backlog }
    let both = backlog + "  " + title.right
    return both.displayWidth + title.left.displayWidth + 3 < width ? both : backlog
  }

  /// The key context in force: an overlay's, else the screen's.
  public static func context(of state: AppState) -> KeyContext {
    switch state.overlay {
    case .help: return .help
    case .confirm(_, _, _, let byEnter): return byEnter ? .confirmByEnter : .confirm
    case nil: return state.screen.keyContext
    }
  }

  /// Applies one event; returns what the runner must do.
  public static func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .resize(let width, let height):
      state.width = width
      state.height = height
      return send(.resize(width: width, height: height), &state)
    case .tick(let now):
      state.now = now
      return send(.tick(now), &state)
    case .result(.pushStatus(let status)):
      state.pushStatus = status
      return []
    case .result(let result):
      return send(.result(result), &state)
    case .idle:
      guard readsAhead(state) else { return [] }
      let environment = state.environment
      return apply(state.screen.readAhead(environment), &state)
    case .paste(let text):
      // Kept even while the window is too small, as typed text is (`handle`), but for a paste
      // with a line break: a form takes one as Enter, which would act unseen.
      guard state.overlay == nil, !state.isTooSmall || !text.contains(where: \.isNewline)
      else { return [] }
      // As a key does, when the paste goes somewhere: "Note saved." under a note just pasted
      // read as if it were saved. One that goes nowhere leaves a notice (an error) alone.
      if state.screen.acceptsText || (!state.isTooSmall && state.screen.actionForText != nil) {
        state.notice = nil
      }
      return type(text, &state)
    case .key(let key):
      return handle(key, &state)
    }
  }

  /// The input `key` is for `screen`: the action the keymap gives it in the screen's
  /// contexts, else, when a text field has focus, the character as text; else nothing.
  public static func input(for key: Key, on screen: any Screen) -> ScreenInput? {
    if let action = Keymap.action(for: key, in: screen.keyContexts) { return .action(action) }
    if screen.acceptsText, case .character(let character) = key {
      return .text(String(character))
    }
    // A question that any other key answers (Ctrl-Z was handled before the screen).
    if let other = screen.keyContext.otherKeys { return .action(other) }
    return nil
  }

  /// Gives `text` to the field with focus, opening first, where none has it, the field the
  /// screen's text is for (a note).
  private static func type(_ text: String, _ state: inout AppState) -> [Effect] {
    var effects: [Effect] = []
    if !state.screen.acceptsText, !state.isTooSmall, let action = state.screen.actionForText {
      effects = send(.action(action), &state)
    }
    guard state.overlay == nil, state.screen.acceptsText else { return effects }
    return effects + send(.text(text), &state)
  }

  private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    // Ctrl-Z works whatever is showing, as it would have as a signal.
    if Keymap.action(for: key, in: .everywhere) == .suspend {
      return state.screen.keepBeforeSuspending() + [.suspend]
    }
    // Too small to show anything: keys would act unseen, so only quitting home works. Text
    // typed into the open field still goes into it, unseen, with its corrections (Backspace),
    // so that the words a facilitator types on while the window is small are there when it
    // grows back.
    if state.isTooSmall {
      if state.overlay == nil, state.screen.acceptsText {
        let action = Keymap.action(for: key, in: state.screen.keyContexts)
        if case .character(let character) = key, action == nil {
          return send(.text(String(character)), &state)
        }
        // Corrections go in with the letters they correct; Enter and the rest wait.
        if let action, Action.editsTypedText.contains(action) {
          return send(.action(action), &state)
        }
      }
      guard Keymap.action(for: key, in: .tooSmall) == .quit, state.screen is HomeState else {
        return []
      }
      return [.exit(0)]
    }
    if let overlay = state.overlay { return handleOverlay(overlay, key, &state) }
    guard let input = input(for: key, on: state.screen) else {
      // A letter no key binds, where no field has focus: the first of a note typed before its
      // line was opened, which the field the screen's text is for takes, as it takes a paste.
      if case .character(let character) = key, state.screen.actionForText != nil,
        state.screen.startsText(character)
      {
        state.notice = nil
        return type(String(character), &state)
      }
      return handleEverywhere(key, &state)
    }
    if input == .action(.help) {
      state.overlay = .help(scroll: 0)
      return []
    }
    state.notice = nil
    let effects = send(input, &state)
    // A question a typed letter asked where typing starts a note (`d`, `q` on the live
    // screen): the letter may begin a word ("deny", "question") that a small letter answering
    // it carries on. Ctrl-C, which asks as `q` does, types no letter.
    if case .character(let character) = key, state.screen.actionForText != nil,
      case .confirm(let question, let onYes, nil, let byEnter)? = state.overlay
    {
      state.overlay = .confirm(
        question: question, onYes: onYes, askedBy: character, byEnter: byEnter)
    }
    return effects
  }

  /// The keys of every screen that the screen showing does not bind: Ctrl-C and Ctrl-\\,
  /// which used to be signals.
  private static func handleEverywhere(_ key: Key, _ state: inout AppState) -> [Effect] {
    switch Keymap.action(for: key, in: .everywhere) {
    case .interrupt?:
      state.notice = nil
      // Where `q` leaves, Ctrl-C is `q`; where `q` is typed text or means something else,
      // it asks.
      if Keymap.action(for: .character("q"), in: state.screen.keyContexts) == .quit {
        return send(.action(.quit), &state)
      }
      if let effects = state.screen.interrupted { return apply(effects, &state) }
      return apply(
        [
          .confirm(question: "Quit PeerConsult? Anything not saved is lost. y/n", onYes: [.exit(0)])
        ],
        &state)
    case .ignoredQuit?:
      state.notice = Keymap.ignoredQuitNotice
      return []
    default:
      return []
    }
  }

  private static func handleOverlay(_ overlay: Overlay, _ key: Key, _ state: inout AppState)
    -> [Effect]
  {
    switch overlay {
    case .help(let scroll):
      switch Keymap.action(for: key, in: .help) {
      case .up?: state.overlay = .help(scroll: max(0, scroll - 1))
      case .down?: state.overlay = .help(scroll: scroll + 1)
      case .help?, .back?: state.overlay = nil
      default: break
      }
      return []
    case .confirm(_, let onYes, let askedBy, let byEnter):
      switch Keymap.action(for: key, in: byEnter ? .confirmByEnter : .confirm) {
      case .confirmYes?:
        state.overlay = nil
        return apply(onYes, &state)
      case .confirmNo?: state.overlay = nil
      default:
        // Only `y` (or Enter) says yes, and another letter says no: a word typed on after the
        // question came ("day" with no note open asked to delete the last one at "d") could
        // otherwise answer yes with a later "y".
        guard case .character(let character) = key else { break }
        state.overlay = nil
        state.notice = byEnter ? App.cancelledByEnterNotice : App.cancelledNotice
        // A small letter after the key that asked carries on the word it began ("deny",
        // "question"), even a letter that is a key: "deny" moved on a phase at its "n".
        if let askedBy, character.isLowercase, state.screen.actionForText != nil {
          return type(String(askedBy) + String(character), &state)
        }
        // The first letter of a note typed on ("The group" after "d") is the note's, where
        // a letter that is a key does nothing more.
        if input(for: key, on: state.screen) == nil, state.screen.actionForText != nil,
          state.screen.startsText(character)
        {
          return type(String(character), &state)
        }
        // Asked over an open field (Ctrl-C in the note line), the letter is the field's.
        if state.screen.acceptsText, input(for: key, on: state.screen) == .text(String(character)) {
          return send(.text(String(character)), &state)
        }
      }
      return []
    }
  }

  /// Gives `input` to the screen showing and applies what it asks for.
  private static func send(_ input: ScreenInput, _ state: inout AppState) -> [Effect] {
    let environment = state.environment
    let effects = state.screen.update(input, environment)
    return apply(effects, &state)
  }

  /// Applies the effects that change only the state; returns the rest for the runner.
  static func apply(_ effects: [Effect], _ state: inout AppState) -> [Effect] {
    var outside: [Effect] = []
    for effect in effects {
      switch effect {
      case .show(let screen):
        state.screen = screen
        state.overlay = nil
      case .leave(let entry):
        if state.leavesProgram {
          outside.append(.exit(0))
        } else {
          state.screen = HomeState(selection: entry.rawValue, selectionIsChosen: true)
          outside.append(.command(.countUnfinished))
        }
      case .notice(let notice): state.notice = notice
      case .confirm(let question, let onYes, let byEnter):
        state.overlay = .confirm(question: question, onYes: onYes, byEnter: byEnter)
      case .exit, .bell, .flash, .suspend, .command: outside.append(effect)
      }
    }
    return outside
  }

  /// When the screen next changes by itself (a timer's second, a phase end); nil when
  /// nothing on screen moves, so the loop can sleep until a key arrives.
  public static func nextDeadline(_ state: AppState) -> Date? {
    state.screen.nextDeadline(now: state.now)
  }

  /// Whether the screen showing has something to read ahead (``AppEvent/idle``); not under an
  /// overlay, whose answer may leave the screen.
  public static func readsAhead(_ state: AppState) -> Bool {
    state.overlay == nil && !state.isTooSmall && state.screen.readsAhead
  }
}
