import Foundation
import TerminalKit
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit

/// A session opened from its snapshot holds its notes undecoded (`NoteLog`): the live and
/// review transcripts drawn from it must be the frames a full replay gives, at the top, the
/// middle and the end of a 10,000-note session, with changes made after the snapshot.
@Suite struct LazyTranscriptTests {
  private static let utc = TimeZone(identifier: "UTC")!

  /// The same session twice: folded from events, and opened from its snapshot with the
  /// events after it applied, as an opening does.
  private static func sessions() throws -> (replayed: SessionState, opened: SessionState) {
    let start = LiveFixture.start
    var replayed = try LiveFixture.startedSession(title: "Marathon", programme: "Endurance")
    let slots = replayed.setup.schedule.count
    for i in 0..<10_000 {
      let content = NoteContent(
        text: "Note \(i + 1): the late-night levy, licensing and who owns the town-centre plan",
        kind: NoteKind.allCases[i % NoteKind.allCases.count], speaker: i % 3)
      try replayed.apply(
        .noteAdded(id: replayed.nextNoteID, slot: i * slots / 10_000, content: content),
        at: start.addingTimeInterval(Double(i)))
    }
    var opened = try #require(
      SessionSnapshot.state(fromPayload: try SessionSnapshot.payload(of: replayed)))
    #expect(opened.notes.stored?.decodedCount == 0)
    let later: [SessionEvent] = [
      .noteEdited(id: 1, content: NoteContent(text: "First, corrected", kind: .theme)),
      .noteDeleted(id: 5_000),
      .noteEdited(id: 5_001, content: NoteContent(text: "Middle, corrected", kind: .insight)),
      .noteDeleted(id: 10_000),
      .noteAdded(
        id: 10_001, slot: slots - 1, content: NoteContent(text: "After the snapshot", kind: .theme)
      ),
    ]
    for (offset, event) in later.enumerated() {
      let at = start.addingTimeInterval(Double(20_000 + offset))
      try replayed.apply(event, at: at)
      try opened.apply(event, at: at)
    }
    return (replayed, opened)
  }

  private static func frame(_ screen: any Screen) -> String {
    var state = AppState(screen: screen, width: 80, height: 24)
    state.timeZone = utc
    state.now = Date(timeIntervalSince1970: 1_800_030_000)
    let grid = App.render(state).grid
    return GoldenScreen.text(of: grid)
  }

  @Test func theLiveTranscriptIsTheReplaysAtTopMiddleAndEnd() throws {
    let (replayed, opened) = try Self.sessions()
    for selected in [nil, 1, 2, 5_001, 9_999, 10_001] as [Int?] {
      var frames: [String] = []
      for session in [replayed, opened] {
        var live = LiveState(
          sessionID: ReviewFixture.nightTime, session: session,
          now: Date(timeIntervalSince1970: 1_800_030_000))
        live.selectedNote = selected
        frames.append(Self.frame(live))
      }
      #expect(frames[0] == frames[1], "selected \(selected.map(String.init) ?? "none")")
    }
    // Drawing the newest notes decoded a screenful, not the transcript.
    let decoded = try #require(opened.notes.stored?.decodedCount)
    #expect(decoded < 100)
  }

  @Test func theReviewTranscriptIsTheReplaysAtTopMiddleAndEnd() throws {
    let (replayed, opened) = try Self.sessions()
    var transcripts = [replayed, opened].map {
      TranscriptState(
        sessionID: ReviewFixture.nightTime, session: $0, screenWidth: 80, timeZone: Self.utc,
        back: ReviewState(sessions: [], programmes: []))
    }
    // The first frame of the opened one decodes about a screenful of notes (those in view
    // and a screen below), not the transcript.
    _ = Self.frame(transcripts[1])
    let decoded = try #require(opened.notes.stored?.decodedCount)
    #expect(decoded < 100)
    // Notes written phase after phase are placed as runs: a heading or two and a run for
    // each phase (the deleted notes split two), not a piece a note.
    for transcript in transcripts {
      #expect(transcript.layout.segmentPieceCount <= 3 * transcript.layout.sectionCount + 2)
    }
    #expect(transcripts[0].layout == transcripts[1].layout)
    let rows = TranscriptScreen.rows(bodyHeight: 20)
    // Both measured to the end, so that both status lines give the total.
    #expect(transcripts[0].maxScroll(rows: rows) == transcripts[1].maxScroll(rows: rows))
    for line in [0, transcripts[0].maxScroll(rows: rows) / 2, transcripts[0].maxScroll(rows: rows)]
    {
      for index in transcripts.indices { transcripts[index].scroll(to: line, rows: rows) }
      #expect(Self.frame(transcripts[0]) == Self.frame(transcripts[1]), "row \(line)")
    }
  }
}
