import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// The live screen takes in what another program stores in its session (review marking an
/// action done) on its own, within a tick, keeping the note being typed; a session live in
/// another program is not resumed (issue 14, item 7).
@Suite struct LiveRefreshTests {
  static let session = SessionID(rawValue: "7e7e" + String(repeating: "0", count: 28))!

  /// The live screen on a data folder's database, with a started session holding one open
  /// action, resumed through the real runner and services on a manual clock.
  final class Fixture {
    let folder: TemporaryFolder
    let data: URL
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let terminal = MemoryTerminal(width: 80, height: 24)
    let services: AppServices
    let runner: AppRunner

    init() throws {
      folder = try TemporaryFolder()
      data = folder.path("data")
      let database = try AppDatabase(directory: data)
      let live = try LiveSession.create(
        SessionSetup(
          title: "Night-time economy", programme: "Alcohol Plan",
          consultingProtocol: LiveFixture.drill, participants: LiveFixture.participants,
          presenters: [0, 1]),
        id: LiveRefreshTests.session, store: database, clock: clock)
      try live.start()
      try live.addNote(NoteContent(text: "Draft the licensing letter", kind: .action, owner: 0))
      try database.close()
      let data = self.data
      services = AppServices(
        location: DataLocation(dataDirectory: data, protocolsDirectory: folder.path("p")),
        clock: clock, openStore: { try AppDatabase(directory: data) },
        openReader: { try AppDatabase.openForReading(directory: data) })
      var state = AppState(width: 80, height: 24, now: clock.now())
      state.timeZone = TimeZone(identifier: "UTC")!
      runner = AppRunner(terminal: terminal, services: services, state: state)
    }

    var live: LiveState? { runner.state.screen as? LiveState }

    var text: String {
      runner.drawFrame()
      return terminal.screen.lines.joined(separator: "\n")
    }

    func press(_ keys: Key...) { for key in keys { runner.handle(.key(key)) } }

    func type(_ text: String) { for c in text { runner.handle(.key(.character(c))) } }
  }

  @Test func aReviewWriteShowsWithinATickAndTheTypedNoteSurvives() throws {
    let f = try Fixture()
    f.runner.perform(.resume(Self.session))
    #expect(f.text.contains("Draft the licensing letter") && !f.text.contains("✓ done"))
    f.press(.enter)
    f.type("Typed while review wrote")

    // Another program (review, in another window) marks the action done.
    let review = try AppDatabase(directory: f.data)
    try LiveSession.resume(Self.session, store: review, clock: f.clock).setActionDone(1, true)
    try review.close()

    f.clock.advance(by: 1)
    f.runner.handle(nil)
    let live = try #require(f.live)
    #expect(live.session.note(1)?.isDone == true)
    #expect(f.text.contains("Draft the licensing letter → Zoë Müller ✓ done"), "\(f.text)")
    #expect(live.editor?.line.string == "Typed while review wrote")

    // The note is saved after the review's event, and the log replays.
    f.press(.enter)
    #expect(f.runner.state.notice?.text == "Note saved.")
    let reader = try AppDatabase(directory: f.data)
    let stored = try SessionState.replay(reader.events(of: Self.session))
    #expect(
      stored.visibleNotes.map(\.text) == ["Draft the licensing letter", "Typed while review wrote"])
    #expect(stored.note(1)?.isDone == true)
    try reader.close()
  }

  @Test func withNothingStoredElsewhereATickReadsNoEvents() throws {
    let f = try Fixture()
    f.runner.perform(.resume(Self.session))
    var results: [ServiceResult] = []
    f.runner.resultObserver = { results.append($0) }
    for _ in 0..<3 {
      f.clock.advance(by: 1)
      f.runner.handle(nil)
    }
    // A tick within the second asks nothing.
    f.clock.advance(by: 0.4)
    f.runner.handle(nil)
    #expect(results == Array(repeating: .liveSessionRefreshed(nil), count: 3))
  }

  @Test func aSessionLiveInAnotherProgramIsMarkedAndNotResumed() throws {
    let f = try Fixture()
    let elsewhere = try #require(try SessionLock.acquire(Self.session, in: f.data))
    defer { elsewhere.release() }

    let refused = f.services.perform(.resume(Self.session))
    guard case .failed(_, let error, _) = refused else {
      Issue.record("resumed a session live elsewhere: \(refused)")
      return
    }
    #expect(error == StoreError.openElsewhere(Self.session).description)
    #expect(error.hasPrefix("Session 7e7e0000 is open in another PeerConsult window"))

    // With another unfinished session, the list shows which one is open elsewhere.
    let other = try AppDatabase(directory: f.data)
    _ = try LiveSession.create(
      SessionSetup(
        title: "Street pastors", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: LiveFixture.participants, presenters: [0]),
      store: other, clock: f.clock)
    try other.close()
    f.runner.perform(.listUnfinished)
    let list = try #require(f.runner.state.screen as? ResumeState)
    #expect(list.openElsewhere == [Self.session] && list.sessions.count == 2)
    let row = try #require(
      f.text.split(separator: "\n").first { $0.contains("Night-time economy") })
    #expect(row.contains("open in another window"), "\(row)")
    #expect(
      !f.text.split(separator: "\n").contains {
        $0.contains("Street pastors") && $0.contains("another window")
      })

    // Picking it says where it is open, and stays on the list.
    let index = try #require(list.sessions.firstIndex { $0.id == Self.session })
    if index != list.selection { f.press(.down) }
    f.press(.enter)
    #expect(f.runner.state.screen is ResumeState)
    #expect(f.runner.state.notice?.text == StoreError.openElsewhere(Self.session).description)
  }
}
