import Foundation
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// Keys pressed at random through the real runner, from a live session onto every screen the
/// keys reach (who is here, ratings, the summary, home, review, the transcript and its search),
/// with the clock moving and the window resized now and then: nothing a facilitator can press
/// may crash the program or leave it with a session that the store, an import or a snapshot
/// would read differently.
///
/// After every key the frame is drawn; after each run the session's stored events must replay
/// to what the screen last showed (nothing acknowledged lost), pass the import's checks (an
/// export of it can be read back), and come back whole from a snapshot.
@Suite struct RandomKeysTests {
  /// Each key in proportion to how often a facilitator might press it: letters and Enter
  /// most, the chords, arrows and function keys less.
  static let keys: [Key] = {
    var keys: [Key] = []
    for letter in "abcdefghijklmnopqrstuvwxyz" { keys.append(.character(letter)) }
    for text in " #?[]-.,'0123456789éü王" { keys.append(.character(text)) }
    for letter in "abcdefgknoprstuwxz" { keys.append(.control(letter)) }
    keys += [.enter, .enter, .enter, .escape, .escape, .tab, .backTab, .backspace, .delete]
    keys += [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .insert]
    keys += [.function(1), .function(2)]
    return keys
  }()

  @Test(arguments: 0..<12)
  func nothingPressedLosesOrBreaksTheSession(run: Int) throws {
    let seed = SeededGenerator.seed(0x5EED_0000 + UInt64(run))
    var random = SeededGenerator(seed: seed)
    let f = try LiveFixture(started: run % 3 != 0)
    let id = try #require(f.live?.sessionID)
    var lastLive = try #require(f.live?.session)
    var pressed: [String] = []
    var away = 0
    for _ in 0..<1_500 {
      // Keys pressed away from the session for long enough take it up again, as a
      // facilitator who wandered into review would, so that each run keeps changing it.
      away = f.live?.sessionID == id ? 0 : away + 1
      if away > 40 {
        f.runner.perform(.resume(id))
        pressed.append("(resumed)")
      }
      let roll = Int.random(in: 0..<100, using: &random)
      if roll < 3 {
        f.advance(Double(Int.random(in: 1...400, using: &random)))
        pressed.append("+time")
      } else if roll < 4 {
        let size = [(80, 24), (120, 40), (40, 10), (100, 30)].randomElement(using: &random)!
        f.runner.handle(.resize(width: size.0, height: size.1))
        pressed.append("resize \(size.0)x\(size.1)")
      } else if roll < 5 {
        f.runner.handle(.paste("Licensing, 王小明's data\nand a second line"))
        pressed.append("paste")
      } else {
        let key = Self.keys.randomElement(using: &random)!
        pressed.append(key.description)
        // Leaving the program ends this run's keys; what it left stored is checked below.
        if f.press(key) != nil { break }
      }
      // No row drawn wider than the window (a wide character cut wrongly pushes it out).
      let frame = f.screen
      #expect(frame.lines.allSatisfy { $0.displayWidth <= frame.width }, "\(pressed.suffix(5))")
      if let live = f.live, live.sessionID == id { lastLive = live.session }
    }
    let stored = try f.services.store().loadSession(id)
    let events = try f.services.store().events(of: id)
    let trail = "seed \(seed): \(pressed.suffix(40).joined(separator: " "))"

    // What the live screen last showed is what is stored, unless keys went on to change the
    // stored session elsewhere (a correction or an erasure in review).
    if f.live?.sessionID == id { #expect(stored == lastLive, "\(trail)") }
    #expect(try SessionState.replay(events) == stored, "\(trail)")
    #expect(throws: Never.self, "\(trail)") {
      _ = try SessionImport.checked(id, events, path: "export.json")
    }
    let payload = try SessionSnapshot.payload(of: stored)
    #expect(SessionSnapshot.state(fromPayload: payload) == stored, "\(trail)")
  }
}
