import Foundation
import Testing

/// Drives the built `peerconsult` binary inside tmux on a private socket, the way fzf's and
/// fish's suites do: send keys, then poll `capture-pane` until the expected text appears.
final class TmuxSession {
  /// Whether tmux can be run here; tests are skipped (and say so) when not.
  static let isAvailable: Bool = (try? TmuxSession.runTool(["tmux", "-V"]).status) == 0

  /// The freshly built binary, next to the test bundle.
  static var binary: String {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    return exe.deletingLastPathComponent().appendingPathComponent("peerconsult").path
  }

  static var binaryExists: Bool { FileManager.default.isExecutableFile(atPath: binary) }

  let socket: String
  /// A private folder for this session: data, config, exit status and stty output.
  let folder: URL
  var dataDir: URL { folder.appendingPathComponent("data") }
  var configDir: URL { folder.appendingPathComponent("config") }

  nonisolated(unsafe) private static var counter = 0

  /// Starts `peerconsult arguments` in a `width` x `height` window; once it exits, the pane
  /// runs `afterExit` (an interactive shell, say, to prove the terminal is usable again).
  init(
    _ arguments: [String] = [], width: Int = 80, height: Int = 24,
    environment: [String: String] = [:],
    dataDir: URL? = nil, afterExit: String = "sleep 600"
  ) throws {
    TmuxSession.counter += 1
    socket = "pc-test-\(getpid())-\(TmuxSession.counter)-\(UInt32.random(in: 0...UInt32.max))"
    folder = FileManager.default.temporaryDirectory.appendingPathComponent(socket)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    var env = [
      "LANG": "C.UTF-8", "TERM": "tmux-256color", "SWIFT_BACKTRACE": "interactive=no",
      "PEERCONSULT_DATA_DIR": (dataDir ?? folder.appendingPathComponent("data")).path,
      "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
      "XDG_DATA_HOME": folder.appendingPathComponent("xdg-data").path,
      "HOME": folder.path,
    ]
    env.merge(environment) { $1 }
    let assignments = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.quote($0.value))" }
    let command =
      // Unset what the test runner may have set, so each test states its own environment.
      "env -u NO_COLOR -u COLUMNS -u LINES -u LC_ALL \(assignments.joined(separator: " ")) \(Self.quote(Self.binary)) "
      + arguments.map(Self.quote).joined(separator: " ")
      + " 2>\(Self.quote(folder.appendingPathComponent("stderr").path))"
      + "; echo $? > \(Self.quote(folder.appendingPathComponent("exit").path))"
      + "; stty -a > \(Self.quote(folder.appendingPathComponent("stty").path))"
      + "; \(afterExit)"
    let result = try Self.runTool([
      "tmux", "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y",
      "\(height)", command,
    ])
    if result.status != 0 { throw HarnessError("tmux new-session failed: \(result.output)") }
  }

  deinit {
    _ = try? Self.runTool(["tmux", "-L", socket, "kill-server"])
    try? FileManager.default.removeItem(at: folder)
  }

  /// The screen as text; `joined`, with each line that wrapped as one.
  func capture(escapes: Bool = false, joined: Bool = false) -> String {
    let args =
      ["tmux", "-L", socket, "capture-pane", "-p", "-t", "0"] + (escapes ? ["-e"] : [])
      + (joined ? ["-J"] : [])
    return (try? Self.runTool(args).output) ?? ""
  }

  /// Sends tmux key names ("Enter", "Escape", "C-c") or literal text with `literal`.
  func send(_ keys: String..., literal: Bool = false) throws {
    let args = ["tmux", "-L", socket, "send-keys", "-t", "0"] + (literal ? ["-l"] : []) + keys
    _ = try Self.runTool(args)
  }

  /// Pastes text as a terminal would (bracketed, when the program asked for that).
  func paste(_ text: String) throws {
    _ = try Self.runTool(["tmux", "-L", socket, "set-buffer", "--", text])
    _ = try Self.runTool(["tmux", "-L", socket, "paste-buffer", "-p", "-t", "0"])
  }

  /// Types text literally.
  func type(_ text: String) throws { try send(text, literal: true) }

  /// Polls the screen until `predicate` holds; fails the test with the last screen if it never does.
  ///
  /// Returns only once the screen has also settled (two captures in a row are the same), because
  /// tmux can capture a frame half drawn: the line that matched may be new while the rest of the
  /// frame is still the previous one, and a test reading the screen next would see both.
  @discardableResult
  func waitFor(
    _ what: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation,
    _ predicate: (String) -> Bool
  ) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    var screen = ""
    while Date() < deadline {
      screen = capture()
      if predicate(screen) {
        waitUntilSettled(after: screen, deadline: deadline)
        return true
      }
      usleep(20_000)
    }
    Issue.record(
      "timed out waiting for \(what); screen:\n\(screen)\nstderr:\n\(stderr)",
      sourceLocation: sourceLocation)
    return false
  }

  /// Captures until two captures in a row are the same (or the deadline passes).
  private func waitUntilSettled(after first: String, deadline: Date) {
    var previous = first
    while Date() < deadline {
      usleep(20_000)
      let next = capture()
      if next == previous { return }
      previous = next
    }
  }

  /// Polls until `text` is on screen.
  @discardableResult
  func waitFor(
    _ text: String, timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation
  )
    -> Bool
  {
    waitFor("'\(text)'", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
  }

  /// Starts a session that opened ready: Space starts its first phase's timer.
  func startWhenReady(sourceLocation: SourceLocation = #_sourceLocation) throws {
    waitFor("Space starts the first phase", sourceLocation: sourceLocation)
    try send("Space")
    waitFor("the timer running", sourceLocation: sourceLocation) { !$0.contains(" READY ") }
  }

  /// Polls until the program has exited; returns its status.
  func waitForExit(timeout: TimeInterval = 15, sourceLocation: SourceLocation = #_sourceLocation)
    -> Int32?
  {
    let file = folder.appendingPathComponent("exit")
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
      if let text = try? String(contentsOf: file, encoding: .utf8),
        let status = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)),
        FileManager.default.fileExists(atPath: folder.appendingPathComponent("stty").path),
        let stty = try? String(contentsOf: folder.appendingPathComponent("stty"), encoding: .utf8),
        !stty.isEmpty
      {
        return status
      }
      usleep(20_000)
    }
    Issue.record("program did not exit; screen:\n\(capture())", sourceLocation: sourceLocation)
    return nil
  }

  /// A pane variable from tmux (`alternate_on`, `cursor_flag`...), as tmux reports it.
  func paneVariable(_ name: String) -> String {
    let args = ["tmux", "-L", socket, "display-message", "-p", "-t", "0", "#{\(name)}"]
    return ((try? Self.runTool(args).output) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
  }

  /// `stty -a` as printed in the pane after the program exited.
  var sttyAfterExit: String {
    (try? String(contentsOf: folder.appendingPathComponent("stty"), encoding: .utf8)) ?? ""
  }

  var stderr: String {
    (try? String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8)) ?? ""
  }

  /// The pid of the program running in the pane (the shell's child).
  func programPID() throws -> pid_t? {
    let shell = try Self.runTool([
      "tmux", "-L", socket, "display-message", "-p", "-t", "0", "#{pane_pid}",
    ])
    guard let shellPID = Int32(shell.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
      return nil
    }
    let children = try Self.runTool(["pgrep", "-P", "\(shellPID)", "-f", "peerconsult"])
    return children.output.split(separator: "\n").compactMap { Int32($0) }.first
  }

  /// Resizes the window.
  func resize(width: Int, height: Int) throws {
    _ = try Self.runTool([
      "tmux", "-L", socket, "resize-window", "-t", "0", "-x", "\(width)", "-y", "\(height)",
    ])
  }

  static func quote(_ s: String) -> String {
    "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
  }

  /// Runs a tool to completion, returning its status and combined output.
  ///
  /// Uses posix_spawn and waitpid rather than Foundation's Process, which on Linux can miss
  /// the exit of `tmux new-session`'s client and wait forever. Output goes to a file, not a
  /// pipe, because the tmux server it starts would hold a pipe open.
  @discardableResult
  static func runTool(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let outputPath = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-tool-\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    ).path
    defer { unlink(outputPath) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let shell = ShellSpawnAttributes()
    var pid: pid_t = 0
    let spawned = posix_spawnp(&pid, arguments[0], &actions, &shell.attributes, argv, environ)
    guard spawned == 0 else { throw HarnessError("cannot start \(arguments[0]): error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    let exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return (exitStatus, output)
  }
}

struct HarnessError: Error, CustomStringConvertible {
  var description: String
  init(_ d: String) { description = d }
}

/// Tests that need tmux and the built binary; reported as skipped when either is missing.
let needsTmux = Testing.ConditionTrait.enabled(
  if: TmuxSession.isAvailable && TmuxSession.binaryExists,
  "needs tmux and the built peerconsult binary")
