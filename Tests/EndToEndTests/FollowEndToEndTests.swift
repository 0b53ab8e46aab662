import Foundation
import PeerConsultKit
import Testing

/// The room display (issue 15): a facilitator in one terminal, two displays in two others and
/// a `--plain` one writing to a pipe; each facilitator action shows in every display, a
/// `kill -9` of the facilitator shows as "not running", and a resume brings it back.
@Suite(needsTmux) struct FollowEndToEndTests {
  static let session = SessionID(rawValue: "f0" + String(repeating: "0", count: 30))!

  static let consultingProtocol = ConsultingProtocol(
    id: "room", name: "Room drill", description: "Short phases for the room display.",
    opening: [Phase(name: "Check-in", durationSeconds: 120, speaker: .everyone)],
    round: [
      Phase(name: "Presenting", durationSeconds: 300, speaker: .presenter, noteKind: .insight),
      Phase(
        name: "Powerful questions", durationSeconds: 600, speaker: .group,
        rules: ["No advice while questioning"], prompts: ["What would success look like?"],
        noteKind: .question),
    ],
    closing: [Phase(name: "Review", durationSeconds: 60, speaker: .facilitator)])

  /// A data folder holding one session, ready and not running.
  private func preparedFolder() throws -> (root: URL, data: URL) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-follow-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data")
    try makeSession(in: data)
    return (root, data)
  }

  /// Makes the data folder `data` if need be, with the session, ready and not running.
  private func makeSession(in data: URL) throws {
    let database = try AppDatabase(directory: data)
    let people = [
      Participant(name: "Zoë Müller", organisation: "City Council", level: .senior),
      Participant(name: "Amira O'Neill", organisation: "NHS Trust", level: .frontline),
    ]
    _ = try LiveSession.create(
      SessionSetup(
        title: "Night-time economy", programme: "Alcohol Plan",
        consultingProtocol: Self.consultingProtocol, participants: people,
        rounds: [SessionRound(presenter: 0, focusQuestion: "How do we share ownership?")]),
      id: Self.session, store: database)
    try database.close()
  }

  /// A display started on a data folder with no session yet (issue: it refused, exit 1) waits
  /// and says so, then shows the session once there is one, follows it run, and once it is
  /// finished says where it goes next; `--plain` says once that it waits.
  @Test func aDisplayStartedBeforeAnySessionWaitsForOne() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-follow-\(UUID().uuidString)")
    let data = root.appendingPathComponent("data")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let wall = try TmuxSession(["follow"], dataDir: data)
    let plain = try PlainFollower(data: data, root: root)
    defer { plain.stop() }
    wall.waitFor("Waiting for a session to start")
    plain.waitForFirstLine()

    try makeSession(in: data)
    wall.waitFor("Phase 1 of 4: Check-in")
    let facilitator = try TmuxSession(["resume", Self.session.rawValue], dataDir: data)
    try facilitator.startWhenReady()
    wall.waitFor("running") { !$0.contains("READY") && !$0.contains("NOT RUNNING") }
    for phase in 2...4 {
      try facilitator.send("n")
      wall.waitFor("Phase \(phase) of 4")
    }
    try facilitator.send("n")
    wall.waitFor("Session finished")
    wall.waitFor("The next session to start will show here.")
    try facilitator.type("q")
    #expect(facilitator.waitForExit() == 0)

    let lines = try plain.waitForExit()
    #expect(lines.first == "Waiting for a session to start", "\(lines)")
    #expect(lines.dropFirst().first == "Following “Night-time economy”", "\(lines)")
    #expect(lines.last == "Session finished", "\(lines)")
  }

  /// Only the latest is waited for: `follow SESSION` in a data folder with no session is
  /// refused in one line, as before, with status 1.
  @Test func aNamedSessionInAFolderWithNoneIsStillRefused() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-e2e-follow-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let named = try TmuxSession(["follow", "5e55"], dataDir: root.appendingPathComponent("data"))
    #expect(named.waitForExit() == 1)
    #expect(
      named.stderr
        == "Error: There are no sessions yet: start one with `peerconsult run` or from the home screen.\n"
    )
  }

  @Test func everyFacilitatorActionShowsInEveryDisplay() throws {
    let (root, data) = try preparedFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    // Displays started before the facilitator: they show the last state, not running.
    let wall = try TmuxSession(["follow"], dataDir: data)
    let laptop = try TmuxSession(
      ["follow", String(Self.session.rawValue.prefix(6)), "--notes"], width: 120, height: 40,
      dataDir: data)
    let plain = try PlainFollower(data: data, root: root)
    defer { plain.stop() }
    let displays = [wall, laptop]
    for display in displays {
      display.waitFor("Phase 1 of 4: Check-in")
      display.waitFor("NOT RUNNING")
    }

    let facilitator = try TmuxSession(["resume", Self.session.rawValue], dataDir: data)
    facilitator.waitFor("Space starts the first phase")
    for display in displays {
      display.waitFor("the facilitator is back") { !$0.contains("NOT RUNNING") }
      display.waitFor("READY")
    }

    try facilitator.send("Space")
    for display in displays { display.waitFor("started") { !$0.contains("READY") } }

    try facilitator.send("n")
    for display in displays {
      display.waitFor("Phase 2 of 4: Presenting · round 1 of 1")
      display.waitFor("Presenter: Zoë Müller · Focus: How do we share ownership?")
    }

    // A theme for the room and a question that stays off it.
    try facilitator.send("Enter")
    facilitator.waitFor("Note ▸")
    try facilitator.type("Nobody owns the night")
    try facilitator.send("Tab")
    try facilitator.type("t")
    try facilitator.send("Enter")
    facilitator.waitFor("Note saved.")
    laptop.waitFor("Theme: Nobody owns the night")
    #expect(!wall.capture().contains("Nobody owns the night"), "no notes without --notes")

    try facilitator.send("Space")
    for display in displays { display.waitFor("PAUSED") }
    try facilitator.send("Space")
    for display in displays { display.waitFor("resumed") { !$0.contains("PAUSED") } }

    try facilitator.type("+")
    for display in displays { display.waitFor("(planned 05:00)") }
    try facilitator.type("-")
    for display in displays { display.waitFor("back to plan") { !$0.contains("(planned") } }

    try facilitator.send("n")
    for display in displays { display.waitFor("Phase 3 of 4: Powerful questions") }
    try facilitator.send("p")
    for display in displays { display.waitFor("Phase 2 of 4: Presenting") }

    // The facilitator's program dies: the displays keep the phase and say so.
    let pid = try #require(try facilitator.programPID())
    kill(pid, SIGKILL)
    for display in displays {
      display.waitFor("NOT RUNNING")
      display.waitFor("Phase 2 of 4: Presenting")
    }

    // Resumed in a new window, then finished and left: the session is over for the room.
    let again = try TmuxSession(["resume", Self.session.rawValue], dataDir: data)
    for display in displays {
      display.waitFor("running again") { !$0.contains("NOT RUNNING") }
    }
    for _ in 0..<3 {
      try again.send("n")
      usleep(100_000)
    }
    for display in displays { display.waitFor("Session finished") }
    laptop.waitFor("Nobody owns the night")
    try again.type("q")
    #expect(again.waitForExit() == 0)

    let lines = try plain.waitForExit()
    let expected = [
      "Following “Night-time economy”",
      "Ready to start. Phase 1 of 4: Check-in, everyone speaks, 02:00",
      "The session is not running: waiting for the facilitator",
      "The facilitator is running the session again",
      "Phase 1 of 4: Check-in, everyone speaks, 02:00",
      "Round 1 of 1: Zoë Müller presents. Focus: How do we share ownership?",
      "Paused", "+1 minute: ", "-1 minute: ", "Phase 3 of 4: Powerful questions, the group speaks",
      "Phase 2 of 4: Presenting, the presenter speaks",
      "The session is not running: waiting for the facilitator",
      "The facilitator is running the session again", "Session finished",
    ]
    var rest = lines[...]
    for wanted in expected {
      guard let found = rest.firstIndex(where: { $0.hasPrefix(wanted) }) else {
        Issue.record(
          "no line starting “\(wanted)” in order; the lines:\n\(lines.joined(separator: "\n"))")
        return
      }
      rest = rest[(found + 1)...]
    }
    #expect(!lines.joined().contains("Amira"), "no speaker's name in the room's lines")
  }
}

/// `peerconsult follow --plain` with its standard output a pipe, read by the test.
final class PlainFollower {
  private let process = Process()
  private let output = Pipe()
  private var collected = Data()

  init(data: URL, root: URL) throws {
    process.executableURL = URL(fileURLWithPath: TmuxSession.binary)
    process.arguments = ["follow", "--plain", "--data-dir", data.path]
    process.environment = [
      "LANG": "C.UTF-8", "HOME": root.path, "SWIFT_BACKTRACE": "interactive=no",
    ]
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
  }

  /// Waits up to 15 s for the first line: started beside the wall display, the plain one was
  /// not always reading when a loaded machine made the session, and its first line was the
  /// session's rather than the wait's.
  func waitForFirstLine() {
    let descriptor = output.fileHandleForReading.fileDescriptor
    let deadline = Date().addingTimeInterval(15)
    var buffer = [UInt8](repeating: 0, count: 4096)
    while !collected.contains(UInt8(ascii: "\n")), Date() < deadline {
      var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
      guard poll(&ready, 1, 100) > 0 else { continue }
      let count = read(descriptor, &buffer, buffer.count)
      guard count > 0 else { break }
      collected.append(contentsOf: buffer[..<count])
    }
  }

  /// The lines written, once the display has ended by itself (the session finished and let
  /// go), or after 15 s.
  func waitForExit() throws -> [String] {
    let deadline = Date().addingTimeInterval(15)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    #expect(!process.isRunning, "follow --plain ends once the session is finished and let go")
    stop()
    collected.append(output.fileHandleForReading.readDataToEndOfFile())
    return String(decoding: collected, as: UTF8.self).split(separator: "\n").map(String.init)
  }

  func stop() {
    if process.isRunning { process.terminate() }
  }
}
