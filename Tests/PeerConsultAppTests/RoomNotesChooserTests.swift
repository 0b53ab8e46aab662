import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// `v` on the live screen: which kinds of note the room display shows, stored as an event.
@Suite struct RoomNotesChooserTests {
  @Test func spaceShowsOrHidesTheKindAndEachChangeIsStored() throws {
    let f = try LiveFixture()
    f.press(.character("v"))
    #expect(f.live?.keyContext == .roomNotes)
    expectGolden(f.screen, "live-room-notes-80x24")
    f.press(.character(" "))
    #expect(f.live?.session.roomNoteKinds == [.question, .theme, .worksWell, .blockage, .action])
    f.press(.down, .down, .character(" "))
    #expect(f.live?.session.roomNoteKinds == [.question, .worksWell, .blockage, .action])
    let id = try #require(f.live?.sessionID)
    #expect(try f.store.database.loadSession(id).roomNoteKinds == f.live?.session.roomNoteKinds)
    #expect(f.text.contains("[x] question"))
    #expect(f.text.contains("[ ] theme"))
    f.press(.escape)
    #expect(f.live?.keyContext == .live)
    #expect(f.text.contains("Transcript"))
  }

  @Test func typingANoteNeverOpensThePanel() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("v")
    #expect(f.live?.roomNotesSelection == nil)
    #expect(f.live?.editor?.line.string == "v")
  }
}
