import Foundation
import PeerConsultKit

@testable import PeerConsultApp
@testable import TerminalKit

/// A small live session on a manual clock, driven through the real runner and services.
final class LiveFixture {
  let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
  let terminal: MemoryTerminal
  let runner: AppRunner
  let services: AppServices
  let store = FlakyStore()

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

  init(
    width: Int = 80, height: Int = 24, leavesProgram: Bool = false,
    consultingProtocol: ConsultingProtocol = LiveFixture.drill
  ) throws {
    terminal = MemoryTerminal(width: width, height: height)
    let store = self.store
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pc-live-\(UUID())")
    services = AppServices(
      location: DataLocation(
        dataDirectory: folder, protocolsDirectory: folder.appendingPathComponent("p")),
      clock: clock,
      makeSessionID: { SessionID(rawValue: "5e551011" + String(repeating: "0", count: 24))! },
      openStore: { store })
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
    runner = AppRunner(terminal: terminal, services: services, state: state)
    runner.perform(.startSession(setup))
    if live == nil {
      throw FixtureError("the session did not start: \(String(describing: runner.state.notice))")
    }
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

/// An in-memory store that can be told to fail its next write, like a full disk.
final class FlakyStore: SessionStore, @unchecked Sendable {
  private let inner = InMemorySessionStore()
  var failNextAppend = false

  struct DiskFull: Error, CustomStringConvertible {
    var description: String { "the disk is full" }
  }

  func append(_ event: RecordedEvent, to session: SessionID) throws {
    if failNextAppend {
      failNextAppend = false
      throw DiskFull()
    }
    try inner.append(event, to: session)
  }

  func events(of session: SessionID) throws -> [RecordedEvent] { try inner.events(of: session) }
}

/// A fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
