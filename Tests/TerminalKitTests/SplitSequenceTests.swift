import Foundation
import Testing

@testable import TerminalKit

/// Nested in ``NCursesTerminalTests``, whose serialization covers it: ncurses has one global
/// current screen and the restorer one registration, so no two suites may use them at once.
extension NCursesTerminalTests {
  /// A key's bytes may arrive in two parts. A look for input that does not wait (the runner's,
  /// before a screen reads ahead) must still wait the escape delay for the rest of a sequence
  /// or a paste it has begun, or an arrow becomes Esc and a paste's line breaks become Enter.
  @Suite struct SplitSequenceTests {
    init() { setlocale(LC_ALL, "C.UTF-8") }

    /// The events read from `first`, written now, and `rest`, written 5 ms later, the first
    /// read waiting `timeout` milliseconds.
    private func events(_ first: String, _ rest: String, timeout: Int) throws -> [InputEvent] {
      try events(Array(first.utf8), Array(rest.utf8), timeout: timeout)
    }

    /// The events read from the bytes `head`, written now, and `tail`, written 5 ms later.
    func events(_ head: [UInt8], _ tail: [UInt8], timeout: Int) throws -> [InputEvent] {
      let path = NSTemporaryDirectory() + "split-\(UUID().uuidString)"
      #expect(mkfifo(path, 0o600) == 0)
      let fd = open(path, O_RDWR)
      defer {
        close(fd)
        unlink(path)
      }
      let terminal = try #require(
        NCursesTerminal(
          termType: "xterm-256color", outputPath: "/dev/null", inputPath: path, useColor: false))
      defer { terminal.close() }
      _ = head.withUnsafeBytes { write(fd, $0.baseAddress, head.count) }
      let writer = Thread {
        usleep(5000)
        _ = tail.withUnsafeBytes { write(fd, $0.baseAddress, tail.count) }
      }
      writer.start()
      var events: [InputEvent] = []
      if let event = terminal.readEvent(timeoutMilliseconds: timeout) { events.append(event) }
      usleep(30000)
      while let event = terminal.readEvent(timeoutMilliseconds: 150) { events.append(event) }
      return events
    }

    @Test(arguments: [1000, 0])
    func aSequenceSplitInTwoIsOneKeyWhateverTheWait(timeout: Int) throws {
      #expect(try events("\u{1B}", "[B", timeout: timeout) == [.key(.down)])
      #expect(try events("\u{1B}[", "B", timeout: timeout) == [.key(.down)])
      let paste = try events("\u{1B}[200~ab\r", "cd\u{1B}[201~", timeout: timeout)
      #expect(paste.count == 1, "\(paste)")
      guard case .paste(let text)? = paste.first else {
        Issue.record("not one paste: \(paste)")
        return
      }
      #expect(text.contains("ab") && text.contains("cd"), "\(text)")
    }
  }
}

extension NCursesTerminalTests.SplitSequenceTests {
  /// The backend reads the terminal's bytes itself: a letter whose two bytes arrive apart is
  /// one key, and a byte that is not UTF-8 is U+FFFD (typed as text), not lost.
  @Test(arguments: [1000, 0])
  func aLetterSplitBetweenReadsIsOneKeyAndABadByteIsReplaced(timeout: Int) throws {
    #expect(try events([0xC3], [0xA9], timeout: timeout) == [.key(.character("é"))])
    #expect(
      try events([0x61, 0xFF], [0x62], timeout: timeout) == [
        .key(.character("a")), .key(.character("\u{FFFD}")), .key(.character("b")),
      ])
  }
}
