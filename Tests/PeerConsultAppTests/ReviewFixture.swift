import Foundation
import PeerConsultKit

@testable import PeerConsultApp
@testable import TerminalKit

/// Three stored sessions in a real database in a temporary folder, on a manual clock, with
/// the runner and services the program uses, opened at the review screen.
final class ReviewFixture {
  let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
  let folder: URL
  let terminal: MemoryTerminal
  let runner: AppRunner
  let services: AppServices

  /// Finished, two rounds, with actions (one done): the oldest.
  static let nightTime = SessionID(rawValue: "a1" + String(repeating: "0", count: 30))!
  /// Unfinished, same programme, a day later.
  static let streetDrinking = SessionID(rawValue: "b2" + String(repeating: "0", count: 30))!
  /// Finished, another programme, two days later: the newest.
  static let discharge = SessionID(rawValue: "c3" + String(repeating: "0", count: 30))!

  /// - Parameters:
  ///   - seed: false for a data folder where nothing was ever recorded.
  ///   - pulledFrom: the name of a shared store the night-time economy session was taken
  ///     from, as `peerconsult sync` records it; nil when every session was written here.
  init(
    width: Int = 80, height: Int = 24, seed: Bool = true, leavesProgram: Bool = false,
    pulledFrom store: String? = nil
  ) throws {
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-review-\(UUID().uuidString)")
    let data = folder.appendingPathComponent("data")
    if seed { try Self.seed(AppDatabase(directory: data), clock: clock) }
    if let store {
      let database = try AppDatabase(directory: data)
      try database.addStore(
        named: store, url: "postgres://alice@db.example.org/pc", at: clock.now())
      let key = StreamKey(.session, Self.nightTime.rawValue)
      let last = try database.lastSequences(of: [key])[key] ?? 0
      try database.recordSync(
        store: store, agreed: [key: StreamSyncRecord(syncedSequence: last, writtenHere: false)])
      try database.close()
    }
    terminal = MemoryTerminal(width: width, height: height)
    services = AppServices(
      location: DataLocation(
        dataDirectory: data, protocolsDirectory: folder.appendingPathComponent("protocols")),
      clock: clock, openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    var state = AppState(width: width, height: height, now: clock.now())
    state.timeZone = TimeZone(identifier: "UTC")!
    state.leavesProgram = leavesProgram
    runner = AppRunner(terminal: terminal, services: services, state: state)
    runner.perform(.loadReview)
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  var dataFolder: URL { folder.appendingPathComponent("data") }

  /// Writes the three sessions, moving the clock as a facilitator would.
  static func seed(_ database: AppDatabase, clock: ManualClock) throws {
    let people = LiveFixture.participants  // Zoë Müller, Amira O'Neill, 王小明
    func note(_ text: String, _ kind: NoteKind, speaker: Int? = nil, owner: Int? = nil)
      -> NoteContent
    {
      NoteContent(text: text, kind: kind, speaker: speaker, owner: owner)
    }
    // Night-time economy: check-in, Zoë's round, 王小明's round, process review.
    let night = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: LiveFixture.drill, participants: people,
        rounds: [
          SessionRound(presenter: 0, focusQuestion: "How do we share ownership of the plan?"),
          SessionRound(presenter: 2),
        ]), id: nightTime, store: database, clock: clock)
    try night.start()
    clock.advance(by: 60)
    try night.addNote(note("Everyone arrived on time", .other))
    try night.next()  // round 1, presenting
    clock.advance(by: 120)
    try night.addNote(note("Licensing and health never meet", .insight, speaker: 0))
    try night.next()  // questions
    clock.advance(by: 90)
    try night.addNote(note("What would a joint licensing panel need?", .question, speaker: 1))
    try night.addNote(
      note("Draft the joint licensing letter", .action, speaker: 0, owner: 0))
    clock.advance(by: 30)
    try night.addNote(note("Map who funds the street pastors", .action, owner: 1))
    try night.next()  // round 2, presenting
    clock.advance(by: 200)
    try night.addNote(note("Crème de la crème of the night economy", .insight, speaker: 2))
    try night.next()  // questions
    clock.advance(by: 100)
    try night.addNote(note("Who owns the late-night levy?", .question, speaker: 0))
    try night.next()  // process review
    clock.advance(by: 40)
    try night.addNote(note("Questions before advice worked well", .worksWell))
    try night.setActionDone(5, true)
    try night.next()  // finished

    clock.advance(by: 86_400)
    let street = try LiveSession.create(
      SessionSetup(
        title: "Street drinking", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
        participants: people, presenters: [1]), id: streetDrinking, store: database, clock: clock)
    try street.start()
    try street.next()
    clock.advance(by: 75)
    try street.addNote(note("Cafe owners feel unheard by licensing", .insight, speaker: 1))

    clock.advance(by: 86_400)
    let discharge = try LiveSession.create(
      SessionSetup(
        title: "Hospital discharge", programme: "Winter Pressures",
        consultingProtocol: LiveFixture.drill, participants: people, presenters: [2]),
      id: discharge, store: database, clock: clock)
    try discharge.start()
    try discharge.next()
    clock.advance(by: 50)
    try discharge.addNote(note("Beds are blocked by missing care packages", .blockage, speaker: 2))
    try discharge.addNote(note("Ask social care to join the huddle", .action, owner: 2))
    try discharge.finish()
    clock.advance(by: 600)
  }

  var review: ReviewState? {
    if let review = runner.state.screen as? ReviewState { return review }
    return nil
  }

  var transcript: TranscriptState? {
    if let transcript = runner.state.screen as? TranscriptState { return transcript }
    return nil
  }

  /// Sends keys through the runner, as a user would; returns an exit status if one came.
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
}
