import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Typing while people talk, through the real binary in tmux: keys under mismatched `TERM`s
/// and raw escape sequences, Esc on a typed note, the terminal's signal keys, and the
/// transcript following new notes.
@Suite(needsTmux) struct CaptureEndToEndTests {
  /// One long phase per part, so nothing moves on during a test.
  static let calm = """
    name: Calm
    description: Long phases for capture tests.
    opening:
      - name: Check-in
        duration: 30m
        speaker: everyone
        guidance: Say what is on your mind.
        note_kind: other
    round:
      - name: Questions
        duration: 30m
        speaker: group
        guidance: Open questions only.
        note_kind: question
    closing:
      - name: Review
        duration: 30m
        speaker: facilitator
        guidance: What helped?
        note_kind: works-well
    """

  /// A session under `term`, on its check-in, with the folder that holds its data.
  private func start(term: String = "tmux-256color") throws -> (TmuxSession, TemporaryFolder) {
    let scratch = try TemporaryFolder(prefix: "pc-capture")
    let file = scratch.url.appendingPathComponent("calm.yaml")
    try Self.calm.write(to: file, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      [
        "run", "--protocol", file.path, "--title", "Capture",
        "--participant", "Zoë Müller;City Council;senior",
        "--participant", "Amira O'Neill;NHS Trust;frontline",
        "--participant", "王小明;Police;middle",
      ], environment: ["TERM": term], dataDir: scratch.url.appendingPathComponent("data"))
    tmux.waitFor("Check-in · phase 1 of 1")
    // A new session opens ready; the capture tests write on a running timer.
    try tmux.startWhenReady()
    return (tmux, scratch)
  }

  /// Leaves the session with q and y; returns the notes stored.
  private func quitAndReadNotes(_ tmux: TmuxSession, _ scratch: TemporaryFolder) throws
    -> [String]
  {
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    #expect(tmux.waitForExit() == 0)
    let database = try AppDatabase(directory: scratch.url.appendingPathComponent("data"))
    return try database.loadSession(database.resolveSession("latest")).visibleNotes.map(\.text)
  }

  @Test(arguments: ["xterm-256color", "screen-256color", "linux", "rxvt-unicode-256color"])
  func homeEndAndDeleteEditTheNoteUnderEveryTerm(term: String) throws {
    let (tmux, scratch) = try start(term: term)
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type("xnote 8")
    // tmux sends Home as ESC [ 1 ~ whatever TERM says; xterm-256color's entry expects
    // ESC O H, so these used to cancel the note and run the rest as commands.
    try tmux.send("Home")
    try tmux.send("DC")
    try tmux.type("Then n")
    try tmux.send("End")
    try tmux.type(" edited")
    tmux.waitFor("Note ▸ Then nnote 8 edited")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    #expect(!tmux.capture().contains("PAUSED"))
    #expect(try quitAndReadNotes(tmux, scratch) == ["Then nnote 8 edited"])
  }

  @Test func rawSequencesWrittenToThePaneAreReadWhole() throws {
    let (tmux, scratch) = try start(term: "xterm-256color")
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type("abc")
    let escape: [UInt8] = [0x1B]
    // rxvt's Home, then its End; the Linux console's F1; Ctrl-← (read as ←); two unknown
    // sequences and a terminal's colour answer (dropped whole); xterm's SS3 Home; Delete;
    // Shift-End (read as End).
    let steps: [(bytes: [UInt8], typed: String)] = [
      (escape + Array("[7~".utf8), "1"), (escape + Array("[8~".utf8), "2"),
      (escape + Array("[[A".utf8), ""), (escape + Array("[1;5D".utf8), "3"),
      (escape + Array("[99~".utf8), ""), (escape + Array("[27;5;9~".utf8), ""),
      (escape + Array("]11;rgb:ffff/ffff/ffff".utf8) + [0x07], ""),
      (escape + Array("OH".utf8), "4"), (escape + Array("[3~".utf8), ""),
      (escape + Array("[1;2F".utf8), "!"),
    ]
    for step in steps {
      try tmux.sendBytes(step.bytes)
      if !step.typed.isEmpty { try tmux.type(step.typed) }
    }
    tmux.waitFor("Note ▸ 4abc32!")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    #expect(try quitAndReadNotes(tmux, scratch) == ["4abc32!"])
  }

  @Test func escOnATypedNoteAsksAndAnyOtherKeyGoesBack() throws {
    let (tmux, scratch) = try start()
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type("keep this")
    try tmux.send("Escape")
    tmux.waitFor("Discard this note?")
    try tmux.send("x")
    tmux.waitFor("back to the note") { !$0.contains("Discard this note?") }
    // Back to the text as it was: the x that answered was not typed.
    #expect(tmux.capture().split(separator: "\n").contains { $0.hasSuffix("Note ▸ keep this") })
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    try tmux.send("Enter")
    try tmux.type("throw away")
    try tmux.send("Escape")
    tmux.waitFor("Discard this note?")
    try tmux.send("y")
    tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
    #expect(try quitAndReadNotes(tmux, scratch) == ["keep this"])
  }

  /// The process's state letter from /proc (`T` when stopped).
  private func processState(_ pid: pid_t) -> String? {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    return stat[stat.index(after: close)...].split(separator: " ").first.map(String.init)
  }

  /// Starts `run --title title` from an interactive bash, with job control, in a 80x24 pane.
  private func startFromAShell(title: String) throws -> TmuxSession {
    // The program exits at once and leaves an interactive shell with job control in the pane.
    let tmux = try TmuxSession(["--version"], afterExit: "PS1='ready$ ' bash --norc -i")
    tmux.waitFor("the shell") { $0.contains("ready$") }
    let environment = [
      "LANG=C.UTF-8", "TERM=tmux-256color", "HOME=\(TmuxSession.quote(tmux.folder.path))",
      "PEERCONSULT_DATA_DIR=\(TmuxSession.quote(tmux.dataDir.path))",
      "XDG_CONFIG_HOME=\(TmuxSession.quote(tmux.configDir.path))",
    ]
    try tmux.type(
      "env \(environment.joined(separator: " ")) \(TmuxSession.quote(TmuxSession.binary))"
        + " run --title \(title) --participant 'Zoë Müller;City Council;senior'")
    try tmux.send("Enter")
    tmux.waitFor("Speaks now")
    return tmux
  }

  /// Resizes the stopped program's window to 100x30, continues it with `fg`, and waits for
  /// its screen at that size; then leaves it.
  private func resizeWhileStoppedThenContinue(_ tmux: TmuxSession, title: String) throws {
    tmux.waitFor("the shell again") { $0.contains("Stopped") }
    try tmux.resize(width: 100, height: 30)
    try tmux.type("fg")
    try tmux.send("Enter")
    // The title row reaches past the old width (its session id ends a column from the right
    // edge) and the footer stands on the new last row.
    tmux.waitFor("the live screen at 100x30") { screen in
      let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
      return rows.count >= 30 && rows[0].contains(title) && rows[0].count > 90
        && rows[29].contains("Space start")
    }
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    tmux.waitFor("the shell after leaving") { $0.contains("ready$") && !$0.contains("Speaks now") }
  }

  /// Stopped with Ctrl-Z under a shell with job control, the program does not get the
  /// SIGWINCH of a resize made meanwhile (the shell holds the terminal then): `fg` must still
  /// draw at the window's new size, not the one it left.
  @Test func aWindowResizedWhileStoppedIsDrawnAtItsNewSizeAfterFg() throws {
    let tmux = try startFromAShell(title: "Resized")
    try tmux.send("C-z")
    try resizeWhileStoppedThenContinue(tmux, title: "Resized")
  }

  /// The same when a SIGTSTP from outside stops it: ncurses' own handler stops and continues
  /// the program, and takes the new size by itself at its next refresh.
  @Test func aWindowResizedWhileStoppedByASignalIsDrawnAtItsNewSizeAfterFg() throws {
    let tmux = try startFromAShell(title: "Signalled")
    let found = try TmuxSession.runTool(["pgrep", "-f", "run --title Signalled"])
    let pid = try #require(found.output.split(separator: "\n").compactMap { Int32($0) }.first)
    kill(pid, SIGTSTP)
    try resizeWhileStoppedThenContinue(tmux, title: "Signalled")
  }

  @Test func signalKeysArriveAsKeys() throws {
    let (tmux, _) = try start()
    // Ctrl-C asks like q.
    try tmux.send("C-c")
    tmux.waitFor("Leave the session?")
    try tmux.send("n")
    tmux.waitFor("question gone") { !$0.contains("Leave the session?") }
    // Ctrl-\ is ignored, with a hint.
    try tmux.sendBytes([0x1C])
    tmux.waitFor("does nothing here")
    // Ctrl-Z gives the terminal back and stops; continuing redraws the whole screen.
    let pid = try #require(try tmux.programPID())
    try tmux.send("C-z")
    let deadline = Date().addingTimeInterval(15)
    while Date() < deadline && processState(pid) != "T" { usleep(20_000) }
    #expect(processState(pid) == "T")
    #expect(tmux.paneVariable("alternate_on") == "0")
    kill(pid, SIGCONT)
    tmux.waitFor("Check-in · phase 1 of 1")
    tmux.waitFor("the whole screen") {
      $0.contains("Speaks now: everyone") && $0.contains("Transcript")
    }
    #expect(tmux.paneVariable("alternate_on") == "1")
    try tmux.send("Enter")
    try tmux.type("after fg")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    // In the note line too, Ctrl-C asks before leaving.
    try tmux.send("Enter")
    try tmux.send("C-c")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    #expect(tmux.waitForExit() == 0)
    let modes = tmux.sttyAfterExit.split(whereSeparator: \.isWhitespace)
    #expect(modes.contains("isig") && modes.contains("icanon"), "\(tmux.sttyAfterExit)")
  }

  @Test func aNewNoteAfterEditingBringsTheTranscriptBackToTheNewest() throws {
    let (tmux, scratch) = try start()
    for n in 1...3 {
      try tmux.send("Enter")
      tmux.waitFor("Note ▸")
      try tmux.type("note \(n)")
      try tmux.send("Enter")
      tmux.waitFor("\(n) note")
    }
    try tmux.send("Up", "e")
    tmux.waitFor("Edit #3 ▸")
    try tmux.type(" (checked)")
    try tmux.send("Enter")
    tmux.waitFor("Note updated")
    try tmux.send("Enter")
    try tmux.type("note 4")
    try tmux.send("Enter")
    tmux.waitFor("4 notes")
    tmux.waitFor("note 4 in the transcript") {
      $0.split(separator: "\n").contains { $0.contains("note 4") && !$0.contains("▸") }
    }
    #expect(
      try quitAndReadNotes(tmux, scratch) == ["note 1", "note 2", "note 3 (checked)", "note 4"])
  }
}
