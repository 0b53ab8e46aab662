/// The kinds of ``SessionEvent``, under the names that the database's `type` column, the stored
/// payloads and the JSON export all use. A name, once released, never changes: users' databases
/// and export files hold it.
///
/// This is the one table of event type names; ``SessionEventType/fieldCoding`` says how each
/// type's fields are written and read.
public enum SessionEventType: String, CaseIterable, Sendable {
  case created, participantAdded, phaseStarted, paused, resumed, timeAdjusted, noteAdded
  case noteEdited, noteDeleted, actionDone, processRating, finished, roundsRearranged
  case ratingCleared, personErased, shareChoice
  case roomNotesChosen
  case actionFollowedUp
  case participantLeft, participantReturned
  case focusQuestionSet
}

extension SessionEvent {
  /// What kind of event this is.
  public var type: SessionEventType {
    switch self {
    case .created: .created
    case .participantAdded: .participantAdded
    case .roundsRearranged: .roundsRearranged
    case .participantLeft: .participantLeft
    case .participantReturned: .participantReturned
    case .focusQuestionSet: .focusQuestionSet
    case .phaseStarted: .phaseStarted
    case .paused: .paused
    case .resumed: .resumed
    case .timeAdjusted: .timeAdjusted
    case .noteAdded: .noteAdded
    case .noteEdited: .noteEdited
    case .noteDeleted: .noteDeleted
    case .actionDone: .actionDone
    case .processRating: .processRating
    case .ratingCleared: .ratingCleared
    case .finished: .finished
    case .personErased: .personErased
    case .shareChoice: .shareChoice
    case .roomNotesChosen: .roomNotesChosen
    case .actionFollowedUp: .actionFollowedUp
    }
  }

  /// The stable name of the kind of event, stored beside the payload for queries.
  public var typeName: String { type.rawValue }
}
