import Foundation
import PeerConsultKit

/// What a command came to: data for the screen that asked, or why it failed.
///
/// ``AppServices`` only performs I/O and reports it in these terms; the screens' `update`
/// decides what each result means for the state, the navigation and the words a user sees.
public enum ServiceResult: Equatable, Sendable {
  /// The protocol library, with one line per user file that could not be read.
  case protocolsLoaded(protocols: [ConsultingProtocol], problems: [String])
  /// What the new-session form offers: the protocols, the programmes used before and the
  /// standing groups (none, with the reason, when they could not be read).
  case setupLoaded(
    protocols: [ConsultingProtocol], problems: [String], programmes: [String],
    programmesError: String?, groups: [SetupState.GroupChoice])
  /// How many sessions are unfinished, and when the one touched last, of the few touched last,
  /// that no other PeerConsult on this machine is facilitating was touched (nil when there is
  /// none: a session running elsewhere cannot be resumed here).
  case unfinishedCounted(Int, resumable: Date?)
  /// The unfinished sessions, most recent first, and those of them another PeerConsult is
  /// facilitating now, which cannot be resumed here.
  case unfinishedListed([SessionListing], openElsewhere: Set<SessionID>)
  /// A session is now being facilitated (created, ready to start, or resumed).
  case sessionOpened(SessionID, SessionState)
  /// A note was stored; its id is the acknowledgement that it is durable.
  case noteSaved(id: Int, session: SessionState)
  /// A note's new text was stored (the earlier text stays in the history).
  case noteEdited(id: Int, session: SessionState)
  /// A note was marked deleted (its text stays in the history).
  case noteDeleted(id: Int, session: SessionState)
  /// An action was marked done or not done, live or in review.
  case actionMarked(note: Int, done: Bool, session: SessionState)
  /// Any other change to the live session was stored.
  case sessionChanged(SessionState)
  /// The live session was let go; it stays resumable by `resume`, the command a shell takes
  /// (with `--data-dir` when the folder is not the one found by default).
  case sessionLeft(resume: String)
  /// The store holds the note being written as asked: kept (``AppCommand/keepDraft(_:_:)``)
  /// or forgotten (``AppCommand/dropDraft(_:)``).
  case draftStored
  /// The note kept as being written in the session, or nil when there was none.
  case draftLoaded(SessionID, NoteDraft?)
  /// The earlier actions the session followed up, with what it decided, in the order decided.
  case earlierActionsLoaded(SessionID, [EarlierAction])
  /// The stored sessions and programmes for review; `hasDatabase` is false before any session.
  /// The newest sessions (a page, or all of them) of `total`. `dataVersion` is the store's
  /// version once they were read (nil for the first page, or when it has none).
  case reviewLoaded(
    sessions: [SessionListing], programmes: [String], total: Int, hasDatabase: Bool,
    dataVersion: StoreVersion? = nil)
  /// What the review list's filter looks in, for every stored session, newest first, and the
  /// store's version before they were read (nil when it has none): the same version after a
  /// later reading means no other program wrote in between.
  case reviewFilterLoaded([ReviewFilterEntry], dataVersion: StoreVersion? = nil)
  /// The listings of sessions the filtered review list asked for, newest first.
  case reviewListingsLoaded([SessionListing])
  /// The notes matching `query`, best first; `query` is nil when nothing in it is searchable
  /// or nothing was ever stored.
  case searched(query: String?, hits: [NoteSearchHit])
  /// A stored session, to read (at `note` when given).
  case transcriptLoaded(SessionID, SessionState, note: Int?)
  /// A programme at a glance, for the programme view.
  case programmeOverviewLoaded(ProgrammeOverview)
  /// The `#tags` of a programme's notes (without `#`), the most used first.
  case tagsLoaded([String])
  /// What anonymising will do, and how many damaged sessions were left out of it.
  case shareReviewLoaded(ShareReview, skipped: Int)
  /// A choice for a suspect was stored; the review as it now stands, and the live session's
  /// state when the choice was stored in it too (the summary keeps showing it).
  case shareChoiceSaved(term: String, replace: Bool, review: ShareReview, live: SessionState?)
  /// The anonymised export of `sessions` sessions was written to `path`.
  case shareWritten(path: String, sessions: Int)
  /// Nothing was written: a file is already at `path`, and replacing it was not asked for.
  case shareOutputExists(path: String)
  /// A session was deleted for good; `cleared` is false when its words are still in the
  /// file's free space (a full disk), to be cleared at the next opening for writing.
  case sessionDeleted(SessionID, cleared: Bool = true)
  /// A person was erased from `sessions`, now `pseudonym`; `shown` is the session the request
  /// came from, as now stored; `cleared` as for ``sessionDeleted(_:cleared:)``.
  case personErased(
    pseudonym: String, sessions: [SessionID], shown: SessionState, cleared: Bool = true,
    restoreCopies: Int = 0)
  /// The actions still open from the group's earlier meetings, newest first.
  case followUpsLoaded([ActionLedger.Item])
  /// The members of a standing group at its meeting's start, in the order they joined.
  case groupMembersLoaded([Participant])
  /// A session's actions as later meetings of its group left them, by note id.
  case actionHistoryLoaded(SessionID, [Int: ActionLedger.Item])
  /// The command failed: the error as the model describes it, and the session as stored now
  /// when the failure may have come from another program changing it.
  case failed(AppCommand, error: String, latest: SessionState?)
  /// The live session after taking in events other programs stored, or nil when there were
  /// none.
  case liveSessionRefreshed(SessionState?)
  /// Following began: the session as last committed, whether a program is running it,
  /// whether the notes panel was allowed, and whether the display follows the latest session
  /// (none was named).
  case followStarted(SessionID, SessionState, isLive: Bool, notes: Bool, followsLatest: Bool)
  /// Following the latest session, with none yet to follow: the display waits for one
  /// (whether the notes panel was allowed).
  case followWaiting(notes: Bool)
  /// The followed session as last committed, and whether a program is running it.
  case followed(SessionID, SessionState, isLive: Bool)
  /// Nothing is followed any more.
  case followingStopped
  /// What the shared store's background push has not sent yet: for the title bar, which `App`
  /// draws around every screen, so no screen sees it.
  case pushStatus(PushStatus)
}
