import PeerConsultKit

/// Something `update` asks for beyond changing its own state.
///
/// `App.update` applies the effects that only change the app's state (another screen, a
/// notice, a question) itself, and hands the runner only those that reach outside (I/O,
/// sound, leaving), so screens stay pure and every one is tested without a terminal.
public indirect enum Effect: Sendable {
  /// Leave the program with this exit status.
  case exit(Int32)
  case bell
  case flash
  /// Give the terminal back and stop until continued (Ctrl-Z), then redraw everything.
  case suspend
  /// Ask the environment to act (load data, write to the store); its `ServiceResult` comes
  /// back to the screen showing when it is done.
  case command(AppCommand)
  /// Show another screen in place of this one.
  case show(any Screen)
  /// Leave this screen for home with `entry` selected, or leave the program when it was
  /// started for one task (`peerconsult run`, `resume`, `review`).
  case leave(to: HomeScreen.Entry)
  /// A one-line message under the body.
  case notice(Notice)
  /// Ask a yes/no question; `y`, or Enter when `byEnter`, performs `onYes`.
  case confirm(question: String, onYes: [Effect], byEnter: Bool = false)
}

extension Effect: Equatable {
  /// Screens compare by type and title, as screens carry no identity of their own; enough for
  /// tests to tell which screen an effect shows.
  public static func == (lhs: Effect, rhs: Effect) -> Bool {
    switch (lhs, rhs) {
    case (.exit(let a), .exit(let b)): return a == b
    case (.bell, .bell), (.flash, .flash), (.suspend, .suspend): return true
    case (.command(let a), .command(let b)): return a == b
    case (.show(let a), .show(let b)): return type(of: a) == type(of: b)
    case (.leave(let a), .leave(let b)): return a == b
    case (.notice(let a), .notice(let b)): return a == b
    case (.confirm(let q1, let e1, let b1), .confirm(let q2, let e2, let b2)):
      return q1 == q2 && e1 == e2 && b1 == b2
    default: return false
    }
  }
}
