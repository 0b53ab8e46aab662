import Foundation
import PeerConsultKit
import Testing

/// A session live in one window while `review` marks its action done in another: the live
/// session keeps writing notes, and its lock says it is live until it is killed (issue 14,
/// item 7).
@Suite(needsTmux) struct LiveSessionLockEndToEndTests {
  static let session = SessionID(rawValue: "b2" + String(repeating: "0", count: 30))!

  /// A data folder holding one started session with one open action.
  private func preparedFolder() throws -> (root: URL, data: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-lock-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data")
    let database = try AppDatabase(directory: data)
    let people = [
      Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
      Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    ]
    let live = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: BuiltInProtocols.all[0], participants: people, presenters: [0, 1]),
      id: Self.session, store: database)
    try live.start()
    try live.addNote(NoteContent(text: "Draft the licensing letter", kind: .action, owner: 0))
    try database.close()
    return (root, data)
  }

  @Test func reviewMarksAnActionDoneWhileTheLiveSessionKeepsWriting() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    #expect(!SessionLock.isLive(Self.session, in: data))
    let live = try TmuxSession(["resume", Self.session.rawValue], dataDir: data)
    live.waitFor("Draft the licensing letter")
    #expect(SessionLock.isLive(Self.session, in: data))

    try live.send("Enter")
    live.waitFor("Note ▸")
    try live.type("Typed before review wrote")

    // Meanwhile, in another window, review marks the action done.
    let review = try TmuxSession(["review"], dataDir: data)
    review.waitFor("1 of 1 session")
    try review.send("Enter")
    review.waitFor("Review · Night-time economy")
    try review.type("a")
    review.waitFor("[ ] Draft the licensing letter")
    try review.type("x")
    review.waitFor("Action marked done (saved).")
    // The live screen shows it by itself, on its next tick, with the note still being typed.
    live.waitFor("the action done in the transcript") { $0.contains("✓ done") }
    #expect(live.capture().contains("Note ▸ Typed before review wrote"))

    // The live session saves its typed note, and the next one.
    try live.send("Enter")
    live.waitFor("Note saved.")
    live.waitFor("editor closed") { !$0.contains("Note ▸") }
    try live.send("Enter")
    live.waitFor("Note ▸")
    try live.type("And after it")
    try live.send("Enter")
    live.waitFor("Note saved.")

    let reader = try AppDatabase(directory: data)
    let events = try reader.events(of: Self.session)
    let state = try SessionState.replay(events)
    #expect(
      state.visibleNotes.map(\.text) == [
        "Draft the licensing letter", "Typed before review wrote", "And after it",
      ])
    #expect(state.visibleNotes.first?.isDone == true)
    try reader.close()

    // A kill -9 lets the session go at once.
    let pid = try #require(try live.programPID())
    kill(pid, SIGKILL)
    let deadline = Date().addingTimeInterval(10)
    while SessionLock.isLive(Self.session, in: data), Date() < deadline { usleep(10_000) }
    #expect(!SessionLock.isLive(Self.session, in: data))
  }

  @Test func resumeRefusesASessionLiveInAnotherPane() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let live = try TmuxSession(["resume", Self.session.rawValue], dataDir: data)
    live.waitFor("Draft the licensing letter")

    for arguments in [["resume", Self.session.rawValue], ["resume"]] {
      let second = try TmuxSession(arguments, dataDir: data)
      #expect(second.waitForExit() == 1)
      let stderr = try String(
        contentsOf: second.folder.appendingPathComponent("stderr"), encoding: .utf8)
      #expect(
        stderr == "Error: Session b2000000 is open in another PeerConsult window: carry on there, "
          + "or leave it there (q) first. Nothing was changed.\n", "\(arguments): \(stderr)")
    }
    // The first window carries on.
    try live.send("Enter")
    live.waitFor("Note ▸")
    try live.type("Still here")
    try live.send("Enter")
    live.waitFor("Note saved.")
  }
}
