import Foundation

/// How hard to attack: `PEERCONSULT_ATTACK_SCALE` multiplies every attack's count (0.1 for a
/// quick look, 10 for a long soak); the default is the suite's documented size.
enum AttackScale {
  static let factor: Double =
    ProcessInfo.processInfo.environment["PEERCONSULT_ATTACK_SCALE"].flatMap(Double.init) ?? 1

  static func count(_ base: Int) -> Int { max(1, Int((Double(base) * factor).rounded())) }
}
