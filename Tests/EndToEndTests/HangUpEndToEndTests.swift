import Foundation
import TestSupport
import Testing

/// A terminal that goes away without a SIGHUP: the program, on a pseudo-terminal that is no
/// session's controlling terminal (as under a leader that outlives the hang-up), finds its
/// input at an end. It leaves as on SIGHUP, keeping the note being written, instead of
/// finding that end at every wait for ever.
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct HangUpEndToEndTests {
  /// A pseudo-terminal's main side, read into `output` as the program writes.
  private final class PseudoTerminal {
    let main: Int32
    let sidePath: String
    private(set) var output: [UInt8] = []

    init() throws {
      main = try Self.libc("posix_openpt", as: (@convention(c) (Int32) -> Int32).self)(
        O_RDWR | O_NOCTTY)
      let grant = try Self.libc("grantpt", as: (@convention(c) (Int32) -> Int32).self)
      let unlock = try Self.libc("unlockpt", as: (@convention(c) (Int32) -> Int32).self)
      let name = try Self.libc(
        "ptsname", as: (@convention(c) (Int32) -> UnsafeMutablePointer<CChar>?).self)
      guard main >= 0, grant(main) == 0, unlock(main) == 0, let side = name(main) else {
        throw HarnessError("cannot open a pseudo-terminal")
      }
      sidePath = String(cString: side)
      // Not inherited: a copy in the program would keep the terminal from hanging up.
      _ = fcntl(main, F_SETFD, FD_CLOEXEC)
      var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
      _ = ioctl(main, UInt(TIOCSWINSZ), &size)
    }

    /// A C library function Swift's Glibc module leaves out (the pseudo-terminal calls need
    /// `_XOPEN_SOURCE`), looked up by name.
    private static func libc<F>(_ name: String, as type: F.Type) throws -> F {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else {
        throw HarnessError("no \(name) in the C library")
      }
      return unsafeBitCast(symbol, to: type)
    }

    /// Reads until `text` has been written, for at most 15 s.
    func waitFor(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
      let needle = Array(text.utf8)
      let deadline = Date().addingTimeInterval(15)
      while !output.contains(needle) && Date() < deadline {
        var descriptor = pollfd(fd: main, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 100) > 0 else { continue }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = read(main, &buffer, buffer.count)
        if count > 0 { output += buffer[..<count] }
      }
      #expect(output.contains(needle), "never saw \(text)", sourceLocation: sourceLocation)
    }

    func type(_ text: String) {
      _ = text.utf8CString.withUnsafeBufferPointer { write(main, $0.baseAddress, $0.count - 1) }
    }

    /// Hangs the terminal up: its main side closed.
    func hangUp() { close(main) }
  }

  @Test func aTerminalGoneWithoutSIGHUPEndsTheProgramAndKeepsTheNoteBeingWritten() throws {
    let scratch = try TemporaryFolder(prefix: "pc-hangup")
    let dataDir = scratch.url.appendingPathComponent("data")
    let terminal = try PseudoTerminal()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    for descriptor: Int32 in [0, 1] {
      posix_spawn_file_actions_addopen(
        &actions, descriptor, terminal.sidePath, O_RDWR | O_NOCTTY, 0)
    }
    let stderrPath = scratch.url.appendingPathComponent("stderr").path
    posix_spawn_file_actions_addopen(&actions, 2, stderrPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let argv = [
      TmuxSession.binary, "run", "--data-dir", dataDir.path, "--title", "Hang-up",
      "--participant", "Zoë Müller;City Council;senior", "--participant", "王小明;Police;middle",
    ]
    let environment = [
      "LANG=C.UTF-8", "TERM=xterm-256color", "TZ=UTC", "HOME=\(scratch.url.path)",
      "SWIFT_BACKTRACE=enable=no", "XDG_CONFIG_HOME=\(scratch.url.path)/config",
      "PATH=/usr/bin:/bin",
    ]
    let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for pointer in cArguments + cEnvironment { free(pointer) } }
    var pid: pid_t = 0
    let shell = ShellSpawnAttributes()
    try #require(
      posix_spawn(&pid, argv[0], &actions, &shell.attributes, cArguments, cEnvironment) == 0)
    terminal.waitFor("Speaks now")
    terminal.type(" ")
    terminal.waitFor("pause")
    terminal.type("\r")
    terminal.waitFor("Note ▸")
    let text = "Typed as the connection dropped"
    terminal.type(text)
    terminal.waitFor(text)
    terminal.hangUp()
    // Polled, not slept on: it leaves at once, or not at all.
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(15)
    var ended = waitpid(pid, &status, WNOHANG) == pid
    while !ended && Date() < deadline {
      usleep(20_000)
      ended = waitpid(pid, &status, WNOHANG) == pid
    }
    if !ended {
      kill(pid, SIGKILL)
      waitpid(pid, &status, 0)
    }
    #expect(ended, "still running 15 s after its terminal hung up")
    #expect((status >> 8) & 0xff == 129, "status \(status)")
    #expect(try DraftEndToEndTests.keptDrafts(dataDir) == [text])
  }
}
