import Foundation
import TerminalKit

/// A deliberate crash, for the end-to-end tests of the crash path only (Docs/RELIABILITY.md).
///
/// With `PEERCONSULT_TEST_CRASH` set, the interface crashes just after showing its first
/// frame, while ncurses owns the screen: `trap` stops on a Swift runtime error (as a failed
/// precondition would), `segv` writes through a bad pointer, `abort` calls `abort()`. Nobody
/// running a session has a reason to set it; any other value is ignored.
enum CrashDrill: String {
  case trap, segv, abort

  static let variable = "PEERCONSULT_TEST_CRASH"

  /// The drill the environment asks for, if any.
  static func requested(in environment: [String: String]) -> CrashDrill? {
    environment[variable].flatMap(CrashDrill.init(rawValue:))
  }

  /// `terminal`, or when a drill is asked for, `terminal` set to crash after its first frame.
  static func wrap(_ terminal: Terminal, environment: [String: String]) -> Terminal {
    guard let drill = requested(in: environment) else { return terminal }
    return CrashingTerminal(terminal, drill: drill)
  }

  func crash() -> Never {
    switch self {
    case .trap:
      fatalError("crash drill (\(Self.variable)=trap)")
    case .segv:
      // A write to an address no process maps: a real SIGSEGV, not one sent with kill.
      UnsafeMutablePointer<Int>(bitPattern: 0x10)!.pointee = 1
      Foundation.abort()
    case .abort:
      Foundation.abort()
    }
  }
}

/// Passes everything to the real terminal and crashes once the first frame is drawn.
private final class CrashingTerminal: Terminal {
  private let inner: Terminal
  private let drill: CrashDrill

  init(_ inner: Terminal, drill: CrashDrill) {
    self.inner = inner
    self.drill = drill
  }

  var size: (width: Int, height: Int) { inner.size }
  var supportsColor: Bool { inner.supportsColor }
  var hasPendingInput: Bool { inner.hasPendingInput }

  func draw(_ grid: Grid, cursor: (x: Int, y: Int)?) {
    inner.draw(grid, cursor: cursor)
    drill.crash()
  }

  func suspend() { inner.suspend() }
  func watch(_ descriptor: Int32?) { inner.watch(descriptor) }

  func readEvent(timeoutMilliseconds: Int?) -> InputEvent? {
    inner.readEvent(timeoutMilliseconds: timeoutMilliseconds)
  }

  func bell() { inner.bell() }
  func flash() { inner.flash() }
}
