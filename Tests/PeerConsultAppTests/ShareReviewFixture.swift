import Foundation
import PeerConsultKit

@testable import PeerConsultApp
@testable import TerminalKit

/// Two stored sessions in a real database in a temporary folder, on a manual clock, opened at
/// the review list: one whose notes hold suspects (a name that is also a word, someone who was
/// not there, a name misspelt), and one that mentions only its participants.
final class ShareReviewFixture {
  let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
  let folder: URL
  let terminal: MemoryTerminal
  let runner: AppRunner
  let services: AppServices

  /// Finished, with suspects: the newest, so the review list selects it first.
  static let withSuspects = SessionID(rawValue: "d4" + String(repeating: "0", count: 30))!
  /// Finished, mentioning only participants.
  static let plain = SessionID(rawValue: "e5" + String(repeating: "0", count: 30))!

  static let people = [
    Participant(name: "Will Bishop", organisation: "Harbour Trust", level: .senior),
    Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
  ]

  /// - Parameter shownDataDirectory: the data folder the screens are told of, for golden
  ///   screens that must not show a temporary folder's name (nothing can be written then).
  init(
    width: Int = 80, height: Int = 24, leavesProgram: Bool = false,
    shownDataDirectory: String? = nil
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-share-\(UUID().uuidString)")
    let data = folder.appendingPathComponent("data")
    try Self.seed(AppDatabase(directory: data), clock: clock)
    terminal = MemoryTerminal(width: width, height: height)
    services = AppServices(
      location: DataLocation(
        dataDirectory: data, protocolsDirectory: folder.appendingPathComponent("protocols")),
      clock: clock, openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    var state = AppState(
      width: width, height: height, now: clock.now(),
      dataDirectory: shownDataDirectory ?? data.path)
    state.timeZone = TimeZone(identifier: "UTC")!
    state.leavesProgram = leavesProgram
    runner = AppRunner(terminal: terminal, services: services, state: state)
    runner.perform(.loadReview)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  var dataFolder: URL { folder.appendingPathComponent("data") }
  var exportsFolder: URL { dataFolder.appendingPathComponent("exports") }

  static func seed(_ database: AppDatabase, clock: ManualClock) throws {
    let plain = try LiveSession.create(
      SessionSetup(
        title: "Hospital discharge", programme: "Winter Pressures",
        consultingProtocol: LiveFixture.drill, participants: people, presenters: [1]),
      id: plain, store: database, clock: clock)
    try plain.start()
    try plain.next()
    try plain.addNote(
      NoteContent(text: "Amira O'Neill described the discharge lounge", kind: .insight))
    try plain.finish()
    clock.advance(by: 86_400)
    let session = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: LiveFixture.drill, participants: people, presenters: [0]),
      id: withSuspects, store: database, clock: clock)
    try session.start()
    try session.next()
    clock.advance(by: 60)
    try session.addNote(
      NoteContent(text: "Will opened with the story of the late-night levy", kind: .insight))
    try session.addNote(
      NoteContent(text: "Amira said we will ask Ravinder at the licensing desk", kind: .insight))
    try session.addNote(
      NoteContent(text: "The plan Zoe Mueller drafted needs owners", kind: .insight))
    try session.finish()
    clock.advance(by: 600)
  }

  var share: ShareReviewState? { runner.state.screen as? ShareReviewState }

  @discardableResult
  func press(_ keys: Key...) -> Int32? {
    var status: Int32?
    for key in keys { status = runner.handle(.key(key)) ?? status }
    return status
  }

  func type(_ text: String) { for c in text { runner.handle(.key(.character(c))) } }

  var screen: Grid {
    runner.drawFrame()
    return terminal.screen
  }

  var text: String { screen.lines.joined(separator: "\n") }

  /// The session as stored now.
  func stored(_ id: SessionID = withSuspects) throws -> SessionState {
    try AppDatabase.openForReading(directory: dataFolder)!.loadSession(id)
  }
}
