import Foundation
import PeerConsultKit
import TerminalKit

/// The event loop: single-threaded; draws, then sleeps until a key arrives or the screen's
/// next deadline (a timer's next second, a phase end), never busy-polling. Keys that arrived
/// together (a paste, a held key) are all applied before the next frame.
public final class AppRunner {
  public private(set) var state: AppState
  private let terminal: Terminal
  private let clock: WallClock
  private let services: AppServices
  /// Sees every command's result as it arrives: the reliability attacks count the notes the
  /// store acknowledged (`.noteSaved`) by it, not by the words on the screen.
  public var resultObserver: ((ServiceResult) -> Void)?

  public init(terminal: Terminal, services: AppServices, state: AppState) {
    self.terminal = terminal
    self.clock = services.clock
    self.services = services
    self.state = state
    let size = terminal.size
    self.state.width = size.width
    self.state.height = size.height
    self.state.now = clock.now()
  }

  /// Runs until the app exits or a signal arrives; returns the process exit status.
  public func run() -> Int32 {
    while true {
      if let status = step() { return status }
    }
  }

  /// Whether the screen may read ahead once no input is waiting: once after each input, so a
  /// screen whose reading ahead failed does not try again and again while nobody types.
  private var mayReadAhead = true

  /// One turn of the loop: draws unless input waits, then reads ahead when the screen has
  /// something to and no input waits, or else sleeps until input or the next deadline and
  /// applies it. Returns an exit status when leaving.
  public func step() -> Int32? {
    if !terminal.hasPendingInput {
      drawFrame()
      // The frame showing a saved note is out: now the store's housekeeping, before waiting.
      services.tidyStore()
    }
    // While the room display follows a session, a commit elsewhere ends the wait too.
    terminal.watch(services.changeDescriptor)
    let readingAhead = mayReadAhead && App.readsAhead(state)
    // Only a look for input before reading ahead: a key already typed comes first.
    let wait =
      readingAhead
      ? 0 : [waitMilliseconds(), services.recheckMilliseconds].compactMap(\.self).min()
    let event = terminal.readEvent(timeoutMilliseconds: wait)
    services.takeChanges()
    if let signal = TerminalRestorer.takePendingSignal() {
      keepWhatIsBeingWritten()
      return TerminalRestorer.exitStatus(for: signal)
    }
    if readingAhead && event == nil {
      mayReadAhead = false
      return perform(App.update(&state, .idle))
    }
    // A timeout or a wake-up is not an input: a screen that still reads ahead waits for one.
    if event != nil { mayReadAhead = true }
    return handle(event)
  }

  /// Keeps the note being written before the program leaves on a signal (its terminal
  /// closed, a `kill`): never acknowledged, but not to be lost with the window. The next
  /// opening of the session puts it back in the note line.
  private func keepWhatIsBeingWritten() {
    guard let command = state.screen.draftOnLeaving else { return }
    let result = services.perform(command)
    resultObserver?(result)
    if case .failed(_, let error, _) = result { draftNotKept = error }
  }

  /// Why the note being written could not be kept as the program left on a signal, to say on
  /// the ordinary screen once the terminal is given back; nil when it was kept or there was
  /// none.
  public private(set) var draftNotKept: String?

  /// The state the terminal's frame shows: typing after it redraws only the rows it changed.
  private var drawn: AppState?

  /// Draws the current state: only the rows typing changed when `App.renderTyping` can tell
  /// them and the terminal still holds the last frame, else the whole frame.
  public func drawFrame() {
    state.now = clock.now()
    if let drawn, let rows = App.renderTyping(from: drawn, to: state),
      terminal.drawRows(rows.grid, from: rows.top, cursor: rows.cursor)
    {
      self.drawn = state
      return
    }
    let frame = App.render(state)
    terminal.draw(frame.grid, cursor: frame.cursor)
    drawn = state
  }

  /// How long to wait for input: until the next deadline, or forever when nothing moves.
  public func waitMilliseconds() -> Int? {
    guard let deadline = App.nextDeadline(state) else { return nil }
    let ms = deadline.timeIntervalSince(clock.now()) * 1000
    return max(0, Int(ms.rounded(.up)))
  }

  /// Applies one input event (nil: the wait timed out); returns an exit status when leaving.
  @discardableResult
  public func handle(_ input: InputEvent?) -> Int32? {
    var effects = App.update(&state, .tick(clock.now()))
    switch input {
    case .key(let key)?: effects += App.update(&state, .key(key))
    case .resize(let width, let height)?:
      effects += App.update(&state, .resize(width: width, height: height))
    case .paste(let text)?: effects += App.update(&state, .paste(text))
    case nil: break
    }
    // The store's background push reports through a result like any other I/O.
    if services.pushStatusChanged(from: state.pushStatus) {
      effects.append(.command(.readPushStatus))
    }
    return perform(effects)
  }

  /// Runs `command` as if the screen showing had asked for it; returns an exit status when
  /// leaving.
  @discardableResult
  public func perform(_ command: AppCommand) -> Int32? {
    perform([.command(command)])
  }

  /// Hands the screen showing a result obtained before the runner existed (the first screen
  /// of `peerconsult run`, `resume` or `review`, checked before the terminal was taken).
  @discardableResult
  public func deliver(_ result: ServiceResult) -> Int32? {
    resultObserver?(result)
    return perform(App.update(&state, .result(result)))
  }

  /// Performs effects in order, feeding each command's result back to the screens.
  private func perform(_ effects: [Effect]) -> Int32? {
    var effects = effects
    // A signal during a long command leaves the rest for the loop, which exits at once.
    while !effects.isEmpty && !TerminalRestorer.hasPendingSignal {
      let effect = effects.removeFirst()
      switch effect {
      case .exit(let status): return status
      case .bell: terminal.bell()
      case .suspend:
        terminal.suspend()
        drawn = nil
        // The window may have changed meanwhile; the next frame repaints everything.
        let size = terminal.size
        effects += App.update(&state, .resize(width: size.width, height: size.height))
      case .flash: terminal.flash()
      case .command(let command):
        let result = services.perform(command)
        resultObserver?(result)
        state.now = clock.now()
        effects += App.update(&state, .result(result))
      case .show, .leave, .notice, .confirm:
        effects += App.apply([effect], &state)
      }
    }
    return nil
  }
}
