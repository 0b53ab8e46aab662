import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// The session bends to the room, through the real binary in a real terminal: a session
/// waits until Space, a finished one reopens, and a stored note is corrected in review.
@Suite(needsTmux) struct FlowEndToEndTests {
  private static let runArguments = [
    "--title", "Flow session", "--programme", "Alcohol Plan",
    "--participant", "Zoë Müller;City Council;senior",
    "--participant", "Amira O'Neill;NHS Trust;frontline",
  ]

  /// `run` on `scratch`'s `data` folder, found through the environment, or given with
  /// `--data-dir` (the environment naming another) when `naming`.
  private func start(_ scratch: TemporaryFolder, naming: Bool = false) throws -> TmuxSession {
    let drill = scratch.url.appendingPathComponent("drill.yaml")
    try SessionEndToEndTests.drill.write(to: drill, atomically: true, encoding: .utf8)
    let data = scratch.url.appendingPathComponent("data")
    return try TmuxSession(
      ["run", "--protocol", drill.path] + Self.runArguments
        + (naming ? ["--data-dir", data.path] : []),
      dataDir: naming ? scratch.url.appendingPathComponent("elsewhere") : data)
  }

  @Test func aFinishedSessionReopensAndItsNoteIsCorrectedInReview() throws {
    let scratch = try TemporaryFolder(prefix: "pc-flow")
    let dataDir = scratch.url.appendingPathComponent("data")
    let tmux = try start(scratch)
    tmux.waitFor("Flow session · Ready to start")
    try tmux.startWhenReady()
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type("Sam Jones said the levy is stuck")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
    // The opening, two rounds of two phases, the closing: six steps to the summary.
    for _ in 0..<6 { try tmux.send("n") }
    tmux.waitFor("Summary · Flow session")
    // `n` once too often is not for good: `p` reopens the last phase.
    try tmux.send("p")
    tmux.waitFor("Reopened the last phase")
    tmux.waitFor("Review · phase 1 of 1 · closing")
    try tmux.send("n")
    tmux.waitFor("Summary · Flow session")
    try tmux.send("q")
    #expect(tmux.waitForExit() == 0)

    // Resuming the finished session offers to reopen it.
    let database = try AppDatabase(directory: dataDir)
    let id = try database.resolveSession("latest")
    try database.close()
    let resumed = try TmuxSession(["resume", String(id.rawValue.prefix(8))], dataDir: dataDir)
    resumed.waitFor("Reopen its last phase? y/n")
    try resumed.send("y")
    resumed.waitFor("Review · phase 1 of 1 · closing")
    try resumed.send("n")
    resumed.waitFor("Summary · Flow session")
    try resumed.send("q")
    #expect(resumed.waitForExit() == 0)

    // In review, the note is corrected: a name the anonymiser would miss is taken out.
    let review = try TmuxSession(["review"], dataDir: dataDir)
    review.waitFor("1 of 1 session")
    try review.send("Enter")
    review.waitFor("Sam Jones said the levy is stuck")
    try review.type("e")
    review.waitFor("Edit #1 ▸ Sam Jones")
    try review.send("C-u")
    try review.type("A colleague said the levy is stuck")
    try review.send("Enter")
    review.waitFor("Note #1 corrected (the earlier text is kept).")
    try review.send("Escape")
    review.waitFor("1 of 1 session")
    try review.send("Escape")
    #expect(review.waitForExit() == 0)

    let reread = try AppDatabase(directory: dataDir)
    let session = try reread.loadSession(id)
    #expect(session.isFinished)
    #expect(session.note(1)?.text == "A colleague said the levy is stuck")
    #expect(session.note(1)?.history.map(\.content.text) == ["Sam Jones said the levy is stuck"])
  }

  @Test func aLatecomerJoinsAndAnAbsentPresenterIsSkipped() throws {
    let scratch = try TemporaryFolder(prefix: "pc-flow")
    let dataDir = scratch.url.appendingPathComponent("data")
    let tmux = try start(scratch, naming: true)
    try tmux.startWhenReady()
    try tmux.type("w")
    tmux.waitFor("Presenting still to come, in order")
    try tmux.type("a")
    tmux.waitFor("Latecomer ▸")
    try tmux.type("Dev O'Brien; Licensing; middle")
    try tmux.send("Enter")
    tmux.waitFor("Dev O'Brien joined")
    // Dev presents last; Zoë, absent, is skipped.
    try tmux.send("Down", "Down", "Space")
    tmux.waitFor("R3 Dev O'Brien")
    try tmux.send("Up", "Up", "Space")
    tmux.waitFor("R2 Dev O'Brien")
    try tmux.send("Escape")
    tmux.waitFor("Speaks now")
    try tmux.type("s")
    tmux.waitFor("R1 Presenting · Amira O'Neill")
    #expect(!tmux.capture().contains("· Zoë Müller"))
    try tmux.send("Escape")
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    #expect(tmux.waitForExit() == 0)
    // Back at the shell, the way back in is spelt out, to the data folder named.
    tmux.waitFor("stays unfinished; carry on with: peerconsult resume ")
    #expect(tmux.capture(joined: true).contains(" --data-dir \(dataDir.path)\n"))

    let database = try AppDatabase(directory: dataDir)
    let session = try database.loadSession(try database.resolveSession("latest"))
    #expect(session.participants.map(\.name).last == "Dev O'Brien")
    #expect(session.setup.presenters == [1, 2])
  }
}
