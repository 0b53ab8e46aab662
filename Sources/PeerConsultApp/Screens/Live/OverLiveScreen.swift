import Foundation

/// A screen opened over the live one (who is here, last time's actions) while the session
/// runs on behind it. A phase's end still rings there, and Ctrl-C asks the live screen's
/// question, to leave the session resumable, rather than whether to quit PeerConsult (`q` on
/// such a screen goes back to the live screen); asked over this screen, so that `n` stays on
/// it (before, `n` landed on the live screen).
public protocol OverLiveScreen: Screen {
  /// The live screen to go back to, kept current with every change.
  var live: LiveState { get set }
}

extension OverLiveScreen {
  public var interrupted: [Effect]? { [leaveQuestion()] }

  /// The live screen's question to leave, or `question`, asked over this screen: `y` leaves
  /// the session as the live screen would.
  func leaveQuestion(_ question: String? = nil) -> Effect {
    .confirm(
      question: question ?? live.leaveQuestionText,
      onYes: [.show(live), .command(live.leaveCommand)])
  }

  /// The running session's next second (none before it starts), so that a phase reaching
  /// zero rings here too.
  public func nextDeadline(now: Date) -> Date? { live.session.nextDeadline(after: now) }

  /// The clock moving on: rings the bell and flashes once when the phase reaches zero, as the
  /// live screen would.
  mutating func tick(_ now: Date) -> [Effect] { LiveScreen.signalZero(&live, now: now) }
}
