import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit

/// Starts the full-screen interface and guarantees the terminal is given back.
enum InteractiveTerminal {
  /// Runs `state` until the user leaves; returns the exit status (130/143/129 after signals).
  static func run(
    location: DataLocation, _ makeState: (_ localeWarning: String?) -> AppState
  ) throws -> Int32 {
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIError(
        "peerconsult's screens need a terminal; for scripts use the subcommands (peerconsult --help)."
      )
    }
    // Handlers first: ncurses then leaves them alone and the loop can exit cleanly.
    TerminalRestorer.installSignalHandlers()
    let utf8 = NCursesTerminal.adoptUserLocale()
    let warning =
      utf8
      ? nil
      : "Locale is not UTF-8 (set LANG=C.UTF-8): accented and non-Latin text may show wrongly."
    let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
    let terminal = NCursesTerminal(useColor: !noColor)
    defer { terminal.close() }
    let services = AppServices(
      location: location, clock: SystemClock(), openStore: { InMemorySessionStore() })
    let runner = AppRunner(terminal: terminal, services: services, state: makeState(warning))
    return runner.run()
  }
}

/// An error whose message is shown to the user as it is, on one line, with exit status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
