import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// What a line at 80 columns cut off or split: a long session title gives way, so what
/// follows it on the line shows; the advice flag stays in one piece.
@Suite struct EightyColumnsTests {
  static let title =
    "Night-Time Economy Systems Learning Group, third meeting of the winter programme"

  /// A session of that title, in its first round's first phase, or finished.
  private func session(finished: Bool = false, focusQuestion: String? = nil) throws
    -> SessionState
  {
    let setup = SessionSetup(
      title: Self.title, programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
      participants: LiveFixture.participants,
      rounds: [SessionRound(presenter: 0, focusQuestion: focusQuestion)])
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var session = try SessionState(setup: setup, createdAt: now)
    try session.apply(.phaseStarted(slot: 1), at: now)
    if finished { try session.apply(.finished, at: now) }
    return session
  }

  private func frame(_ screen: any Screen) -> [String] {
    var app = AppState(
      screen: screen, width: 80, height: 24, now: Date(timeIntervalSince1970: 1_800_000_000))
    app.timeZone = TimeZone(identifier: "UTC")!
    return App.render(app).grid.lines
  }

  /// The live title bar keeps the round and the presenter, and the title ends with "…": the
  /// title took the whole bar and cut "Round 1 of 1 · Presenter: Zoë Müller" off.
  @Test func theLiveTitleBarKeepsTheRoundAndThePresenter() throws {
    let live = LiveState(
      sessionID: .random(), session: try session(), now: Date(timeIntervalSince1970: 1_800_000_000)
    )
    let bar = try #require(frame(live).first)
    #expect(bar.hasPrefix(" Night-Time Economy Systems Learning"))
    #expect(bar.contains("… · Round 1 of 1 · Presenter: Zoë Müller"))
    #expect(bar.displayWidth <= 80)
    // A title that fits is left whole.
    #expect(
      LiveScreen.title(live, width: 200)
        == "\(Self.title) · Round 1 of 1 · Presenter: Zoë Müller")
  }

  /// What waits for the shared store shows beside a long title, which gives way to it: the
  /// title took the whole bar and the count of notes not sent was not drawn.
  @Test func theStoresBacklogShowsBesideALongTitle() throws {
    let live = LiveState(
      sessionID: .random(), session: try session(), now: Date(timeIntervalSince1970: 1_800_000_000)
    )
    var app = AppState(
      screen: live, width: 80, height: 24, now: Date(timeIntervalSince1970: 1_800_000_000))
    app.pushStatus = PushStatus(waiting: 2, blocked: "held by dan@laptop2")
    let bar = App.render(app).grid.lines[0]
    #expect(bar.hasSuffix("↑ 2 not sent: held by dan@laptop2 "), "\(bar)")
    #expect(bar.contains("… · Round 1 of 1 · Presenter"), "\(bar)")
  }

  /// The summary's first line wraps: the programme and "finished" were cut off after the title.
  @Test func theSummarysFirstLineWrapsInsteadOfLosingTheProgramme() throws {
    let summary = SummaryState(sessionID: .random(), session: try session(finished: true))
    let rows = frame(summary).map { $0.trimmingCharacters(in: .whitespaces) }
    let first = try #require(rows.firstIndex { $0.hasPrefix("Night-Time Economy") })
    #expect(
      rows[first...].prefix(2).joined(separator: " ")
        == "\(Self.title) · Alcohol Plan · finished")
    #expect(rows[first + 2] == "Review this summary with the group before anything is shared.")
  }

  /// An action in the summary says the date its words were read as, for the group to check
  /// before anything is shared: "by Friday" showed no date until `actions`.
  @Test func theSummarysActionsSayWhenTheyAreDue() throws {
    var state = try session()
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    try state.apply(
      .noteAdded(
        id: 1, slot: 1,
        content: NoteContent(
          text: "Send the figures by Friday", kind: .action, owner: 1,
          due: .day(CalendarDay(iso: "2027-01-22")!))), at: now)
    try state.apply(.finished, at: now)
    let rows = frame(SummaryState(sessionID: .random(), session: state))
    #expect(
      rows.contains {
        $0.contains("• Send the figures by Friday → ") && $0.contains(" · due 2027-01-22")
      },
      "\(rows.joined(separator: "\n"))")
  }

  /// "⚑ advice?" is never split across two lines of the transcript, whatever the note's
  /// length: the wrapper broke at its space, leaving "⚑" at a line's end.
  @Test func theAdviceFlagIsNeverSplitAcrossLines() throws {
    var session = try session()
    let words = "Why not ask the police to share the licensing figures with everyone in the room"
      .split(separator: " ")
    var split: [String] = []
    for count in 1...words.count {
      let text = words.prefix(count).joined(separator: " ") + "?"
      try session.apply(
        .noteAdded(
          id: count, slot: 1,
          content: NoteContent(text: text, kind: .question, looksLikeAdvice: true)),
        at: Date(timeIntervalSince1970: 1_800_000_000))
      let note = try #require(session.visibleNotes.last)
      for width in [40, 60, 76] {
        let lines = LiveScreen.noteLines(
          note, session, timeZone: TimeZone(identifier: "UTC")!, width: width)
        #expect(lines.joined(separator: " ").contains("⚑ advice?"))
        if lines.contains(where: { $0.hasSuffix("⚑") || $0.contains("\u{A0}") }) {
          split.append("\(width): \(lines)")
        }
      }
    }
    #expect(split.isEmpty, "\(split)")
  }

  /// An action's line says the due date its words gave, so the room sees whether "by 15 Jan"
  /// was understood; an action done, or giving none, says nothing of it.
  @Test func anActionSaysWhenItIsDueOnTheLiveTranscript() throws {
    var session = try session()
    let at = Date(timeIntervalSince1970: 1_800_000_000)
    for (id, text, due) in [
      (1, "Brief the committee by 15 Jan", ActionDue.day(CalendarDay(iso: "2027-01-15")!)),
      (2, "Call the council", nil),
    ] {
      try session.apply(
        .noteAdded(
          id: id, slot: 1, content: NoteContent(text: text, kind: .action, owner: 0, due: due)),
        at: at)
    }
    let utc = TimeZone(identifier: "UTC")!
    // Wrapped or not, as one line of words.
    func words(_ note: Note) -> String {
      LiveScreen.noteLines(note, session, timeZone: utc, width: 60).joined(separator: " ")
        .split(separator: " ").joined(separator: " ")
    }
    let lines = session.visibleNotes.map(words)
    #expect(lines[0].hasSuffix("by 15 Jan → Zoë Müller · due 2027-01-15"), "\(lines[0])")
    #expect(!lines[1].contains("due"), "\(lines[1])")
    try session.apply(.actionDone(id: 1, done: true), at: at)
    #expect(words(try #require(session.visibleNotes.first)).hasSuffix("→ Zoë Müller ✓ done"))
  }

  /// A focus question longer than the live screen's line wraps into the rows the rules and
  /// guidance leave, and with `g` into the guidance's; where it must be cut, the rest folds so
  /// that `g more` says how to read it. It was cut at the window's edge, `g` or not.
  @Test func theLiveFocusQuestionWrapsAndGUnfoldsIt() throws {
    let question =
      "How do I get the council's licensing committee, the NHS Trust and Devon and Cornwall "
      + "Police to share the night-time figures every month without anyone feeling blamed?"
    let slot = try #require(try session(focusQuestion: question).current)
    let timer = PhaseTimer(plannedSeconds: 300, elapsed: 0, isRunning: true)
    // Room for everything: the question whole, on three rows.
    let roomy = LiveScreen.infoBlocks(slot, timer: timer, width: 76, room: 12)
    let focusRows = roomy.first { $0.lines.first?.hasPrefix("Focus:") == true }?.lines ?? []
    #expect(focusRows.joined(separator: " ") == "Focus: " + question)
    // Tight: cut, with the rest folded so that `g more` shows.
    let tight = LiveScreen.infoBlocks(slot, timer: timer, width: 76, room: 3)
    let cut = tight.first { $0.lines.first?.hasPrefix("Focus:") == true }?.lines ?? []
    #expect(cut.last?.hasSuffix("…") == true)
    #expect(tight.contains { $0.after.contains { $0.0 == LiveScreen.unfoldHint } })
    // Unfolded with `g`: whole again, the guidance giving way, however many rows it takes.
    let unfolded = LiveScreen.infoBlocks(slot, timer: timer, width: 76, room: 5, unfolded: true)
    let whole = unfolded.first { $0.lines.first?.hasPrefix("Focus:") == true }?.lines ?? []
    #expect(whole.joined(separator: " ") == "Focus: " + question)
    let longer = Array(repeating: question, count: 2).joined(separator: " ")
    let longSlot = try #require(try session(focusQuestion: longer).current)
    let five = LiveScreen.infoBlocks(longSlot, timer: timer, width: 76, room: 8, unfolded: true)
    let all = five.first { $0.lines.first?.hasPrefix("Focus:") == true }?.lines ?? []
    #expect(all.count > 3 && all.joined(separator: " ") == "Focus: " + longer)
  }
}
