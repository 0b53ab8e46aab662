import Foundation
import PeerConsultKit
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// A standing group's meeting opens on "Actions from last time": each open action is done,
/// carried forward or dropped in one or two keys, and each is stored in the new meeting's log.
@Suite struct FollowUpScreenTests {
  /// A group that met three weeks ago and agreed three actions; its next meeting just opened.
  final class Meeting {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let terminal: MemoryTerminal
    let runner: AppRunner
    let services: AppServices
    let database: AppDatabase
    let first: SessionID

    /// `absent`: members (of `LiveFixture.participants`) left out of the second meeting's form.
    init(width: Int = 80, height: Int = 24, moreActions: Int = 0, absent: Set<Int> = []) throws {
      terminal = MemoryTerminal(width: width, height: height)
      database = try AppDatabase.inMemory()
      let group = try database.createGroup(
        name: "North SLG", programme: "Alcohol Plan", members: LiveFixture.participants,
        at: clock.now())
      let setup = SessionSetup(
        title: "North SLG 1", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0], group: group.id)
      let earlier = try LiveSession.create(setup, store: database, clock: clock)
      earlier.timeZone = TimeZone(identifier: "UTC")!
      try earlier.start()
      let more = (0..<moreActions).map { ("Action number \($0 + 4)", 0) }
      for (text, owner) in [
        ("Ask licensing to the next meeting by Friday", 0),
        ("Share the night-time economy figures next session", 1),
        ("Map who funds the street pastors", 2),
      ] + more {
        clock.advance(by: 60)
        try earlier.addNote(NoteContent(text: text, kind: .action, owner: owner))
      }
      try earlier.finish()
      first = earlier.id
      clock.advance(by: 21 * 24 * 3600)
      let database = database
      var made = 1
      let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
        "pc-follow-\(UUID())")
      services = AppServices(
        location: DataLocation(
          dataDirectory: folder, protocolsDirectory: folder.appendingPathComponent("p")),
        clock: clock,
        makeSessionID: {
          made += 1
          return SessionID(rawValue: "5e55101\(made)" + String(repeating: "0", count: 24))!
        },
        openStore: { database }, openReader: { database })
      var state = AppState(width: width, height: height, now: clock.now())
      state.timeZone = TimeZone(identifier: "UTC")!
      runner = AppRunner(terminal: terminal, services: services, state: state)
      precondition(!absent.contains(0), "participant 0 presents at the second meeting")
      var next = setup
      next.title = "North SLG 2"
      next.participants = LiveFixture.participants.enumerated()
        .filter { !absent.contains($0.offset) }.map(\.element)
      runner.perform(.startSession(next))
    }

    var followUp: FollowUpState? { runner.state.screen as? FollowUpState }

    func press(_ keys: Key...) { for key in keys { runner.handle(.key(key)) } }
    func type(_ text: String) { for c in text { runner.handle(.key(.character(c))) } }

    var screen: Grid {
      runner.drawFrame()
      return terminal.screen
    }

    var text: String { screen.lines.joined(separator: "\n") }
  }

  /// A member who sent apologies, left out of the form, and came after all was typed in full
  /// in who is here's latecomer field. Tab fills them in as the group has them, the start of a
  /// name picking among the members not here; the minutes then have them there, not absent.
  @Test func aMemberBackFromApologiesIsFilledInWithTab() throws {
    let m = try Meeting(absent: [1])
    m.press(.enter)
    #expect(m.runner.state.screen is LiveState)
    m.press(.character("w"), .character("a"))
    func group() -> GroupState? { m.runner.state.screen as? GroupState }
    #expect(group()?.groupMembers?.count == 3)
    let text = m.screen.lines.joined(separator: "\n")
    #expect(text.contains("Tab: a member not here (Amira O'Neill) · or write Name;"), "\(text)")
    #expect(text.contains("Tab member not here"), "\(text)")
    m.press(.tab)
    #expect(group()?.field?.string == "Amira O'Neill; NHS Trust; frontline")
    // A start that is nobody's not here is said, and nothing is filled in.
    m.press(.escape, .character("a"))
    m.type("Zo")
    m.press(.tab)
    #expect(
      m.runner.state.notice?.text == "No member of the group who is not here is called “Zo”.")
    #expect(group()?.field?.string == "Zo")
    // The start of any part of the name finds her, case and apostrophe as typed.
    m.press(.escape, .character("a"))
    m.type("o'n")
    m.press(.tab)
    #expect(group()?.field?.string == "Amira O'Neill; NHS Trust; frontline")
    m.press(.enter)
    #expect(
      m.runner.state.notice?.text
        == "Amira O'Neill joined: they can speak and own actions now; Space has them present.")
    m.press(.character("a"), .tab)
    #expect(
      m.runner.state.notice?.text == "Every member of the group is here: type the person in full.")
    let id = try #require(group()?.live.sessionID)
    let stored = try m.database.loadSession(id)
    #expect(stored.participants.map(\.name) == ["Zoë Müller", "王小明", "Amira O'Neill"])
    let standing = try #require(try m.database.standingGroup(of: stored))
    #expect(standing.absentMembers(from: stored).isEmpty)
  }

  @Test func theOpeningListsLastTimesActionsNewestFirstAt80x24() throws {
    let m = try Meeting()
    let state = try #require(m.followUp)
    #expect(state.items?.map(\.reference.note) == [3, 2, 1])
    expectGolden(m.screen, "followup-opening-80x24")
  }

  @Test func eachActionIsFollowedUpInOneOrTwoKeysAndStoredInTheNewMeeting() throws {
    let m = try Meeting(width: 120, height: 40)
    // Done: one key; the next action is picked.
    m.press(.character("d"))
    #expect(m.followUp?.selection == 1)
    // Carried forward with a note: c, the note, Enter.
    m.press(.character("c"))
    m.type("Figures due from the council")
    m.press(.enter)
    // Dropped: x, then Enter without a reason is refused; with one it is stored.
    m.press(.character("x"), .enter)
    #expect(m.runner.state.notice?.text == "Say why the action is dropped.")
    m.type("Licensing came to us")
    m.press(.enter)
    expectGolden(m.screen, "followup-decided-120x40")
    let id = try #require(m.followUp?.live.sessionID)
    let stored = try m.database.loadSession(id).followUps
    #expect(stored[ActionReference(session: m.first, note: 3)]?.outcome == .done)
    #expect(
      stored[ActionReference(session: m.first, note: 2)]?.outcome
        == .carried(note: "Figures due from the council"))
    #expect(
      stored[ActionReference(session: m.first, note: 1)]?.outcome
        == .dropped(reason: "Licensing came to us"))
    // The earlier meeting's own log is untouched.
    #expect(try m.database.events(of: m.first).count == 6)
    // Enter goes on to the session, ready to start.
    m.press(.enter)
    let live = try #require(m.runner.state.screen as? LiveState)
    #expect(!live.session.isStarted)
  }

  /// The summary the group reviews before sharing shows what the meeting decided about the
  /// earlier actions, what was said of them included, as the minutes do (it showed none).
  @Test func theSummaryShowsTheActionsFromLastTime() throws {
    let m = try Meeting(width: 120, height: 40)
    m.press(.character("d"), .character("c"))
    m.type("Figures due from the council")
    m.press(.enter, .enter)
    var presses = 0
    while !(m.runner.state.screen is SummaryState), presses < 40 {
      m.press(.character("n"))
      presses += 1
    }
    let summary = try #require(m.runner.state.screen as? SummaryState)
    #expect(summary.earlier.count == 2)
    let text = m.text
    #expect(text.contains("Actions from last time (2)"), "\(text)")
    #expect(text.contains(": carried forward: Figures due from the"), "\(text)")
    #expect(text.contains("[✓] "), "\(text)")
  }

  /// A decision changed stays on its action, and the notice names the action decided: before,
  /// `d` on an action already decided went on to the first open one, and the `x` and reason
  /// typed next dropped that one instead. A first decision goes on to the next open action
  /// below it.
  @Test func aDecisionChangedStaysOnItsActionAndEachIsNamed() throws {
    let m = try Meeting(width: 120, height: 40)
    // The second first: on to the third, below it, not back to the first.
    m.press(.down, .character("d"))
    #expect(m.followUp?.selection == 2)
    #expect(
      m.runner.state.notice
        == Notice("Done: “Share the night-time economy figures next session”", tone: .success))
    m.press(.character("c"), .enter)
    #expect(m.followUp?.selection == 0)
    // Back up to the second, already done: changed, it stays picked.
    m.press(.down, .character("d"))
    m.press(.up, .up, .down)
    #expect(m.followUp?.selection == 1)
    m.press(.character("x"))
    m.type("The council published them")
    m.press(.enter)
    #expect(m.followUp?.selection == 1)
    #expect(
      m.runner.state.notice
        == Notice("Dropped: “Share the night-time economy figures next session”", tone: .success))
    m.press(.character("d"))
    #expect(m.followUp?.selection == 1)
    let id = try #require(m.followUp?.live.sessionID)
    let stored = try m.database.loadSession(id).followUps
    #expect(stored[ActionReference(session: m.first, note: 3)] == nil)
    #expect(stored[ActionReference(session: m.first, note: 2)]?.outcome == .done)
    #expect(stored[ActionReference(session: m.first, note: 1)]?.outcome == .carried(note: ""))
  }

  /// Esc on a carry-forward note or a drop reason with words in it asks before throwing them
  /// away, as the note line does: before, one Esc lost what was typed. An empty field closes
  /// at once.
  @Test func escOnATypedNoteOrReasonAsksBeforeDiscardingIt() throws {
    let m = try Meeting()
    m.press(.character("c"))
    m.type("Figures due from the council")
    m.press(.escape)
    #expect(m.followUp?.askingDiscard == true)
    #expect(m.runner.state.screen.keyContext == .followUpDiscard)
    expectGolden(m.screen, "followup-discard-80x24")
    // Any other key goes back to the note as it was, and is not typed into it.
    m.type("n")
    guard case .carry(let editor)? = m.followUp?.field else {
      Issue.record("the note was not kept")
      return
    }
    #expect(editor.string == "Figures due from the council")
    #expect(m.followUp?.askingDiscard == false)
    m.type(" soon")
    m.press(.enter)
    let id = try #require(m.followUp?.live.sessionID)
    #expect(
      try m.database.loadSession(id).followUps[ActionReference(session: m.first, note: 3)]?
        .outcome == .carried(note: "Figures due from the council soon"))
    // y discards: the reason is gone and nothing is stored.
    m.press(.character("x"))
    m.type("Licensing came to us")
    m.press(.escape, .character("y"))
    #expect(m.followUp?.field == nil)
    #expect(
      try m.database.loadSession(id).followUps[ActionReference(session: m.first, note: 2)] == nil)
    // Nothing typed, or only spaces: Esc closes the field without asking.
    m.press(.character("x"))
    m.type("  ")
    m.press(.escape)
    #expect(m.followUp?.field == nil)
    #expect(m.followUp?.askingDiscard == false)
    // A resize (or coming back from Ctrl-Z) is no answer: the question stays.
    m.press(.character("x"))
    m.type("Moved to the council")
    m.press(.escape)
    m.runner.handle(.resize(width: 100, height: 30))
    #expect(m.followUp?.askingDiscard == true)
    m.runner.handle(.resize(width: 80, height: 24))
    m.press(.character("n"))
    // Ctrl-C with words typed asks here: `n` comes back to them, not to the live screen.
    m.press(.control("c"))
    #expect(
      m.text.contains("Leave the session (resumable)? What was typed here is not kept. y/n"),
      "\(m.text)")
    m.press(.character("n"))
    guard case .drop(let reason)? = m.followUp?.field else {
      Issue.record("the reason was not kept: \(m.text)")
      return
    }
    #expect(reason.string == "Moved to the council")
    // `y` leaves the session, resumable.
    m.press(.control("c"), .character("y"))
    #expect(!(m.runner.state.screen is FollowUpState) && !(m.runner.state.screen is LiveState))
    #expect(try m.database.unfinishedSessions().map(\.id).contains(id))
  }

  /// `c` again on an action carried forward, or `x` on one dropped, starts from what was said,
  /// to correct it rather than retype it unseen: it opened empty. Another decision starts empty.
  @Test func changingADecisionStartsFromWhatWasSaid() throws {
    let m = try Meeting()
    m.press(.character("c"))
    m.type("Figures due from the council")
    m.press(.enter, .up, .character("c"))
    guard case .carry(let note)? = m.followUp?.field else {
      Issue.record("no note field")
      return
    }
    #expect(note.string == "Figures due from the council")
    // Left as it was, Esc closes it without asking to discard what was not typed now.
    m.press(.escape)
    #expect(m.followUp?.field == nil && m.followUp?.askingDiscard == false)
    m.press(.character("c"))
    m.type(" in May")
    m.press(.enter)
    let id = try #require(m.followUp?.live.sessionID)
    let reference = ActionReference(session: m.first, note: 3)
    #expect(
      try m.database.loadSession(id).followUps[reference]?.outcome
        == .carried(note: "Figures due from the council in May"))
    // Dropping the same action starts empty: the note was not a reason.
    m.press(.character("x"))
    guard case .drop(let reason)? = m.followUp?.field else {
      Issue.record("no reason field")
      return
    }
    #expect(reason.string.isEmpty)
  }

  /// More actions than fit say how many are out of sight, below and above: the oldest, at
  /// the bottom, were hidden without a word.
  @Test func actionsOutOfSightAreCounted() throws {
    let m = try Meeting(moreActions: 5)
    #expect(m.followUp?.items?.count == 8)
    #expect(m.text.contains("8 to follow up · 0 followed up · ↓ 2 below"))
    for _ in 0..<7 { m.press(.down) }
    #expect(m.text.contains("· 0 followed up · ↑ 2 above  "), "\(m.text)")
    m.press(.up)
    #expect(m.text.contains("· 0 followed up · ↑ 1 above · ↓ 1 below"), "\(m.text)")
  }

  /// A note or reason reaching its 500 characters says the rest was not added, typed or
  /// pasted: before, the keys and the end of a paste went without a word.
  @Test func aNoteOrReasonTooLongSaysTheRestWasNotAdded() throws {
    let m = try Meeting()
    m.press(.character("c"))
    m.type(String(repeating: "a", count: FollowUpOutcome.maximumTextLength))
    #expect(m.runner.state.notice == nil)
    m.type("b")
    #expect(m.runner.state.notice == FollowUpState.fullNotice)
    m.press(.escape, .character("y"), .character("x"))
    m.runner.handle(.paste(String(repeating: "Licensing came to us. ", count: 40)))
    #expect(m.runner.state.notice == FollowUpState.fullNotice)
    guard case .drop(let reason)? = m.followUp?.field else {
      Issue.record("no reason field")
      return
    }
    #expect(reason.string.count == FollowUpOutcome.maximumTextLength)
  }

  /// A note begun before the meeting's start and kept when the program ended comes back in
  /// the note line once the follow-ups are done with, and saving it starts the meeting.
  @Test func aNoteBegunBeforeTheMeetingsStartIsBackAfterTheFollowUps() throws {
    let m = try Meeting()
    let id = try #require(m.followUp?.live.sessionID)
    // On to the session and left before its start, the note kept as a program killed while
    // writing it leaves it; opened again, the follow-ups say that a note waits.
    m.press(.enter)
    m.runner.perform(.leaveSession())
    let draft = NoteDraft(content: NoteContent(text: "Sam sends apologies", kind: .other))
    try m.database.keepDraft(draft, of: id, at: m.clock.now())
    m.runner.perform(.resume(id))
    #expect(m.followUp != nil)
    #expect(m.runner.state.notice == FollowUpState.draftWaitingNotice)
    // Typed text does not go on to the session, whose note line the note waiting would not
    // be read into (the live screen reads a kept note only into a closed line).
    #expect(m.followUp?.actionForText == nil)
    // Had it not been read, that is for the live screen to say, not "Not saved".
    m.runner.deliver(.failed(.loadDraft(id), error: "disk I/O error", latest: nil))
    #expect(m.runner.state.notice == FollowUpState.draftWaitingNotice)
    m.press(.enter)
    let live = try #require(m.runner.state.screen as? LiveState)
    #expect(live.editor?.line.string == "Sam sends apologies" && !live.session.isStarted)
    m.press(.enter)
    let saved = try #require(m.runner.state.screen as? LiveState)
    #expect(saved.session.isStarted && saved.session.notes.map(\.text) == ["Sam sends apologies"])
    #expect(try m.database.draft(of: id) == nil)
  }

  /// Typed over last time's actions, the first screen of a group's meeting, "The group
  /// discussed it" marked an action done at "d" and carried the next at "c": it goes on to
  /// the session as a note, and nothing is decided.
  @Test func aSentenceTypedOverLastTimesActionsIsANote() throws {
    let m = try Meeting()
    // A key of the live screen pressed here does nothing: Space, meant to start the meeting,
    // opened a note of " ".
    m.press(.character(" "), .character("+"), .character("n"))
    #expect(m.followUp != nil)
    m.type("The group discussed it")
    let live = try #require(m.runner.state.screen as? LiveState)
    #expect(live.editor?.line.string == "The group discussed it")
    #expect(live.session.followUps.isEmpty && !live.session.isStarted)
    // Esc and `a` bring the list back, every action still open.
    m.press(.escape)
    m.type("y")
    m.press(.character("a"))
    #expect(m.followUp?.items?.count == 3)
    #expect(m.followUp?.live.session.followUps.isEmpty == true)
  }

  /// Someone arrives after the start and reports on their action: `a` on the live screen
  /// opens the same list, with this meeting's decisions; Enter goes back to the running
  /// session where it was.
  @Test func theActionsCanBeFollowedUpAgainDuringTheMeeting() throws {
    let m = try Meeting()
    m.press(.character("d"))
    m.press(.enter, .character(" "), .character("n"))
    let before = try #require(m.runner.state.screen as? LiveState)
    #expect(before.session.isStarted && before.session.currentSlot == 1)
    m.press(.character("a"))
    let reopened = try #require(m.followUp)
    #expect(reopened.returnsToLive)
    #expect(reopened.items?.map(\.reference.note) == [3, 2, 1])
    #expect(m.text.contains("[✓] Map who funds the street pastors"), "\(m.text)")
    #expect(m.text.contains("Enter goes back to the session"))
    // On the first action not yet followed up: its owner arrived, and it is done.
    #expect(reopened.selection == 1)
    m.press(.character("d"))
    let id = try #require(m.followUp?.live.sessionID)
    #expect(
      try m.database.loadSession(id).followUps[ActionReference(session: m.first, note: 2)]?
        .outcome == .done)
    m.press(.enter)
    let after = try #require(m.runner.state.screen as? LiveState)
    #expect(after.session.currentSlot == 1 && after.session.isStarted)
    #expect(after.session.followUps.count == 2)
    // The phase's end rings while the list is open again.
    m.press(.character("a"))
    #expect(m.followUp != nil)
    let bells = m.terminal.bells
    let left = try #require(after.session.timer(at: m.clock.now())?.remaining)
    m.clock.advance(by: left + 1)
    m.runner.handle(nil)
    #expect(m.terminal.bells == bells + 1)
    // Ctrl-C here asks the live screen's question; `n` stays on the list, in the meeting.
    m.press(.control("c"))
    #expect(m.text.contains("Leave the session? It stays unfinished and can be resumed. y/n"))
    m.press(.character("n"))
    #expect(m.followUp != nil)
    m.press(.enter)
    #expect(m.runner.state.screen is LiveState)
    // The note line works as before.
    m.press(.enter)
    m.type("Figures shared")
    m.press(.enter)
    #expect(try m.database.loadSession(id).visibleNotes.map(\.text) == ["Figures shared"])
  }

  /// An action due "next session" that the next meeting left open is overdue at the meeting
  /// after, on this list as in `actions --overdue`; at the next meeting itself it is due, not
  /// late.
  @Test func anActionDueNextSessionIsOverdueOnceALaterMeetingOpens() throws {
    let m = try Meeting()
    let utc = TimeZone(identifier: "UTC")!
    func amiras() -> ActionLedger.Item? {
      m.followUp?.items?.first { $0.reference == ActionReference(session: m.first, note: 2) }
    }
    #expect(amiras()?.isOverdue(at: m.clock.now(), timeZone: utc) == false)
    m.press(.enter)
    m.runner.perform(.leaveSession())
    let setup = try m.database.record(of: m.first).state.setup
    m.runner.perform(.startSession(setup))
    #expect(amiras()?.isOverdue(at: m.clock.now(), timeZone: utc) == true)
    #expect(
      m.text.contains("Amira O'Neill · due next session · overdue"), "\(m.text)")
  }

  @Test func aMeetingWithNothingOpenGoesStraightToTheSession() throws {
    let m = try Meeting()
    for _ in 0..<3 { m.press(.character("d")) }
    m.press(.enter)
    m.runner.perform(.leaveSession())
    // A third meeting: everything was done, so it opens on the live screen.
    let setup = try m.database.record(of: m.first).state.setup
    m.runner.perform(.startSession(setup))
    #expect(m.runner.state.screen is LiveState)
    #expect(m.runner.state.notice?.text == "No actions open from the group's earlier meetings.")
  }
}

extension FollowUpScreenTests {
  /// At 80 columns the selected action is shown whole: what a later meeting said when it
  /// carried it was cut at the end of its row ("carried 2027-02-05 in North SLG 2: The
  /// council's…") with no way to read the rest. An open action past its day says "overdue",
  /// as `peerconsult actions` does, where it said "open".
  @Test func reviewShowsTheSelectedActionWholeAndWhatIsOverdue() throws {
    let m = try Meeting(moreActions: 1)
    let said =
      "The council's licensing team promised the figures by the end of January, then went "
      + "quiet; Zoë will chase them"
    // The follow-up list, newest first: "Action number 4" done, "Map who funds …" carried
    // with what was said, "Share the … figures" dropped, "Ask licensing … by Friday" left.
    m.press(.character("d"), .character("c"))
    m.type(said)
    m.press(.enter, .character("x"))
    m.type("Moot")
    m.press(.enter, .enter)
    guard
      case .actionHistoryLoaded(_, let history) = m.services.perform(.loadActionHistory(m.first))
    else {
      Issue.record("no history")
      return
    }
    let utc = TimeZone(identifier: "UTC")!
    var transcript = TranscriptState(
      sessionID: m.first, session: try m.database.loadSession(m.first), screenWidth: 80,
      timeZone: utc, back: ReviewState(sessions: [], programmes: [], hasDatabase: true))
    _ = transcript.update(
      .result(.actionHistoryLoaded(m.first, history)), ScreenEnvironment(now: m.clock.now()))
    transcript.showActions = true
    func rows(selecting selection: Int, height: Int = 24) -> [String] {
      transcript.actionSelection = selection
      var grid = Grid(width: 80, height: height)
      _ = transcript.render(
        into: &grid, area: Rect(x: 0, y: 1, width: 80, height: height - 3),
        ScreenEnvironment(now: m.clock.now(), timeZone: utc))
      return grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    func details(_ text: String, in rows: [String]) throws -> String {
      let row = try #require(rows.firstIndex { $0.hasSuffix(text) })
      return rows[row + 1]
    }
    let carried = try #require(
      transcript.actions.firstIndex { $0.text == "Map who funds the street pastors" })
    let selected = rows(selecting: carried)
    #expect(
      selected.joined(separator: " ").contains("carried 2027-02-05 in North SLG 2: " + said),
      "\(selected)")
    // Last of a page of three, it would not fit: the page starts later, and it is whole.
    let short = rows(selecting: carried, height: 12)
    #expect(short.contains { $0.hasPrefix("▸ [ ] Map who funds the street pastors") }, "\(short)")
    #expect(short.joined(separator: " ").contains("Zoë will chase them · Check-in"), "\(short)")
    // Taller than the list, it says what is cut (it ended mid-sentence without a mark).
    let tiny = rows(selecting: carried, height: 8)
    #expect(tiny[4].hasPrefix("▸ [ ] Map who funds the street pastors"), "\(tiny)")
    #expect(tiny[5].hasPrefix("… ") && tiny[5].hasSuffix(" more lines"), "\(tiny)")
    // Not selected, it is two rows, cut where the screen ends.
    let other = rows(selecting: 0)
    #expect(!other.joined(separator: " ").contains("Zoë will chase them"))
    #expect(try details("Map who funds the street pastors", in: other).hasSuffix("…"))
    #expect(
      selected.count(where: { !$0.isEmpty }) >= other.count(where: { !$0.isEmpty }) + 2,
      "\(selected)")
    // Its day (Friday after the first meeting) went by, and nobody followed it up.
    #expect(
      try details("Ask licensing to the next meeting by Friday", in: other).hasPrefix(
        "owner Zoë Müller · overdue · due 2027-01-22"))
    // Carried, it is due at a meeting that has not finished yet: still open.
    #expect(
      try details("Map who funds the street pastors", in: other).contains(
        " · open · due next session · "))
    // Done here when the ledger was read, then opened again with `x`: late, as it was before
    // (it said "open" until the transcript was read again, the ledger still saying done).
    let late = try #require(
      transcript.actions.firstIndex { $0.text.hasPrefix("Ask licensing to the next meeting") })
    let id = transcript.actions[late].id
    try LiveSession.resume(m.first, store: m.database, clock: m.clock).setActionDone(id, true)
    guard
      case .actionHistoryLoaded(_, let doneHistory) = m.services.perform(
        .loadActionHistory(m.first))
    else {
      Issue.record("no history")
      return
    }
    transcript = TranscriptState(
      sessionID: m.first, session: try m.database.loadSession(m.first), screenWidth: 80,
      timeZone: utc, back: ReviewState(sessions: [], programmes: [], hasDatabase: true))
    _ = transcript.update(
      .result(.actionHistoryLoaded(m.first, doneHistory)), ScreenEnvironment(now: m.clock.now()))
    transcript.showActions = true
    transcript.actionSelection = late
    let environment = ScreenEnvironment(now: m.clock.now(), timeZone: utc)
    let reopen = transcript.update(.action(.actionDone), environment)
    guard case .command(let command)? = reopen.first else {
      Issue.record("x asked for nothing: \(reopen)")
      return
    }
    _ = transcript.update(.result(m.services.perform(command)), environment)
    #expect(transcript.session.note(id)?.isDone == false)
    #expect(
      try details("Ask licensing to the next meeting by Friday", in: rows(selecting: 0))
        .hasPrefix("owner Zoë Müller · overdue · due 2027-01-22"))
  }

  /// Review shows, for each action of the earlier meeting, when and where it was followed up.
  @Test func reviewShowsWhenAndWhereEachActionWasFollowedUp() throws {
    let m = try Meeting(width: 120, height: 40)
    m.press(.character("d"), .character("c"))
    m.type("Late data")
    m.press(.enter, .character("x"))
    m.type("Moot")
    m.press(.enter, .enter)
    guard
      case .actionHistoryLoaded(let id, let history) = m.services.perform(
        .loadActionHistory(m.first))
    else {
      Issue.record("no history")
      return
    }
    #expect(id == m.first && history.count == 3)
    // Its own text now gives a day; carried, it is due at the next meeting all the same.
    try LiveSession.resume(m.first, store: m.database, clock: m.clock).editNote(
      2,
      to: NoteContent(
        text: "Share the night-time economy figures next session, by 2027-01-30", kind: .action,
        owner: 1))
    // The listings (`list`, the review list) count the action done at the later meeting too;
    // before, they said 0/3 while review marked it done.
    let listed = try #require(try m.database.sessions().first { $0.id == m.first })
    #expect(listed.actionCount == 3 && listed.actionsDone == 1)
    #expect(try m.database.newestSessions(limit: 5).listings.map(\.actionsDone).contains(1))
    var transcript = TranscriptState(
      sessionID: m.first, session: try m.database.loadSession(m.first), screenWidth: 120,
      timeZone: TimeZone(identifier: "UTC")!,
      back: ReviewState(sessions: [], programmes: [], hasDatabase: true))
    _ = transcript.update(
      .result(.actionHistoryLoaded(m.first, history)), ScreenEnvironment(now: m.clock.now()))
    transcript.showActions = true
    var grid = Grid(width: 120, height: 40)
    _ = transcript.render(
      into: &grid, area: Rect(x: 0, y: 1, width: 120, height: 37),
      ScreenEnvironment(now: m.clock.now(), timeZone: TimeZone(identifier: "UTC")!))
    let text = grid.lines.joined(separator: "\n")
    #expect(text.contains("[-] Ask licensing to the next meeting by Friday"))
    // What was said when it was dropped or carried, and a carried action is due at the next
    // meeting, as `peerconsult actions` says; the text typed was shown nowhere before.
    #expect(text.contains("dropped 2027-02-05 in North SLG 2: Moot"))
    #expect(text.contains("[ ] Share the night-time economy figures next session"))
    // The due date, then the latest decision, before the place: at the end of the row the
    // decision was cut at 80 columns.
    #expect(
      text.contains(
        " · open · due next session · carried 2027-02-05 in North SLG 2: Late data · Check-in"))
    #expect(text.contains("[x] Map who funds the street pastors"))
    // Counted as the boxes show them, and no row says "open" beside a later meeting's
    // decision; before, the summary said 0 of 3 done over a row marked done.
    #expect(text.contains("Actions · 1 of 3 done"))
    // Only the carried one is open.
    #expect(text.components(separatedBy: " · open · ").count == 2)
    // x on the action done at the later meeting says so and stores nothing.
    transcript.actionSelection = 2
    let effects = transcript.update(
      .action(.actionDone), ScreenEnvironment(now: m.clock.now(), timeZone: .gmt))
    #expect(
      effects == [
        .notice(
          Notice(
            "Marked done at a later meeting, North SLG 2 on 2027-02-05: that stands.",
            tone: .info))
      ])
    // On the dropped one, x marks it done here, which then stands over the drop.
    transcript.actionSelection = 0
    let marking = transcript.update(
      .action(.actionDone), ScreenEnvironment(now: m.clock.now(), timeZone: .gmt))
    #expect(marking == [.command(.setStoredActionDone(m.first, note: 1, done: true))])
  }
}
