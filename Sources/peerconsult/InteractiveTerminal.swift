import ArgumentParser
import Foundation
import PeerConsultApp
import PeerConsultKit
import PeerConsultStore
import TerminalKit

/// Starts the full-screen interface and guarantees the terminal is given back.
enum InteractiveTerminal {
  /// Runs the interface until the user leaves; returns the exit status (130/143/129 after
  /// signals).
  ///
  /// - Parameters:
  ///   - firstScreen: the screen that receives `task`'s result, when not the home screen (the
  ///     review before sharing, which loads its own data).
  ///   - task: the command the program was started for (start, resume, review): it runs
  ///     before the terminal is taken, so a failure is one line on stderr, and leaving the
  ///     screen it opens leaves the program. Without one, the home screen.
  ///   - takeOver: whether the session may be taken over from a machine whose lease on the
  ///     shared store expired (`resume --take-over`).
  ///   - crashAdvice: what a crash's line says after "the terminal was restored"; by default
  ///     that saved notes are safe and the command that resumes, with this data folder.
  static func run(
    location: DataLocation, firstScreen: (any Screen)? = nil, takeOver: Bool = false,
    crashAdvice: String? = nil, task: ((AppServices) throws -> AppCommand)? = nil
  ) throws -> Int32 {
    // Before anything is read or made: ncurses, given a type it does not know, prints a line
    // of its own and ends the program.
    if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
      let problem = NCursesTerminal.terminalTypeProblem()
    {
      let type = CommandText.printable(ProcessInfo.processInfo.environment["TERM"] ?? "")
      let what =
        switch problem {
        case _ where type.isEmpty: "TERM is not set"
        case .unknown: "the terminal type \"\(type)\" is unknown here"
        case .noDatabase:
          "no terminal information is installed (Debian: apt-get install ncurses-base)"
        case .cannotMoveCursor: "the terminal type \"\(type)\" cannot move the cursor"
        }
      throw CLIError(
        "Cannot show PeerConsult's screens: \(what); run it in a terminal such as xterm, "
          + "or set TERM=xterm-256color. Nothing was changed.")
    }
    // A database that exists is opened (read-only) before anything else, so a damaged or newer
    // file is refused, or an older one upgraded, with one line on stderr; it is opened for
    // writing only when something is to be saved, and created only then.
    let reader = try AppDatabase.openForReading(directory: location.dataDirectory).map(
      announcingUpgrade)
    // As every command does: the screens left a database others could read as it was. On
    // stderr before the screens, so it stands in the terminal once they are left.
    if let reader {
      if let warning = reader.folderPermissionWarning { printError("Warning: \(warning)") }
      if let warning = reader.makeFilesPrivate() { printError("Warning: \(warning)") }
    }
    defer { try? reader?.close() }
    guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
      throw CLIError(
        "peerconsult's screens need a terminal; for scripts use the subcommands (peerconsult --help)."
      )
    }
    let services = AppServices(
      location: location, clock: SystemClock(),
      // Nothing goes to stderr from here on: it would land on the screens. An upgrade has
      // already been announced by the look above, unless the folder had no database then.
      openStore: { try AppDatabase(directory: location.dataDirectory) },
      openReader: {
        try reader ?? AppDatabase.openForReading(directory: location.dataDirectory)
      })
    // Closed cleanly on every way out but a crash, which the next start then answers for.
    defer { services.closeStore() }
    // With a programme shared with a store, sessions are claimed there and their events sent
    // in the background as they are committed.
    let pusher =
      try reader?.attachments().isEmpty == false
      ? LivePusher(
        holder: .current(dataDirectory: location.dataDirectory), takeOver: takeOver) : nil
    services.liveSync = pusher
    var state = AppState(dataDirectory: location.dataDirectory.path)
    if let firstScreen { state.screen = firstScreen }
    let first: ServiceResult
    if let task {
      first = services.perform(try task(services))
      if case .failed(_, let error, _) = first { throw CLIError(error) }
      state.leavesProgram = true
    } else {
      first = services.perform(.countUnfinished)
    }
    // Handlers first: ncurses then leaves them alone and the loop can exit cleanly.
    TerminalRestorer.installSignalHandlers(
      crashAdvice: crashAdvice
        ?? TerminalRestorer.resumeAdvice(location.command("resume latest")))
    if !NCursesTerminal.adoptUserLocale() {
      state.localeWarning =
        "Locale is not UTF-8 (set LANG=C.UTF-8): accented and non-Latin text may show wrongly."
    }
    let environment = ProcessInfo.processInfo.environment
    // Colours that read on the background the terminal reports; if it reports none, only
    // styles that read on any.
    state.palette = Palette(colorFGBG: environment["COLORFGBG"]) ?? .anyBackground
    let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
    let terminal = NCursesTerminal(useColor: !noColor)
    defer { terminal.close() }
    let runner = AppRunner(
      terminal: CrashDrill.wrap(terminal, environment: environment), services: services,
      state: state)
    let status = runner.deliver(first) ?? runner.run()
    terminal.close()
    // What waits is sent and the leases let go, unless the server cannot be reached: then
    // `peerconsult sync` sends it later.
    pusher?.finish(waitingAtMost: 3)
    // Back on the ordinary screen: say where exports went, and how to come back to a session
    // left unfinished.
    if let reason = runner.draftNotKept {
      printError("The note being written could not be kept: \(reason)")
    }
    for path in services.sharesWritten {
      try StandardOutput.line("Wrote the anonymised export to \(path).")
    }
    if status == 0, let left = services.leftUnfinished {
      try StandardOutput.line(
        "Session \(left.short) stays unfinished; carry on with: "
          + location.command("resume \(left.short)"))
    }
    return status
  }
}

/// An error whose message is shown to the user as it is, on one line, with exit status 1.
struct CLIError: Error, CustomStringConvertible {
  var description: String
  init(_ message: String) { description = message }
}
