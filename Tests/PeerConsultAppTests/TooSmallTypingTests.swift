import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A window made too small hides the screen; what is typed meanwhile is not lost.
@Suite struct TooSmallTypingTests {
  @Test func textTypedOrPastedWhileTheWindowIsTooSmallIsInTheNoteWhenItGrowsBack() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("Licensing")
    f.runner.handle(.resize(width: 40, height: 10))
    #expect(f.text.contains("too small"))
    f.type(" and health")
    f.runner.handle(.paste(" meet"))
    // A paste with a line break would act as Enter in a form: it waits for the window.
    f.runner.handle(.paste(" and\nmore"))
    // Keys that would act unseen still do nothing: Enter does not save the note.
    f.press(.enter, .escape)
    f.runner.handle(.resize(width: 80, height: 24))
    #expect(f.live?.editor.map { String($0.line.text) } == "Licensing and health meet")
    #expect(f.live?.session.notes.isEmpty == true)
    f.press(.enter)
    #expect(f.live?.session.notes.map(\.text) == ["Licensing and health meet"])
  }
}
