import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// `follow --plain`: one line per change the room should hear of, and one per minute.
@Suite struct RoomAnnouncerTests {
  /// A facilitator's session and a room display reading it once a second, as the real one
  /// does at rest.
  final class Drill {
    let clock = ManualClock(Fixtures.start)
    let store: AppDatabase
    let session: LiveSession
    var announcer: RoomAnnouncer
    var lines: [String] = []
    var isLive = true

    init(notes: Bool) throws {
      store = try AppDatabase.inMemory()
      session = try LiveSession.create(
        Fixtures.setup(title: "Night-time economy"), store: store, clock: clock)
      announcer = RoomAnnouncer(readsNotes: notes)
      look()
    }

    /// What the display says after `seconds`, looked at every second.
    func wait(_ seconds: Int) {
      for _ in 0..<seconds {
        clock.advance(by: 1)
        look()
      }
    }

    func look() {
      guard let view = RoomView(session.state, at: clock.now()) else { return }
      lines += announcer.lines(for: view, isLive: isLive)
    }

    /// Does `command` as the facilitator and lets the display look at once.
    func facilitator(_ command: (LiveSession) throws -> Void) throws {
      try command(session)
      look()
    }
  }

  @Test func aWholeDrillProtocolReadsAsLines() throws {
    let drill = try Drill(notes: true)
    try drill.facilitator { try $0.start() }
    drill.wait(61)  // Check-in: 1:00, then a second over.
    try drill.facilitator { try $0.next() }  // Presenting, 1:40.
    drill.wait(30)
    try drill.facilitator { try $0.togglePause() }
    drill.wait(5)
    try drill.facilitator { try $0.togglePause() }
    try drill.facilitator { try $0.adjustTime(minutes: 1) }
    try drill.facilitator {
      try $0.addNote(NoteContent(text: "Licensing\nneeds a friend", kind: .insight, speaker: 1))
    }
    try drill.facilitator { try $0.next() }  // Questions, 2:00.
    drill.wait(125)
    try drill.facilitator { try $0.next() }  // Sense-making.
    try drill.facilitator {
      try $0.addNote(NoteContent(text: "Nobody owns the night", kind: .theme, speaker: 2))
    }
    drill.wait(10)
    drill.isLive = false
    drill.wait(1)
    drill.isLive = true
    drill.wait(1)
    for _ in 0..<4 { try drill.facilitator { try $0.next() } }  // Ben's round, the review.
    try drill.facilitator {
      try $0.addNote(NoteContent(text: "Call the licensing lead", kind: .action, owner: 0))
    }
    try drill.facilitator { try $0.next() }
    drill.wait(5)
    expectGoldenText(drill.lines.joined(separator: "\n") + "\n", "follow-plain-drill.txt")
  }

  /// In a protocol without opening phases the first round is there from the start: its
  /// presenter and focus are said when the facilitator starts, as any round's are.
  @Test func aRoundTheSessionOpensWithIsSaidWhenItStarts() throws {
    let clock = ManualClock(Fixtures.start)
    let store = try AppDatabase.inMemory()
    var setup = Fixtures.setup()
    setup.consultingProtocol.opening = []
    let session = try LiveSession.create(setup, store: store, clock: clock)
    var announcer = RoomAnnouncer(readsNotes: false)
    var lines: [String] = []
    func look() {
      guard let view = RoomView(session.state, at: clock.now()) else { return }
      lines += announcer.lines(for: view, isLive: true)
    }
    look()
    clock.advance(by: 5)
    try session.start()
    look()
    #expect(
      lines.first { $0.hasPrefix("Round 1 of 2: ") }?.contains(
        "presents. Focus: How do I get licensing on board?") == true)
    #expect(lines.filter { $0.hasPrefix("Round 1 of 2") }.count == 1)
  }

  /// A focus question given or restated during its round is said once, as the screen shows
  /// it at once; one changed for a later round waits for that round's line.
  @Test func aFocusQuestionRestatedWithinItsRoundIsSaid() throws {
    let drill = try Drill(notes: false)
    try drill.facilitator { try $0.start() }
    try drill.facilitator { try $0.next() }  // Round 1: Ben presents.
    drill.lines.removeAll()
    try drill.facilitator {
      try $0.setFocusQuestion(round: 0, "How do I get licensing to own the plan?")
    }
    try drill.facilitator { try $0.setFocusQuestion(round: 1, "How do I keep the buses?") }
    drill.wait(2)
    #expect(drill.lines == ["Focus now: How do I get licensing to own the plan?"])
    drill.lines.removeAll()
    try drill.facilitator { try $0.setFocusQuestion(round: 0, "") }
    #expect(drill.lines == ["No focus question now"])
    drill.lines.removeAll()
    try drill.facilitator { try $0.next() }
    try drill.facilitator { try $0.next() }
    try drill.facilitator { try $0.next() }  // Round 2: Asha presents.
    #expect(
      drill.lines.contains { $0.hasSuffix("Focus: How do I keep the buses?") }, "\(drill.lines)")
    #expect(!drill.lines.contains { $0.hasPrefix("Focus now") }, "\(drill.lines)")
  }

  @Test func aMinuteBoundaryIsOneLineEvenWhenASecondIsMissed() throws {
    let drill = try Drill(notes: false)
    try drill.facilitator { try $0.start() }
    drill.lines = []
    drill.clock.advance(by: 1.5)  // the display was late: 58.5 s left
    drill.look()
    drill.clock.advance(by: 58.5)  // 0 s left
    drill.look()
    drill.clock.advance(by: 0.4)
    drill.look()
    #expect(drill.lines == ["Time is up"])
  }

  @Test func notesAreLeftOutUnlessAskedForAndNeverNameTheSpeaker() throws {
    for reads in [false, true] {
      let drill = try Drill(notes: reads)
      try drill.facilitator { try $0.start() }
      try drill.facilitator {
        try $0.addNote(NoteContent(text: "Shared purpose", kind: .theme, speaker: 0))
      }
      try drill.facilitator {
        try $0.addNote(NoteContent(text: "Why now?", kind: .question, speaker: 1))
      }
      let said = drill.lines.joined(separator: "\n")
      #expect(said.contains("Theme: Shared purpose") == reads)
      #expect(!said.contains("Why now?"), "questions are not among the default kinds")
      #expect(!said.contains("Asha") && !said.contains("Ben"))
    }
  }

  @Test func theKindsChosenForTheRoomAreTheOnesRead() throws {
    let drill = try Drill(notes: true)
    try drill.facilitator { try $0.start() }
    try drill.facilitator { try $0.chooseRoomNotes([.question]) }
    try drill.facilitator { try $0.addNote(NoteContent(text: "Why now?", kind: .question)) }
    try drill.facilitator { try $0.addNote(NoteContent(text: "Hidden theme", kind: .theme)) }
    #expect(drill.lines.suffix(1) == ["Question: Why now?"])
    let replayed = try drill.store.loadSession(drill.session.id)
    #expect(replayed.roomNoteKinds == [.question])
  }

  @Test func aRepeatedKindIsRefusedWhenReplayed() throws {
    var state = try SessionState(setup: Fixtures.setup(), createdAt: Fixtures.start)
    #expect(throws: SessionError.repeatedRoomNoteKind(.theme)) {
      try state.apply(.roomNotesChosen(kinds: [.theme, .action, .theme]), at: Fixtures.start)
    }
    #expect(state.roomNoteKinds == SessionState.defaultRoomNoteKinds)
    try state.apply(.roomNotesChosen(kinds: [.action, .theme]), at: Fixtures.start)
    #expect(state.roomNoteKinds == [.theme, .action], "kept in the kinds' own order")
  }
}
