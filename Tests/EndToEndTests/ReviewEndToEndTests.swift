import Foundation
import PeerConsultKit
import Testing

/// `peerconsult review` in a real terminal, over a data folder written beforehand the way a
/// facilitated session writes it.
@Suite(needsTmux) struct ReviewEndToEndTests {
  private static let protocolForTests = ConsultingProtocol(
    id: "e2e", name: "E2E", description: "Two short phases per round.",
    opening: [Phase(name: "Check-in", durationSeconds: 60, speaker: .everyone)],
    round: [
      Phase(name: "Presenting", durationSeconds: 60, speaker: .presenter, noteKind: .insight),
      Phase(name: "Questions", durationSeconds: 60, speaker: .group, noteKind: .question),
    ],
    closing: [Phase(name: "Process review", durationSeconds: 60, speaker: .everyone)])

  private static let people = [
    Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
    Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
  ]

  static let nightTime = SessionID(rawValue: "a1" + String(repeating: "0", count: 30))!

  /// A private folder holding a data folder with two sessions in two programmes.
  private func preparedFolder() throws -> (root: URL, data: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-review-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data")
    let database = try AppDatabase(directory: data)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let night = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: Self.protocolForTests, participants: Self.people, presenters: [0, 1]),
      id: Self.nightTime, store: database, clock: clock)
    try night.start()
    try night.next()
    clock.advance(by: 60)
    try night.addNote(
      NoteContent(text: "Crème de la crème of the night economy", kind: .insight, speaker: 0))
    try night.next()
    try night.addNote(NoteContent(text: "Who owns the late-night levy?", kind: .question))
    try night.addNote(
      NoteContent(text: "Draft the joint licensing letter", kind: .action, owner: 0))
    try night.next()
    try night.addNote(NoteContent(text: "Licensing sees only the complaints", kind: .insight))
    try night.finish()
    clock.advance(by: 86_400)
    let discharge = try LiveSession.create(
      SessionSetup(
        title: "Hospital discharge", programme: "Winter Pressures",
        consultingProtocol: Self.protocolForTests, participants: Self.people, presenters: [1]),
      store: database, clock: clock)
    try discharge.start()
    try discharge.addNote(NoteContent(text: "Beds blocked by missing care", kind: .other))
    try database.close()
    return (root, data)
  }

  private func expectCookedTTY(
    _ tmux: TmuxSession, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let stty = tmux.sttyAfterExit
    #expect(stty.contains(" icanon"), "tty not canonical:\n\(stty)", sourceLocation: sourceLocation)
    #expect(stty.contains(" echo "), "tty echo off:\n\(stty)", sourceLocation: sourceLocation)
  }

  @Test func browsesSearchesAndOpensAHit() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let tmux = try TmuxSession(["review"], dataDir: data)

    // Browse: newest first, narrowed by typed text and by programme.
    tmux.waitFor("2 of 2 sessions")
    let list = tmux.capture()
    let newest = try #require(list.range(of: "Hospital discharge"))
    let oldest = try #require(list.range(of: "Night-time economy"))
    #expect(newest.lowerBound < oldest.lowerBound)
    #expect(list.contains("Alcohol Plan · 4 notes · actions 0/1 done"))
    try tmux.type("zoe")
    tmux.waitFor("1 of 2 sessions")
    #expect(!tmux.capture().contains("Hospital discharge"))
    try tmux.send("Escape")
    tmux.waitFor("2 of 2 sessions")
    try tmux.send("C-p")
    tmux.waitFor("Programme: Winter Pressures")
    #expect(!tmux.capture().contains("Night-time economy"))
    try tmux.send("C-p")
    tmux.waitFor("Programme: Alcohol Plan")

    // Open the session, narrow it to questions, and mark its action done.
    try tmux.send("Enter")
    tmux.waitFor("Round 1 of 2 · presenter Zoë Müller")
    try tmux.type("f")
    tmux.waitFor("question only · 1 note")
    #expect(!tmux.capture().contains("Crème"))
    try tmux.type("a")
    tmux.waitFor("[ ] Draft the joint licensing letter")
    try tmux.type("x")
    tmux.waitFor("Action marked done (saved).")
    tmux.waitFor("[x] Draft the joint licensing letter")
    try tmux.send("Escape")
    tmux.waitFor("f kind")
    try tmux.send("Escape")
    tmux.waitFor("actions 1/1 done")

    // Search every session, accents and case ignored, with the matches highlighted.
    try tmux.send("Tab")
    tmux.waitFor("Type words")
    try tmux.type("CREME")
    tmux.waitFor("1 note matches")
    let highlighted = try Regex(#"\x1B\[[0-9;]*43[;m][^\x1B]*Crème"#)
    #expect(
      tmux.capture(escapes: true).firstMatch(of: highlighted) != nil,
      "match not highlighted:\n\(tmux.capture(escapes: true))")
    try tmux.send("Enter")
    tmux.waitFor("Review · Night-time economy")
    #expect(tmux.capture().contains("Zoë Müller: Crème de la crème of the night economy"))

    // Back out the way we came, then leave: exit 0 with the terminal restored.
    try tmux.send("Escape")
    tmux.waitFor("Search ▸ CREME")
    try tmux.send("Escape")
    tmux.waitFor("Type words")
    try tmux.send("Escape")
    tmux.waitFor("Filter ▸")
    try tmux.send("Escape")
    #expect(tmux.waitForExit() == 0)
    expectCookedTTY(tmux)
    #expect(tmux.stderr.isEmpty)

    let stored = try AppDatabase(directory: data).loadSession(Self.nightTime)
    #expect(stored.visibleNotes.first { $0.isAction }?.isDone == true)
  }

  /// Listing, searching and reading open the database read-only: the data folder is the same
  /// afterwards, byte for byte, and the -wal and -shm files a read made are gone again.
  @Test func browsingAndSearchingChangeNoByteOfTheDataFolder() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    for suffix in ["-wal", "-shm"] {
      try? FileManager.default.removeItem(
        at: data.appendingPathComponent(AppDatabase.fileName + suffix))
    }
    let before = try CommandLineTests.FolderSnapshot(data)
    let tmux = try TmuxSession(["review"], dataDir: data)
    tmux.waitFor("2 of 2 sessions")
    try tmux.send("Tab")
    tmux.waitFor("Type words")
    try tmux.type("CREME")
    tmux.waitFor("1 note matches")
    try tmux.send("Enter")
    tmux.waitFor("Review · Night-time economy")
    try tmux.send("Escape")
    tmux.waitFor("Search ▸ CREME")
    try tmux.send("Escape")
    tmux.waitFor("Type words")
    try tmux.send("Escape")
    tmux.waitFor("Filter ▸")
    try tmux.send("Escape")
    #expect(tmux.waitForExit() == 0)
    let after = try CommandLineTests.FolderSnapshot(data)
    #expect(after == before, "review changed \(after); it was \(before)")
  }

  @Test func anEmptyDataFolderSaysSoAndCreatesNothing() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-review-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let data = root.appendingPathComponent("data")
    let tmux = try TmuxSession(["review"], dataDir: data)
    tmux.waitFor("No sessions yet")
    try tmux.send("Escape")
    #expect(tmux.waitForExit() == 0)
    expectCookedTTY(tmux)
    #expect(try !AppDatabase.exists(in: data))
  }
}
