import Foundation

extension SessionState {
  /// Folds one event into the state, or throws and leaves the state unchanged when the event
  /// does not fit it. Live commands and replays both go through here.
  ///
  /// Every case checks everything before it changes anything, which is what keeps a refused
  /// event from leaving half a change behind without copying the state for each event.
  public mutating func apply(_ event: SessionEvent, at date: Date) throws(SessionError) {
    switch event {
    case .created: throw .alreadyStarted
    case .participantAdded(let participant):
      try SessionSetup.validateNewParticipant(
        participant, existing: Set(setup.participants.map { $0.name.lowercased() }))
      setup.participants.append(participant)
      if isStarted { arrivals[setup.participants.count - 1] = date }
    case .roundsRearranged(let from, let presenters): try rearrangeRounds(from: from, presenters)
    case .participantLeft(let participant):
      guard participants.indices.contains(participant) else {
        throw .noSuchParticipant(participant)
      }
      guard !isFinished else { throw .finished }
      guard departures[participant] == nil else {
        throw .presence("\(participants[participant].name) has already left")
      }
      guard !presentersToCome.contains(participant) else {
        throw .presence("\(participants[participant].name) is still to present: skip them first")
      }
      departures[participant] = date
    case .participantReturned(let participant):
      guard participants.indices.contains(participant) else {
        throw .noSuchParticipant(participant)
      }
      guard !isFinished else { throw .finished }
      guard departures[participant] != nil else {
        throw .presence("\(participants[participant].name) has not left")
      }
      departures[participant] = nil
    case .focusQuestionSet(let round, let question):
      // Said without arithmetic on `round`, which a crafted file may give as the largest number.
      guard setup.rounds.indices.contains(round) else {
        throw .invalidSetup(
          "its \"round\" (\(round)) is not one of the session's \(setup.rounds.count) rounds, "
            + "counted from 0")
      }
      guard !isFinished else { throw .finished }
      if let question, SessionRound.showsNothing(question) {
        throw .invalidSetup("its \"question\" is blank; a round without one leaves it out")
      }
      setup.rounds[round].focusQuestion = question
      schedule = setup.schedule
    case .phaseStarted(let slot): try startSlot(slot, at: date)
    case .paused:
      let slot = try runningSlot()
      guard !isPaused else { throw .alreadyPaused }
      timings[slot].stop(at: date)
      pausedSince = date
    case .resumed:
      let slot = try runningSlot()
      guard isPaused else { throw .notPaused }
      timings[slot].run(from: date)
      pausedSince = nil
    case .timeAdjusted(let seconds):
      let slot = try runningSlot()
      guard seconds != 0 else { throw .noAdjustment }
      // Never plan less than nothing: the excess shows as overtime instead. Nor more than a
      // week: a stored value of any size must not overflow the sums made from it.
      let floor = -schedule[slot].phase.durationSeconds
      let (sum, overflow) = timings[slot].adjustmentSeconds.addingReportingOverflow(seconds)
      let total = overflow ? (seconds > 0 ? Int.max : Int.min) : sum
      timings[slot].adjustmentSeconds = min(Self.maximumAdjustmentSeconds, max(floor, total))
    case .noteAdded(let id, let slot, let content):
      guard id == nextNoteID else { throw .outOfOrderNote(expected: nextNoteID, got: id) }
      guard schedule.indices.contains(slot) else { throw .noSuchSlot(slot) }
      try content.validate(participantCount: participants.count)
      notes.append(Note(id: id, createdAt: date, slot: slot, content: content))
    case .noteEdited(let id, let content):
      let index = try liveNoteIndex(id)
      try content.validate(participantCount: participants.count)
      guard content != notes[index].content else { throw .noteUnchanged(id) }
      notes[index].history.append(NoteRevision(content: notes[index].content, replacedAt: date))
      notes[index].content = content
      notes[index].editedAt = date
      if content.kind != .action {
        notes[index].isDone = false
        notes[index].doneAt = nil
      }
    case .noteDeleted(let id):
      notes[try liveNoteIndex(id)].deletedAt = date
      deletedNoteCount += 1
    case .actionDone(let id, let done):
      let index = try liveNoteIndex(id)
      guard notes[index].isAction else { throw .notAnAction(id) }
      guard notes[index].isDone != done else { throw .actionAlreadyInState(id, done: done) }
      notes[index].isDone = done
      notes[index].doneAt = done ? date : nil
    case .processRating(let participant, let rating):
      guard participants.indices.contains(participant) else {
        throw .noSuchParticipant(participant)
      }
      guard (1...5).contains(rating) else { throw .invalidRating(rating) }
      ratings[participant] = rating
    case .ratingCleared(let participant):
      guard ratings[participant] != nil else { throw .noRating(participant) }
      ratings[participant] = nil
    case .finished:
      guard !isFinished else { throw .alreadyFinished }
      leaveCurrentSlot(at: date)
      pausedSince = nil
      finishedAt = date
    case .personErased:
      // The events before it were rewritten; there is nothing left to change.
      break
    case .shareChoice(let term, let replace):
      shareChoices[ShareReview.key(term)] = replace
    case .roomNotesChosen(let kinds):
      for (index, kind) in kinds.enumerated() where kinds[..<index].contains(kind) {
        throw .repeatedRoomNoteKind(kind)
      }
      roomNoteKinds = NoteKind.allCases.filter(kinds.contains)
    case .actionFollowedUp(let action, let outcome):
      try Self.check(action, outcome)
      followUps[action] = ActionFollowUp(outcome: outcome, at: date)
    }
  }

  /// Throws unless `outcome` can be recorded for `action`: a note id of 1 or more, and a
  /// reason to drop it.
  private static func check(_ action: ActionReference, _ outcome: FollowUpOutcome)
    throws(SessionError)
  {
    guard action.note > 0 else { throw .noSuchNote(action.note) }
    if case .dropped(let reason) = outcome,
      reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
    {
      throw .dropWithoutReason
    }
    if let text = outcome.text, text.count > FollowUpOutcome.maximumTextLength {
      throw .noteTooLong(maximum: FollowUpOutcome.maximumTextLength)
    }
  }

  /// Moves to `slot`; after the finish this reopens the session, so an accidental last
  /// step forward loses nothing. The pause, if any, carries over to the new slot.
  private mutating func startSlot(_ slot: Int, at date: Date) throws(SessionError) {
    guard schedule.indices.contains(slot) else { throw .noSuchSlot(slot) }
    guard slot != currentSlot || isFinished else { throw .alreadyInSlot(slot) }
    if !isFinished { leaveCurrentSlot(at: date) }
    finishedAt = nil
    currentSlot = slot
    if !isPaused { timings[slot].run(from: date) }
  }

  private mutating func leaveCurrentSlot(at date: Date) {
    guard let slot = currentSlot else { return }
    timings[slot].stop(at: date)
    timings[slot].lastEndedAt = date
  }

  /// The current slot of a started, unfinished session.
  private func runningSlot() throws(SessionError) -> Int {
    guard let slot = currentSlot else { throw .notStarted }
    guard !isFinished else { throw .finished }
    return slot
  }

  private func liveNoteIndex(_ id: Int) throws(SessionError) -> Int {
    guard let note = note(id) else { throw .noSuchNote(id) }
    guard !note.isDeleted else { throw .noteDeleted(id) }
    return id - 1
  }
}
