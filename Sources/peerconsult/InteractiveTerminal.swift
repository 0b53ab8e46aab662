import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit

/// Starts the full-screen interface and guarantees the terminal is given back.
enum InteractiveTerminal {
  /// Runs the interface until the user leaves; returns the exit status (130/143/129 after
  /// signals). `prepare` sets up the first screen with the services (start or resume a session).
  static func run(
    location: DataLocation,
    prepare: (AppServices, inout AppState) throws -> Void = { services, state in
      services.refreshHome(&state)
    }
  ) throws -> Int32 {
    // A database that exists is opened before anything else, so a damaged or newer file is
    // refused with one line on stderr; a missing one is created only when first needed.
    let existing =
      AppDatabase.exists(in: location.dataDirectory)
      ? try AppDatabase(directory: location.dataDirectory) : nil
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIError(
        "peerconsult's screens need a terminal; for scripts use the subcommands (peerconsult --help)."
      )
    }
    let services = AppServices(location: location, clock: SystemClock()) {
      if let existing { return existing }
      return try AppDatabase(directory: location.dataDirectory)
    }
    var state = AppState(dataDirectory: location.dataDirectory.path)
    try prepare(services, &state)
    // Handlers first: ncurses then leaves them alone and the loop can exit cleanly.
    TerminalRestorer.installSignalHandlers()
    if !NCursesTerminal.adoptUserLocale() {
      state.localeWarning =
        "Locale is not UTF-8 (set LANG=C.UTF-8): accented and non-Latin text may show wrongly."
    }
    let environment = ProcessInfo.processInfo.environment
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let terminal = NCursesTerminal(useColor: !noColor)
    defer { terminal.close() }
    return AppRunner(
      terminal: CrashDrill.wrap(terminal, environment: environment), services: services,
      state: state
    ).run()
  }
}

/// An error whose message is shown to the user as it is, on one line, with exit status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
