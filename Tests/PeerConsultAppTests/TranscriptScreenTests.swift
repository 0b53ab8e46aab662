import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// Opens the night-time economy session (the oldest, third in the list).
private func openNightTime(width: Int = 80, height: Int = 24) throws -> ReviewFixture {
  let f = try ReviewFixture(width: width, height: height)
  f.press(.down, .down, .enter)
  return f
}

@Suite struct TranscriptRenderTests {
  @Test func transcriptAt80x24() throws {
    expectGolden(try openNightTime().screen, "transcript-80x24")
  }

  @Test func transcriptAt120x40() throws {
    expectGolden(try openNightTime(width: 120, height: 40).screen, "transcript-120x40")
  }

  @Test func actionsAt80x24() throws {
    let f = try openNightTime()
    f.press(.character("a"), .down)
    expectGolden(f.screen, "transcript-actions-80x24")
  }

  @Test func actionsAt120x40() throws {
    let f = try openNightTime(width: 120, height: 40)
    f.press(.character("a"))
    expectGolden(f.screen, "transcript-actions-120x40")
  }
}

@Suite struct TranscriptBehaviourTests {
  @Test func groupsByRoundAndPhaseWithPresenters() throws {
    let f = try openNightTime(width: 120, height: 40)
    let lines = try #require(f.transcript?.layout.lines.map(\.text))
    let headings = lines.filter { !$0.hasPrefix("    ") && !$0.isEmpty }
    #expect(
      headings == [
        "Opening", "  Check-in · 1 note", "Round 1 of 2 · presenter Zoë Müller",
        "  Focus: How do we share ownership of the plan?", "  Presenting · 1 note",
        "  Powerful questions · 3 notes", "Round 2 of 2 · presenter 王小明",
        "  Presenting · 1 note", "  Powerful questions · 1 note", "Closing",
        "  Process review · 1 note",
      ])
    #expect(f.text.contains("08:04 question · Amira O'Neill: What would a joint licensing"))
  }

  @Test func phaseJumpsLandOnHeadings() throws {
    let f = try openNightTime()
    let layout = try #require(f.transcript?.layout)
    let rows = TranscriptScreen.rows(bodyHeight: f.runner.state.bodyHeight)
    let last = layout.lines.count - rows
    #expect(layout.sectionStarts.count == 6)
    #expect(layout.lines[layout.sectionStarts[1]].text == "Round 1 of 2 · presenter Zoë Müller")
    f.press(.character("]"))
    #expect(f.transcript?.scroll == layout.sectionStarts[1])
    #expect(f.text.contains("phase 2 of 6"))
    // A phase below the last full screen brings the end into view.
    f.press(.character("n"))
    #expect(f.transcript?.scroll == min(layout.sectionStarts[2], last))
    f.press(.character("["))
    #expect(f.transcript?.scroll == layout.sectionStarts[1])
    f.press(.character("p"), .character("p"))
    #expect(f.transcript?.scroll == 0)
    f.press(.end)
    #expect(f.transcript?.scroll == last)
    f.press(.pageUp)
    #expect(f.transcript?.scroll == 0)
    f.press(.down, .down)
    #expect(f.transcript?.scroll == 2)
    f.press(.home)
    #expect(f.transcript?.scroll == 0)
  }

  @Test func kindFilterCyclesThroughTheKindsPresent() throws {
    let f = try openNightTime()
    f.press(.character("f"))
    #expect(f.transcript?.layout.kind == .question)
    #expect(f.transcript?.layout.noteCount == 2)
    #expect(f.text.contains("question only · 2 notes"))
    #expect(!f.text.contains("Everyone arrived"))
    // The kinds this session has, in their usual order, then all again.
    var seen: [NoteKind?] = [.question]
    for _ in 0..<5 {
      f.press(.character("f"))
      seen.append(f.transcript?.layout.kind)
    }
    #expect(seen == [.question, .insight, .worksWell, .action, .other, nil])
    #expect(f.transcript?.layout.noteCount == 8)
  }

  @Test func markingAnActionDoneIsStoredAndShown() throws {
    let f = try openNightTime()
    f.press(.character("a"))
    #expect(f.text.contains("[ ] Draft the joint licensing letter"))
    f.press(.character("x"))
    #expect(f.runner.state.notice == Notice("Action marked done (saved).", tone: .success))
    #expect(f.text.contains("[x] Draft the joint licensing letter"))
    #expect(f.text.contains("Actions · 2 of 2 done"))
    // Stored: another connection reads it back from the file.
    let reread = try AppDatabase(directory: f.dataFolder).loadSession(ReviewFixture.nightTime)
    #expect(reread.note(4)?.isDone == true)
    // The transcript and the list show it too.
    f.press(.escape)
    let note = try #require(f.transcript?.layout.lines.filter { $0.note == 4 }.map(\.text))
    #expect(note.joined().hasSuffix("Müller ✓ done"))
    f.press(.escape)
    #expect(f.text.contains("actions 2/2 done"))
    // Space toggles it back.
    f.press(.enter, .character("a"), .character(" "))
    #expect(f.transcript?.actions.first?.isDone == false)
    let again = try AppDatabase(directory: f.dataFolder).loadSession(ReviewFixture.nightTime)
    #expect(again.note(4)?.isDone == false)
  }

  @Test func aFailedMarkSaysWhyAndChangesNothing() throws {
    let f = try openNightTime()
    f.press(.character("a"))
    // Meanwhile another PeerConsult deletes the action.
    let other = try LiveSession.resume(
      ReviewFixture.nightTime, store: AppDatabase(directory: f.dataFolder), clock: f.clock)
    try other.deleteNote(4)
    f.press(.character("x"))
    #expect(f.runner.state.notice == Notice("Not saved: Note #4 is deleted.", tone: .error))
    // The screen now shows the session as stored: that action is gone.
    #expect(f.transcript?.actions.map(\.id) == [5])
    #expect(!f.text.contains("Draft the joint licensing letter"))
  }

  @Test func enterOnAnActionShowsItInTheTranscript() throws {
    let f = try openNightTime()
    f.press(.character("f"))  // questions only: the action is hidden
    f.press(.character("a"), .down, .enter)
    let transcript = try #require(f.transcript)
    #expect(!transcript.showActions)
    #expect(transcript.layout.kind == nil)
    #expect(transcript.focusNote == 5)
    #expect(f.text.contains("Map who funds the street pastors"))
  }

  @Test func resizeRewrapsAndKeepsTheTopNote() throws {
    let f = try openNightTime(width: 120, height: 24)
    f.press(.character("]"), .character("]"))
    let before = try #require(f.transcript)
    let topNote = try #require(before.layout.lines[before.scroll...].compactMap(\.note).first)
    f.runner.handle(.resize(width: 80, height: 24))
    let after = try #require(f.transcript)
    #expect(after.layout.width == TranscriptLayout.textWidth(screenWidth: 80))
    #expect(after.layout.lines.count > before.layout.lines.count)
    #expect(after.layout.lines[after.scroll].note == topNote)
  }
}

@Suite struct TranscriptPlaceTests {
  /// A note corrected near the end of a transcript whose top row was inside a long note (a
  /// pasted e-mail): the view went back to that note's first row, 60 rows up, and the note
  /// just corrected was out of sight. It stays where it was.
  @Test func correctingANoteKeepsTheRowsInView() throws {
    let start = LiveFixture.start
    var session = try LiveFixture.startedSession(title: "Place", programme: "P")
    let long = (0..<40).map { "the board agreed item \($0) on licensing;" }.joined(separator: " ")
    try session.apply(
      .noteAdded(id: 1, slot: 0, content: NoteContent(text: long, kind: .insight)), at: start)
    for id in 2...4 {
      try session.apply(
        .noteAdded(
          id: id, slot: 0, content: NoteContent(text: "Short note \(id)", kind: .question)),
        at: start.addingTimeInterval(Double(id)))
    }
    var transcript = TranscriptState(
      sessionID: ReviewFixture.nightTime, session: session, screenWidth: 80,
      timeZone: TimeZone(identifier: "UTC")!, back: ReviewState(sessions: [], programmes: []))
    let rows = TranscriptScreen.rows(bodyHeight: 21)
    transcript.focusNote = 4
    transcript.reveal(note: 4, rows: rows)
    let top = transcript.scroll
    // The top row is inside the long note, below its first.
    #expect(transcript.layout.line(at: top)?.note == 1)
    #expect(try #require(transcript.layout.noteStart(1)) < top)
    try session.apply(
      .noteEdited(id: 4, content: NoteContent(text: "Short note 4, corrected", kind: .question)),
      at: start.addingTimeInterval(60))
    transcript.update(session: session)
    #expect(transcript.scroll == top)
    let corrected = try #require(transcript.layout.noteStart(4))
    #expect((transcript.scroll..<transcript.scroll + rows).contains(corrected))
  }
}

@Suite struct LongTranscriptTests {
  /// A session of 10,000 notes spread over every phase, built by folding events directly.
  private func longSession() throws -> SessionState {
    let start = LiveFixture.start
    var session = try LiveFixture.startedSession(title: "Marathon", programme: "Endurance")
    let slots = session.setup.schedule.count
    for i in 0..<10_000 {
      let content = NoteContent(
        text: "Note \(i + 1): the late-night levy, licensing and who owns the town-centre plan",
        kind: NoteKind.allCases[i % NoteKind.allCases.count], speaker: i % 3)
      try session.apply(
        .noteAdded(id: session.nextNoteID, slot: i * slots / 10_000, content: content),
        at: start.addingTimeInterval(Double(i)))
    }
    return session
  }

  @Test func tenThousandNotesScrollWithoutLayingOutAgain() throws {
    let session = try longSession()
    let transcript = TranscriptState(
      sessionID: ReviewFixture.nightTime, session: session, screenWidth: 80,
      timeZone: TimeZone(identifier: "UTC")!, back: ReviewState(sessions: [], programmes: []))
    let layout = transcript.layout
    #expect(layout.noteCount == 10_000)
    var state = AppState(screen: transcript, width: 80, height: 24)
    state.timeZone = TimeZone(identifier: "UTC")!

    // Opening and a hundred pages down measure only the rows shown and a screen below them:
    // the total is not known until the end is reached.
    #expect(layout.knownLineCount == nil)
    for _ in 0..<100 {
      _ = App.update(&state, .key(.pageDown))
      _ = App.render(state)
    }
    #expect(layout.knownLineCount == nil)
    let frame = App.render(state).grid.lines.joined(separator: "\n")
    #expect(frame.range(of: #"rows \d+–\d+ of"#, options: .regularExpression) == nil)
    #expect(layout.lines.count > 10_000)

    for key in [Key.end, .character("["), .character("]"), .up, .down, .home, .end] {
      _ = App.update(&state, .key(key))
    }
    guard let scrolled = state.screen as? TranscriptState else {
      Issue.record("left the transcript")
      return
    }
    #expect(scrolled.layout == layout, "scrolling laid the transcript out again")
    let rows = TranscriptScreen.rows(bodyHeight: state.bodyHeight)
    #expect(scrolled.scroll == layout.lines.count - rows)
    let last = App.render(state).grid.lines.joined(separator: "\n")
    #expect(last.contains("Note 10000:"))
    #expect(last.contains("rows \(layout.lines.count - rows + 1)–\(layout.lines.count)"))
  }
}
