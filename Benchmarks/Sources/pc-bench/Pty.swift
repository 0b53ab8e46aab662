import CPty
import Foundation

/// A program running on its own pseudo-terminal, the way a terminal emulator runs it: a new
/// session with the pty as its controlling terminal, a fixed window size, and every byte it
/// writes read back (and counted) by the harness.
final class PtyProcess {
  let pid: pid_t
  let master: Int32
  /// Everything the program wrote, as bytes.
  private(set) var output: [UInt8] = []
  private(set) var exited = false

  init(_ arguments: [String], environment: [String: String], width: Int = 80, height: Int = 24)
    throws
  {
    var name = [CChar](repeating: 0, count: 128)
    master = cpty_open(&name, UInt(name.count))
    guard master >= 0 else { throw BenchError("cannot open a pseudo-terminal") }
    let slave = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
    _ = ioctl(master, UInt(TIOCSWINSZ), &size)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    // Opened after setsid, so the pty becomes the child's controlling terminal.
    posix_spawn_file_actions_addopen(&actions, 0, slave, O_RDWR, 0)
    posix_spawn_file_actions_adddup2(&actions, 0, 1)
    posix_spawn_file_actions_adddup2(&actions, 0, 2)
    posix_spawn_file_actions_addclose(&actions, master)
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    posix_spawnattr_setflags(&attributes, cpty_spawn_setsid() | Int16(POSIX_SPAWN_SETSIGMASK))
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    let envp: [UnsafeMutablePointer<CChar>?] =
      environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { envp.forEach { free($0) } }
    var child: pid_t = 0
    let status = posix_spawnp(&child, arguments[0], &actions, &attributes, argv, envp)
    guard status == 0 else { throw BenchError("cannot start \(arguments[0]): error \(status)") }
    pid = child
    _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
  }

  deinit {
    if !exited {
      kill(pid, SIGKILL)
      var status: Int32 = 0
      waitpid(pid, &status, 0)
    }
    close(master)
  }

  /// Reads what is waiting, waiting at most `timeout` seconds for something to arrive.
  @discardableResult
  func pump(timeout: TimeInterval) -> Int {
    var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
    guard poll(&fds, 1, Int32(max(0, timeout * 1000))) > 0 else { return 0 }
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var total = 0
    while true {
      let count = read(master, &buffer, buffer.count)
      if count <= 0 { break }
      output.append(contentsOf: buffer[..<count])
      total += count
    }
    return total
  }

  /// Reads until `text` appears in the output after byte `from`; returns the time it took, or
  /// nil after `timeout`.
  func waitFor(_ text: String, from: Int = 0, timeout: TimeInterval = 20) -> TimeInterval? {
    let started = Date()
    let needle = Array(text.utf8)
    var searched = from
    while Date().timeIntervalSince(started) < timeout {
      if let range = find(needle, from: max(from, searched - needle.count)) {
        _ = range
        return Date().timeIntervalSince(started)
      }
      searched = output.count
      pump(timeout: 0.05)
    }
    return nil
  }

  func contains(_ text: String, from: Int = 0) -> Bool { find(Array(text.utf8), from: from) != nil }

  private func find(_ needle: [UInt8], from: Int) -> Int? {
    guard !needle.isEmpty, output.count >= needle.count else { return nil }
    var index = max(0, from)
    while index + needle.count <= output.count {
      if output[index] == needle[0] && Array(output[index..<index + needle.count]) == needle {
        return index
      }
      index += 1
    }
    return nil
  }

  func send(_ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
  }

  /// Stops the program (SIGKILL unless it already left) and reaps it.
  func stop() {
    guard !exited else { return }
    kill(pid, SIGKILL)
    var status: Int32 = 0
    waitpid(pid, &status, 0)
    exited = true
  }

  /// Waits for the program to leave by itself.
  func waitForExit(timeout: TimeInterval = 10) -> Bool {
    let started = Date()
    while Date().timeIntervalSince(started) < timeout {
      var status: Int32 = 0
      if waitpid(pid, &status, WNOHANG) == pid {
        exited = true
        return true
      }
      pump(timeout: 0.02)
    }
    return false
  }
}

/// Readings from /proc for one process.
struct ProcessSample {
  /// User plus system CPU time, in seconds.
  var cpuSeconds: Double
  var voluntarySwitches: Int
  var involuntarySwitches: Int
  /// Peak resident set size, in bytes.
  var peakResident: Int

  init?(pid: pid_t) {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return nil }
    // Fields after the command name; utime and stime are the 14th and 15th fields.
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    let ticks = Double(sysconf(Int32(_SC_CLK_TCK)))
    cpuSeconds = (Double(fields[11]) ?? 0) / ticks + (Double(fields[12]) ?? 0) / ticks
    func value(_ key: String) -> Int {
      for line in status.split(separator: "\n") where line.hasPrefix(key + ":") {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
        return fields.count > 1 ? Int(fields[1]) ?? 0 : 0
      }
      return 0
    }
    voluntarySwitches = value("voluntary_ctxt_switches")
    involuntarySwitches = value("nonvoluntary_ctxt_switches")
    peakResident = value("VmHWM") * 1024
  }
}

/// Why a benchmark stopped (shared by the PTY, live-push and other runs).
struct BenchError: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
