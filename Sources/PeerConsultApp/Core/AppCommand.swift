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
  /// Show the stored sessions for review.
  case openReview
  /// Read the sessions again for the review screen (counts may have changed), and search
  /// again if a search is showing.
  case refreshReview
  /// Run the review screen's search as typed.
  case searchNotes
  /// Open a stored session's transcript, at a note when one is given.
  case openTranscript(SessionID, note: Int?)
  /// Mark an action of the open transcript's session done or not done.
  case setReviewedActionDone(note: Int, done: Bool)
}
