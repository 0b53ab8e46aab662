import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Whole sessions through the real binary in a real terminal, checked against the database.
@Suite(needsTmux) struct SessionEndToEndTests {
  /// A protocol with seconds-long phases, so a whole session takes seconds.
  static let drill = """
    name: Drill
    description: Seconds-long phases for end-to-end tests.
    opening:
      - name: Check-in
        duration: 3s
        speaker: everyone
        guidance: Say what is on your mind.
        note_kind: other
    round:
      - name: Presenting
        duration: 2s
        speaker: presenter
        guidance: The presenter describes the challenge.
        note_kind: insight
      - name: Questions
        duration: 30s
        speaker: group
        guidance: Open questions only.
        rules: [No advice while questioning]
        prompts: [What would success look like?]
        note_kind: question
    closing:
      - name: Review
        duration: 2s
        speaker: facilitator
        guidance: What helped, what got in the way?
        note_kind: works-well
    """

  private func writeDrill(_ tmuxFolder: URL) throws -> String {
    let file = tmuxFolder.appendingPathComponent("drill.yaml")
    try Self.drill.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  private static let runArguments = [
    "--title", "E2E session", "--programme", "Alcohol Plan",
    "--participant", "Zoë Müller;City Council;senior",
    "--participant", "Amira O'Neill;NHS Trust;frontline",
  ]

  private func note(_ tmux: TmuxSession, _ text: String, keys: [String] = []) throws {
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type(text)
    for key in keys { try tmux.send(key) }
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    // The notice clears on the next key; wait until the editor is closed.
    tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
  }

  @Test func wholeSessionFromRunToSummaryIsStored() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e")
    let folder = scratch.url
    let dataDir = folder.appendingPathComponent("data")
    let drill = try writeDrill(folder)
    let tmux = try TmuxSession(["run", "--protocol", drill] + Self.runArguments, dataDir: dataDir)
    tmux.waitFor("Check-in · phase 1 of 1 · opening")
    try tmux.startWhenReady()
    try note(tmux, "Ground rules agreed: Chatham House")
    // Pause, then one minute more and one less.
    try tmux.send("Space")
    tmux.waitFor("PAUSED")
    try tmux.send("Space")
    tmux.waitFor("resumed") { !$0.contains("PAUSED") }
    try tmux.send("+")
    tmux.waitFor("of 01:03")
    try tmux.send("-")
    tmux.waitFor("of 00:03")
    // Overtime counts up.
    tmux.waitFor("over of 00:03", timeout: 10)
    try tmux.send("n")
    tmux.waitFor("Presenting · phase 1 of 2")
    tmux.waitFor("Speaks now: the presenter, Zoë Müller")
    // An action: Ctrl-O, the start of Amira's name and Enter make her the owner, and the
    // note an action; the speaker defaults to the presenter, Zoë.
    try note(tmux, "Draft a joint licensing letter", keys: ["C-o", "a", "m", "Enter"])
    try tmux.send("n")
    tmux.waitFor("Questions · phase 2 of 2")
    try note(tmux, "What would success look like for you?", keys: ["BTab", "a", "Enter"])
    try tmux.send("n")
    tmux.waitFor("Presenter: Amira O'Neill")
    try tmux.send("n", "n")
    tmux.waitFor("Review · phase 1 of 1 · closing")
    try note(tmux, "Good pace, equal airtime")
    try tmux.send("n")
    tmux.waitFor("Summary · E2E session")
    tmux.waitFor("Draft a joint licensing letter → Amira O'Neill")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)

    let database = try AppDatabase(directory: dataDir)
    let id = try database.resolveSession("latest")
    let session = try database.loadSession(id)
    #expect(session.isFinished)
    let notes = session.visibleNotes
    #expect(
      notes.map(\.text) == [
        "Ground rules agreed: Chatham House", "Draft a joint licensing letter",
        "What would success look like for you?", "Good pace, equal airtime",
      ])
    #expect(notes.map(\.kind) == [.other, .action, .question, .worksWell])
    #expect(notes[1].speaker == 0)
    #expect(notes[1].owner == 1)
    #expect(notes[2].speaker == 1)
    let events = try database.events(of: id).map(\.event)
    #expect(events.contains { if case .paused = $0 { true } else { false } })
    #expect(events.contains { if case .timeAdjusted = $0 { true } else { false } })
    // The opening ran over: more running time than its 3 s plan.
    let usage = session.phaseUsage(at: Date())
    #expect((usage.first { $0.name == "Check-in" }?.usedSeconds ?? 0) > 3)
  }

  @Test func killedMidSessionResumesWithEveryAcknowledgedNote() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e")
    let folder = scratch.url
    let dataDir = folder.appendingPathComponent("data")
    let drill = try writeDrill(folder)
    let tmux = try TmuxSession(["run", "--protocol", drill] + Self.runArguments, dataDir: dataDir)
    tmux.waitFor("Check-in")
    try tmux.startWhenReady()
    try tmux.send("n", "n")
    tmux.waitFor("Questions · phase 2 of 2")
    let texts = ["First acknowledged note", "Second: crème brûlée", "Third 日本語 note"]
    for text in texts { try note(tmux, text) }
    let pid = try #require(try tmux.programPID())
    kill(pid, SIGKILL)
    #expect(tmux.waitForExit() == 137)

    let resumed = try TmuxSession(["resume", "latest"], dataDir: dataDir)
    resumed.waitFor("Questions · phase 2 of 2")
    for text in texts { resumed.waitFor(text) }
    let database = try AppDatabase(directory: dataDir)
    let session = try database.loadSession(try database.resolveSession("latest"))
    #expect(session.visibleNotes.map(\.text) == texts)
    #expect(session.current?.phase.name == "Questions")
    #expect(!session.isFinished)
    try resumed.send("q")
    resumed.waitFor("Leave the session?")
    try resumed.send("y")
    #expect(resumed.waitForExit() == 0)
  }

  @Test func aMultiLinePasteStaysOneNote() throws {
    let scratch = try TemporaryFolder(prefix: "pc-e2e")
    let folder = scratch.url
    let dataDir = folder.appendingPathComponent("data")
    let drill = try writeDrill(folder)
    let tmux = try TmuxSession(["run", "--protocol", drill] + Self.runArguments, dataDir: dataDir)
    tmux.waitFor("Check-in")
    try tmux.startWhenReady()
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.paste("Pasted from minutes:\nq\nn next steps agreed")
    tmux.waitFor("next steps agreed")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    #expect(tmux.capture().contains("Check-in · phase 1 of 1"))
    let database = try AppDatabase(directory: dataDir)
    let session = try database.loadSession(try database.resolveSession("latest"))
    #expect(session.visibleNotes.map(\.text) == ["Pasted from minutes: q n next steps agreed"])
    #expect(session.currentSlot == 0)
  }

  @Test func homeNewSessionThroughTheFormToTheLiveScreen() throws {
    let tmux = try TmuxSession()
    tmux.waitFor("New session")
    try tmux.send("Enter")
    tmux.waitFor("PeerConsult · New session")
    try tmux.type("Licensing and health")
    try tmux.send("Tab")
    try tmux.type("Alcohol Plan")
    try tmux.send("Tab", "Tab")
    for person in ["Zoë Müller; City Council; senior", "Amira O'Neill; NHS Trust; frontline"] {
      try tmux.type(person)
      try tmux.send("Enter")
      tmux.waitFor(String(person.prefix(10)))
    }
    try tmux.send("C-g")
    // Ready, not running: the timer waits for Space however long set-up takes.
    tmux.waitFor("Licensing and health · Ready to start")
    tmux.waitFor("Speaks now: everyone")
    #expect(tmux.capture().contains("10:00 left of 10:00"))
    try tmux.startWhenReady()
    tmux.waitFor("Licensing and health · Opening")
    tmux.waitFor("the timer running", timeout: 5) { $0.contains("09:5") }
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    tmux.waitFor("1 unfinished") { $0.contains("Carry on the unfinished session") }
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)
  }

  @Test func badRunArgumentsAreOneClearLine() throws {
    let bad = try TmuxSession.runTool([
      TmuxSession.binary, "run", "--title", "T", "--participant", "Zoë;Council;boss",
    ])
    #expect(bad.status != 0)
    #expect(bad.output.contains("level 'boss'"))
    #expect(bad.output.split(separator: "\n").count == 1)
    let presenter = try TmuxSession.runTool([
      TmuxSession.binary, "run", "--title", "T", "--participant", "Zoë;Council;senior",
      "--presenter", "Nobody",
    ])
    #expect(presenter.output.contains("\"Nobody\" is not a participant"))
    let unknown = try TmuxSession.runTool([
      TmuxSession.binary, "run", "--title", "T", "--protocol", "nope", "--participant",
      "A;B;senior",
    ])
    #expect(unknown.output.contains("no protocol has the id 'nope'"))
  }
}
