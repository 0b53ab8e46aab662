import Foundation
import GRDB
import PeerConsultKit
import TestSupport
import Testing

/// A note being typed when the terminal closes (SIGHUP) or the program is told to end
/// (SIGTERM) is kept, and so is one being typed when it is killed outright (SIGKILL, as a
/// power cut would end it) once typing paused; the next opening of the session puts it back
/// in the note line.
@Suite(needsTmux) struct DraftEndToEndTests {
  private static let runArguments = [
    "--title", "Draft session", "--programme", "Alcohol Plan",
    "--participant", "Zoë Müller;City Council;senior",
    "--participant", "王小明;Police;middle",
  ]

  /// The drafts kept in the folder, read without taking them.
  static func keptDrafts(_ dataDir: URL) throws -> [String] {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(
      path: dataDir.appendingPathComponent(AppDatabase.fileName).path,
      configuration: configuration)
    defer { try? queue.close() }
    return try queue.read { try String.fetchAll($0, sql: "SELECT text FROM note_drafts") }
  }

  /// Whether the drafts kept come to be `texts` within 15 s: polled, not slept on.
  private func waitForKept(_ texts: [String], in dataDir: URL) throws -> Bool {
    let deadline = Date().addingTimeInterval(15)
    while (try? Self.keptDrafts(dataDir)) != texts && Date() < deadline { usleep(50_000) }
    return try Self.keptDrafts(dataDir) == texts
  }

  /// Starts the drill session in `folder` with its data in `dataDir`, and opens the note line.
  private func openNoteLine(in folder: URL, dataDir: URL) throws -> TmuxSession {
    let drill = folder.appendingPathComponent("drill.yaml")
    try SessionEndToEndTests.drill.write(to: drill, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      ["run", "--protocol", drill.path] + Self.runArguments, dataDir: dataDir)
    try tmux.startWhenReady()
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    return tmux
  }

  /// `resume latest` opens on the kept `text` with its notice; Enter saves it, `q` leaves.
  /// Saved once, and nothing kept to come back a second time.
  private func expectResumeSavesOnce(
    _ text: String, dataDir: URL, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let resumed = try TmuxSession(["resume", "latest"], dataDir: dataDir)
    resumed.waitFor("being written when PeerConsult was closed", sourceLocation: sourceLocation)
    #expect(resumed.capture().contains(text), sourceLocation: sourceLocation)
    try resumed.send("Enter")
    resumed.waitFor("Note saved.", sourceLocation: sourceLocation)
    try resumed.send("q")
    resumed.waitFor("y/n", sourceLocation: sourceLocation)
    try resumed.send("y")
    #expect(
      resumed.waitForExit(sourceLocation: sourceLocation) == 0, sourceLocation: sourceLocation)
    let database = try AppDatabase(directory: dataDir)
    defer { try? database.close() }
    let id = try database.resolveSession("latest")
    #expect(
      try database.loadSession(id).visibleNotes.map(\.text) == [text],
      sourceLocation: sourceLocation)
    #expect(try database.draft(of: id) == nil, sourceLocation: sourceLocation)
  }

  @Test func aNoteBeingTypedWhenTheTerminalClosesIsBackOnResume() throws {
    for (signal, status) in [(SIGHUP, Int32(129)), (SIGTERM, Int32(143))] {
      let scratch = try TemporaryFolder(prefix: "pc-draft")
      let dataDir = scratch.url.appendingPathComponent("data")
      let tmux = try openNoteLine(in: scratch.url, dataDir: dataDir)
      let start = "Typed as the window closed · 小明"
      try tmux.type(start)
      tmux.waitFor(start)
      // Kept at the pause first; what is typed after it is in the draft only if the signal
      // keeps it (unless the kill comes more than a pause later, on a very loaded machine).
      try #require(try waitForKept([start], in: dataDir), "stderr: \(tmux.stderr)")
      let text = start + " \(signal)"
      try tmux.type(" \(signal)")
      tmux.waitFor(text)
      kill(try #require(try tmux.programPID()), signal)
      #expect(tmux.waitForExit() == status)
      #expect(try Self.keptDrafts(dataDir) == [text], "stderr: \(tmux.stderr)")
      try expectResumeSavesOnce(text, dataDir: dataDir)
    }
  }

  /// SIGKILL gives the program no chance to keep anything on its way out: what was kept at
  /// the last pause in typing comes back.
  @Test func aNoteBeingTypedWhenTheProgramIsKilledIsBackOnResumeOnceTypingPaused() throws {
    let scratch = try TemporaryFolder(prefix: "pc-draft")
    let dataDir = scratch.url.appendingPathComponent("data")
    let tmux = try openNoteLine(in: scratch.url, dataDir: dataDir)
    let text = "Typed before the battery died · 小明"
    try tmux.type(text)
    tmux.waitFor(text)
    try #require(try waitForKept([text], in: dataDir), "stderr: \(tmux.stderr)")
    kill(try #require(try tmux.programPID()), SIGKILL)
    #expect(tmux.waitForExit() == 137)
    try expectResumeSavesOnce(text, dataDir: dataDir)
  }
}
