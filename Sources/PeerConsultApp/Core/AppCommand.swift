import PeerConsultKit

/// Requests that need the outside world (the store, the protocol library), performed by
/// `AppServices` for the runner.
public enum AppCommand: Equatable, Sendable {
  /// Open the protocol browser (loads the library).
  case openProtocols
  /// Open the new-session form (loads protocols and previous programmes).
  case openSetup
  /// Create a session from the form and go live.
  case startSession(SessionSetup)
  /// Show the unfinished sessions (or resume the only one).
  case openResume
  /// Carry on a stored session.
  case resume(SessionID)
  /// Refresh the home screen's counts.
  case refreshHome
  /// Change the live session.
  case session(SessionCommand)
  /// Leave the live session (it stays unfinished and resumable).
  case leaveSession
}
