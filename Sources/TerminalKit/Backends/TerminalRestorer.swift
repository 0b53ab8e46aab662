import CNcursesw
import Foundation
import Synchronization

/// Makes sure the terminal is given back whatever happens: a quit, a signal or a crash.
///
/// SIGINT, SIGTERM, SIGHUP and SIGQUIT, and the other signals whose default would end the
/// program with the terminal left raw on the alternate screen (SIGUSR1, SIGUSR2, SIGALRM,
/// SIGVTALRM, SIGXCPU), only set a flag that the event loop polls, so it can keep the note
/// being written, leave ncurses cleanly and exit 128 + the signal's number (130, 143, 129,
/// 131, …); the program ignores SIGXFSZ from its start. SIGWINCH sets another flag and wakes
/// the loop the same way, so the backend reports the window's new size. Crash signals (SIGSEGV,
/// SIGABRT, SIGILL, SIGTRAP, SIGBUS, SIGFPE) give the terminal back at once and print one
/// line, using only async-signal-safe calls on bytes prepared before any crash
/// (``CrashBuffer``), then re-raise with the default action so the process still dies of its
/// signal.
public enum TerminalRestorer {
  private static let pendingSignal = Atomic<Int32>(0)
  /// Whether the window changed size (SIGWINCH) since the event loop last asked.
  private static let resizePending = Atomic<Bool>(false)
  private static let cursesActive = Atomic<Bool>(false)
  /// The write end of the self-pipe that wakes the event loop's `poll` when a signal arrives;
  /// ncurses alone would retry its read after EINTR and sleep on.
  private static let wakeWrite = Atomic<Int32>(-1)
  /// The read end of that pipe, polled beside the terminal's input (-1 before installation).
  public static let wakeRead = Atomic<Int32>(-1)
  /// The address of the crash handler's bytes (a ``CrashBuffer``), 0 until
  /// ``prepareCrashOutput(advice:)``. Kept as a number: an atomic pointer is not `Sendable`.
  private static let crashOutput = Atomic<UInt>(0)
  /// The address of the terminal's modes before ncurses changed them, for the crash
  /// handler's `tcsetattr`; 0 when standard input is not a terminal.
  private static let savedModes = Atomic<UInt>(0)

  /// Signals that ask the program to leave: the loop exits with 128 + the signal's number.
  /// Besides the usual four, those whose default action would end the program without
  /// giving the terminal back: a `kill -USR1`, a stray alarm, a CPU-time limit reached.
  static let leaveSignals = [
    SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGXCPU,
  ]
  /// Signals of a crash: restore, say so, die of the signal.
  static let crashSignals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

  /// What gives the terminal back without ncurses: bracketed paste off, attributes reset,
  /// cursor shown, keypad back in normal mode, then leave the alternate screen. Plain
  /// ECMA-48/xterm sequences, which terminals that lack one of these modes ignore.
  static let restoreSequence = "\u{1B}[?2004l\u{1B}[0m\u{1B}[?25h\u{1B}[?1l\u{1B}>\u{1B}[?1049l"

  /// What a crash's line says after "the terminal was restored" in a program that keeps
  /// notes: that they are safe, and `command`, which resumes.
  public static func resumeAdvice(_ command: String) -> String {
    " and saved notes are safe: run `\(command)` to carry on."
  }

  /// The one line a crash prints on standard error, ending with `advice`.
  static func crashMessage(for signal: Int32, advice: String) -> String {
    "peerconsult: internal error (signal \(signal)); the terminal was restored\(advice)\n"
  }

  /// Installs the handlers. Call before starting ncurses, so ncurses keeps ours.
  ///
  /// - Parameter crashAdvice: what a crash's line says after "the terminal was restored":
  ///   how to carry on, as the program was started (the command that resumes, with the data
  ///   folder when it is not the one found by default, since `peerconsult resume latest`
  ///   alone would look in another folder; for a room display, the command that shows it).
  public static func installSignalHandlers(
    crashAdvice: String = resumeAdvice("peerconsult resume latest")
  ) {
    // Everything the crash handler writes exists before the handler does.
    prepareCrashOutput(advice: crashAdvice)
    var fds: [Int32] = [-1, -1]
    if pipe(&fds) == 0 {
      for fd in fds {
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
      }
      wakeRead.store(fds[0], ordering: .relaxed)
      wakeWrite.store(fds[1], ordering: .relaxed)
    }
    // Touched here so the handlers never run a static's first initialisation.
    _ = pendingSignal.load(ordering: .relaxed)
    _ = cursesActive.load(ordering: .relaxed)
    _ = resizePending.load(ordering: .relaxed)
    // A parent may have started us with these blocked; the handlers would then never run.
    var mask = sigset_t()
    sigemptyset(&mask)
    for sig in leaveSignals + [SIGWINCH] { sigaddset(&mask, sig) }
    sigprocmask(SIG_UNBLOCK, &mask, nil)
    // SIGWINCH too: ours rather than ncurses', which would turn it into a key only for its
    // own reads of the terminal, and the backend reads the terminal itself.
    for sig in leaveSignals + [SIGWINCH] {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        if signal == SIGWINCH {
          TerminalRestorer.resizePending.store(true, ordering: .relaxed)
        } else {
          TerminalRestorer.pendingSignal.store(signal, ordering: .relaxed)
        }
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
    for sig in crashSignals {
      var action = sigaction()
      action.__sigaction_handler.sa_handler = { signal in
        TerminalRestorer.reportCrash(
          signal, terminal: STDOUT_FILENO, modes: STDIN_FILENO, message: STDERR_FILENO)
        // SA_RESETHAND already restored the default action; raise it so the process dies
        // of the signal (and a shell sees 128 + its number).
        Foundation.signal(signal, SIG_DFL)
        raise(signal)
      }
      sigemptyset(&action.sa_mask)
      action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
      sigaction(sig, &action, nil)
    }
  }

  /// Lays out the crash handler's bytes and saves the terminal's modes. Allocates, so it runs
  /// before the handlers are installed; calling it again changes nothing (a process shows one
  /// interface, with one data folder).
  static func prepareCrashOutput(advice: String) {
    guard crashOutput.load(ordering: .acquiring) == 0 else { return }
    var texts = [0: restoreSequence]
    for sig in crashSignals {
      texts[Int(sig)] = crashMessage(for: sig, advice: advice)
    }
    let buffer = CrashBuffer(texts)
    var modes = termios()
    if tcgetattr(STDIN_FILENO, &modes) == 0 {
      let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
      saved.initialize(to: modes)
      savedModes.store(UInt(bitPattern: saved), ordering: .releasing)
    }
    crashOutput.store(UInt(bitPattern: buffer.pointer), ordering: .releasing)
  }

  /// The crash handler's work before it re-raises: when the screen is ncurses', write the
  /// restore bytes to `terminal` and put back the saved modes on `modes`; then write the
  /// signal's line to `message`. Async-signal-safe: it only loads atomics, reads prepared
  /// memory and calls `write(2)` and `tcsetattr(3)`.
  static func reportCrash(_ signal: Int32, terminal: Int32, modes: Int32, message: Int32) {
    guard let pointer = UnsafeMutableRawPointer(bitPattern: crashOutput.load(ordering: .acquiring))
    else { return }
    let buffer = CrashBuffer(pointer)
    if cursesActive.exchange(false, ordering: .relaxed) {
      buffer.write(slot: 0, to: terminal)
      if let saved = UnsafePointer<termios>(bitPattern: savedModes.load(ordering: .acquiring)) {
        _ = tcsetattr(modes, TCSANOW, saved)
      }
    }
    buffer.write(slot: Int(signal), to: message)
  }

  /// The bytes prepared for `slot` (0: the restore sequence, n: signal n's line), read back the
  /// way the handler reads them; nil before ``prepareCrashOutput(advice:)``.
  static func preparedCrashOutput(slot: Int) -> String? {
    guard let pointer = UnsafeMutableRawPointer(bitPattern: crashOutput.load(ordering: .acquiring))
    else { return nil }
    return String(decoding: CrashBuffer(pointer).bytes(slot: slot), as: UTF8.self)
  }

  /// Whether a signal asked the program to leave and the loop has not taken it yet: long
  /// operations (loading a folder of protocol files) stop early when it is set.
  public static var hasPendingSignal: Bool { pendingSignal.load(ordering: .relaxed) != 0 }

  /// The leave signal received since the last call (``leaveSignals``), if any.
  public static func takePendingSignal() -> Int32? {
    let value = pendingSignal.exchange(0, ordering: .relaxed)
    return value == 0 ? nil : value
  }

  /// Takes the terminal's input coming to an end (its window closed, an ssh connection lost)
  /// as the SIGHUP that usually comes with it, unless another signal waits already. The kernel
  /// sends SIGHUP to the terminal's controlling process and, once that ends, to the foreground
  /// group: a program under a leader that outlives the hang-up (a tracer, a wrapper ignoring
  /// SIGHUP), or on a terminal that controls no session, gets none, and found the same end of
  /// input at every wait, at once, for ever, with its session's lock held.
  public static func noteHangUp() {
    _ = pendingSignal.compareExchange(expected: 0, desired: SIGHUP, ordering: .relaxed)
  }

  /// Whether the window changed size since the last call.
  public static func takeResize() -> Bool {
    resizePending.exchange(false, ordering: .relaxed)
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
