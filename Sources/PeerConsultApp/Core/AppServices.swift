import Foundation
import PeerConsultKit

/// Performs the commands that need the outside world (files, the database) and writes their
/// results back into the state; the only impure part of the app besides the terminal.
public final class AppServices {
  public let location: DataLocation
  public let clock: any WallClock
  private let openStore: () throws -> AppDatabase
  private let openReader: () throws -> AppDatabase?
  private var openedStore: AppDatabase?
  private var openedReader: AppDatabase?
  /// The session being facilitated, if any.
  public private(set) var live: LiveSession?

  /// - Parameters:
  ///   - openStore: opens the database for writing on first use, creating it if need be, so
  ///     screens that need no database (the protocol browser) work even when the data folder
  ///     is unusable.
  ///   - openReader: opens the database for reading on first use, or gives nil when there is
  ///     none yet: nothing is created just to look.
  public init(
    location: DataLocation, clock: any WallClock,
    openStore: @escaping () throws -> AppDatabase,
    openReader: @escaping () throws -> AppDatabase?
  ) {
    self.location = location
    self.clock = clock
    self.openStore = openStore
    self.openReader = openReader
  }

  /// The database for writing, opened on first use.
  public func store() throws -> AppDatabase {
    if let openedStore { return openedStore }
    let store = try openStore()
    openedStore = store
    return store
  }

  /// Carries out `command`, updating `state` with the outcome; returns any further effects.
  public func perform(_ command: AppCommand, on state: inout AppState) -> [Effect] {
    switch command {
    case .openProtocols:
      let library = ProtocolLibrary.load(from: location.protocolsDirectory)
      state.route = .protocols(
        ProtocolBrowserState(
          protocols: library.protocols, problems: library.problems.map(\.description)))
      return []
    case .session(let sessionCommand):
      return perform(sessionCommand, on: &state)
    case .openSetup:
      let library = ProtocolLibrary.load(from: location.protocolsDirectory)
      let programmes: [String]
      var failure: (any Error)?
      do {
        programmes = try database()?.programmes().map(\.name) ?? []
      } catch {
        programmes = []
        failure = error
      }
      state.route = .setup(SetupState(protocols: library.protocols, previousProgrammes: programmes))
      if let failure {
        state.notice = Notice("Earlier programmes not listed: \(failure)", tone: .error)
      } else if !library.problems.isEmpty {
        state.notice = Notice(
          "\(library.problems.count) protocol file(s) not loaded: see `peerconsult protocols check`.",
          tone: .warning)
      }
      return []
    case .startSession(let setup):
      do {
        try startSession(setup, exitOnLeave: false, on: &state)
      } catch {
        state.notice = Notice("Not started: \(error)", tone: .error)
      }
      return []
    case .refreshHome:
      refreshHome(&state)
      return []
    case .openResume:
      do {
        let unfinished = try database()?.unfinishedSessions() ?? []
        if unfinished.count == 1 {
          try resumeSession(unfinished[0].id, exitOnLeave: false, on: &state)
        } else {
          state.route = .resume(ResumeState(sessions: unfinished))
        }
      } catch {
        state.notice = Notice("\(error)", tone: .error)
      }
      return []
    case .resume(let id):
      do {
        try resumeSession(id, exitOnLeave: false, on: &state)
      } catch {
        state.notice = Notice("Cannot resume: \(error)", tone: .error)
      }
      return []
    case .leaveSession:
      let exitOnLeave: Bool
      switch state.route {
      case .live(let live): exitOnLeave = live.exitOnLeave
      case .summary(let summary): exitOnLeave = summary.exitOnLeave
      default: exitOnLeave = false
      }
      live = nil
      if exitOnLeave { return [.exit(0)] }
      state.route = .home(HomeState())
      refreshHome(&state)
      return []
    case .openReview, .refreshReview, .searchNotes, .openTranscript, .setReviewedActionDone:
      return performReview(command, on: &state)
    }
  }

  /// The database for reading: the one open for writing if there is one, else one opened
  /// for reading; nil while the data folder has none (nothing is created just to look).
  public func database() throws -> AppDatabase? {
    if let openedStore { return openedStore }
    if openedReader == nil { openedReader = try openReader() }
    return openedReader
  }

  /// Updates the home screen's count of unfinished sessions; a failure to count says so.
  public func refreshHome(_ state: inout AppState) {
    guard case .home(var home) = state.route else { return }
    do {
      home.unfinishedCount = try database()?.unfinishedSessions().count ?? 0
    } catch {
      home.unfinishedCount = 0
      state.notice = Notice("Cannot count the unfinished sessions: \(error)", tone: .error)
    }
    state.route = .home(home)
  }

  /// Creates a session, starts its first phase and shows the live screen.
  public func startSession(
    _ setup: SessionSetup, id: SessionID = .random(), exitOnLeave: Bool, on state: inout AppState
  ) throws {
    let session = try LiveSession.create(setup, id: id, store: store(), clock: clock)
    try session.start()
    show(session, exitOnLeave: exitOnLeave, on: &state)
  }

  /// Reopens a stored session where it stopped.
  public func resumeSession(_ id: SessionID, exitOnLeave: Bool, on state: inout AppState) throws {
    let session = try LiveSession.resume(id, store: store(), clock: clock)
    if !session.state.isStarted { try session.start() }
    show(session, exitOnLeave: exitOnLeave, on: &state)
  }

  private func show(_ session: LiveSession, exitOnLeave: Bool, on state: inout AppState) {
    live = session
    state.now = clock.now()
    if session.state.isFinished {
      state.route = .summary(
        SummaryState(sessionID: session.id, session: session.state, exitOnLeave: exitOnLeave))
    } else {
      state.route = .live(
        LiveState(
          sessionID: session.id, session: session.state, exitOnLeave: exitOnLeave, now: state.now))
    }
  }

  /// Applies a session command: stored first, shown after. A failure leaves the screen as it
  /// was (an open note stays in the editor) and says what went wrong.
  private func perform(_ command: SessionCommand, on state: inout AppState) -> [Effect] {
    guard let session = live, case .live(var screen) = state.route else { return [] }
    do {
      switch command {
      case .next: try session.next()
      case .previous: try session.previous()
      case .togglePause: try session.togglePause()
      case .adjust(let minutes): try session.adjustTime(minutes: minutes)
      case .addNote(let content): _ = try session.addNote(content)
      case .editNote(let id, let content): try session.editNote(id, to: content)
      case .deleteNote(let id):
        try session.deleteNote(id)
        if screen.selectedNote == id { screen.selectedNote = nil }
      case .setActionDone(let id, let done): try session.setActionDone(id, done)
      case .rate(let participant, let rating):
        try session.rateProcess(participant: participant, rating: rating)
      }
    } catch {
      state.notice = Notice("Not saved: \(error)", tone: .error)
      return []
    }
    switch command {
    case .addNote: state.notice = Notice("Note saved.", tone: .success)
    case .editNote:
      state.notice = Notice("Note updated (the earlier text is kept).", tone: .success)
    case .deleteNote: state.notice = Notice("Note deleted (kept in the history).", tone: .success)
    default: break
    }
    if case .addNote = command { screen.editor = nil }
    if case .editNote = command { screen.editor = nil }
    screen.session = session.state
    state.now = clock.now()
    if session.state.isFinished {
      state.route = .summary(
        SummaryState(sessionID: session.id, session: session.state, exitOnLeave: screen.exitOnLeave)
      )
    } else {
      state.route = .live(screen)
    }
    return []
  }
}
