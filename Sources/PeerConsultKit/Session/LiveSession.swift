import Foundation

/// The session being facilitated. Every command first stores its event durably and only then
/// changes ``state``, so the screen never shows as done what is not yet saved. A refused
/// command or a failing store throws and leaves ``state`` exactly as it was (the note stays in
/// the editor).
///
/// Used from one thread, the UI's: it is deliberately not `Sendable`.
public final class LiveSession {
  public let id: SessionID
  /// The state after every stored event.
  public private(set) var state: SessionState
  /// The clock every reading and every event time comes from.
  public let clock: any WallClock
  /// The zone in which an action's "by Friday" names a day.
  public var timeZone: TimeZone = .current
  private let store: any SessionStore
  private var lastSequence: Int

  private init(
    id: SessionID, state: SessionState, store: any SessionStore, clock: any WallClock,
    lastSequence: Int
  ) {
    self.id = id
    self.state = state
    self.store = store
    self.clock = clock
    self.lastSequence = lastSequence
  }

  /// Creates a session and stores it; its timer starts with ``start()``. A setup whose texts
  /// could not have been typed (``SessionSetup/validateTypedText()``) is refused.
  public static func create(
    _ setup: SessionSetup, id: SessionID = .random(), store: any SessionStore,
    clock: any WallClock = SystemClock()
  ) throws -> LiveSession {
    try setup.validateTypedText()
    let at = clock.now().storedPrecision
    let state = try SessionState(setup: setup, createdAt: at)
    try store.append(RecordedEvent(sequence: 1, at: at, event: .created(setup: setup)), to: id)
    return LiveSession(id: id, state: state, store: store, clock: clock, lastSequence: 1)
  }

  /// Carries on a stored session where it stopped: same slot, notes and pause; a timer that
  /// kept running while the program was away shows the time that passed, overtime included.
  public static func resume(
    _ id: SessionID, store: any SessionStore, clock: any WallClock = SystemClock()
  ) throws -> LiveSession {
    let (state, lastSequence) = try store.load(id)
    return LiveSession(
      id: id, state: state, store: store, clock: clock, lastSequence: lastSequence)
  }

  // MARK: Reading the clock

  /// The current slot's timer now, or nil before the start.
  public func timer() -> PhaseTimer? { state.timer(at: clock.now()) }

  /// When the screen next needs redrawing for the timer; nil while nothing runs.
  public func nextDeadline(thresholds: TimerThresholds = .standard) -> Date? {
    state.nextDeadline(after: clock.now(), thresholds: thresholds)
  }

  // MARK: Commands

  /// Starts the first slot's timer.
  public func start() throws {
    guard !state.isStarted else { throw SessionError.alreadyStarted }
    try record(.phaseStarted(slot: 0))
  }

  /// Moves to the next slot; past the last one, finishes the session. Before the start, starts.
  public func next() throws {
    guard let current = state.currentSlot else { return try start() }
    guard !state.isFinished else { throw SessionError.finished }
    try record(current + 1 < state.schedule.count ? .phaseStarted(slot: current + 1) : .finished)
  }

  /// Goes back one slot, keeping every note and the time each slot has used; after the finish,
  /// reopens the last slot.
  public func previous() throws {
    guard let current = state.currentSlot else { throw SessionError.notStarted }
    if state.isFinished { return try record(.phaseStarted(slot: current)) }
    guard current > 0 else { throw SessionError.atFirstSlot }
    try record(.phaseStarted(slot: current - 1))
  }

  /// Pauses the timer, or resumes it.
  public func togglePause() throws {
    try record(state.isPaused ? .resumed : .paused)
  }

  /// Gives the current slot `minutes` more (or, negative, fewer) minutes; refuses to take it
  /// under its minimum (``SessionState/minimumPlannedSeconds(ofSlot:)``).
  public func adjustTime(minutes: Int) throws {
    // Checked here, not in `apply`: logs stored before this rule still replay as they ran.
    if let slot = state.currentSlot, !state.isFinished, !state.canAdjust(bySeconds: minutes * 60) {
      throw SessionError.phaseAtMinimum(seconds: state.minimumPlannedSeconds(ofSlot: slot))
    }
    try record(.timeAdjusted(seconds: minutes * 60))
  }

  /// Stores a note in the current slot and returns it as stored (text trimmed; an owner only
  /// on an action).
  /// `forgettingDraft`: the note comes from the note line, whose kept draft is forgotten in
  /// the same transaction (``SessionStore/append(_:to:resulting:forgettingDraft:)``).
  @discardableResult
  public func addNote(_ content: NoteContent, forgettingDraft: Bool = false) throws -> Note {
    guard let slot = state.currentSlot else { throw SessionError.notStarted }
    var content = content.normalized
    try Self.checkLength(content)
    content.looksLikeAdvice = state.looksLikeAdvice(content.text, inSlot: slot)
    content.due = due(of: content, writtenAt: clock.now())
    try record(
      .noteAdded(id: state.nextNoteID, slot: slot, content: content),
      forgettingDraft: forgettingDraft)
    return state.notes[state.notes.count - 1]
  }

  /// Replaces a note's content, keeping the old version in its history. Saving it unchanged
  /// stores nothing. `forgettingDraft` as for ``addNote(_:forgettingDraft:)``.
  public func editNote(_ id: Int, to content: NoteContent, forgettingDraft: Bool = false) throws {
    var content = content.normalized
    try Self.checkLength(content)
    // Flagged afresh against the phase the note was written in: a rephrased question clears it.
    if let note = state.note(id) {
      content.looksLikeAdvice = state.looksLikeAdvice(content.text, inSlot: note.slot)
      // A weekday counts from when the action was agreed, not from when it was corrected.
      content.due = due(of: content, writtenAt: note.createdAt)
    }
    if let note = state.note(id), !note.isDeleted, note.content == content { return }
    try record(.noteEdited(id: id, content: content), forgettingDraft: forgettingDraft)
  }

  /// Refuses a note longer than can be written (``NoteContent/maximumLength``); the events
  /// themselves may hold longer anonymised copies.
  private static func checkLength(_ content: NoteContent) throws(SessionError) {
    guard content.text.count <= NoteContent.maximumLength else {
      throw .noteTooLong(maximum: NoteContent.maximumLength)
    }
  }

  /// Deletes a note; its text stays in the record.
  public func deleteNote(_ id: Int) throws {
    try record(.noteDeleted(id: id))
  }

  /// Marks an action done or not done; doing so twice stores nothing.
  public func setActionDone(_ id: Int, _ done: Bool) throws {
    if let note = state.note(id), note.isAction, !note.isDeleted, note.isDone == done { return }
    try record(.actionDone(id: id, done: done))
  }

  /// Records a participant's 1-5 rating of the process, replacing an earlier one.
  public func rateProcess(participant: Int, rating: Int) throws {
    try record(.processRating(participant: participant, rating: rating))
  }

  /// Takes back a participant's process rating.
  public func clearRating(participant: Int) throws {
    try record(.ratingCleared(participant: participant))
  }

  /// Adds a latecomer to the group.
  public func addParticipant(_ participant: Participant) throws {
    // Said as what it is: the setup's own wording ("Cannot set up the session: two
    // participants are called …") read as if the session had not begun.
    let name = participant.name.lowercased()
    if let there = state.participants.first(where: { $0.name.lowercased() == name }) {
      throw SessionError.alreadyInTheSession(there.name)
    }
    // "Amira ONeill" beside Amira O'Neill: a slip, stored for good, that also made the
    // anonymiser name neither ("[a participant]").
    if let alike = state.participants.firstLookingAlike(participant) {
      throw SessionError.looksLike(participant.name, alike.name)
    }
    try SessionSetup.checkParticipantCount(state.participants.count + 1)
    try record(.participantAdded(participant: participant))
  }

  /// Gives the rounds still to come these presenters, in this order: leaving one out skips
  /// them, moving one presents them later, adding a participant has them present too.
  public func rearrangePresenters(_ presenters: [Int]) throws {
    try record(.roundsRearranged(from: state.roundsBegun, presenters: presenters))
  }

  /// Records that `participant` left before the end; one still to come as a presenter is
  /// first taken out of the rounds (as skipping them does), which throws if they are the last
  /// presenter left.
  public func markLeft(_ participant: Int) throws {
    var toCome = state.presentersToCome
    if let place = toCome.firstIndex(of: participant) {
      toCome.remove(at: place)
      guard state.roundsBegun + toCome.count > 0 else {
        throw SessionError.presence("A session keeps at least one presenter")
      }
      try rearrangePresenters(toCome)
    }
    try record(.participantLeft(participant: participant))
  }

  /// Records that `participant`, who had left, is back.
  public func markReturned(_ participant: Int) throws {
    try record(.participantReturned(participant: participant))
  }

  /// Gives round `round` the focus question `question`, trimmed; blank takes it away. The
  /// same question again stores nothing; one longer than the form takes, or holding what
  /// cannot be typed, is refused.
  public func setFocusQuestion(round: Int, _ question: String) throws {
    let trimmed = question.trimmingCharacters(in: .whitespacesAndNewlines)
    let wanted = SessionRound.showsNothing(trimmed) ? nil : trimmed
    if let wanted {
      try SessionSetup.checkTyped(
        wanted, field: "focus question", limit: SessionSetup.maximumFocusQuestionLength)
    }
    if state.setup.rounds.indices.contains(round), state.setup.rounds[round].focusQuestion == wanted
    {
      return
    }
    try record(.focusQuestionSet(round: round, question: wanted))
  }

  /// Records whether the suspect `term` is replaced when the session is shared anonymised.
  public func chooseForSharing(_ term: String, replace: Bool) throws {
    if state.shareChoices[ShareReview.key(term)] == replace { return }
    try record(.shareChoice(term: term, replace: replace))
  }

  /// Chooses the kinds of note the room display shows; choosing the same again stores nothing.
  public func chooseRoomNotes(_ kinds: [NoteKind]) throws {
    if state.roomNoteKinds == NoteKind.allCases.filter(kinds.contains) { return }
    try record(.roomNotesChosen(kinds: NoteKind.allCases.filter(kinds.contains)))
  }

  /// Records what this meeting decided about `action`, agreed at an earlier meeting of the
  /// group; a later follow-up of the same action replaces it, and the same one again stores
  /// nothing.
  public func followUp(_ action: ActionReference, _ outcome: FollowUpOutcome) throws {
    if state.followUps[action]?.outcome == outcome { return }
    try record(.actionFollowedUp(action: action, outcome: outcome))
  }

  /// The due date an action's text gives; none for any other kind of note, and "next
  /// session" only in a meeting of a standing group, which has a next session.
  private func due(of content: NoteContent, writtenAt date: Date) -> ActionDue? {
    guard content.kind == .action,
      let due = ActionDue.find(in: content.text, writtenAt: date, timeZone: timeZone)
    else { return nil }
    return due == .nextSession && state.setup.group == nil ? nil : due
  }

  /// Finishes the session now, wherever it is.
  public func finish() throws {
    try record(.finished)
  }

  /// Checks `event` against the state, stores it, and only then applies it.
  ///
  /// When the store refuses it because another program wrote to the session since (`review`
  /// marking an action done in another window), the events written there are taken in and
  /// `event`, made again from the state they lead to, is stored after them: the two merge, and
  /// the note being saved is saved. Only a second conflict in a row is reported.
  private func record(
    _ event: @autoclosure () throws -> SessionEvent, forgettingDraft: Bool = false
  ) throws {
    do {
      try storeAndApply(event(), forgettingDraft: forgettingDraft)
    } catch StoreError.conflict(let session) where session == id {
      guard try catchUp() else { throw StoreError.conflict(session: session) }
      try storeAndApply(event(), forgettingDraft: forgettingDraft)
    }
  }

  private func storeAndApply(_ event: SessionEvent, forgettingDraft: Bool) throws {
    let at = clock.now().storedPrecision
    var next = state
    try next.apply(event, at: at)
    try store.append(
      RecordedEvent(sequence: lastSequence + 1, at: at, event: event), to: id, resulting: next,
      forgettingDraft: forgettingDraft)
    lastSequence += 1
    state = next
  }

  /// Takes in the events another program stored after the last one this session knows;
  /// returns whether there were any. The state is unchanged when one does not apply.
  @discardableResult
  public func catchUp() throws -> Bool {
    let newer = try store.events(of: id, after: lastSequence)
    guard let last = newer.last else { return false }
    var next = state
    for recorded in newer { try next.apply(recorded.event, at: recorded.at) }
    state = next
    lastSequence = last.sequence
    return true
  }
}

@available(*, unavailable, message: "A live session belongs to the UI's thread.")
extension LiveSession: Sendable {}
