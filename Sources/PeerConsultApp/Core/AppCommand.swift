import PeerConsultKit

/// Requests that need the outside world (the store, the protocol library), performed by
/// `AppServices`; each comes back to the screen as a ``ServiceResult``.
public enum AppCommand: Equatable, Sendable {
  /// Load the protocol library.
  case loadProtocols
  /// Load what the new-session form offers (protocols, previous programmes).
  case loadSetup
  /// Create a session from the form; it opens ready, its timer waiting for the facilitator.
  case startSession(SessionSetup)
  /// Count the unfinished sessions (for the home screen).
  case countUnfinished
  /// List the unfinished sessions.
  case listUnfinished
  /// Carry on a stored session.
  case resume(SessionID)
  /// Carry on a stored session, reopening its last phase if it is finished.
  case reopen(SessionID)
  /// Change the live session.
  case session(SessionCommand)
  /// Let go of the live session (it stays unfinished and resumable).
  case leaveSession
  /// Load the stored sessions for review.
  case loadReview
  /// Search every session's notes, in one programme when given.
  case searchNotes(query: String, programme: String?)
  /// Load a stored session's transcript, at a note when one is given.
  case openTranscript(SessionID, note: Int?)
  /// Mark an action of a stored session done or not done (one more event in its history).
  case setStoredActionDone(SessionID, note: Int, done: Bool)
  /// Load the `#tags` a programme's notes use, for completing them in the note line.
  case loadTags(programme: String)
  /// Correct a note of a stored session (one more event; the earlier text stays in history).
  case editStoredNote(SessionID, note: Int, content: NoteContent)
  /// Follow a session another program runs, for the room display: the one named, or with
  /// nil the latest (``SessionFollower/latest(in:dataDirectory:)``); `notes` allows the
  /// panel of notes shared with the room.
  case follow(SessionID?, notes: Bool)
  /// Read the followed session again if another program changed it or its lock.
  case refreshFollowed
  /// Stop following (the room display was left).
  case stopFollowing
}
