import Foundation

/// A screen opened over the live one (who is here, last time's actions) while the session
/// runs on behind it. A phase's end still rings there, and Ctrl-C asks the live screen's
/// question, to leave the session resumable, rather than whether to quit PeerConsult (`q` on
/// such a screen goes back to the live screen); asked over this screen, so that `n` stays on
/// it (before, `n` landed on the live screen).
public protocol OverLiveScreen: Screen {
  /// The live screen to go back to, kept current with every change.
  var live: LiveState { get set }
  /// What is half typed on this screen and not kept on leaving ("The person being typed"),
  /// for Ctrl-C's question to say so; nil when nothing is.
  var typedHereNotKept: String? { get }
}

extension OverLiveScreen {
  /// Ctrl-C: the live screen's question, asked over this screen (`n` stays on it, and on what
  /// is typed there), saying so when what is typed here is not kept; `y` leaves the session
  /// as the live screen would.
  public var interrupted: [Effect]? {
    let question =
      typedHereNotKept.map { "Leave the session (resumable)? \($0) is not kept. y/n" }
      ?? live.leaveQuestionText
    return [.confirm(question: question, onYes: [.show(live), .command(live.leaveCommand)])]
  }

  /// A character no key of this screen binds, typed with no field open, is the start of a
  /// note: it goes back to the live screen, whose note line takes it (``writingNote(_:)``).
  /// The rest of "The plan failed" typed over who is here acted as its keys: Space skipped a
  /// presenter, `l` marked her gone, `a` opened the latecomer field.
  public var actionForText: Action? { acceptsText ? nil : .typeNote }

  /// A key of the live screen typed here does nothing, as on the live screen's own panels.
  public func startsText(_ character: Character) -> Bool { LiveScreen.startsANote(character) }

  /// The live screen, as it is, with its note line open, for a note begun here.
  func writingNote(_ environment: ScreenEnvironment) -> [Effect] {
    var live = self.live
    let effects = live.update(.action(.typeNote), environment)
    return [.show(live)] + effects
  }

  /// The running session's next second (none before it starts), so that a phase reaching
  /// zero rings here too.
  public func nextDeadline(now: Date) -> Date? { live.session.nextDeadline(after: now) }

  /// The clock moving on: rings the bell and flashes once when the phase reaches zero, as the
  /// live screen would.
  mutating func tick(_ now: Date) -> [Effect] { LiveScreen.signalZero(&live, now: now) }
}
