import PeerConsultKit

/// Requests that need the outside world (the store, the protocol library), performed by
/// `AppServices` for the runner.
public enum AppCommand: Equatable, Sendable {
  /// Open the protocol browser (loads the library).
  case openProtocols
  /// Change the live session.
  case session(SessionCommand)
  /// Leave the live session (it stays unfinished and resumable).
  case leaveSession
}
