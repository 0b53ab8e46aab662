import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit
import TestSupport
import Testing

/// Random window sizes, from 1x1 to 300x100, while a timer runs: every frame has the
/// terminal's size, a window too small says so, and back at 80x24 the screen is exactly what
/// the same state draws without any resizing.
@Suite struct ResizeStormTests {
  @Test func twoHundredRandomSizesOnEveryScreenThenBackTo80x24() throws {
    let seed = SeededGenerator.seed(0x5EED_0002)
    var rng = SeededGenerator(seed: seed)
    var report = AttackReport("resize storm, in memory, every screen", seed: seed)
    let sizesPerScreen = AttackScale.count(200)
    for start in StartScreen.allCases {
      let harness = try AppHarness(seed: rng.next())
      try harness.reset(to: start)
      if start == .editor {
        // Text wider than the field, with the cursor inside it.
        for c in "Crème brûlée 日本語 👍🏽 " + String(repeating: "long note ", count: 12) {
          harness.press(.character(c))
        }
        for _ in 0..<7 { harness.press(.left) }
      }
      let before = harness.runner.state
      for _ in 0..<sizesPerScreen {
        let width = Int.random(in: 1...300, using: &rng)
        let height = Int.random(in: 1...100, using: &rng)
        harness.clock.advance(by: TimeInterval.random(in: 0...3, using: &rng))
        harness.resize(width: width, height: height)
        report.tried += 1
        let screen = harness.terminal.screen
        var problems: [String] = []
        if screen.width != width || screen.height != height {
          problems.append("frame \(screen.width)x\(screen.height) in a \(width)x\(height) window")
        }
        if let cursor = harness.terminal.cursor,
          !(0..<width).contains(cursor.x) || !(0..<height).contains(cursor.y)
        {
          problems.append("cursor \(cursor) outside a \(width)x\(height) window")
        }
        let tooSmall = width < AppState.minimumSize.width || height < AppState.minimumSize.height
        // The message shows whenever the window has room for its first line.
        if tooSmall && height >= 5 && width >= 22
          && !harness.screenText.contains("terminal too small")
        {
          problems.append("a \(width)x\(height) window does not say it is too small")
        }
        report.broken += problems.count
        for problem in problems.prefix(3) {
          Issue.record("\(start.rawValue), seed 0x\(String(seed, radix: 16)): \(problem)")
        }
      }
      harness.resize(width: 80, height: 24)
      // The same state, moved on to the same time but never resized.
      var expected = before
      _ = App.update(&expected, .tick(harness.clock.now()))
      expected.now = harness.clock.now()
      let fresh = App.render(expected)
      if harness.terminal.screen != fresh.grid {
        report.broken += 1
        Issue.record(
          """
          \(start.rawValue): after the storm the 80x24 screen differs from a fresh render:
          \(harness.screenText)
          ---- expected
          \(fresh.grid.lines.joined(separator: "\n"))
          """)
      }
      #expect(harness.terminal.cursor.map { [$0.x, $0.y] } == fresh.cursor.map { [$0.x, $0.y] })
    }
    report.print()
    #expect(report.tried == sizesPerScreen * StartScreen.allCases.count)
    #expect(report.broken == 0)
  }
}
