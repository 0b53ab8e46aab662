import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// Every live key shows its new state or says why it did nothing.
@Suite struct LiveKeyFeedbackTests {
  @Test func minusStopsAtOneMinuteAndSaysWhy() throws {
    let f = try LiveFixture()
    f.press(.character("-"))
    #expect(f.text.contains("01:00 left of 01:00 (planned 02:00)"))
    f.press(.character("-"))
    #expect(f.text.contains("01:00 left of 01:00"))
    #expect(!f.text.contains("00:00 left"))
    #expect(f.runner.state.notice?.text.contains("at least one minute") == true)
    #expect(f.live?.session.timings[0].adjustmentSeconds == -60)
  }

  @Test func muteSaysItIsMutedAndUnmuted() throws {
    let f = try LiveFixture()
    f.press(.character("m"))
    #expect(f.live?.muted == true)
    #expect(f.runner.state.notice?.text.hasPrefix("Bell muted") == true)
    f.press(.character("m"))
    #expect(f.runner.state.notice?.text.hasPrefix("Bell on") == true)
  }

  @Test func doneOnANoteThatIsNotAnActionSaysWhy() throws {
    let f = try LiveFixture()
    f.press(.character("x"))
    #expect(f.runner.state.notice?.text == "No note to mark done yet: Enter writes one.")
    f.press(.enter)
    f.type("Ground rules agreed")
    f.press(.enter)
    f.press(.character("x"))
    #expect(
      f.runner.state.notice?.text
        == "Note #1 is other, not an action: x marks actions done.")
    f.press(.character("e"))
    f.press(.tab, .character("a"))
    #expect(f.live?.editor?.kind == .action)
    f.press(.enter)
    f.press(.character("x"))
    #expect(f.runner.state.notice?.text == "Action #1 marked done.")
  }

  @Test func editAndDeleteWithNoNoteSayWhy() throws {
    let f = try LiveFixture()
    f.press(.character("e"))
    #expect(f.runner.state.notice?.text == "No note to edit yet: Enter writes one.")
    f.press(.character("d"))
    #expect(f.runner.state.notice?.text == "No note to delete yet: Enter writes one.")
    #expect(f.runner.state.overlay == nil)
  }

  @Test func theAdviceFlagStaysWithTheNoteAfterMovingOn() throws {
    let f = try LiveFixture()
    f.press(.character("n"), .character("n"), .enter)
    f.type("OK. Why not ask them?")
    f.press(.enter)
    #expect(f.text.contains("⚑ advice?"))
    f.press(.character("n"))
    #expect(f.text.contains("⚑ advice?"))
    f.press(.character("p"), .character("p"))
    #expect(f.text.contains("⚑ advice?"))
  }

  /// With the data folder when it is not the one found by default: typed in a shell, the
  /// command without it looked in another folder.
  @Test func leavingSaysHowToResume() throws {
    let f = try LiveFixture()
    f.press(.character("q"), .character("y"))
    #expect(f.runner.state.screen is HomeState)
    // Home comes back on Resume, which the notice names: Enter returns to the meeting.
    #expect((f.runner.state.screen as? HomeState)?.selection == HomeScreen.Entry.resume.rawValue)
    let folder = f.services.location.dataDirectory.path
    #expect(
      f.runner.state.notice?.text
        == "Session 5e551011 stays unfinished: Resume carries on, or peerconsult resume 5e551011 "
        + "--data-dir \(folder).")
    #expect(f.services.leftUnfinished?.short == "5e551011")
  }
}
