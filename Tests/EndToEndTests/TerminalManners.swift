import Foundation
import Testing

/// The program in a real terminal: first frame, quitting, signals, small windows, colour.
@Suite(needsTmux) struct TerminalMannersTests {
  private func expectCookedTTY(
    _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let stty = tmux.sttyAfterExit
    // Cooked mode: canonical input and echo back on; ncurses had turned both off.
    #expect(
      stty.contains(" icanon"), "tty not in canonical mode:\n\(stty)",
      sourceLocation: sourceLocation)
    #expect(
      stty.contains(" echo "), "tty echo not restored:\n\(stty)", sourceLocation: sourceLocation)
    #expect(!tmux.capture(escapes: true).contains("\u{1B}[?1049h"))
  }

  @Test func homeScreenAppearsAndQExitsZeroWithTTYRestored() throws {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    let screen = tmux.capture()
    #expect(screen.contains("Resume"))
    #expect(screen.contains("Review"))
    #expect(screen.contains("Protocols"))
    #expect(screen.contains("q quit"))
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
    expectCookedTTY(tmux)
  }

  /// The home screen in tmux, sent `signal` once it shows.
  private func homeScreen(sent signal: Int32) throws -> TmuxSession {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    kill(try #require(try tmux.programPID()), signal)
    return tmux
  }

  @Test func sigtermExits143WithTTYRestored() throws {
    let tmux = try homeScreen(sent: SIGTERM)
    #expect(tmux.waitForExit() == 143)
    expectCookedTTY(tmux)
  }

  @Test func sigintAndSighupExitWithTheirStatuses() throws {
    for (signal, status) in [(SIGINT, Int32(130)), (SIGHUP, Int32(129))] {
      let tmux = try homeScreen(sent: signal)
      #expect(tmux.waitForExit() == status)
      expectCookedTTY(tmux)
    }
  }

  /// A signal whose default action would end the program without giving the terminal back
  /// (a `kill -USR1`, a stray alarm, a CPU-time limit) ends it as SIGTERM does.
  @Test func otherSignalsThatWouldEndTheProgramGiveTheTerminalBack() throws {
    for (signal, status) in [
      (SIGUSR1, Int32(138)), (SIGUSR2, 140), (SIGALRM, 142), (SIGVTALRM, 154), (SIGXCPU, 152),
    ] {
      let tmux = try homeScreen(sent: signal)
      #expect(tmux.waitForExit() == status, "signal \(signal)")
      expectCookedTTY(tmux)
      expectScreenGivenBack(tmux)
    }
  }

  /// SIGXFSZ, sent when a write passes the file-size limit, is ignored: the write fails and is
  /// reported as a failed save, and the screen stays.
  @Test func aFileSizeLimitSignalLeavesTheScreenUp() throws {
    let tmux = try homeScreen(sent: SIGXFSZ)
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
    expectCookedTTY(tmux)
  }

  @Test func crashRestoresTheTerminalAndSaysSo() throws {
    for (signal, status) in [(SIGSEGV, Int32(139)), (SIGABRT, Int32(134))] {
      let tmux = try homeScreen(sent: signal)
      #expect(tmux.waitForExit() == status)
      expectCookedTTY(tmux)
      #expect(tmux.stderr.contains("the terminal was restored"), "stderr: \(tmux.stderr)")
      #expect(tmux.stderr.contains("peerconsult resume"))
      expectScreenGivenBack(tmux)
    }
  }

  /// The screen given back: the normal screen (not the alternate one) with a visible cursor.
  private func expectScreenGivenBack(
    _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(
      tmux.paneVariable("alternate_on") == "0", "still on the alternate screen",
      sourceLocation: sourceLocation)
    #expect(
      tmux.paneVariable("cursor_flag") == "1", "cursor still hidden", sourceLocation: sourceLocation
    )
  }

  /// A real crash (a Swift runtime trap, a bad pointer, abort) while the screen is up: the
  /// terminal comes back, one line says what happened, and the shell after it works.
  ///
  /// With a data folder other than the one found by default (the segv drill), the line's
  /// command names it: `peerconsult resume latest` alone looked in the other folder. A room
  /// display (`follow`, the second abort drill) has nothing to resume: its line says to run
  /// the display again.
  @Test func aRealCrashGivesTheTerminalBackAndPrintsOneLine() throws {
    let drills: [(drill: String, status: Int32, follow: Bool)] = [
      ("trap", 128 + SIGILL, false), ("segv", 139, false), ("abort", 134, false),
      ("abort", 134, true),
    ]
    for (drill, status, follow) in drills {
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "pc-crash-\(getpid())-\(drill) data")
      defer { try? FileManager.default.removeItem(at: folder) }
      let tmux = try TmuxSession(
        follow ? ["follow"] : drill == "segv" ? ["--data-dir", folder.path] : [],
        environment: ["PEERCONSULT_TEST_CRASH": drill],
        afterExit: "PS1='shell-prompt$ ' exec sh")
      #expect(tmux.waitForExit() == status, "drill \(drill)")
      expectCookedTTY(tmux)
      expectScreenGivenBack(tmux)
      let lines = tmux.stderr.split(separator: "\n").filter {
        $0.hasPrefix("peerconsult: internal error")
      }
      #expect(lines.count == 1, "drill \(drill), stderr:\n\(tmux.stderr)")
      #expect(lines.first?.contains("the terminal was restored") == true)
      let advice =
        follow
        ? "restored: run the same `peerconsult follow` command again to show the display."
        : drill == "segv"
          ? "`peerconsult resume latest --data-dir '\(folder.path)'` to carry on."
          : "`peerconsult resume latest` to carry on."
      #expect(lines.first?.hasSuffix(advice) == true, "drill \(drill): \(lines)")
      // The shell's prompt takes typing again: echoed as typed, run on Enter.
      tmux.waitFor("shell-prompt$")
      try tmux.type("echo restored-$((6*7))")
      try tmux.send("Enter")
      tmux.waitFor("restored-42")
      #expect(tmux.capture().contains("echo restored-$((6*7))"))
    }
  }

  @Test func sigquitLeavesCleanlyWithStatus131AndNoCrashReport() throws {
    let tmux = try homeScreen(sent: SIGQUIT)
    #expect(tmux.waitForExit() == 131)
    expectCookedTTY(tmux)
    expectScreenGivenBack(tmux)
    #expect(tmux.stderr.isEmpty, "stderr: \(tmux.stderr)")
  }

  @Test func smallWindowShowsTheMessageAndRecoversWhenEnlarged() throws {
    let tmux = try TmuxSession(width: 40, height: 10)
    tmux.waitFor("need 80x24, have 40x10")
    try tmux.resize(width: 80, height: 24)
    tmux.waitFor("New session")
    #expect(!tmux.capture().contains("too small"))
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  /// A terminal type ncurses does not know, one that cannot move the cursor, or none, is
  /// refused in one line that says what to do, with the terminal as it was: ncurses printed
  /// "Error opening terminal" of its own, and `dumb` drew the home screen on one line.
  @Test func aTerminalTypeThatCannotShowTheScreensIsNamed() throws {
    for (type, what) in [
      ("nonexistent-term", "the terminal type \"nonexistent-term\" is unknown here"),
      ("dumb", "the terminal type \"dumb\" cannot move the cursor"),
      ("", "TERM is not set"),
    ] {
      let tmux = try TmuxSession(environment: ["TERM": type])
      #expect(tmux.waitForExit() == 1, "\(type)")
      let stderr = tmux.stderr
      #expect(
        stderr.hasPrefix("Error: Cannot show PeerConsult's screens: \(what);"), "\(stderr)")
      #expect(stderr.contains("TERM=xterm-256color") && stderr.split(separator: "\n").count == 1)
      expectCookedTTY(tmux)
    }
  }

  /// LINES and COLUMNS left in the environment (a shell that exported them, then the window
  /// changed) do not override the size the terminal reports: a resize takes the terminal's
  /// size, so the start must too.
  @Test func theWindowsSizeWinsOverLinesAndColumnsInTheEnvironment() throws {
    let tmux = try TmuxSession(environment: ["COLUMNS": "60", "LINES": "20"])
    tmux.waitFor("New session")
    #expect(!tmux.capture().contains("too small"))
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  @Test func noColorShowsNoColour() throws {
    let tmux = try TmuxSession(environment: ["NO_COLOR": "1"])
    tmux.waitFor("New session")
    let screen = tmux.capture(escapes: true)
    // SGR colour codes: 30-37/90-97 foreground, 40-47 background, 38;5/48;5 extended.
    let colour = try Regex(#"\x1B\[[0-9;]*(3[0-7]|9[0-7]|4[0-7]|38;5|48;5)[;m]"#)
    #expect(screen.firstMatch(of: colour) == nil, "colour codes under NO_COLOR:\n\(screen)")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  @Test func coloursAreUsedWhenAllowed() throws {
    let tmux = try TmuxSession(environment: ["COLORFGBG": "15;0"])
    tmux.waitFor("New session")
    let screen = tmux.capture(escapes: true)
    #expect(screen.contains("\u{1B}[36m"), "no cyan key hints:\n\(screen)")
    try tmux.send("q")
    _ = tmux.waitForExit()
  }

  /// A light background (as `COLORFGBG` reports it) gets blue keys, never cyan or yellow
  /// text; an unreported one gets no colour without its own background.
  @Test func coloursReadOnTheBackgroundTheTerminalReports() throws {
    let pale = try Regex(#"\x1B\[(?:[0-9;]*;)?(33|36)m"#)
    for (colorFGBG, keys) in [("0;15", "\u{1B}[34m"), ("", "\u{1B}[1m")] {
      let tmux = try TmuxSession(environment: ["COLORFGBG": colorFGBG])
      tmux.waitFor("New session")
      let screen = tmux.capture(escapes: true)
      #expect(screen.contains(keys), "COLORFGBG=\(colorFGBG):\n\(screen)")
      #expect(screen.firstMatch(of: pale) == nil, "COLORFGBG=\(colorFGBG):\n\(screen)")
      try tmux.send("q")
      _ = tmux.waitForExit()
    }
  }

  @Test func loneEscapeActsQuickly() throws {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    try tmux.send("?")
    tmux.waitFor("Keys: Home")
    let start = Date()
    try tmux.send("Escape")
    tmux.waitFor("help overlay closed") { !$0.contains("Keys: Home") }
    // ESC delay is 25 ms; a default ncurses would take a full second.
    #expect(Date().timeIntervalSince(start) < 0.5)
    try tmux.send("q")
    _ = tmux.waitForExit()
  }

  /// Ctrl-S is XOFF to a terminal in cbreak mode: output stops and the program blocks.
  @Test func ctrlSDoesNotFreezeTheScreen() throws {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    try tmux.send("C-s")
    try tmux.send("?")
    tmux.waitFor("Keys: Home", timeout: 5)
    try tmux.send("Escape")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
    // The user's own setting comes back.
    #expect(tmux.sttyAfterExit.contains(" ixon"))
  }

  @Test func nonUTF8LocaleIsWarnedAbout() throws {
    let tmux = try TmuxSession(environment: ["LANG": "C", "LC_ALL": "C"])
    tmux.waitFor("Locale is not UTF-8")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  @Test func helpAndVersionWorkWithoutATerminal() throws {
    let version = try TmuxSession.runTool([TmuxSession.binary, "--version"])
    #expect(version.status == 0)
    #expect(version.output.contains("0."))
    let help = try TmuxSession.runTool([TmuxSession.binary, "--help"])
    #expect(help.output.contains("USAGE: peerconsult"))
    let piped = try TmuxSession.runTool([TmuxSession.binary])
    #expect(piped.status == 1)
    #expect(piped.output.contains("need a terminal"))
    #expect(!piped.output.contains("Fatal"))
  }
}
