import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit
import TestSupport
import Testing

/// Random keys against every screen through the in-memory terminal, with a real database and
/// a manual clock; the invariants of ``StateChecker`` are checked after every key.
///
/// Repeat a run with `PEERCONSULT_SEED=<seed> swift test --filter RandomKeyAttackTests`.
@Suite struct RandomKeyAttackTests {
  /// Reports the first few failures in full; the rest are counted.
  private static let reportedFailures = 5

  @Test func hundredThousandRandomKeysAcrossEveryScreen() throws {
    let seed = SeededGenerator.seed(0x5EED_0001)
    var rng = SeededGenerator(seed: seed)
    var report = AttackReport("random keys, in memory, every screen", seed: seed)
    let keysPerStart = AttackScale.count(100_000 / StartScreen.allCases.count + 1)
    let sizes = [(80, 24), (120, 40), (100, 30), (81, 25)]
    var contexts: [String: Int] = [:]
    var exits = 0
    // The slowest key in processor time, and in wall time (see the bounds at the end).
    var slowest: TimeInterval = 0
    var slowestWall: TimeInterval = 0
    var acknowledged = 0
    var pastes = 0
    for (index, start) in StartScreen.allCases.enumerated() {
      let size = sizes[index % sizes.count]
      let harness = try AppHarness(width: size.0, height: size.1, seed: rng.next())
      try harness.reset(to: start)
      let checker = StateChecker(harness)
      var sent = 0
      while sent < keysPerStart {
        // Now and then time passes: timers run out, bells ring, phases go into overtime.
        if Int.random(in: 0..<40, using: &rng) == 0 {
          if harness.wait(TimeInterval.random(in: 0.2...240, using: &rng)) != nil {
            try harness.reset(to: start)
          }
        }
        // Now and then a paste, marked as one, as terminals with bracketed paste send it.
        if Int.random(in: 0..<250, using: &rng) == 0 {
          let text =
            String(
              KeyMix.paste(bytes: Int.random(in: 1...400, using: &rng), using: &rng).compactMap {
                if case .character(let c) = $0 { return c } else { return nil }
              }) + (Bool.random(using: &rng) ? "\nsecond line; Council; senior\n" : "")
          pastes += 1
          if harness.paste(text) != nil {
            exits += 1
            try harness.reset(to: start)
          }
        }
        for key in KeyMix.draw(using: &rng) {
          let pending = checker.pendingNote()
          let began = (work: ThreadClock.seconds(), wall: Date())
          let status = harness.press(key)
          slowest = max(slowest, ThreadClock.seconds() - began.work)
          slowestWall = max(slowestWall, Date().timeIntervalSince(began.wall))
          sent += 1
          report.tried += 1
          if status != nil {
            exits += 1
            try harness.reset(to: start)
            break
          }
          contexts["\(App.context(of: harness.runner.state))", default: 0] += 1
          let (broken, lost) = try checker.check(after: pending)
          report.broken += broken.count
          report.dataLost += lost.count
          for problem in broken + lost
          where report.broken + report.dataLost <= Self.reportedFailures {
            Issue.record(
              "after key \(report.tried) (\(key)) from \(start.rawValue), seed 0x\(String(seed, radix: 16)): \(problem)\n\(harness.screenText)"
            )
          }
        }
      }
      let missing = try checker.missingAcknowledgedNotes()
      report.dataLost += missing.count
      #expect(missing.isEmpty, "acknowledged notes missing from the event log: \(missing)")
      acknowledged += checker.acknowledged.count
    }
    report.note("exits", exits)
    report.note("pastes", pastes)
    report.note("notes acknowledged", acknowledged)
    report.note("slowest key ms", Int(slowest * 1000))
    report.note("slowest key wall ms", Int(slowestWall * 1000))
    report.note(
      "keys per screen",
      contexts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ","))
    report.print()
    #expect(report.tried >= keysPerStart * StartScreen.allCases.count)
    #expect(report.broken == 0 && report.dataLost == 0)
    // With no note acknowledged, "nothing acknowledged is missing" would compare nothing.
    #expect(acknowledged > 0, "no note was acknowledged: the data-loss check saw nothing")
    // Every screen and overlay was reached, not just the ones the attack started on.
    // Text fields' keys and the keys of every screen work inside other contexts, and the
    // too-small message is the resize storm's to reach: every other context is some
    // screen's or overlay's own.
    for context in KeyContext.allCases.filter({
      ![.textField, .everywhere, .tooSmall].contains($0)
    })
    .map(\.id) {
      #expect(contexts[context, default: 0] > 0, "no key reached \(context)")
    }
    // No key may make the program hang. Debug builds are slow, so the bound is generous, and it
    // is on the key's own work: tests running beside this one stretch its wall time (a key
    // of 9 ms once took 4 s under a load of 10). A key that waits instead of working (on a
    // lock, a disk) is caught by the looser wall bound.
    #expect(slowest < 2)
    #expect(slowestWall < 30)
  }

  @Test func aHundredKilobytePasteIntoTheNoteEditor() throws {
    let seed = SeededGenerator.seed(0x5EED_0004)
    var rng = SeededGenerator(seed: seed)
    var report = AttackReport("100 KB paste into the note editor, in memory", seed: seed)
    let harness = try AppHarness(seed: rng.next())
    try harness.reset(to: .editor)
    let checker = StateChecker(harness)
    let keys = KeyMix.paste(bytes: AttackScale.count(100 * 1024), using: &rng)
    var typed = ""
    let began = Date()
    for key in keys {
      // The editor keeps a note on one line: line breaks become spaces.
      if case .character(let c) = key { typed.append(c.isNewline ? " " : c) }
      harness.press(key)
      report.tried += 1
      let (broken, lost) = try checker.check(after: nil)
      report.broken += broken.count
      report.dataLost += lost.count
      for problem in broken + lost where report.broken + report.dataLost <= 5 {
        Issue.record("after pasted key \(report.tried): \(problem)")
      }
    }
    let seconds = Date().timeIntervalSince(began)
    let limit = NoteContent.maximumLength
    let kept = String(typed.prefix(limit))
    if typed.count > limit {
      // Nothing is dropped silently: the screen says the note is full.
      #expect(harness.screenText.contains("\(limit.formatted()) characters"))
    }
    let pending = checker.pendingNote()
    harness.press(.enter)
    _ = try checker.check(after: pending)
    guard case .noteSaved? = StateChecker.acknowledgement(in: harness.results) else {
      Issue.record("the note was not acknowledged as saved")
      return
    }
    guard let live = harness.runner.state.screen as? LiveState else {
      Issue.record("the live screen was left")
      return
    }
    let stored = try harness.database().loadSession(live.sessionID).visibleNotes.last?.text
    #expect(stored == kept.trimmingCharacters(in: .whitespacesAndNewlines))
    if stored != kept.trimmingCharacters(in: .whitespacesAndNewlines) { report.dataLost += 1 }
    report.note("characters pasted", typed.count)
    report.note("characters kept", kept.count)
    report.note("seconds", String(format: "%.1f", seconds))
    report.print()
    #expect(report.broken == 0 && report.dataLost == 0)
  }
}
