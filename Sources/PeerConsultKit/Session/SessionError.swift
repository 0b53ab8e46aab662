/// Why a session command or event was refused. Each description is one line that says what
/// is wrong; the state is unchanged when one is thrown.
public enum SessionError: Error, Hashable, Sendable, CustomStringConvertible {
  case invalidSetup(String)
  /// A latecomer has the name of someone already in the session.
  case alreadyInTheSession(String)
  /// A latecomer's name differs from one already in the session only in case, accents,
  /// apostrophes or hyphens (``Participant/looksAlike(_:)``).
  case looksLike(String, String)
  case notStarted
  case alreadyStarted
  case finished
  case alreadyFinished
  case alreadyPaused
  case notPaused
  case noSuchSlot(Int)
  case atFirstSlot
  case alreadyInSlot(Int)
  case noAdjustment
  /// Taking time away would leave the phase under its minimum (`seconds`).
  case phaseAtMinimum(seconds: Int)
  case emptyNote
  case noteTooLong(maximum: Int)
  case noSuchNote(Int)
  case noteDeleted(Int)
  case noteUnchanged(Int)
  case notAnAction(Int)
  case ownerWithoutAction
  case actionAlreadyInState(Int, done: Bool)
  case noSuchParticipant(Int)
  case invalidRating(Int)
  /// Participant `index` has no rating to clear.
  case noRating(Int)
  /// The presenters to come cannot be changed as asked.
  case cannotRearrange(String)
  /// Someone cannot leave or come back as asked (``SessionEvent/participantLeft(participant:)``).
  case presence(String)
  case outOfOrderNote(expected: Int, got: Int)
  /// An action from an earlier meeting is dropped only with a reason.
  case dropWithoutReason
  /// A due date on a note that is not an action (only an imported file could hold one).
  case dueWithoutAction
  /// A stored event log that does not rebuild: `sequence` names the first bad event.
  case unreplayable(sequence: Int, reason: String)
  /// The room display's kinds of note name one kind twice.
  case repeatedRoomNoteKind(NoteKind)

  public var description: String {
    switch self {
    case .invalidSetup(let reason): "Cannot set up the session: \(reason)."
    case .alreadyInTheSession(let name):
      "\(name) is already in the session: add someone else, or tell two people of one name apart "
        + "(an initial)."
    case .looksLike(let name, let there):
      "\(name) looks like \(there), already in the session: add someone else, or tell two "
        + "people apart (an initial)."
    case .notStarted: "The session has not started yet: start it first."
    case .alreadyStarted: "The session has already started."
    case .finished: "The session is finished: go back a phase to reopen it."
    case .alreadyFinished: "The session is already finished."
    case .alreadyPaused: "The timer is already paused."
    case .notPaused: "The timer is not paused."
    case .noSuchSlot(let slot): "There is no phase \(slot.counted) in this session."
    case .atFirstSlot: "This is the first phase: there is nothing before it."
    case .alreadyInSlot(let slot): "Phase \(slot.counted) is already the current phase."
    case .noAdjustment: "A time adjustment must add or take away some time."
    case .phaseAtMinimum(let seconds):
      "A phase keeps at least \(seconds >= 60 ? "one minute" : "its planned \(seconds) seconds"): this one cannot be shortened."
    case .emptyNote: "A note needs some text."
    case .noteTooLong(let maximum): "A note can hold at most \(maximum) characters: split it."
    case .noSuchNote(let id): "There is no note #\(id)."
    case .noteDeleted(let id): "Note #\(id) is deleted."
    case .noteUnchanged(let id): "Note #\(id) already says that."
    case .notAnAction(let id): "Note #\(id) is not an action, so it cannot be marked done."
    case .ownerWithoutAction: "Only an action has an owner."
    case .actionAlreadyInState(let id, let done):
      "Action #\(id) is already marked \(done ? "done" : "not done")."
    case .noSuchParticipant(let index): "There is no participant \(index.counted)."
    case .invalidRating(let rating): "A rating is 1 to 5, not \(rating)."
    case .noRating(let index): "Participant \(index + 1) has no rating to clear."
    case .cannotRearrange(let reason): "Cannot change the presenters: \(reason)."
    case .presence(let reason): "\(reason)."
    case .outOfOrderNote(let expected, let got): "Expected note #\(expected), got #\(got)."
    case .dropWithoutReason: "Say why the action is dropped."
    case .dueWithoutAction: "Only an action has a due date."
    case .unreplayable(let sequence, let reason):
      "The session's history does not rebuild at event \(sequence): \(reason.withoutClosingFullStop)."
    case .repeatedRoomNoteKind(let kind):
      "The room display's note kinds name \(kind.rawValue) twice."
    }
  }
}

extension Int {
  /// The index counted from 1, for people: an index read from a file may be `Int.max`, where
  /// `+ 1` would trap.
  var counted: String { self < .max ? String(self + 1) : "9223372036854775808" }
}
