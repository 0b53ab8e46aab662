import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// A `#tag` used in an earlier session of the programme is completed with Ctrl-T in a new
/// one, through the real binary in tmux, and found by `search '#tag'` afterwards.
@Suite(needsTmux) struct TagEndToEndTests {
  @Test func ctrlTCompletesATagFromAnEarlierSessionOfTheProgramme() throws {
    let scratch = try TemporaryFolder(prefix: "pc-tags")
    let data = scratch.url.appendingPathComponent("data")
    let database = try AppDatabase(directory: data)
    let earlier = try LiveSession.create(
      SessionSetup(
        title: "Earlier", programme: "Alcohol Plan", consultingProtocol: BuiltInProtocols.all[0],
        participants: [
          Participant(name: "Zoë Müller", organisation: "City Council", level: .senior)
        ],
        presenters: [0]),
      store: database)
    try earlier.start()
    try earlier.addNote(NoteContent(text: "Late opening #night-time-economy", kind: .theme))
    try database.close()

    let file = scratch.url.appendingPathComponent("calm.yaml")
    try CaptureEndToEndTests.calm.write(to: file, atomically: true, encoding: .utf8)
    let tmux = try TmuxSession(
      [
        "run", "--protocol", file.path, "--title", "Tags", "--programme", "Alcohol Plan",
        "--participant", "Amira O'Neill;NHS Trust;frontline",
      ], dataDir: data)
    try tmux.startWhenReady()
    try tmux.send("Enter")
    tmux.waitFor("Note ▸")
    try tmux.type("Taxis #NIGHT")
    tmux.waitFor("tag: #night-time-economy")
    try tmux.send("C-t")
    tmux.waitFor("Note ▸ Taxis #night-time-economy")
    try tmux.send("Enter")
    tmux.waitFor("Note saved.")
    try tmux.send("q")
    tmux.waitFor("Leave the session?")
    try tmux.send("y")
    #expect(tmux.waitForExit() == 0)

    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let found = try reader.searchNotes("#night-time-economy").map(\.text.text)
    #expect(Set(found) == ["Late opening #night-time-economy", "Taxis #night-time-economy"])
    #expect(try reader.tagCounts().map(\.sessions) == [2])
  }
}
