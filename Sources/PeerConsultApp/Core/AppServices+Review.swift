import Foundation
import PeerConsultKit

extension AppServices {
  /// Performs the review screen's commands: listing, searching, opening a transcript and
  /// marking an action done. Failures become a notice; the screen stays as it was.
  func performReview(_ command: AppCommand, on state: inout AppState) -> [Effect] {
    do {
      switch command {
      case .openReview:
        try openReview(exitOnLeave: false, on: &state)
      case .refreshReview:
        guard case .review(var review) = state.route, let database = try database() else {
          return []
        }
        review.reload(
          sessions: try database.sessions(), programmes: try database.programmes().map(\.name))
        state.route = .review(review)
        if review.searchedQuery != nil { return [.command(.searchNotes)] }
      case .searchNotes:
        guard case .review(var review) = state.route else { return [] }
        let query = review.query.string
        if NoteSearchQuery(query).ftsPattern != nil, let database = try database() {
          let hits = try database.searchNotes(
            query, programme: review.programme, limit: ReviewState.hitLimit)
          review.setHits(hits, for: query)
        } else {
          review.setHits([], for: nil)
        }
        state.route = .review(review)
      case .openTranscript(let id, let note):
        guard case .review(let review) = state.route, let database = try database() else {
          return []
        }
        var transcript = TranscriptState(
          sessionID: id, session: try database.loadSession(id), screenWidth: state.width,
          timeZone: state.timeZone, back: review)
        if let note {
          transcript.focusNote = note
          transcript.reveal(note: note, rows: App.transcriptRows(state))
        }
        state.route = .transcript(transcript)
      case .setReviewedActionDone(let note, let done):
        guard case .transcript(var transcript) = state.route else { return [] }
        defer { state.route = .transcript(transcript) }
        let store = try store()
        do {
          // Through LiveSession, so the change is one more event in the session's history.
          let session = try LiveSession.resume(transcript.sessionID, store: store, clock: clock)
          try session.setActionDone(note, done)
          transcript.update(session: session.state)
        } catch {
          // Another PeerConsult may have changed the session: show it as it now is.
          do {
            transcript.update(session: try store.loadSession(transcript.sessionID))
          } catch let reread {
            throw RereadFailure(saving: error, rereading: reread)
          }
          throw error
        }
        state.notice = Notice(
          done ? "Action marked done (saved)." : "Action marked not done (saved).",
          tone: .success)
      default:
        return []
      }
    } catch {
      let prefix: String
      switch command {
      case .setReviewedActionDone: prefix = "Not saved: "
      case .openTranscript: prefix = "Cannot open the session: "
      default: prefix = ""
      }
      state.notice = Notice(prefix + "\(error)", tone: .error)
    }
    return []
  }

  /// Shows every stored session for review; with no database yet, an empty list that says
  /// so (nothing is created just to look).
  public func openReview(exitOnLeave: Bool, on state: inout AppState) throws {
    let database = try database()
    state.route = .review(
      ReviewState(
        sessions: try database?.sessions() ?? [],
        programmes: try database?.programmes().map(\.name) ?? [], hasDatabase: database != nil,
        exitOnLeave: exitOnLeave, timeZone: state.timeZone))
  }
}

/// Saving failed, and so did reading the session again to show it as it now is: the screen
/// may be out of date, and the user is told both.
private struct RereadFailure: Error, CustomStringConvertible {
  let saving: any Error
  let rereading: any Error

  var description: String {
    "\(saving) The session could not be read again either (\(rereading))."
  }
}
