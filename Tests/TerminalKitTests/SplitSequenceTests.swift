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

    /// Runs `body` with a terminal reading a FIFO and the descriptor that writes to it.
    func withFIFO<T>(_ body: (NCursesTerminal, Int32) throws -> T) throws -> T {
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
      return try body(terminal, fd)
    }

    /// The events read from the bytes `head`, written now, and `tail`, written 5 ms later.
    func events(_ head: [UInt8], _ tail: [UInt8], timeout: Int) throws -> [InputEvent] {
      try withFIFO { terminal, fd in events(head, tail, timeout: timeout, terminal, fd) }
    }

    private func events(
      _ head: [UInt8], _ tail: [UInt8], timeout: Int, _ terminal: NCursesTerminal, _ fd: Int32
    ) -> [InputEvent] {
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

  /// A paste that keeps coming does not hold the loop: a call returns after a slice of it
  /// (64 KiB), with the paste still unfinished, so the screen is still drawn and signals are
  /// still seen while it streams in. Without the slice the call reads on, waits out the
  /// paste's delay and returns the paste.
  @Test func aPasteThatKeepsComingIsReadASliceACall() throws {
    try withFIFO { terminal, fd in
      // A pipe holds 64 KiB: all of it is written at once, without a writer that could block.
      _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
      let bytes = Array("\u{1B}[200~".utf8) + [UInt8](repeating: UInt8(ascii: "p"), count: 65_530)
      let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, bytes.count) }
      try #require(written == NCursesTerminal.readSlice, "the pipe took \(written) bytes")
      #expect(terminal.readEvent(timeoutMilliseconds: 1000) == nil)
    }
  }
}
