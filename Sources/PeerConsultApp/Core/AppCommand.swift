import Foundation
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
  /// Let go of the live session (it stays unfinished and resumable), after keeping the note
  /// being written (`keeping`) or forgetting its kept copy (`forgetting`): when that fails,
  /// the session is not left, so that the words are not lost with the screen.
  case leaveSession(keeping: NoteDraft? = nil, forgetting: Bool = false)
  /// Load the newest stored sessions for review, a page (``ReviewState/pageSize``) and how
  /// many there are.
  case loadReview
  /// Load the newest `count` stored sessions for review, and how many there are: the list
  /// asks for twice what it holds when it is scrolled near their end.
  case loadReviewSessions(count: Int)
  /// Load every stored session for review: the list asks once it is scrolled near the end of
  /// what it holds when twice that is all of them.
  case loadEveryReviewSession
  /// Load what the review list's filter looks in for every stored session (``ReviewFilterEntry``):
  /// the list asks once it is filtered or narrowed to a programme without holding them all.
  case loadReviewFilter
  /// Load the listings of these sessions, which the filtered review list shows next.
  case loadReviewListings([SessionID])
  /// Search every session's notes, in one programme when given.
  case searchNotes(query: String, programme: String?)
  /// Load a stored session's transcript, at a note when one is given.
  case openTranscript(SessionID, note: Int?)
  /// Mark an action of a stored session done or not done (one more event in its history).
  case setStoredActionDone(SessionID, note: Int, done: Bool)
  /// Load the overview of a programme for the programme view.
  case loadProgrammeOverview(programme: String)
  /// Load the `#tags` a programme's notes use, for completing them in the note line.
  case loadTags(programme: String)
  /// Correct a note of a stored session (one more event; the earlier text stays in history).
  case editStoredNote(SessionID, note: Int, content: NoteContent)
  /// Take in what other programs stored in the live session since (review marking an action
  /// done); cheap when nothing was stored anywhere.
  case refreshLiveSession
  /// Read what anonymising `subject` will do: every replacement and every suspect.
  case loadShareReview(ShareSubject)
  /// Store the facilitator's choice for a suspect in every session of `subject`, so later
  /// exports repeat it.
  case chooseForSharing(ShareSubject, term: String, replace: Bool)
  /// Write `subject` anonymised in `format` to a private file at `path` (an existing file only
  /// when `replacing`).
  case writeShare(ShareSubject, format: ShareFormat, path: String, replacing: Bool)
  /// Keep the note being written in the session, in place of any kept before: at a pause in
  /// typing, and as the program is ended by a signal.
  case keepDraft(SessionID, NoteDraft)
  /// Read the note kept as being written in the session, if any, to carry on writing it.
  case loadDraft(SessionID)
  /// Read the earlier actions of its group that the session, as it stands, followed up, as
  /// its minutes show them, for its summary.
  case loadEarlierActions(SessionID, SessionState)
  /// Forget the note kept as being written in the session: saved, discarded, emptied, or
  /// the session left with `q`.
  case dropDraft(SessionID)
  /// Delete a stored session for good (refused while another program facilitates it).
  case deleteSession(SessionID)
  /// Erase the person called `name` from every session they took part in and their standing
  /// groups' meetings, then read the session `shown` again.
  case erasePerson(name: String, shown: SessionID)
  /// Follow a session another program runs, for the room display: the one named, or with
  /// nil the latest (``SessionFollower/latest(in:dataDirectory:)``); `notes` allows the
  /// panel of notes shared with the room.
  case follow(SessionID?, notes: Bool)
  /// Read the followed session again if another program changed it or its lock.
  case refreshFollowed
  /// Stop following (the room display was left).
  case stopFollowing
  /// The actions still open from the earlier meetings of the session's standing group.
  case loadFollowUps(SessionID)
  /// The members of a standing group at a date (its meeting's start), for who is here's
  /// latecomer field.
  case loadGroupMembers(GroupID, at: Date)
  /// What the later meetings of a session's standing group made of its actions.
  case loadActionHistory(SessionID)
  /// Read what the shared store's background push has not sent yet (the title bar's `↑ 3`).
  case readPushStatus
}
