import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A finished session can be reopened (`p` on the summary, or resuming it), and a stored
/// note can be corrected in review, as one more event with the earlier text kept.
@Suite struct ReopenAndCorrectTests {
  /// Runs the drill to its summary: the opening, two rounds of two phases and the closing.
  private func finished() throws -> LiveFixture {
    let f = try LiveFixture()
    for _ in 0..<6 { f.press(.character("n")) }
    #expect(f.runner.state.screen is SummaryState)
    return f
  }

  @Test func pOnTheSummaryReopensTheLastPhase() throws {
    let f = try finished()
    expectGolden(f.screen, "summary-finished-80x24")
    f.press(.character("p"))
    let live = try #require(f.live)
    #expect(!live.session.isFinished)
    #expect(live.session.current?.phase.name == "Process review")
    #expect(f.runner.state.notice?.text == SummaryState.reopenedNotice)
    f.advance(20)
    #expect(f.text.contains("00:40 left of 01:00"))
    f.press(.character("n"))
    #expect(f.runner.state.screen is SummaryState)
  }

  @Test func resumingAFinishedSessionOffersToReopenIt() throws {
    let f = try finished()
    let id = try #require((f.runner.state.screen as? SummaryState)?.sessionID)
    f.press(.character("q"))
    #expect(f.runner.state.screen is HomeState)
    f.runner.perform(.resume(id))
    #expect(f.runner.state.screen is SummaryState)
    guard case .confirm(let question, _, _, _) = f.runner.state.overlay else {
      Issue.record("no question about reopening")
      return
    }
    #expect(question == "This session is finished. Reopen its last phase? y/n")
    f.press(.character("y"))
    #expect(f.live?.session.isFinished == false)
  }

  @Test func reopenForScriptsReopensWithoutAsking() throws {
    let f = try finished()
    let id = try #require((f.runner.state.screen as? SummaryState)?.sessionID)
    f.press(.character("q"))
    f.runner.perform(.reopen(id))
    #expect(f.runner.state.overlay == nil)
    #expect(f.live?.session.current?.phase.name == "Process review")
    #expect(f.live?.session.isFinished == false)
  }
}

@Suite struct TranscriptCorrectionTests {
  private func openNightTime() throws -> ReviewFixture {
    let f = try ReviewFixture(width: 80, height: 24)
    f.press(.down, .down, .enter)
    return f
  }

  @Test func eCorrectsTheFirstNoteInViewAsAnEvent() throws {
    let f = try openNightTime()
    f.press(.character("e"))
    let editor = try #require(f.transcript?.editor)
    #expect(editor.editing == 1)
    #expect(f.text.contains("Edit #1 ▸ Everyone arrived on time"))
    expectGolden(f.screen, "transcript-correct-80x24")
    // Typing is text here: `q` and `n` do not leave or jump.
    f.press(.control("u"))
    f.type("Everyone arrived; Sam was late (name removed: q n)")
    f.press(.enter)
    #expect(f.transcript?.editor == nil)
    #expect(f.runner.state.notice?.text == "Note #1 corrected (the earlier text is kept).")
    let stored = try f.services.store().loadSession(ReviewFixture.nightTime)
    let note = try #require(stored.note(1))
    #expect(note.text == "Everyone arrived; Sam was late (name removed: q n)")
    #expect(note.history.map(\.content.text) == ["Everyone arrived on time"])
    #expect(f.text.contains("Everyone arrived; Sam was late"))
  }

  /// A long correction wraps onto more rows, as the live screen's note line does, so the
  /// whole note can be read while it is corrected; on one line it showed its last few
  /// characters ("Edit #2 ▸ …p.").
  @Test func aLongCorrectionWrapsOntoMoreRows() throws {
    let f = try openNightTime()
    f.press(.character("e"), .control("u"))
    let words = (1...30).map { "word\($0)" }
    f.type(words.joined(separator: " "))
    let rows = f.screen.lines
    let first = try #require(rows.firstIndex { $0.contains("Edit #1 ▸ ") })
    let shown = rows[first...].joined(separator: " ")
    let tokens = Set(shown.split(separator: " ").map(String.init))
    for word in words { #expect(tokens.contains(word), "\(word)") }
    #expect(shown.contains("Edit #1 ▸ word1 word2"))
    #expect(first < rows.count - 3)
  }

  @Test func escapeLeavesTheNoteAsItWas() throws {
    let f = try openNightTime()
    f.press(.character("e"))
    f.type(" and more")
    // As on the live screen, Esc on typed text asks first; `y` discards the change.
    f.press(.escape)
    #expect(f.transcript?.editor?.mode == .askingDiscard)
    f.press(.character("y"))
    #expect(f.transcript?.editor == nil)
    let stored = try f.services.store().loadSession(ReviewFixture.nightTime)
    #expect(stored.note(1)?.text == "Everyone arrived on time")
    #expect(stored.note(1)?.history.isEmpty == true)
    // Opened and left as it was, Esc closes it without asking, and Enter saves nothing.
    f.press(.character("e"), .escape)
    #expect(f.transcript?.editor == nil)
    f.press(.character("e"), .enter)
    #expect(f.transcript?.editor == nil)
    #expect(f.runner.state.notice == LiveScreen.nothingToSaveNotice)
  }
}
