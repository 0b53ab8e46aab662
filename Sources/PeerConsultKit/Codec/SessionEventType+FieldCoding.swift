/// How one type of event writes its fields and reads them back.
struct EventFieldCoding {
  /// Writes an event's fields; throws for an event of another type.
  let write: (SessionEvent, inout KeyedEncodingContainer<EventField>) throws -> Void
  let read: (KeyedDecodingContainer<EventField>) throws -> SessionEvent

  /// A type of event with no fields: `event` is the whole of it.
  static func withoutFields(_ event: SessionEvent) -> EventFieldCoding {
    EventFieldCoding(write: { _, _ in }, read: { _ in event })
  }

  /// The error for asking one type's coding to write another type's event.
  static func mismatch(_ event: SessionEvent, _ type: SessionEventType) -> EncodingError {
    EncodingError.invalidValue(
      event, EncodingError.Context(codingPath: [], debugDescription: "not a \(type.rawValue) event")
    )
  }
}

extension SessionEventType {
  /// How events of this type write their fields and read them back: for each type, the one
  /// place that says so. A new type gets its entry here and its row in Docs/EXPORT-FORMAT.md.
  var fieldCoding: EventFieldCoding {
    switch self {
    case .created:
      EventFieldCoding { event, fields in
        guard case .created(let setup) = event else { throw EventFieldCoding.mismatch(event, self) }
        try fields.encode(CodedSetup(setup), forKey: .setup)
      } read: { fields in
        .created(setup: try fields.decode(CodedSetup.self, forKey: .setup).setup)
      }
    case .participantAdded:
      EventFieldCoding { event, fields in
        guard case .participantAdded(let participant) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(CodedParticipant(participant), forKey: .participant)
      } read: { fields in
        .participantAdded(
          participant: try fields.decode(CodedParticipant.self, forKey: .participant).participant)
      }
    case .phaseStarted:
      EventFieldCoding { event, fields in
        guard case .phaseStarted(let slot) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(slot, forKey: .slot)
      } read: { fields in
        .phaseStarted(slot: try fields.decode(Int.self, forKey: .slot))
      }
    case .paused: .withoutFields(.paused)
    case .resumed: .withoutFields(.resumed)
    case .timeAdjusted:
      EventFieldCoding { event, fields in
        guard case .timeAdjusted(let seconds) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(seconds, forKey: .seconds)
      } read: { fields in
        .timeAdjusted(seconds: try fields.decode(Int.self, forKey: .seconds))
      }
    case .noteAdded:
      EventFieldCoding { event, fields in
        guard case .noteAdded(let id, let slot, let content) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(id, forKey: .note)
        try fields.encode(slot, forKey: .slot)
        try fields.encode(CodedNoteContent(content), forKey: .content)
      } read: { fields in
        .noteAdded(
          id: try fields.decode(Int.self, forKey: .note),
          slot: try fields.decode(Int.self, forKey: .slot),
          content: try fields.decode(CodedNoteContent.self, forKey: .content).content)
      }
    case .noteEdited:
      EventFieldCoding { event, fields in
        guard case .noteEdited(let id, let content) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(id, forKey: .note)
        try fields.encode(CodedNoteContent(content), forKey: .content)
      } read: { fields in
        .noteEdited(
          id: try fields.decode(Int.self, forKey: .note),
          content: try fields.decode(CodedNoteContent.self, forKey: .content).content)
      }
    case .noteDeleted:
      EventFieldCoding { event, fields in
        guard case .noteDeleted(let id) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(id, forKey: .note)
      } read: { fields in
        .noteDeleted(id: try fields.decode(Int.self, forKey: .note))
      }
    case .actionDone:
      EventFieldCoding { event, fields in
        guard case .actionDone(let id, let done) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(id, forKey: .note)
        try fields.encode(done, forKey: .done)
      } read: { fields in
        .actionDone(
          id: try fields.decode(Int.self, forKey: .note),
          done: try fields.decode(Bool.self, forKey: .done))
      }
    case .processRating:
      EventFieldCoding { event, fields in
        guard case .processRating(let participant, let rating) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(participant, forKey: .rater)
        try fields.encode(rating, forKey: .rating)
      } read: { fields in
        .processRating(
          participant: try fields.decode(Int.self, forKey: .rater),
          rating: try fields.decode(Int.self, forKey: .rating))
      }
    case .personErased:
      EventFieldCoding { event, fields in
        guard case .personErased(let pseudonym) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(pseudonym, forKey: .pseudonym)
      } read: { fields in
        .personErased(pseudonym: try fields.decode(String.self, forKey: .pseudonym))
      }
    case .shareChoice:
      EventFieldCoding { event, fields in
        guard case .shareChoice(let term, let replace) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(term, forKey: .term)
        try fields.encode(replace, forKey: .replace)
      } read: { fields in
        .shareChoice(
          term: try fields.decode(String.self, forKey: .term),
          replace: try fields.decode(Bool.self, forKey: .replace))
      }
    case .finished: .withoutFields(.finished)
    case .ratingCleared:
      EventFieldCoding { event, fields in
        guard case .ratingCleared(let participant) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(participant, forKey: .rater)
      } read: { fields in
        .ratingCleared(participant: try fields.decode(Int.self, forKey: .rater))
      }
    case .roundsRearranged:
      EventFieldCoding { event, fields in
        guard case .roundsRearranged(let from, let presenters) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(from, forKey: .from)
        try fields.encode(presenters, forKey: .presenters)
      } read: { fields in
        .roundsRearranged(
          from: try fields.decode(Int.self, forKey: .from),
          presenters: try fields.decode([Int].self, forKey: .presenters))
      }
    case .participantLeft:
      EventFieldCoding { event, fields in
        guard case .participantLeft(let participant) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(participant, forKey: .who)
      } read: { fields in
        .participantLeft(participant: try fields.decode(Int.self, forKey: .who))
      }
    case .participantReturned:
      EventFieldCoding { event, fields in
        guard case .participantReturned(let participant) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(participant, forKey: .who)
      } read: { fields in
        .participantReturned(participant: try fields.decode(Int.self, forKey: .who))
      }
    case .focusQuestionSet:
      EventFieldCoding { event, fields in
        guard case .focusQuestionSet(let round, let question) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(round, forKey: .round)
        try fields.encodeIfPresent(question, forKey: .question)
      } read: { fields in
        .focusQuestionSet(
          round: try fields.decode(Int.self, forKey: .round),
          question: try fields.decodeIfPresent(String.self, forKey: .question))
      }
    case .roomNotesChosen:
      EventFieldCoding { event, fields in
        guard case .roomNotesChosen(let kinds) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(kinds, forKey: .kinds)
      } read: { fields in
        .roomNotesChosen(kinds: try fields.decode([NoteKind].self, forKey: .kinds))
      }
    case .actionFollowedUp:
      EventFieldCoding { event, fields in
        guard case .actionFollowedUp(let action, let outcome) = event else {
          throw EventFieldCoding.mismatch(event, self)
        }
        try fields.encode(action.session, forKey: .session)
        try fields.encode(action.note, forKey: .note)
        try fields.encode(outcome.name, forKey: .outcome)
        try fields.encodeIfPresent(outcome.text, forKey: .text)
      } read: { fields in
        let name = try fields.decode(String.self, forKey: .outcome)
        guard
          let outcome = FollowUpOutcome(
            name: name, text: try fields.decodeIfPresent(String.self, forKey: .text))
        else {
          throw DecodingError.dataCorruptedError(
            forKey: .outcome, in: fields,
            debugDescription: "\"\(name)\" is not done, carried or dropped")
        }
        return .actionFollowedUp(
          action: ActionReference(
            session: try fields.decode(SessionID.self, forKey: .session),
            note: try fields.decode(Int.self, forKey: .note)),
          outcome: outcome)
      }
    }
  }
}
