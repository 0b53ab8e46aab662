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
      if !terminal.hasPendingInput { drawFrame() }
      let event = terminal.readEvent(timeoutMilliseconds: waitMilliseconds())
      if let signal = TerminalRestorer.takePendingSignal() {
        return TerminalRestorer.exitStatus(for: signal)
      }
      if let status = handle(event) { return status }
    }
  }

  /// Draws the current state.
  public func drawFrame() {
    state.now = clock.now()
    let frame = App.render(state)
    terminal.draw(frame.grid, cursor: frame.cursor)
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
    while !effects.isEmpty {
      let effect = effects.removeFirst()
      switch effect {
      case .exit(let status): return status
      case .bell: terminal.bell()
      case .flash: terminal.flash()
      case .command(let command): effects += services.perform(command, on: &state)
      }
    }
    return nil
  }
}
