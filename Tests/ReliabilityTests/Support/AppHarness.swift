import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit
import TestSupport

/// Where an attack on the screens starts; random keys take it anywhere from there.
enum StartScreen: String, CaseIterable, Sendable {
  case home, protocols, resume, live, editor, schedule, ratings, help, confirm, summary, setup,
    review, transcript, actions, group, latecomer, focusQuestion, roomNotes, share, sharePath,
    people, roomDisplay, followUp, followUpNote
}

/// The whole app as a facilitator meets it, minus the real terminal: the runner, the services,
/// a SQLite database in a temporary folder and a manual clock.
final class AppHarness {
  let folder: URL
  let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
  let terminal: MemoryTerminal
  let services: AppServices
  private(set) var runner: AppRunner
  private var rng: SeededGenerator
  /// What the services reported since the last key: the typed acknowledgements the attacks
  /// check, rather than the words on the screen.
  private(set) var results: [ServiceResult] = []

  var dataFolder: URL { folder.appendingPathComponent("data") }

  init(width: Int = 80, height: Int = 24, seed: UInt64) throws {
    rng = SeededGenerator(seed: seed)
    folder = Self.scratch.appendingPathComponent("pc-reliability-\(UUID().uuidString)")
    let protocols = folder.appendingPathComponent("protocols")
    try FileManager.default.createDirectory(at: protocols, withIntermediateDirectories: true)
    // The protocol browser then shows a user protocol and a refused file too.
    try ProtocolFile.yaml(for: SessionFactory.drill).write(
      to: protocols.appendingPathComponent("drill.yaml"), atomically: true, encoding: .utf8)
    try "name: [unclosed".write(
      to: protocols.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
    let data = folder.appendingPathComponent("data")
    terminal = MemoryTerminal(width: width, height: height)
    let root = folder.standardizedFileURL.path + "/"
    services = AppServices(
      location: DataLocation(dataDirectory: data, protocolsDirectory: protocols), clock: clock,
      openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) },
      writeExport: { text, url, replacing in
        // Random keys may type any path into the review before sharing: only this attack's
        // own folder is written, as a real folder that refuses would.
        guard url.standardizedFileURL.path.hasPrefix(root) else {
          throw ShareError.cannotWrite(path: url.path, reason: "outside the attack's folder")
        }
        try PrivateFile.write(text, to: url, replacing: replacing)
      })
    _ = try services.store()
    runner = AppRunner(
      terminal: terminal, services: services, state: AppState(dataDirectory: data.path))
  }

  deinit { try? FileManager.default.removeItem(at: folder) }

  /// Where harness folders go: memory-backed /dev/shm when there is one, because these attacks
  /// test the program's logic with thousands of commits, and a disk's fsync would make them
  /// slow without testing anything more (the kill -9 attack tests the disk).
  static let scratch: URL = {
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: "/dev/shm", isDirectory: &isFolder),
      isFolder.boolValue,
      access("/dev/shm", W_OK) == 0
    {
      return URL(fileURLWithPath: "/dev/shm")
    }
    return FileManager.default.temporaryDirectory
  }()

  /// The database the services write to.
  func database() throws -> AppDatabase {
    guard let database = try services.database() else { throw HarnessError("no database") }
    return database
  }

  /// Starts a fresh runner on `start`, creating whatever sessions that screen needs.
  func reset(to start: StartScreen) throws {
    var state = AppState(
      width: terminal.size.width, height: terminal.size.height, now: clock.now(),
      dataDirectory: dataFolder.path)
    state.timeZone = TimeZone(identifier: "Europe/London")!
    // Leaving a session leaves the program, as after `peerconsult run`, half of the time.
    state.leavesProgram =
      [.live, .editor, .schedule, .ratings, .confirm, .summary].contains(start)
      && Bool.random(using: &rng)
    runner = AppRunner(terminal: terminal, services: services, state: state)
    runner.resultObserver = { [unowned self] in self.results.append($0) }
    switch start {
    case .home, .help:
      runner.perform(.countUnfinished)
    case .protocols:
      runner.perform(.loadProtocols)
    case .resume:
      // Two or more unfinished sessions, so the picker shows instead of resuming at once.
      let database = try database()
      while try database.unfinishedSessions().count < 2 {
        let session = try LiveSession.create(
          SessionFactory.setup(using: &rng), store: database, clock: clock)
        try session.start()
      }
      runner.perform(.listUnfinished)
    case .live, .editor, .schedule, .ratings, .confirm, .group, .latecomer, .focusQuestion,
      .roomNotes:
      // A new session opens ready; the facilitator starts it.
      runner.perform(.startSession(SessionFactory.setup(using: &rng)))
      runner.perform(.session(.start))
    case .summary, .share, .sharePath:
      runner.perform(.startSession(SessionFactory.setup(using: &rng)))
      while runner.state.screen is LiveState { runner.perform(.session(.next)) }
    case .setup:
      runner.perform(.loadSetup)
    case .followUp, .followUpNote:
      // A standing group's next meeting opens on last time's actions.
      runner.perform(.startSession(try meetingAfterOneWithActions()))
    case .review, .transcript, .actions, .people:
      try storeSessionsWithNotes()
      runner.perform(.loadReview)
      if start != .review, let listing = try database().sessions().first {
        runner.perform(.openTranscript(listing.id, note: nil))
      }
    case .roomDisplay:
      // The room display of a session with notes, as `follow --notes` opens it.
      try storeSessionsWithNotes()
      runner.perform(.follow(nil, notes: true))
    }
    let opening: [StartScreen: Key] = [
      .editor: .enter, .schedule: .character("s"), .ratings: .character("r"),
      .help: .character("?"), .confirm: .character("q"), .actions: .character("a"),
      .share: .character("s"), .people: .character("w"), .roomNotes: .character("v"),
      .followUpNote: .character("c"),
    ]
    if let key = opening[start] { runner.handle(.key(key)) }
    if start == .sharePath { runner.handle(.key(.character("s"))) }
    if start == .sharePath { runner.handle(.key(.character("o"))) }
    if [.group, .latecomer, .focusQuestion].contains(start) {
      runner.handle(.key(.character("w")))
    }
    if start == .latecomer { runner.handle(.key(.character("a"))) }
    if start == .focusQuestion { runner.handle(.key(.character("f"))) }
    runner.drawFrame()
  }

  /// The setup of a standing group's next meeting, after a meeting of it that agreed actions
  /// in several scripts, some due next session; the group is made on first use.
  private func meetingAfterOneWithActions() throws -> SessionSetup {
    let database = try database()
    var setup = SessionFactory.setup(using: &rng)
    let group =
      try database.groups().first.map { try database.group($0.id) }
      ?? database.createGroup(
        name: "Attack group · 夜", programme: setup.programme, members: setup.participants,
        at: clock.now())
    setup.participants = group.members
    setup.rounds = [SessionRound(presenter: 0)]
    setup.group = group.id
    let earlier = try LiveSession.create(setup, store: database, clock: clock)
    try earlier.start()
    for index in 0..<4 {
      let text =
        KeyMix.scripts[index % KeyMix.scripts.count] + (index % 2 == 0 ? " next session" : "")
      try earlier.addNote(.init(text: text, kind: .action, owner: index % group.members.count))
    }
    try earlier.finish()
    clock.advance(by: 7 * 24 * 3600)
    return setup
  }

  /// A few sessions with notes in several scripts, finished and not, for the review screens.
  private func storeSessionsWithNotes() throws {
    let database = try database()
    guard try database.sessions().count < 3 else { return }
    for number in 0..<3 {
      let session = try LiveSession.create(
        SessionFactory.setup(using: &rng), store: database, clock: clock)
      try session.start()
      for index in 0..<12 {
        let kind = NoteKind.allCases[index % NoteKind.allCases.count]
        try session.addNote(
          .init(text: "Note \(index): " + KeyMix.scripts[index % KeyMix.scripts.count], kind: kind))
        if index % 4 == 3 { try session.next() }
      }
      if number > 0 { try session.finish() }
    }
  }

  /// Delivers pasted text as a terminal with bracketed paste does.
  @discardableResult
  func paste(_ text: String) -> Int32? {
    let status = runner.handle(.paste(text))
    if status == nil { runner.drawFrame() }
    return status
  }

  /// Presses one key as the event loop would, then draws; returns the exit status if the app
  /// left.
  @discardableResult
  func press(_ key: Key) -> Int32? {
    results = []
    let status = runner.handle(.key(key))
    if status == nil { runner.drawFrame() }
    return status
  }

  /// Lets `seconds` pass and the loop wake for its deadline.
  @discardableResult
  func wait(_ seconds: TimeInterval) -> Int32? {
    clock.advance(by: seconds)
    let status = runner.handle(nil)
    if status == nil { runner.drawFrame() }
    return status
  }

  /// Resizes the terminal and lets the loop read the resize.
  func resize(width: Int, height: Int) {
    terminal.resize(width: width, height: height)
    runner.handle(terminal.readEvent(timeoutMilliseconds: 0))
    runner.drawFrame()
  }

  var screenText: String { terminal.screen.lines.joined(separator: "\n") }
}

struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
