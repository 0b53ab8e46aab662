import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Several PeerConsult processes on one data folder: two live sessions write while a reader
/// lists and searches, and nobody sees "database is locked".
@Suite(needsTmux) struct ConcurrencyEndToEndTests {
  @Test func twoLiveSessionsAndAReaderShareOneFolder() throws {
    let scratch = try TemporaryFolder(prefix: "pc-conc")
    let folder = scratch.url
    let dataDir = folder.appendingPathComponent("data")
    func start(_ title: String) throws -> TmuxSession {
      try TmuxSession(
        [
          "run", "--protocol", "slg", "--title", title, "--programme", "Alcohol Plan",
          "--participant", "Zoë;Council;senior", "--participant", "Amira;NHS;frontline",
        ], dataDir: dataDir)
    }
    let first = try start("Group A")
    first.waitFor("Check-in")
    try first.startWhenReady()
    let second = try start("Group B")
    second.waitFor("Check-in")
    try second.startWhenReady()
    // The reader is a separate connection in this process, polling while both write.
    let reader = try AppDatabase(directory: dataDir)
    var reads = 0
    for round in 1...6 {
      for (tmux, group) in [(first, "A"), (second, "B")] {
        try tmux.send("Enter")
        tmux.waitFor("Note ▸")
        try tmux.type("note \(round) from group \(group)")
        try tmux.send("Enter")
        tmux.waitFor("note \(round) from group \(group)")
        tmux.waitFor("editor closed") { !$0.contains("Note ▸") }
        _ = try reader.sessions()
        _ = try reader.searchNotes("group")
        reads += 2
      }
    }
    #expect(!first.capture().contains("Not saved"))
    #expect(!second.capture().contains("Not saved"))
    let listings = try reader.sessions()
    #expect(Set(listings.map(\.title)) == ["Group A", "Group B"])
    for listing in listings {
      let notes = try reader.loadSession(listing.id).visibleNotes.map(\.text)
      let group = listing.title.suffix(1)
      #expect(notes == (1...6).map { "note \($0) from group \(group)" })
    }
    #expect(try reader.searchNotes("group").count == 12)
    #expect(reads == 24)
    for tmux in [first, second] {
      try tmux.send("q")
      tmux.waitFor("Leave the session?")
      try tmux.send("y")
      #expect(tmux.waitForExit() == 0)
    }
  }
}
