import Foundation
import PeerConsultKit
import Testing

/// The review before sharing and the removal of sessions, in a real terminal: `export
/// --anonymise --review` opens the review screen when it has one, a choice made there is
/// remembered by the next `--review` without a terminal, and the review list deletes a session
/// once the facilitator confirms.
@Suite(needsTmux) struct ShareReviewEndToEndTests {
  static let night = SessionID(rawValue: "f6" + String(repeating: "0", count: 30))!
  static let discharge = SessionID(rawValue: "a7" + String(repeating: "0", count: 30))!

  private static let protocolForTests = ConsultingProtocol(
    id: "e2e", name: "E2E", description: "One short phase per round.",
    opening: [Phase(name: "Check-in", durationSeconds: 60, speaker: .everyone)],
    round: [
      Phase(name: "Presenting", durationSeconds: 60, speaker: .presenter, noteKind: .insight)
    ],
    closing: [])

  /// A private folder with a data folder of two finished sessions; the newer mentions Ravinder,
  /// who was not there: a suspect.
  private func preparedFolder() throws -> (root: URL, data: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-share-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data")
    let database = try AppDatabase(directory: data)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let people = [
      Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
      Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    ]
    let discharge = try LiveSession.create(
      SessionSetup(
        title: "Hospital discharge", programme: "Winter Pressures",
        consultingProtocol: Self.protocolForTests, participants: people, presenters: [1]),
      id: Self.discharge, store: database, clock: clock)
    try discharge.start()
    try discharge.addNote(NoteContent(text: "Beds blocked by missing care", kind: .other))
    try discharge.finish()
    clock.advance(by: 86_400)
    let night = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: Self.protocolForTests, participants: people, presenters: [0]),
      id: Self.night, store: database, clock: clock)
    try night.start()
    try night.next()
    try night.addNote(
      NoteContent(text: "Amira said we should ask Ravinder at the licensing desk", kind: .insight))
    try night.finish()
    try database.close()
    return (root, data)
  }

  @Test func choicesMadeOnTheScreenAreWrittenAndRemembered() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let tmux = try TmuxSession(
      ["export", Self.night.short, "--anonymise", "--review", "--format", "markdown"],
      dataDir: data)
    tmux.waitFor("Share anonymised · Night-time economy")
    tmux.waitFor("1 without a choice")
    #expect(tmux.capture().contains("▸ Ravinder → [a person]"))
    try tmux.type("k")
    tmux.waitFor("keep (chosen)")
    tmux.waitFor("nothing left to decide")
    try tmux.type("w")
    tmux.waitFor("Wrote 1 session, anonymised, to")
    try tmux.send("Escape")
    #expect(tmux.waitForExit() == 0)
    let file = data.appendingPathComponent("exports/session-f6000000-anonymised.md")
    // Said again on the ordinary screen, where the path may wrap.
    tmux.waitFor("the path written") {
      $0.replacingOccurrences(of: "\n", with: "").contains(
        "Wrote the anonymised export to \(file.path).")
    }
    #expect(tmux.stderr.isEmpty, "\(tmux.stderr)")

    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("ask Ravinder at the licensing desk"), "\(text)")
    #expect(!text.contains("Amira") && !text.contains("Zoë"))
    let mode = try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions]
    #expect(mode as? Int == 0o600)

    // Without a terminal, --review prints the list as before, with the choice remembered.
    let printed = try SpawnedCommand(
      [
        "export", Self.night.short, "--anonymise", "--review", "--format", "markdown",
        "--data-dir", data.path,
      ], in: root)
    #expect(printed.status == 0, "\(printed.stderr)")
    #expect(printed.stdout.contains("- Ravinder → [a person]: keep (chosen)"), "\(printed.stdout)")
    #expect(printed.stdout.contains("Suspects (1, 0 without a choice)"))
  }

  @Test func theReviewListDeletesASessionOnceConfirmed() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let tmux = try TmuxSession(["review"], dataDir: data)
    tmux.waitFor("2 of 2 sessions")
    try tmux.send("C-x")
    tmux.waitFor("Delete session f6000000 “Night-time economy” (1 note) for good? y/n")
    try tmux.type("n")
    tmux.waitFor("Filter ▸") { !$0.contains("for good? y/n") }
    try tmux.send("C-x")
    tmux.waitFor("for good? y/n")
    try tmux.type("y")
    tmux.waitFor("Deleted session f6000000 (Night-time economy) for good.")
    tmux.waitFor("1 of 1 sessions")
    try tmux.send("Escape")
    #expect(tmux.waitForExit() == 0)

    let list = try SpawnedCommand(["list", "--data-dir", data.path], in: root)
    #expect(list.status == 0, "\(list.stderr)")
    #expect(list.stdout.contains("Hospital discharge"))
    #expect(!list.stdout.contains("Night-time economy"), "\(list.stdout)")
  }
}
