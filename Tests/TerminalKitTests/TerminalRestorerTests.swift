import Foundation
import Testing

@testable import TerminalKit

/// Nested in ``NCursesTerminalTests``, whose serialization covers it: ncurses has one global
/// current screen and the restorer one registration, so no two suites may use them at once.
extension NCursesTerminalTests {
  /// The crash path's pieces that can run without crashing: the prepared bytes and the
  /// handler's work before it re-raises. The whole path, with real crashes, is tested end to
  /// end (`TerminalMannersTests`).
  @Suite struct TerminalRestorerTests {
    /// Reads whatever a pipe holds once its write end is closed.
    private func drain(_ fd: Int32) -> String {
      var bytes: [UInt8] = []
      var chunk = [UInt8](repeating: 0, count: 512)
      while true {
        let count = read(fd, &chunk, chunk.count)
        if count <= 0 { break }
        bytes += chunk[..<count]
      }
      return String(decoding: bytes, as: UTF8.self)
    }

    /// The command a crash's line names, as the program gives it for a data folder of its
    /// own: long, so that a slot of fixed size would cut it (one of 254 bytes did). The
    /// bytes are prepared once a process, so every test here gives the same.
    static let resumeCommand =
      "peerconsult resume latest --data-dir '/home/facilitator/Documents/"
      + String(repeating: "Systems Learning Groups ", count: 12) + "2026/data'"
    static let advice = TerminalRestorer.resumeAdvice(resumeCommand)

    @Test func theCrashLinesAndRestoreBytesArePreparedBeforeAnyHandlerRuns() {
      TerminalRestorer.prepareCrashOutput(advice: Self.advice)
      #expect(TerminalRestorer.preparedCrashOutput(slot: 0) == TerminalRestorer.restoreSequence)
      for signal in TerminalRestorer.crashSignals {
        let line = TerminalRestorer.preparedCrashOutput(slot: Int(signal))
        #expect(
          line == TerminalRestorer.crashMessage(for: signal, advice: Self.advice))
        // One line, which says what happened and what to do, with the folder whole.
        #expect(line?.filter { $0 == "\n" }.count == 1)
        #expect(line?.contains("(signal \(signal)); the terminal was restored") == true)
        #expect(line?.contains("run `\(Self.resumeCommand)` to carry on.") == true)
      }
      // Signals that are not crashes have no line.
      #expect(TerminalRestorer.preparedCrashOutput(slot: Int(SIGINT)) == "")
    }

    @Test func theHandlerWritesThePreparedBytesAndOnlyRestoresAScreenInUse() throws {
      TerminalRestorer.prepareCrashOutput(advice: Self.advice)
      for screenInUse in [true, false] {
        var terminal: [Int32] = [-1, -1]
        var message: [Int32] = [-1, -1]
        try #require(pipe(&terminal) == 0 && pipe(&message) == 0)
        if screenInUse { TerminalRestorer.register() } else { TerminalRestorer.unregister() }
        TerminalRestorer.reportCrash(SIGSEGV, terminal: terminal[1], modes: -1, message: message[1])
        close(terminal[1])
        close(message[1])
        #expect(drain(terminal[0]) == (screenInUse ? TerminalRestorer.restoreSequence : ""))
        #expect(
          drain(message[0])
            == TerminalRestorer.crashMessage(for: SIGSEGV, advice: Self.advice))
        close(terminal[0])
        close(message[0])
      }
    }

    @Test func leaveSignalsExitWithTheShellsStatuses() {
      #expect(
        TerminalRestorer.leaveSignals.map(TerminalRestorer.exitStatus(for:)) == [
          130, 143, 129, 131, 138, 140, 142, 154, 152,
        ])
    }

    /// Each slot holds its text whole, however long, beside the others; a slot given nothing,
    /// or out of range, is empty.
    @Test func aSlotHoldsItsTextWholeBesideTheOthers() {
      let long = String(repeating: "é", count: 3000)
      let buffer = CrashBuffer([3: long, 0: "restore", 64: "last", 65: "out of range"])
      #expect(String(decoding: buffer.bytes(slot: 3), as: UTF8.self) == long)
      #expect(String(decoding: buffer.bytes(slot: 0), as: UTF8.self) == "restore")
      #expect(String(decoding: buffer.bytes(slot: 64), as: UTF8.self) == "last")
      #expect(buffer.bytes(slot: 1).isEmpty)
      #expect(buffer.bytes(slot: CrashBuffer.slotCount).isEmpty)
      #expect(buffer.bytes(slot: -1).isEmpty)
    }
  }
}
