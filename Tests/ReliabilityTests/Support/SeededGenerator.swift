import Foundation

/// A reproducible random number generator (SplitMix64): an attack that fails can be replayed
/// exactly from the seed it printed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The seed for an attack: `PEERCONSULT_SEED` (decimal or 0x-hex) when set, so a failure
  /// can be repeated, else `fallback`, so every run of the suite tries the same inputs.
  static func seed(_ fallback: UInt64) -> UInt64 {
    guard let text = ProcessInfo.processInfo.environment["PEERCONSULT_SEED"] else {
      return fallback
    }
    if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? fallback }
    return UInt64(text) ?? fallback
  }
}

/// How hard to attack: `PEERCONSULT_ATTACK_SCALE` multiplies every attack's count (0.1 for a
/// quick look, 10 for a long soak); the default is the suite's documented size.
enum AttackScale {
  static let factor: Double =
    ProcessInfo.processInfo.environment["PEERCONSULT_ATTACK_SCALE"].flatMap(Double.init) ?? 1

  static func count(_ base: Int) -> Int { max(1, Int((Double(base) * factor).rounded())) }
}
