import Foundation
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// The room display, drawn from a session run by a facilitator on a manual clock.
@Suite struct FollowScreenTests {
  /// The states the room can see, each made by the facilitator's own commands.
  enum Moment: String, CaseIterable, Sendable {
    case ready, running, amber, red, overtime, paused, blanked, waiting, finished
  }

  static let sizes = [(80, 24), (120, 40), (200, 60)]

  /// A facilitator's session in memory and a display of it.
  struct Room {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let session: LiveSession

    init(
      consultingProtocol: ConsultingProtocol = LiveFixture.drill,
      focusQuestion: String = "How do we share ownership?"
    ) throws {
      let setup = SessionSetup(
        title: "Alcohol Plan SLG 3", programme: "Alcohol Plan",
        consultingProtocol: consultingProtocol, participants: LiveFixture.participants,
        rounds: [
          SessionRound(presenter: 0, focusQuestion: focusQuestion),
          SessionRound(presenter: 2),
        ])
      session = try LiveSession.create(setup, store: try AppDatabase.inMemory(), clock: clock)
    }

    /// The facilitator brings the session to `moment`, in the group's questions (10:00).
    func reach(_ moment: Moment) throws {
      guard moment != .ready else { return }
      try session.start()
      try session.next()
      try session.next()
      try session.addNote(
        NoteContent(text: "Ownership is shared by nobody", kind: .theme, speaker: 1))
      try session.addNote(NoteContent(text: "Who else decides?", kind: .question))
      try session.addNote(
        NoteContent(text: "Ask the licensing lead to the next meeting", kind: .action, owner: 0))
      switch moment {
      case .ready: break
      case .running, .blanked, .waiting: clock.advance(by: 130)
      case .amber: clock.advance(by: 500)
      case .red: clock.advance(by: 575)
      case .overtime: clock.advance(by: 672)
      case .paused:
        clock.advance(by: 200)
        try session.togglePause()
        clock.advance(by: 60)
      case .finished:
        while !session.state.isFinished { try session.next() }
      }
    }

    func display(_ moment: Moment, notes: Bool) -> FollowState {
      var state = FollowState(
        sessionID: session.id, session: session.state, isLive: moment != .waiting,
        notesAllowed: notes)
      state.isBlank = moment == .blanked
      return state
    }

    func frame(_ screen: FollowState, width: Int, height: Int) -> Grid {
      var app = AppState(screen: screen, width: width, height: height, now: clock.now())
      app.timeZone = TimeZone(identifier: "UTC")!
      return App.render(app).grid
    }
  }

  @Test(arguments: Moment.allCases)
  func everyMomentAtThreeSizes(_ moment: Moment) throws {
    let room = try Room()
    try room.reach(moment)
    for (width, height) in Self.sizes {
      let screen = room.display(moment, notes: moment == .finished || width == 120)
      expectGolden(
        room.frame(screen, width: width, height: height), "follow-\(moment)-\(width)x\(height)")
    }
  }

  /// The drill with rules that wrap to three rows at 80 columns: with the notes shown, the
  /// digits there are the smallest and so is the bar the time line sits under.
  static let crowded: ConsultingProtocol = {
    let rules = [
      "Confidentiality agreed", "Phones away", "One person speaks at a time",
      "Speak from your own experience", "No advice while questioning", "Open questions only",
      "What is said here stays here", "Listen to understand",
    ]
    let drill = LiveFixture.drill
    func crowded(_ phase: Phase) -> Phase {
      var phase = phase
      phase.rules = rules
      return phase
    }
    return ConsultingProtocol(
      id: "crowded", name: "Crowded drill", description: drill.description,
      opening: drill.opening.map(crowded), round: drill.round.map(crowded),
      closing: drill.closing.map(crowded))
  }()

  /// READY and PAUSED show at the smallest window under the smallest digits, a changed time's
  /// "(planned …)" too: the line is wider than the bar, and the word used to be cut off.
  @Test(arguments: [Moment.ready, .paused])
  func theStateWordShowsUnderTheSmallestDigits(_ moment: Moment) throws {
    let room = try Room(consultingProtocol: Self.crowded)
    try room.reach(moment)
    if moment == .paused { try room.session.adjustTime(minutes: -4) }
    let frame = room.frame(room.display(moment, notes: true), width: 80, height: 24)
    #expect(frame.lines.contains { $0.contains(moment == .ready ? " READY " : " PAUSED ") })
    expectGolden(frame, "follow-crowded-\(moment)-80x24")
  }

  /// The presenter's focus question is what the room works on: a long one wraps onto the
  /// rows under it, the digits moving down, instead of being cut at the window's edge. Past
  /// three rows, or where the rows are needed by the smallest digits and what goes under
  /// them (the notes panel's heading and three notes), it ends with "…".
  @Test func aLongFocusQuestionWrapsOntoTheRowsUnderIt() throws {
    let question =
      "How can the council, the NHS and the police share the night-time economy's "
      + "licensing data without anyone feeling blamed for what the figures show?"
    let room = try Room(consultingProtocol: Self.crowded, focusQuestion: question)
    try room.reach(.running)
    func rows(height: Int, notes: Bool) -> [String] {
      room.frame(room.display(.running, notes: notes), width: 80, height: height).lines.map {
        $0.trimmingCharacters(in: .whitespaces)
      }
    }
    let tall = rows(height: 30, notes: true)
    let start = try #require(tall.firstIndex { $0.hasPrefix("Presenter: Zoë Müller · Focus:") })
    #expect(
      tall[start...].prefix(3).joined(separator: " ")
        == "Presenter: Zoë Müller · Focus: \(question)")
    #expect(tall[start + 3].isEmpty)
    #expect(tall[start + 4].contains("█"))
    // The rules, the prompt and the notes are all still there under the digits.
    #expect(tall.contains { $0.hasPrefix("Rules: Confidentiality agreed") })
    #expect(tall.contains { $0.hasPrefix("Ask: “What would success look like?”") })
    // At 80x24 with every row under the digits taken, the question gives way to the notes
    // panel, which keeps its heading and three rows.
    let small = rows(height: 24, notes: true)
    let focus = try #require(small.firstIndex { $0.hasPrefix("Presenter: Zoë Müller") })
    #expect(small[focus].hasSuffix("…") || small[focus + 1].hasSuffix("…"))
    let panel = try #require(small.firstIndex { $0.hasPrefix("─ Shared with the room") })
    #expect(small.count - 1 - panel - 1 >= FollowScreen.minimumNoteRows - 1)
    #expect(small[panel + 1..<small.count - 1].filter { !$0.isEmpty }.count >= 2)
    let longer = try Room(
      focusQuestion: Array(repeating: question, count: 3).joined(separator: " "))
    try longer.reach(.running)
    let cut = longer.frame(longer.display(.running, notes: false), width: 80, height: 24).lines
    let first = try #require(cut.firstIndex { $0.contains("Presenter: Zoë Müller") })
    #expect(cut[first + 2].trimmingCharacters(in: .whitespaces).hasSuffix("…"))
    #expect(cut[first + 3].trimmingCharacters(in: .whitespaces).isEmpty)
  }

  /// Narrower than any window shows it, the line drops "(planned …)", then "of 06:00", then
  /// "left", and keeps the state word.
  @Test func theTimeLineDropsItsDetailsBeforeTheStateWord() throws {
    let room = try Room()
    try room.reach(.paused)
    try room.session.adjustTime(minutes: -4)
    let view = try #require(RoomView(room.session.state, at: room.clock.now()))
    func line(_ width: Int) -> String {
      let line = RoomTimeLine(view, width: width)
      return line.text + "|" + (line.badge?.text ?? "")
    }
    #expect(line(80) == "02:40 left of 06:00 (planned 10:00)| PAUSED ")
    #expect(line(44) == "02:40 left of 06:00| PAUSED ")
    #expect(line(28) == "02:40 left| PAUSED ")
    #expect(line(16) == "02:40| PAUSED ")
    #expect(line(10) == "| PAUSED ")
  }

  /// A display of the latest started before any session: it says it waits, and shows the
  /// session the first look finds.
  @Test func withNoSessionYetItWaitsAndSaysSo() throws {
    let room = try Room()
    var screen = FollowState(waitingWithNotes: false)
    let environment = ScreenEnvironment(now: room.clock.now())
    expectGolden(room.frame(screen, width: 80, height: 24), "follow-no-session-80x24")
    #expect(screen.update(.tick(room.clock.now()), environment) == [.command(.refreshFollowed)])
    #expect(screen.nextDeadline(now: room.clock.now()) == room.clock.now().addingTimeInterval(1))
    _ = screen.update(
      .result(.followed(room.session.id, room.session.state, isLive: true)), environment)
    let text = room.frame(screen, width: 80, height: 24).lines.joined(separator: "\n")
    #expect(text.contains("Phase 1 of 6: Check-in"))
    #expect(text.contains("READY"))
  }

  /// Behind the display, the services answer that it waits while the data folder has no
  /// database, then none of its sessions, and follow the first session made.
  @Test func theServicesWaitForAFirstSessionAndThenFollowIt() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let services = AppServices(
      location: DataLocation(dataDirectory: data, protocolsDirectory: folder.path("protocols")),
      clock: ManualClock(Date(timeIntervalSince1970: 1_800_000_000)),
      openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    #expect(services.perform(.follow(nil, notes: true)) == .followWaiting(notes: true))
    let store = try AppDatabase(directory: data)
    #expect(services.perform(.refreshFollowed) == .followWaiting(notes: false))
    let session = try LiveSession.create(
      SessionSetup(
        title: "First", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, rounds: [SessionRound(presenter: 0)]),
      store: store)
    guard case .followed(let id, let state, let isLive) = services.perform(.refreshFollowed)
    else {
      Issue.record("the session made is not followed")
      return
    }
    #expect(id == session.id)
    #expect(state.setup.title == "First")
    #expect(!isLive)
  }

  /// Finished, a display of the latest says that it moves to the next session run; one of a
  /// named session does not.
  @Test func finishedItSaysWhereADisplayOfTheLatestGoesNext() throws {
    let room = try Room()
    try room.reach(.finished)
    let latest = FollowState(
      sessionID: room.session.id, session: room.session.state, isLive: false,
      followsLatest: true)
    expectGolden(room.frame(latest, width: 80, height: 24), "follow-finished-latest-80x24")
    let named = room.display(.finished, notes: false)
    #expect(
      !room.frame(named, width: 80, height: 24).lines.joined().contains("next session"))
  }

  @Test func theDigitsGrowWithTheWindow() throws {
    let room = try Room()
    try room.reach(.running)
    let screen = room.display(.running, notes: false)
    func digitRows(_ width: Int, _ height: Int) -> Int {
      room.frame(screen, width: width, height: height).lines.filter { $0.contains("█") }.count
    }
    #expect(digitRows(80, 24) < digitRows(120, 40))
    #expect(digitRows(120, 40) < digitRows(200, 60))
    #expect(digitRows(200, 60) >= 15, "many rows on a projector-sized terminal")
  }

  /// The notes panel shows whole notes only, newest last: the oldest that did not fit showed
  /// as its tail, a fragment without its beginning; the newest alone longer than the panel
  /// shows its start, ending "…".
  @Test func theRoomSeesWholeNotesOnly() {
    func panel(_ notes: [RoomView.SharedNote], height: Int) -> [String] {
      var grid = Grid(width: 40, height: height)
      FollowScreen.drawNotes(
        notes, kinds: [.blockage], into: &grid, area: Rect(x: 0, y: 0, width: 40, height: height))
      return grid.lines.map { $0.trimmingCharacters(in: .whitespaces) }
    }
    let notes = (1...4).map {
      RoomView.SharedNote(
        kind: .blockage, text: "Note \($0) is long enough that it has to wrap onto a second line")
    }
    let shown = panel(notes, height: 6).dropFirst().filter { !$0.isEmpty }
    #expect(shown.count == 4, "\(shown)")
    #expect(shown.first?.hasPrefix("Blockage: Note 3") == true, "\(shown)")
    #expect(shown.contains { $0.hasPrefix("Blockage: Note 4") })
    let long = RoomView.SharedNote(
      kind: .theme, text: String(repeating: "data sharing ", count: 40))
    let alone = panel([long], height: 4).dropFirst()
    #expect(alone.first?.hasPrefix("Theme: data sharing") == true, "\(alone)")
    #expect(alone.last?.hasSuffix("…") == true, "\(alone)")
  }

  @Test func noSpeakerNameOrTranscriptReachesTheRoom() throws {
    let room = try Room()
    try room.reach(.running)
    let text = room.frame(room.display(.running, notes: true), width: 200, height: 60).lines
      .joined(separator: "\n")
    #expect(text.contains("Theme: Ownership is shared by nobody"))
    #expect(text.contains("Action: Ask the licensing lead"))
    #expect(!text.contains("Who else decides?"), "questions are not shared")
    #expect(!text.contains("Amira"), "the speaker of the theme is never named")
    #expect(!text.contains("Transcript"))
    #expect(text.contains("Presenter: Zoë Müller"), "the presenter is the room's to know")
  }

  @Test func keysBlankAndToggleNotesAndNothingElse() throws {
    let room = try Room()
    try room.reach(.running)
    var state = AppState(screen: room.display(.running, notes: true), now: room.clock.now())
    for key in "npe+-= xrwmgsdv".map({ Key.character($0) }) + [.enter, .up, .down] {
      #expect(App.update(&state, .key(key)).isEmpty, "\(key) changes nothing")
    }
    _ = App.update(&state, .key(.character("b")))
    #expect((state.screen as? FollowState)?.isBlank == true)
    _ = App.update(&state, .key(.character("f")))
    #expect((state.screen as? FollowState)?.showsNotes == false)
    #expect(
      App.update(&state, .key(.character("q"))) == [
        .command(.stopFollowing), .command(.countUnfinished),
      ])

    var withoutNotes = AppState(screen: room.display(.running, notes: false), now: room.clock.now())
    _ = App.update(&withoutNotes, .key(.character("f")))
    #expect((withoutNotes.screen as? FollowState)?.showsNotes == false)
    #expect(!App.render(withoutNotes).grid.lines.last!.contains("notes"))
  }

  @Test func atRestItLooksOnceASecondAndAtEachTimerChange() throws {
    let room = try Room()
    try room.reach(.paused)
    let now = room.clock.now()
    let paused = room.display(.paused, notes: false)
    #expect(paused.nextDeadline(now: now) == now.addingTimeInterval(1))
    try room.session.togglePause()
    let running = room.display(.running, notes: false)
    let deadline = try #require(running.nextDeadline(now: now))
    #expect(deadline <= now.addingTimeInterval(1))
  }

  @Test func aFailedLookKeepsTheLastStateAndSaysSo() throws {
    let room = try Room()
    try room.reach(.running)
    var screen = room.display(.running, notes: false)
    let environment = ScreenEnvironment(now: room.clock.now())
    #expect(screen.update(.tick(room.clock.now()), environment) == [.command(.refreshFollowed)])
    _ = screen.update(
      .result(.failed(.refreshFollowed, error: "the disk is gone", latest: nil)), environment)
    let text = room.frame(screen, width: 80, height: 24).lines.joined(separator: "\n")
    #expect(text.contains("the disk is gone"))
    #expect(text.contains("Powerful questions"))
  }
}
