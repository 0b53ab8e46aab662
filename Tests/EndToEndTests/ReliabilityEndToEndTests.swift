import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Attacks on the real binary in a real terminal (tmux): random keys and bytes, a resize storm,
/// signals and kill -9 at random moments. Each prints its counts; see Docs/RELIABILITY.md.
///
/// Repeat with `PEERCONSULT_SEED=<seed> swift test --filter ReliabilityEndToEndTests`.
@Suite(needsTmux, .serialized) struct ReliabilityEndToEndTests {
  /// Long phases, so a session stays live however long the attack takes.
  static let protocolFile = """
    name: Attack drill
    description: Long phases for attacks on the live screen.
    opening:
      - name: Check-in
        duration: 20m
        speaker: everyone
        guidance: Say what is on your mind.
        note_kind: other
    round:
      - name: Questions
        duration: 20m
        speaker: group
        guidance: Open questions only.
        rules: [No advice while questioning]
        prompts: [What would success look like?]
        note_kind: question
    closing:
      - name: Review
        duration: 20m
        speaker: facilitator
        guidance: What helped?
        note_kind: works-well
    """

  static let participants = [
    "--participant", "Zoë Müller;City Council;senior",
    "--participant", "王小明;Police;middle",
  ]

  /// A scratch folder with the protocol file; removed when the test ends.
  final class Scratch {
    private let folder: TemporaryFolder
    var url: URL { folder.url }
    init() throws {
      folder = try TemporaryFolder(prefix: "pc-attack")
      try ReliabilityEndToEndTests.protocolFile.write(
        to: protocolPath, atomically: true, encoding: .utf8)
    }
    var dataDir: URL { url.appendingPathComponent("data") }
    var protocolPath: URL { url.appendingPathComponent("attack-drill.yaml") }
    var runArguments: [String] {
      ["run", "--protocol", protocolPath.path, "--title", "Attack · 攻撃"] + participants
    }
  }

  private func expectRestored(
    _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> Bool
  {
    let stty = tmux.sttyAfterExit
    let restored = stty.contains(" icanon") && stty.contains(" echo ")
    #expect(restored, "tty not restored:\n\(stty)", sourceLocation: sourceLocation)
    return restored
  }

  /// Every session in the folder replays; returns the visible notes of the latest (none when
  /// random keys deleted every session from the review list, as a user may).
  private func storedNotes(_ dataDir: URL) throws -> [String] {
    let database = try AppDatabase(directory: dataDir)
    defer { try? database.close() }
    let sessions = try database.sessions()
    for listing in sessions { _ = try database.loadSession(listing.id) }
    guard !sessions.isEmpty else { return [] }
    return try database.loadSession(try database.resolveSession("latest")).visibleNotes.map(\.text)
  }

  /// Writes a note and waits for it to be acknowledged.
  private func writeNote(_ tmux: TmuxSession, _ text: String) throws -> Bool {
    try tmux.send("Enter")
    guard tmux.waitFor("Note ▸") else { return false }
    try tmux.type(text)
    try tmux.send("Enter")
    guard tmux.waitFor("Note saved.") else { return false }
    return tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
  }

  @Test func twoThousandRandomKeysAndBytesThroughTheRealTerminal() throws {
    let seed = SeededGenerator.seed(0x5EED_0010)
    var rng = SeededGenerator(seed: seed)
    let scratch = try Scratch()
    var tried = 0
    var crashes = 0
    var insane = 0
    var quits = 0
    // Half from the home screen (menus, protocols, resume), half from a live session.
    for start in [scratch.runArguments, ["home"]] {
      var remaining = 1_000
      while remaining > 0 {
        let tmux = try TmuxSession(start, dataDir: scratch.dataDir)
        tmux.waitFor("home or live screen") {
          $0.contains("New session") || $0.contains("Speaks now")
        }
        // A new session opens ready; the keys start on a running timer.
        if start == scratch.runArguments { try tmux.startWhenReady() }
        while remaining > 0 && (remaining % 20 != 0 || tmux.isRunning) {
          tried += try TmuxKeyMix.sendOne(to: tmux, using: &rng)
          remaining -= 1
        }
        // Let the burst drain: the screen stops changing.
        var last = ""
        let deadline = Date().addingTimeInterval(20)
        repeat {
          last = tmux.capture()
          usleep(300_000)
        } while Date() < deadline && tmux.capture() != last && tmux.isRunning
        guard tmux.isRunning else {
          // Random keys may quit as a user would (`q` then `y`, or Quit on the home menu):
          // status 0 with the terminal restored is the program working. Anything else is a
          // crash. The rest of the keys go to a program started again.
          let status = tmux.waitForExit()
          if status == 0 && expectRestored(tmux) && tmux.stderr.isEmpty {
            quits += 1
          } else {
            crashes += 1
            let screen = tmux.capture()
            Issue.record(
              Comment(
                rawValue: "the program left during random keys with status "
                  + "\(String(describing: status)):\n\(screen)\n\(tmux.stderr)"))
          }
          continue
        }
        let lines = last.components(separatedBy: "\n")
        let sane = lines.count >= 24 && !lines[0].trimmingCharacters(in: .whitespaces).isEmpty
        if !sane {
          insane += 1
          Issue.record("the screen after random keys is not sane:\n\(last)")
        }
        #expect(try tmux.quitFromAnywhere() == 0)
        if !expectRestored(tmux) { insane += 1 }
        #expect(tmux.stderr.isEmpty, "stderr: \(tmux.stderr)")
      }
    }
    _ = try storedNotes(scratch.dataDir)
    printAttack(
      "random keys and bytes, real terminal", seed: seed, tried: tried, crashes: crashes,
      dataLost: 0, "insane screens \(insane) · quit by the keys \(quits)")
    #expect(crashes == 0 && insane == 0)
  }

  @Test func aHundredKilobytePasteIntoTheNoteEditorStaysResponsive() throws {
    let seed = SeededGenerator.seed(0x5EED_0014)
    var rng = SeededGenerator(seed: seed)
    let scratch = try Scratch()
    let tmux = try TmuxSession(scratch.runArguments, dataDir: scratch.dataDir)
    tmux.waitFor("Speaks now")
    try tmux.startWhenReady()
    var text = ""
    while text.utf8.count < 100 * 1024 {
      text += TmuxKeyMix.text.randomElement(using: &rng)! + " "
    }
    var slowest: TimeInterval = 0
    var refusedOutLoud = 0
    // As a bracketed paste, and as keys from a terminal that does not mark pastes.
    for bracketed in [true, false] {
      try tmux.send("Enter")
      tmux.waitFor("Note ▸")
      let began = Date()
      try tmux.pasteFile(text, bracketed: bracketed)
      if tmux.waitFor("A note holds up to 10,000 characters", timeout: 60) { refusedOutLoud += 1 }
      try tmux.send("Enter")
      tmux.waitFor("Note saved.", timeout: 60)
      slowest = max(slowest, Date().timeIntervalSince(began))
      tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
    }
    #expect(try tmux.quitFromAnywhere() == 0)
    let stored = try storedNotes(scratch.dataDir)
    #expect(stored.count == 2)
    #expect(stored.allSatisfy { $0.count == NoteContent.maximumLength })
    printAttack(
      "100 KB paste, real terminal, bracketed and not", seed: seed, tried: 2, crashes: 0,
      dataLost: 2 - refusedOutLoud, String(format: "slowest seconds to save %.1f", slowest))
    // A paste must not freeze the screen for long.
    #expect(slowest < 10)
  }

  @Test func aResizeStormWhileTheTimerRunsEndsOnACorrectScreen() throws {
    let seed = SeededGenerator.seed(0x5EED_0011)
    var rng = SeededGenerator(seed: seed)
    let scratch = try Scratch()
    let tmux = try TmuxSession(scratch.runArguments, dataDir: scratch.dataDir)
    tmux.waitFor("Speaks now")
    try tmux.startWhenReady()
    #expect(try writeNote(tmux, "Before the storm: crème brûlée 日本語"))
    let sizes = 40
    for _ in 0..<sizes {
      try tmux.resize(
        width: Int.random(in: 1...300, using: &rng), height: Int.random(in: 1...100, using: &rng))
      usleep(UInt32.random(in: 0...30_000, using: &rng))
    }
    #expect(tmux.isRunning)
    // Pause, so the screen no longer changes, and compare with a fresh start on the same data.
    try tmux.resize(width: 80, height: 24)
    // Keys sent while the window is still too small are ignored by design, so wait for the
    // screen to come back, as a person would.
    tmux.waitFor("the live screen back") { $0.contains("Speaks now") && !$0.contains("too small") }
    try tmux.send("Space")
    tmux.waitFor("PAUSED")
    tmux.waitFor("the resized screen settles") {
      $0.contains("PAUSED") && $0.contains("crème brûlée")
    }
    let stormed = tmux.capture()
    // A session runs in one program at a time (issue 14, item 7): leave it, then start afresh.
    #expect(try tmux.quitFromAnywhere() == 0)
    _ = expectRestored(tmux)
    let fresh = try TmuxSession(["resume", "latest"], dataDir: scratch.dataDir)
    fresh.waitFor("the fresh screen") { $0.contains("PAUSED") && $0.contains("crème brûlée") }
    let expected = fresh.capture()
    #expect(stormed == expected, "after the storm:\n\(stormed)\nfresh:\n\(expected)")
    #expect(try fresh.quitFromAnywhere() == 0)
    printAttack(
      "resize storm, real terminal", seed: seed, tried: sizes, crashes: tmux.stderr.isEmpty ? 0 : 1,
      dataLost: 0, "screen equals a fresh start \(stormed == expected)")
  }

  @Test func signalsAtRandomMomentsRestoreTheTerminalAndKeepAcknowledgedNotes() throws {
    let seed = SeededGenerator.seed(0x5EED_0012)
    var rng = SeededGenerator(seed: seed)
    var tried = 0
    var lost = 0
    var unrestored = 0
    for (signal, status) in [(SIGINT, Int32(130)), (SIGTERM, 143), (SIGHUP, 129), (SIGQUIT, 131)] {
      for _ in 0..<2 {
        let scratch = try Scratch()
        let tmux = try TmuxSession(scratch.runArguments, dataDir: scratch.dataDir)
        tmux.waitFor("Speaks now")
        try tmux.startWhenReady()
        var acknowledged: [String] = []
        for number in 0..<Int.random(in: 0...2, using: &rng) {
          let text = "Acknowledged \(number) · Zoë · 日本"
          if try writeNote(tmux, text) { acknowledged.append(text) }
        }
        // The signal lands while a note is being typed or saved, or while the timer runs.
        switch Int.random(in: 0..<3, using: &rng) {
        case 0:
          try tmux.send("Enter")
          try tmux.type("in flight")
          try tmux.send("Enter")
        case 1:
          try tmux.send("Enter")
          try tmux.type("half typed")
        default: break
        }
        usleep(UInt32.random(in: 0...40_000, using: &rng))
        let pid = try #require(try tmux.programPID())
        kill(pid, signal)
        tried += 1
        #expect(tmux.waitForExit() == status)
        if !expectRestored(tmux) { unrestored += 1 }
        let stored = try storedNotes(scratch.dataDir)
        let missing = acknowledged.filter { !stored.contains($0) }
        lost += missing.count
        #expect(missing.isEmpty, "acknowledged notes lost after signal \(signal): \(missing)")
      }
    }
    printAttack(
      "SIGINT, SIGTERM, SIGHUP, SIGQUIT at random moments", seed: seed, tried: tried, crashes: 0,
      dataLost: lost, "terminal not restored \(unrestored)")
  }

  @Test func killNineAtTwentyMomentsOfNoteWritingLosesNoAcknowledgedNote() throws {
    let seed = SeededGenerator.seed(0x5EED_0013)
    var rng = SeededGenerator(seed: seed)
    let scratch = try Scratch()
    var acknowledged: [String] = []
    var lost = 0
    var unresumable = 0
    let moments = 20
    for moment in 0..<moments {
      let tmux = try TmuxSession(
        moment == 0 ? scratch.runArguments : ["resume", "latest"], dataDir: scratch.dataDir)
      guard tmux.waitFor("Speaks now") else {
        unresumable += 1
        continue
      }
      if moment == 0 { try tmux.startWhenReady() }
      for number in 0..<Int.random(in: 0...2, using: &rng) {
        let text = "Moment \(moment) note \(number): ½ café 会議"
        if try writeNote(tmux, text) { acknowledged.append(text) }
      }
      // The kill lands while the last note is typed, being committed, or just acknowledged.
      try tmux.send("Enter")
      try tmux.type("Moment \(moment) in flight")
      try tmux.send("Enter")
      usleep(UInt32.random(in: 0...25_000, using: &rng))
      if tmux.capture().contains("Note saved.") {
        acknowledged.append("Moment \(moment) in flight")
      }
      let pid = try #require(try tmux.programPID())
      kill(pid, SIGKILL)
      #expect(tmux.waitForExit() == 137)
      let stored = try storedNotes(scratch.dataDir)
      let missing = acknowledged.filter { !stored.contains($0) }
      lost += missing.count
      #expect(missing.isEmpty, "after kill \(moment + 1): \(missing)")
    }
    // The session is still there to carry on.
    let resumed = try TmuxSession(["resume", "latest"], dataDir: scratch.dataDir)
    if !resumed.waitFor("Speaks now") { unresumable += 1 }
    if let last = acknowledged.last { resumed.waitFor(String(last.prefix(20))) }
    #expect(try resumed.quitFromAnywhere() == 0)
    printAttack(
      "kill -9 during note writing", seed: seed, tried: moments, crashes: 0, dataLost: lost,
      "notes acknowledged \(acknowledged.count) · not resumable \(unresumable)")
    #expect(lost == 0 && unresumable == 0)
  }
}
