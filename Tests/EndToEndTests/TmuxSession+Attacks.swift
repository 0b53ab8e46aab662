import Foundation
import TestSupport
import Testing

/// What the reliability attacks need beyond the harness: raw bytes, pastes, seeded keys, and a
/// way out from whatever screen the attack left the program on.
extension TmuxSession {
  /// Sends raw bytes, invalid UTF-8 and unfinished escape sequences included.
  func sendBytes(_ bytes: [UInt8]) throws {
    let hex = bytes.map { String(format: "%02x", $0) }
    _ = try Self.runTool(["tmux", "-L", socket, "send-keys", "-t", "0", "-H"] + hex)
  }

  /// Pastes `text` as a terminal without bracketed paste delivers it: every character as
  /// typed, in one burst; `bracketed` marks it as a paste when the program asked for that.
  func pasteFile(_ text: String, bracketed: Bool) throws {
    let file = folder.appendingPathComponent("paste-\(UUID().uuidString)")
    try text.write(to: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(at: file) }
    _ = try Self.runTool(["tmux", "-L", socket, "load-buffer", file.path])
    _ = try Self.runTool(
      ["tmux", "-L", socket, "paste-buffer", "-t", "0"] + (bracketed ? ["-p"] : []))
  }

  /// Whether the program still runs in the pane.
  var isRunning: Bool {
    !FileManager.default.fileExists(atPath: folder.appendingPathComponent("exit").path)
  }

  /// Leaves whatever screen is showing the way a user would (Esc, q, y) until the program
  /// exits; returns its status. `q` and Esc take turns, since `q` does nothing in some
  /// places (the ratings panel) and Esc nothing in others (home).
  func quitFromAnywhere(sourceLocation: SourceLocation = #_sourceLocation) throws -> Int32? {
    var lastWasQ = false
    for _ in 0..<30 where isRunning {
      let screen = capture()
      if screen.contains("y/n") || screen.contains("Discard this note?")
        || screen.contains("Discard these changes?")
      {
        try send("y")
      } else if screen.contains("Note ▸") || screen.contains("Edit #")
        || screen.contains("Latecomer ▸") || lastWasQ
        // The new-session form asks for Esc again, and takes `q` for the field and to keep.
        || screen.contains("again discards this setup")
      {
        try send("Escape")
        lastWasQ = false
      } else {
        try send("q")
        lastWasQ = true
      }
      // Wait for the screen to change or the program to leave.
      let deadline = Date().addingTimeInterval(2)
      while Date() < deadline && isRunning && capture() == screen { usleep(20_000) }
    }
    return waitForExit(sourceLocation: sourceLocation)
  }
}

/// Random input for the real terminal, as tmux key names, literal text and raw bytes.
enum TmuxKeyMix {
  /// Keys by tmux name. C-z is left out: it suspends the program until `fg`. C-c and C-\
  /// are left out too; they are keys now (`CaptureEndToEndTests`), and the signals they used
  /// to raise are the signal attack's, sent with kill.
  static let named =
    [
      "Enter", "Enter", "Escape", "Tab", "BTab", "BSpace", "DC", "Up", "Down", "Left", "Right",
      "Home",
      "End", "PPage", "NPage", "IC", "F1", "F2", "F5", "F10", "F12", "Space",
    ] + "abdefghijklmnoprstuvwxy".map { "C-\($0)" }

  static let text = [
    "Zoë Müller", "日本語のメモ", "مرحبا", "👍🏽👨‍👩‍👧", "e\u{301}\u{302}", "ñ", "1", "2", "5", "n",
    "p", "s", "r", "e", "d", "x", "m", "+", "-", "?", "y", "j", "k", " ", "advice: you should",
  ]

  static let bytes: [[UInt8]] = [
    [0xFF], [0xC3], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF],
    [0x1B, 0x5B], [0x1B, 0x5B, 0x31, 0x3B, 0x35, 0x43], [0x1B, 0x5B, 0x32, 0x30, 0x30, 0x7E],
    [0x1B, 0x4F], [0x1B, 0x5D, 0x30, 0x3B, 0x78, 0x07],
    [0x1B, 0x5B, 0x3F, 0x31, 0x30, 0x34, 0x39, 0x68],
    [0x1B, 0x5B, 0x4D, 0x20, 0x21, 0x21], [0x00], [0x1F], [0x9B], [0x1B, 0x1B, 0x1B],
  ]

  /// Sends one random input; returns how many keys (or byte groups) it was.
  static func sendOne(to tmux: TmuxSession, using rng: inout SeededGenerator) throws -> Int {
    switch Int.random(in: 0..<10, using: &rng) {
    case 0..<4: try tmux.send(named.randomElement(using: &rng)!)
    case 4..<8: try tmux.type(text.randomElement(using: &rng)!)
    default: try tmux.sendBytes(bytes.randomElement(using: &rng)!)
    }
    return 1
  }
}

/// One line of counts per attack, as the in-memory attacks print them.
func printAttack(
  _ name: String, seed: UInt64, tried: Int, crashes: Int, dataLost: Int, _ details: String = ""
) {
  print(
    "reliability: \(name): tried \(tried) · crashes \(crashes) · data lost \(dataLost)"
      + (details.isEmpty ? "" : " · \(details)") + " · seed 0x\(String(seed, radix: 16))")
}
