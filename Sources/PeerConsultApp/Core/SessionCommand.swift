import PeerConsultKit

/// A change to the live session, performed on the store first and shown only once committed.
public enum SessionCommand: Equatable, Sendable {
  /// Starts the first phase's timer of a session that is ready.
  case start
  case next, previous, togglePause
  case adjust(minutes: Int)
  case addNote(NoteContent)
  /// Starts the first phase of a session that is ready, then adds the note to it: a note
  /// written before the start (apologies, something raised at check-in) belongs to the
  /// first phase, which it starts, as Space would have.
  case startWithNote(NoteContent)
  case editNote(Int, NoteContent)
  case deleteNote(Int)
  case setActionDone(Int, Bool)
  case rate(participant: Int, rating: Int)
  case clearRating(participant: Int)
  /// A latecomer joins the group.
  case addParticipant(Participant)
  /// The rounds still to come get these presenters, in this order.
  case rearrangePresenters([Int])
  /// Someone left before the end (taken out of the rounds still to come first).
  case markLeft(participant: Int)
  /// Someone who had left is back.
  case markReturned(participant: Int)
  /// A round's focus question is given or restated (blank takes it away).
  case setFocusQuestion(round: Int, String)
  /// The room display shows notes of these kinds.
  case chooseRoomNotes([NoteKind])
  /// An action of the group's earlier meeting is done, carried forward or dropped.
  case followUp(ActionReference, FollowUpOutcome)
}
