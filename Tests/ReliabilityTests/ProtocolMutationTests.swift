import Foundation
import PeerConsultKit
import TestSupport
import Testing

/// Mutated copies of the built-in protocols, written out as files and read back: each is
/// either accepted, and then reads back the same after writing it out again, or refused with
/// a message naming the file; never a crash or a hang.
@Suite struct ProtocolMutationTests {
  /// Values that break YAML or the format in interesting ways.
  private static let hostileValues = [
    "", "~", "null", "[", "]", "{", "}", "&a", "*a", "!!binary AAAA", "!!python/object x", "-5m",
    "0s", "999999h", "1e308", "NaN", "9223372036854775808", "yes", "'", "\"", "|", ">", "- x",
    "? x", "%TAG ! x", "---", "...", "\u{0}", "\t", "\u{FEFF}", "é\u{0301}", "👍🏽",
    String(repeating: "w", count: 5_000), String(repeating: "[", count: 500),
    "[*a, *a, *a, *a, *a, *a, *a, *a, *a]",
  ]

  @Test func aThousandMutatedProtocolFilesAreAcceptedOrRefusedWithAMessage() throws {
    let seed = SeededGenerator.seed(0x5EED_0003)
    var rng = SeededGenerator(seed: seed)
    var report = AttackReport("mutated protocol files", seed: seed)
    let folder = AppHarness.scratch.appendingPathComponent("pc-mutants-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let originals = try BuiltInProtocols.all.map { Array(try ProtocolFile.yaml(for: $0).utf8) }
    var accepted = 0
    var refused = 0
    var slowest: TimeInterval = 0
    let count = AttackScale.count(1_000)
    for number in 0..<count {
      var bytes = originals[number % originals.count]
      for _ in 0..<Int.random(in: 1...4, using: &rng) { mutate(&bytes, using: &rng) }
      let file = folder.appendingPathComponent("mutant-\(number).yaml")
      try Data(bytes).write(to: file)
      report.tried += 1
      let began = Date()
      do {
        let read = try ProtocolFile.load(contentsOf: file)
        accepted += 1
        // What was accepted must survive being written out and read again.
        let again = folder.appendingPathComponent("again-\(number).yaml")
        try ProtocolFile.yaml(for: read).write(to: again, atomically: true, encoding: .utf8)
        var reread = try ProtocolFile.load(contentsOf: again)
        reread.id = read.id
        reread.source = read.source
        if reread != read {
          report.broken += 1
          Issue.record("mutant \(number) reads back differently after writing it out")
        }
      } catch let error as ProtocolFileError {
        refused += 1
        if error.issues.isEmpty || error.description.isEmpty
          || !error.description.contains(file.lastPathComponent)
        {
          report.broken += 1
          Issue.record("mutant \(number) refused without a message naming it: \(error)")
        }
      } catch {
        report.crashes += 1
        Issue.record("mutant \(number): unexpected \(type(of: error)): \(error)")
      }
      slowest = max(slowest, Date().timeIntervalSince(began))
    }
    report.note("accepted", accepted)
    report.note("refused with a message", refused)
    report.note("slowest file ms", Int(slowest * 1000))
    report.print()
    #expect(accepted + refused == count)
    #expect(refused > 0 && accepted > 0, "the mutations should both break and spare files")
    #expect(report.broken == 0 && report.crashes == 0)
    #expect(slowest < 2)
  }

  /// One random change: bytes flipped, inserted, deleted or duplicated, a line removed,
  /// repeated, swapped or re-indented, a value replaced, or the file cut short.
  private func mutate(_ bytes: inout [UInt8], using rng: inout SeededGenerator) {
    guard !bytes.isEmpty else {
      bytes = Array("name: x".utf8)
      return
    }
    let at = Int.random(in: 0..<bytes.count, using: &rng)
    switch Int.random(in: 0..<10, using: &rng) {
    case 0: bytes[at] = UInt8.random(in: 0...255, using: &rng)
    case 1:
      let junk: [[UInt8]] = [
        [0xFF], [0xC3], [0xE2, 0x82], [0x00], [0xED, 0xA0, 0x80], [0x1B, 0x5B],
      ]
      bytes.insert(contentsOf: junk.randomElement(using: &rng)!, at: at)
    case 2: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
    case 3:
      let end = min(bytes.count, at + Int.random(in: 1...200, using: &rng))
      bytes.insert(contentsOf: bytes[at..<end], at: end)
    case 4: bytes.removeSubrange(at...)
    default:
      var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        .map(Array.init)
      let line = Int.random(in: 0..<lines.count, using: &rng)
      switch Int.random(in: 0..<5, using: &rng) {
      case 0: lines.remove(at: line)
      case 1: lines.insert(lines[line], at: line)
      case 2: lines.swapAt(line, Int.random(in: 0..<lines.count, using: &rng))
      case 3:
        let indent = ["", " ", "   ", "\t", "      "].randomElement(using: &rng)!
        lines[line] = Array(indent.utf8) + lines[line].drop { $0 == UInt8(ascii: " ") }
      default:
        let value = Self.hostileValues.randomElement(using: &rng)!
        if let colon = lines[line].firstIndex(of: UInt8(ascii: ":")) {
          lines[line] = Array(lines[line][...colon]) + Array(" \(value)".utf8)
        } else {
          lines[line] += Array(value.utf8)
        }
      }
      bytes = Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }
  }
}
