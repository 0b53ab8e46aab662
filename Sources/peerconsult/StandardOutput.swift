import Foundation
import PeerConsultKit

/// Standard output for every command, written straight to its file descriptor so that no
/// failed write goes unnoticed (`print` buffers, and its late failures are lost at exit).
///
/// A write that fails (a full disk, `> /dev/full`, a closed file) is an error of one line and
/// exit status 1: the output is incomplete and a script must not take it for the whole. A
/// reader that has gone away (`| head -1`) is not an error: the program ends quietly, killed by
/// SIGPIPE (status 141), as `cat`, `grep` and `ls` do, whether or not the parent ignored the
/// signal.
///
/// Every text is cleaned of control characters on its way out (`CommandText.printable`),
/// whatever the command meant to print: a session title, a file name or an argument could
/// otherwise carry escape sequences that retitle, clear or reprogram the user's terminal.
enum StandardOutput {
  /// Writes all of `text`, with its control characters shown as `�`, or throws.
  static func write(_ text: String) throws(CLIError) {
    try writeBytes(CommandText.printable(text))
  }

  /// Writes `text` as it is: output styled for a terminal (`search`'s bold matches), whose
  /// escape sequences are the program's own and whose words the model has already cleaned.
  static func writeStyled(_ text: String) throws(CLIError) {
    try writeBytes(text)
  }

  /// Writes all of `text`, or throws.
  private static func writeBytes(_ text: String) throws(CLIError) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
      let written = bytes.withUnsafeBytes {
        Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count)
      }
      if written >= 0 {
        bytes = bytes.dropFirst(written)
        continue
      }
      switch errno {
      case EINTR:
        continue
      case EAGAIN:
        // A non-blocking descriptor inherited from the parent: wait until it takes more.
        var ready = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
        _ = poll(&ready, 1, -1)
      case EPIPE:
        endForClosedPipe()
      default:
        let reason = String(cString: strerror(errno))
        throw CLIError(
          "Could not write to standard output (\(reason)): the output is incomplete; "
            + "free some space or send it somewhere else.")
      }
    }
  }

  /// Writes `line` and a line break.
  static func line(_ line: String = "") throws(CLIError) {
    try write(line + "\n")
  }

  /// Dies of SIGPIPE, as the kernel would have killed us had the signal not been ignored.
  private static func endForClosedPipe() -> Never {
    signal(SIGPIPE, SIG_DFL)
    var pipeOnly = sigset_t()
    sigemptyset(&pipeOnly)
    sigaddset(&pipeOnly, SIGPIPE)
    sigprocmask(SIG_UNBLOCK, &pipeOnly, nil)
    raise(SIGPIPE)
    exit(128 + SIGPIPE)
  }
}
