import Foundation

extension Phase {
  /// How long each prompt stem shows before the next, in running seconds.
  public static let promptSeconds: TimeInterval = 30

  /// The prompt showing after `elapsed` running seconds: the stems take turns, each for
  /// ``promptSeconds``, so the live screen and the room display show the same one.
  public func prompt(afterRunning elapsed: TimeInterval) -> String? {
    guard !prompts.isEmpty else { return nil }
    // A stored time can be anything; a turn number that does not fit shows the first stem.
    let turn = elapsed / Self.promptSeconds
    guard turn.isFinite, turn >= 0, turn < Double(Int.max / 2) else { return prompts[0] }
    return prompts[Int(turn) % prompts.count]
  }
}
