import Foundation

/// A reproducible random number generator (SplitMix64): a random test that fails can be
/// replayed exactly from the seed it printed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
  private var state: UInt64

  public init(seed: UInt64) { state = seed }

  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// The seed for an attack: `PEERCONSULT_SEED` (decimal or 0x-hex) when set, so a failure
  /// can be repeated, else `fallback`, so every run of the suite tries the same inputs.
  public static func seed(_ fallback: UInt64) -> UInt64 {
    seed(from: ProcessInfo.processInfo.environment["PEERCONSULT_SEED"], fallback: fallback)
  }

  /// Reads a seed written as decimal or 0x-hex; `fallback` when there is none or it is not one.
  static func seed(from text: String?, fallback: UInt64) -> UInt64 {
    guard let text else { return fallback }
    if text.hasPrefix("0x") { return UInt64(text.dropFirst(2), radix: 16) ?? fallback }
    return UInt64(text) ?? fallback
  }
}
