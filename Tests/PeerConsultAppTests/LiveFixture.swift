import Foundation
import GRDB
import PeerConsultKit
import Synchronization

@testable import PeerConsultApp
@testable import TerminalKit

/// A small live session on a manual clock, driven through the real runner and services.
final class LiveFixture {
  let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
  let terminal: MemoryTerminal
  let runner: AppRunner
  let services: AppServices
  let store: FlakyDatabase

  static let participants = [
    Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
    Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    Participant(name: "王小明", organisation: "Police", level: .middle),
  ]

  /// A protocol with every kind of speaker and short phases.
  static let drill = ConsultingProtocol(
    id: "drill", name: "Drill", description: "Short phases for tests.",
    opening: [
      Phase(
        name: "Check-in", durationSeconds: 120, speaker: .everyone,
        guidance: "Each person says what is on their mind.", rules: ["Confidentiality agreed"],
        prompts: ["What is on your mind?"], noteKind: .other)
    ],
    round: [
      Phase(
        name: "Presenting", durationSeconds: 300, speaker: .presenter,
        guidance: "The presenter describes the challenge without interruption.",
        rules: ["Group listens in silence"], prompts: ["What is the challenge?"], noteKind: .insight
      ),
      Phase(
        name: "Powerful questions", durationSeconds: 600, speaker: .group,
        guidance: "Peers ask open questions; the presenter answers.",
        rules: ["No advice while questioning", "Open questions only"],
        prompts: ["What would success look like?", "What have you already tried?"],
        noteKind: .question),
    ],
    closing: [
      Phase(
        name: "Process review", durationSeconds: 60, speaker: .facilitator,
        guidance: "What helped and what got in the way?", rules: ["Everyone speaks once"],
        prompts: ["What helped?"], noteKind: .worksWell)
    ])

  /// When the sessions ``startedSession(title:programme:)`` folds begin.
  static let start = Date(timeIntervalSince1970: 1_800_000_000)

  /// A session of the ``drill`` protocol with ``participants``, each presenting a round,
  /// folded from its events (nothing stored), its first phase started at ``start``: for tests
  /// that then add the notes they need.
  static func startedSession(title: String, programme: String) throws -> SessionState {
    let setup = SessionSetup(
      title: title, programme: programme, consultingProtocol: drill,
      participants: participants, presenters: [0, 1, 2])
    var session = try SessionState(setup: setup, createdAt: start)
    try session.apply(.phaseStarted(slot: 0), at: start)
    return session
  }

  init(
    width: Int = 80, height: Int = 24, leavesProgram: Bool = false,
    consultingProtocol: ConsultingProtocol = LiveFixture.drill,
    palette: Palette = .darkBackground, started: Bool = true
  ) throws {
    terminal = MemoryTerminal(width: width, height: height)
    store = try FlakyDatabase()
    let database = store.database
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pc-live-\(UUID())")
    services = AppServices(
      location: DataLocation(
        dataDirectory: folder, protocolsDirectory: folder.appendingPathComponent("p")),
      clock: clock,
      makeSessionID: { SessionID(rawValue: "5e551011" + String(repeating: "0", count: 24))! },
      openStore: { database }, openReader: { database })
    var state = AppState(width: width, height: height, now: clock.now())
    state.timeZone = TimeZone(identifier: "UTC")!
    let setup = SessionSetup(
      title: "Alcohol Plan SLG 3", programme: "Alcohol Plan",
      consultingProtocol: consultingProtocol,
      participants: Self.participants,
      rounds: [
        SessionRound(presenter: 0, focusQuestion: "How do we share ownership?"),
        SessionRound(presenter: 2),
      ])
    state.leavesProgram = leavesProgram
    state.palette = palette
    runner = AppRunner(terminal: terminal, services: services, state: state)
    runner.perform(.startSession(setup))
    if live == nil {
      throw FixtureError("the session did not open: \(String(describing: runner.state.notice))")
    }
    // A new session opens ready; Space starts its first phase.
    if started { press(.character(" ")) }
  }

  var live: LiveState? {
    if let live = runner.state.screen as? LiveState { return live }
    return nil
  }

  /// Sends keys through the runner, as a user would.
  @discardableResult
  func press(_ keys: Key...) -> Int32? {
    var status: Int32?
    for key in keys { status = runner.handle(.key(key)) ?? status }
    return status
  }

  func type(_ text: String) { for c in text { runner.handle(.key(.character(c))) } }

  /// Writes a note as a facilitator does: Enter, the text, Enter.
  func writeNote(_ text: String) {
    press(.enter)
    type(text)
    press(.enter)
  }

  /// Opens the note line and types `text`, then pauses as long as keeping it takes
  /// (`DraftTouches.pause`).
  func typeAndPause(_ text: String) {
    press(.enter)
    type(text)
    advance(DraftTouches.pause)
  }

  /// Moves the clock and lets the runner notice.
  func advance(_ seconds: TimeInterval) {
    clock.advance(by: seconds)
    runner.handle(nil)
  }

  var screen: Grid {
    runner.drawFrame()
    return terminal.screen
  }

  var text: String { screen.lines.joined(separator: "\n") }
}

/// An in-memory database that can be told to fail its next write, like a full disk. A trigger
/// asks a Swift function before each event is stored, so the failure comes back through the
/// real store's error path and its transaction is rolled back, as a full disk's would be.
final class FlakyDatabase: Sendable {
  let database: AppDatabase
  private let failure = OneShot()
  private let draftFailure = OneShot()
  private let noteFailure = OneShot()
  private let forgettingFailure = OneShot()

  /// Set to make the next event's write fail; it is cleared by that failure.
  var failNextAppend: Bool {
    get { failure.isArmed }
    set { failure.set(newValue) }
  }

  /// Set to make the next note's write fail (the next `noteAdded` event), whatever events
  /// are written before it.
  var failNextNote: Bool {
    get { noteFailure.isArmed }
    set { noteFailure.set(newValue) }
  }

  /// Set to make the next forgetting of a kept note fail, as `failNextAppend` does.
  var failNextDraftForgetting: Bool {
    get { forgettingFailure.isArmed }
    set { forgettingFailure.set(newValue) }
  }

  /// Set to make the next keeping of a note being written fail, as `failNextAppend` does.
  var failNextDraft: Bool {
    get { draftFailure.isArmed }
    set { draftFailure.set(newValue) }
  }

  init() throws {
    let queue = try DatabaseQueue()
    database = try AppDatabase(queue)
    try queue.writeWithoutTransaction { db in
      /// Makes the next insert into `table` (or delete from it) fail once `flag` is set; into
      /// `events`, only an event of `type` when one is given.
      func failing(
        _ table: String, named name: String, when flag: OneShot, type: String? = nil,
        on change: String = "INSERT"
      ) throws {
        db.add(
          function: DatabaseFunction(name, argumentCount: 1, pure: false) { values in
            (type == nil || String.fromDatabaseValue(values[0]) == type) && flag.take()
          })
        let argument = type == nil ? "NULL" : "NEW.type"
        try db.execute(
          sql: """
            CREATE TEMP TRIGGER \(name) BEFORE \(change) ON \(table)
            WHEN \(name)(\(argument)) BEGIN SELECT RAISE(ABORT, 'the disk is full'); END
            """)
      }
      try failing("events", named: "fail_next_append", when: failure)
      try failing("events", named: "fail_next_note", when: noteFailure, type: "noteAdded")
      try failing("note_drafts", named: "fail_next_draft", when: draftFailure)
      try failing(
        "note_drafts", named: "fail_next_forgetting", when: forgettingFailure, on: "DELETE")
    }
  }
}

/// A flag that is true once after being set.
final class OneShot: Sendable {
  private let armed = Mutex(false)

  var isArmed: Bool { armed.withLock { $0 } }

  func set(_ value: Bool) { armed.withLock { $0 = value } }

  /// Whether the flag was set, clearing it.
  func take() -> Bool {
    armed.withLock { armed in
      defer { armed = false }
      return armed
    }
  }
}

/// A fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
