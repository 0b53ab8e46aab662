import Foundation
import PeerConsultKit
import TerminalKit

/// What reaches `App.update`: a key, a new size, or the clock moving on.
public enum AppEvent: Equatable, Sendable {
  case key(Key)
  case resize(width: Int, height: Int)
  case tick(Date)
  /// Pasted text: it goes into an open text field and never acts as keys.
  case paste(String)
}

/// The app as two pure functions: `render` draws a state, `update` turns an event into a new
/// state and effects for the runner.
public enum App {
  /// The frame for `state`, with the cursor position when a text field has focus.
  public static func render(_ state: AppState) -> (grid: Grid, cursor: (x: Int, y: Int)?) {
    var grid = Grid(width: state.width, height: state.height)
    if state.isTooSmall {
      Chrome.tooSmall(width: state.width, height: state.height, into: &grid)
      return (grid, nil)
    }
    let (top, rest) = grid.bounds.splitTop(1)
    let (body, bottom) = rest.splitBottom(2)
    let (noticeRow, footerRow) = bottom.splitTop(1)
    Chrome.titleBar(title(of: state), right: titleRight(of: state), into: &grid, area: top)
    var bodyArea = body
    if let warning = state.localeWarning {
      grid.put(" " + warning, x: body.x, y: body.y, style: Theme.warning, maxWidth: body.width)
      bodyArea = body.splitTop(1).1
    }
    let cursor = renderBody(state, into: &grid, area: bodyArea)
    Chrome.notice(state.notice, into: &grid, area: noticeRow)
    Chrome.footer(for: context(of: state), into: &grid, area: footerRow)
    switch state.overlay {
    case .help(let scroll):
      HelpOverlay.render(context: baseContext(of: state), scroll: scroll, into: &grid, area: body)
      return (grid, nil)
    case .confirm(let question, _):
      let width = min(body.width - 4, max(40, question.displayWidth + 6))
      let box = body.centered(width: width, height: 5)
      Chrome.box(box, title: "Confirm", into: &grid, style: Theme.warning)
      grid.put(question, x: box.x + 2, y: box.y + 2, maxWidth: box.width - 4)
      return (grid, nil)
    case nil:
      return (grid, cursor)
    }
  }

  /// The key context in force: an overlay's, else the screen's.
  public static func context(of state: AppState) -> KeyContext {
    switch state.overlay {
    case .help: return .help
    case .confirm: return .confirm
    case nil: return baseContext(of: state)
    }
  }

  static func baseContext(of state: AppState) -> KeyContext {
    switch state.route {
    case .home: return .home
    case .protocols: return .protocols
    case .setup: return .setup
    case .resume: return .resume
    case .live(let live): return LiveScreen.context(live)
    case .summary: return .summary
    case .review(let review): return ReviewScreen.context(review)
    case .transcript(let transcript): return TranscriptScreen.context(transcript)
    }
  }

  static func title(of state: AppState) -> String {
    switch state.route {
    case .home: return "PeerConsult"
    case .protocols: return "PeerConsult · Protocols"
    case .setup: return "PeerConsult · New session"
    case .resume: return "PeerConsult · Resume"
    case .live(let live): return LiveScreen.title(live)
    case .summary(let summary): return "Summary · \(summary.session.setup.title)"
    case .review: return "PeerConsult · Review"
    case .transcript(let transcript): return TranscriptScreen.title(transcript)
    }
  }

  static func titleRight(of state: AppState) -> String {
    switch state.route {
    case .home: return "v" + PeerConsultVersion.current
    case .protocols(let browser): return "\(browser.protocols.count) protocols"
    case .setup(let setup): return "\(setup.members.count) in the group"
    case .resume(let resume): return "\(resume.sessions.count) unfinished"
    case .live(let live): return "session \(live.sessionID.short)"
    case .summary(let summary): return "session \(summary.sessionID.short)"
    case .review(let review): return ReviewScreen.titleRight(review)
    case .transcript(let transcript): return "session \(transcript.sessionID.short)"
    }
  }

  private static func renderBody(_ state: AppState, into grid: inout Grid, area: Rect) -> (
    x: Int, y: Int
  )? {
    switch state.route {
    case .home(let home):
      HomeScreen.render(home, app: state, into: &grid, area: area)
    case .protocols(let browser):
      ProtocolBrowserScreen.render(browser, into: &grid, area: area)
    case .setup(let setup):
      return SetupScreen.render(setup, into: &grid, area: area)
    case .resume(let resume):
      ResumeScreen.render(resume, timeZone: state.timeZone, into: &grid, area: area)
    case .live(let live):
      if live.showSchedule {
        ScheduleView.render(live, now: state.now, timeZone: state.timeZone, into: &grid, area: area)
      } else {
        return LiveScreen.render(
          live, now: state.now, timeZone: state.timeZone, into: &grid, area: area)
      }
    case .summary(let summary):
      SummaryScreen.render(summary, now: state.now, into: &grid, area: area)
    case .review(let review):
      return ReviewScreen.render(review, timeZone: state.timeZone, into: &grid, area: area)
    case .transcript(let transcript):
      TranscriptScreen.render(transcript, timeZone: state.timeZone, into: &grid, area: area)
    }
    return nil
  }

  /// Applies one event; returns what the runner must do.
  public static func update(_ state: inout AppState, _ event: AppEvent) -> [Effect] {
    switch event {
    case .resize(let width, let height):
      state.width = width
      state.height = height
      // The transcript is wrapped once per width, not per frame.
      if case .transcript(var transcript) = state.route {
        transcript.resize(screenWidth: width)
        state.route = .transcript(transcript)
      }
      return []
    case .tick(let now):
      state.now = now
      if case .live(var live) = state.route {
        let effects = LiveScreen.tick(&live, now: now)
        state.route = .live(live)
        return effects
      }
      return []
    case .paste(let text):
      guard state.overlay == nil, !state.isTooSmall else { return [] }
      switch state.route {
      case .live(var live):
        if !LiveScreen.paste(text, into: &live) { state.notice = LiveScreen.noteFullNotice }
        state.route = .live(live)
        return []
      case .setup:
        // The form's printable keys only ever type, and a pasted line break adds the typed
        // person, so a pasted list of "Name; Organisation; level" lines adds them all.
        return type(text, lineBreak: .enter, &state)
      case .review:
        // The list's and search's printable keys only type into the filter.
        return type(text, lineBreak: .character(" "), &state)
      default: return []
      }
    case .key(let key):
      // Too small to show anything: keys would act unseen, so only quitting home works.
      if state.isTooSmall {
        if case .home = state.route, key == .character("q") { return [.exit(0)] }
        return []
      }
      return handle(key, &state)
    }
  }

  private static func handle(_ key: Key, _ state: inout AppState) -> [Effect] {
    let context = context(of: state)
    let action = Keymap.action(for: key, in: context)
    if state.overlay != nil { return handleOverlay(key, action, &state) }
    // The editor owns every key, `?` included: typing never triggers a command.
    if context != .editor && action == .help {
      state.overlay = .help(scroll: 0)
      return []
    }
    state.notice = nil
    switch state.route {
    case .home(var home):
      guard let action else { return [] }
      let outcome = HomeScreen.update(&home, action)
      state.route = .home(home)
      guard case .open(let entry) = outcome else { return [] }
      return open(entry, &state)
    case .protocols(var browser):
      guard let action else { return [] }
      if ProtocolBrowserScreen.update(&browser, action) {
        state.route = .protocols(browser)
      } else {
        state.route = .home(HomeState(selection: HomeScreen.Entry.protocols.rawValue))
      }
      return []
    case .setup(var setup):
      let outcome = SetupScreen.update(&setup, key)
      state.route = .setup(setup)
      switch outcome {
      case .stay: return []
      case .cancel:
        state.route = .home(HomeState(selection: HomeScreen.Entry.newSession.rawValue))
        return [.command(.refreshHome)]
      case .start(let sessionSetup): return [.command(.startSession(sessionSetup))]
      }
    case .resume(var resume):
      guard let action else { return [] }
      switch ResumeScreen.update(&resume, action) {
      case .stay:
        state.route = .resume(resume)
        return []
      case .back:
        state.route = .home(HomeState(selection: HomeScreen.Entry.resume.rawValue))
        return [.command(.refreshHome)]
      case .resume(let id):
        return [.command(.resume(id))]
      }
    case .live(var live):
      let outcome = LiveScreen.update(&live, key)
      state.route = .live(live)
      if let overlay = outcome.overlay { state.overlay = overlay }
      if let notice = outcome.notice { state.notice = notice }
      return outcome.effects
    case .summary(var summary):
      guard let action else { return [] }
      if SummaryScreen.update(&summary, action) {
        state.route = .summary(summary)
        return []
      }
      return [.command(.leaveSession)]
    case .review(var review):
      let outcome = ReviewScreen.update(&review, key)
      state.route = .review(review)
      switch outcome {
      case .stay: return []
      case .search: return [.command(.searchNotes)]
      case .open(let id, let note): return [.command(.openTranscript(id, note: note))]
      case .leave:
        if review.exitOnLeave { return [.exit(0)] }
        state.route = .home(HomeState(selection: HomeScreen.Entry.review.rawValue))
        return [.command(.refreshHome)]
      }
    case .transcript(var transcript):
      guard let action else { return [] }
      let outcome = TranscriptScreen.update(&transcript, action, rows: transcriptRows(state))
      state.route = .transcript(transcript)
      switch outcome {
      case .stay: return []
      case .back:
        state.route = .review(transcript.back)
        return [.command(.refreshReview)]
      case .setActionDone(let note, let done):
        return [.command(.setReviewedActionDone(note: note, done: done))]
      }
    }
  }

  /// Rows the body has between the title bar and the notice and footer rows.
  static func bodyHeight(of state: AppState) -> Int {
    max(0, state.height - 3 - (state.localeWarning == nil ? 0 : 1))
  }

  /// Transcript rows the screen shows, for scrolling by pages and to the end.
  static func transcriptRows(_ state: AppState) -> Int {
    TranscriptScreen.rows(bodyHeight: bodyHeight(of: state))
  }

  /// Replays pasted text as typed keys, for screens whose printable keys only ever type:
  /// tabs become spaces and each line break becomes `lineBreak`.
  private static func type(_ text: String, lineBreak: Key, _ state: inout AppState) -> [Effect] {
    text.flatMap { character -> [Effect] in
      let key: Key =
        character.isNewline ? lineBreak : .character(character == "\t" ? " " : character)
      return handle(key, &state)
    }
  }

  private static func handleOverlay(_ key: Key, _ action: Action?, _ state: inout AppState)
    -> [Effect]
  {
    switch state.overlay {
    case .help(let scroll):
      switch action {
      case .up, .scrollUp: state.overlay = .help(scroll: max(0, scroll - 1))
      case .down, .scrollDown: state.overlay = .help(scroll: scroll + 1)
      default:
        if action == .help || action == .back || key == .escape || key == .character("q") {
          state.overlay = nil
        }
      }
      return []
    case .confirm(_, let confirmed):
      switch action {
      case .confirmYes:
        state.overlay = nil
        return perform(confirmed, &state)
      case .confirmNo: state.overlay = nil
      default: break
      }
      return []
    case nil:
      return []
    }
  }

  private static func open(_ entry: HomeScreen.Entry, _ state: inout AppState) -> [Effect] {
    switch entry {
    case .quit: return [.exit(0)]
    case .protocols: return [.command(.openProtocols)]
    case .resume: return [.command(.openResume)]
    case .newSession: return [.command(.openSetup)]
    case .review: return [.command(.openReview)]
    }
  }

  private static func perform(_ confirmed: ConfirmedAction, _ state: inout AppState) -> [Effect] {
    switch confirmed {
    case .quitProgram: return [.exit(0)]
    case .leaveSession: return [.command(.leaveSession)]
    case .deleteNote(let id): return [.command(.session(.deleteNote(id)))]
    }
  }

  /// When the screen next changes by itself (a timer's second, a phase end); nil when
  /// nothing on screen moves, so the loop can sleep until a key arrives.
  public static func nextDeadline(_ state: AppState) -> Date? {
    switch state.route {
    case .home, .protocols, .setup, .resume, .summary, .review, .transcript: return nil
    case .live(let live): return LiveScreen.nextDeadline(live, now: state.now)
    }
  }
}
