import Foundation

/// A change to a session. A session is its append-only list of events; its state is rebuilt
/// by folding them, so no history (edits, deletes, timing) is ever overwritten.
///
/// Events are written and read only through ``SessionEventCodec``, in the database and in
/// exports alike; a new case needs its ``SessionEventType`` and its entry in
/// ``SessionEventType/fieldCoding``.
public enum SessionEvent: Hashable, Sendable {
  /// Always the first event.
  case created(setup: SessionSetup)
  /// A latecomer joins and can then speak and own actions.
  case participantAdded(participant: Participant)
  /// The rounds from number `from` (none of which has begun) now have these presenters, in
  /// this order: an absent presenter left out is skipped, one moved presents later, a
  /// latecomer added presents too. Focus questions stay with their presenters.
  case roundsRearranged(from: Int, presenters: [Int])
  /// Participant `participant` left before the end (``SessionState/departures``). One still to
  /// come as a presenter is taken out of the rounds first (``LiveSession/markLeft(_:)``).
  case participantLeft(participant: Int)
  /// Participant `participant`, who had left, is back (or was marked as gone by mistake).
  case participantReturned(participant: Int)
  /// Round `round`'s focus question is now `question` (none when nil): given to a presenter
  /// added during the session, or restated at the end of the probing questions, as the
  /// Consultancy Protocol asks. The earlier question stays in the log.
  case focusQuestionSet(round: Int, question: String?)
  /// The facilitator moved to a slot (forward, back, or reopening after the finish).
  case phaseStarted(slot: Int)
  case paused
  case resumed
  /// Time added to (positive) or taken from (negative) the current slot.
  case timeAdjusted(seconds: Int)
  case noteAdded(id: Int, slot: Int, content: NoteContent)
  case noteEdited(id: Int, content: NoteContent)
  case noteDeleted(id: Int)
  case actionDone(id: Int, done: Bool)
  /// A participant's 1-5 rating of how the session worked, in the process review.
  case processRating(participant: Int, rating: Int)
  /// A participant's process rating was taken back: they have none again.
  case ratingCleared(participant: Int)
  case finished
  /// A person was erased from the session (``AppDatabase/erasePerson(named:)``): the one
  /// rewrite of the log allowed, which put `pseudonym` wherever their name, organisation and
  /// mentions were. It records that the log was rewritten, never whom it named.
  case personErased(pseudonym: String)
  /// Before sharing, the facilitator chose whether `term` (a suspect the anonymiser showed
  /// for review: a word that may or may not be a name) is replaced in anonymised exports; the
  /// next export repeats the choice (``ShareReview``).
  case shareChoice(term: String, replace: Bool)
  /// The kinds of note the room display shows (``SessionState/roomNoteKinds``), chosen by the
  /// facilitator on the live screen; the latest choice stands.
  case roomNotesChosen(kinds: [NoteKind])
  /// At the opening of a standing group's meeting, an action agreed at an earlier meeting
  /// (`action`: that session and its note id) was marked done, carried forward or dropped.
  /// Recorded in the new session's log; the earlier session's log is never written.
  case actionFollowedUp(action: ActionReference, outcome: FollowUpOutcome)
}

/// An event as stored: its place in the session's log (from 1) and the wall-clock time at
/// which it happened, to the millisecond.
public struct RecordedEvent: Hashable, Sendable {
  public let sequence: Int
  public let at: Date
  public let event: SessionEvent

  public init(sequence: Int, at: Date, event: SessionEvent) {
    self.sequence = sequence
    self.at = at
    self.event = event
  }
}
