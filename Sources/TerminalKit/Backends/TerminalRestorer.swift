import CNcursesw
import Foundation
import Synchronization

/// Makes sure the terminal is given back whatever happens: a quit, a signal or a crash.
///
/// SIGINT, SIGTERM and SIGHUP only set a flag that the event loop polls, so it can leave
/// ncurses cleanly and exit 130, 143 or 129. Crash signals restore the screen at once,
/// print a short message and re-raise so the process still dies of its signal.
public enum TerminalRestorer {
  private static let pendingSignal = Atomic<Int32>(0)
  private static let cursesActive = Atomic<Bool>(false)
  /// The write end of the self-pipe that wakes the event loop's `poll` when a signal arrives;
  /// ncurses alone would retry its read after EINTR and sleep on.
  private static let wakeWrite = Atomic<Int32>(-1)
  /// The read end of that pipe, polled beside the terminal's input (-1 before installation).
  public static let wakeRead = Atomic<Int32>(-1)

  /// Installs the handlers. Call before starting ncurses, so ncurses keeps ours.
  public static func installSignalHandlers() {
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
      wakeRead.store(fds[0], ordering: .relaxed)
      wakeWrite.store(fds[1], ordering: .relaxed)
    }
    // A parent may have started us with these blocked; the handlers would then never run.
    var mask = sigset_t()
    sigemptyset(&mask)
    for sig in [SIGINT, SIGTERM, SIGHUP, SIGWINCH] { sigaddset(&mask, sig) }
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    for sig in [SIGINT, SIGTERM, SIGHUP] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        TerminalRestorer.pendingSignal.store(signal, ordering: .relaxed)
        let fd = TerminalRestorer.wakeWrite.load(ordering: .relaxed)
        if fd >= 0 {
          var byte: UInt8 = 1
          _ = write(fd, &byte, 1)
        }
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = 0  // no SA_RESTART: the wait for input must return
      sigaction(sig, &action, nil)
    }
    for sig in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        if TerminalRestorer.cursesActive.exchange(false, ordering: .relaxed) {
          endwin()
          "\u{1B}[?2004l".withCString { _ = write(1, $0, strlen($0)) }
        }
        let message =
          "peerconsult: internal error (signal \(signal)); the terminal was restored.\n"
          + "Saved notes are safe: run `peerconsult resume latest` to carry on.\n"
        message.withCString { _ = write(2, $0, strlen($0)) }
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(sig, &action, nil)
    }
  }

  /// The signal received since the last call (SIGINT, SIGTERM or SIGHUP), if any.
  public static func takePendingSignal() -> Int32? {
    let value = pendingSignal.exchange(0, ordering: .relaxed)
    return value == 0 ? nil : value
  }

  /// Empties the self-pipe after a wake-up.
  static func drainWakePipe() {
    let fd = wakeRead.load(ordering: .relaxed)
    guard fd >= 0 else { return }
    var buffer = [UInt8](repeating: 0, count: 64)
    while read(fd, &buffer, buffer.count) > 0 {}
  }

  /// The exit status a shell expects after a signal: 128 + its number.
  public static func exitStatus(for signal: Int32) -> Int32 { 128 + signal }

  static func register() { cursesActive.store(true, ordering: .relaxed) }
  static func unregister() { cursesActive.store(false, ordering: .relaxed) }
}
