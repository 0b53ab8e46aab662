import Foundation

/// What an attack tried and what went wrong, printed as one line so that a run of the suite
/// shows its counts (and the seed that repeats it) next to the test results.
struct AttackReport {
  let name: String
  let seed: UInt64?
  var tried = 0
  /// Times the program under attack died (a process) or a step threw where it must not.
  var crashes = 0
  /// Saved data later missing, or state that no longer matched what was stored.
  var dataLost = 0
  /// Invariants that did not hold (screen size, cursor, replay), beyond data lost.
  var broken = 0
  /// Extra figures worth printing (refusals, exits, slowest step).
  var details: [(String, String)] = []

  init(_ name: String, seed: UInt64? = nil) {
    self.name = name
    self.seed = seed
  }

  mutating func note(_ key: String, _ value: CustomStringConvertible) {
    details.removeAll { $0.0 == key }
    details.append((key, value.description))
  }

  var line: String {
    var parts = ["tried \(tried)", "crashes \(crashes)", "data lost \(dataLost)"]
    parts.append("broken invariants \(broken)")
    parts += details.map { "\($0.0) \($0.1)" }
    if let seed { parts.append("seed 0x" + String(seed, radix: 16)) }
    return "reliability: \(name): " + parts.joined(separator: " · ")
  }

  /// Prints the counts line.
  func print() { Swift.print(line) }
}
