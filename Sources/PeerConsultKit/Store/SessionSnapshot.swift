import Foundation

/// A ``SessionState`` as the store keeps it beside the events (`session_snapshots`, schema
/// v8), so that opening a long session decodes one object and replays only the events after
/// it instead of every event since the session was created.
///
/// A snapshot is a cache, never the record: the events are. It is coded key by key with the
/// event codec's value types, so a change to the model cannot silently change what is read
/// back, and it carries ``encodingVersion``: a snapshot written by another encoding is ignored
/// and the session replayed from its events, as is one that does not decode. Times are whole
/// milliseconds, the precision of the events every state is folded from.
struct SessionSnapshot: Codable {
  /// Raised whenever this coding or the state it codes changes shape; snapshots of another
  /// version are ignored (and replaced at the session's next snapshot boundary).
  static let encodingVersion = 1

  /// A snapshot is written with the event whose sequence is a multiple of this: an opening
  /// replays at most this many events after the snapshot, and a long session rewrites its
  /// snapshot once every this many events.
  static let interval = 128

  let setup: CodedSetup
  let createdAt: Int64
  let currentSlot: Int?
  let pausedSince: Int64?
  let timings: [Timing]
  let notes: [SnapshotNote]
  /// Participant index and rating, by participant.
  let ratings: [[Int]]
  let shareChoices: [String: Bool]
  let followUps: [FollowUp]
  let finishedAt: Int64?
  let roomNoteKinds: [String]

  struct Timing: Codable {
    let accumulated: Double
    let runningSince: Int64?
    let adjustment: Int
    let firstStartedAt: Int64?
    let lastEndedAt: Int64?
  }

  struct SnapshotNote: Codable {
    let createdAt: Int64
    let slot: Int
    let content: CodedNoteContent
    let done: Bool?
    let doneAt: Int64?
    let editedAt: Int64?
    let history: [Revision]?
    let deletedAt: Int64?
  }

  struct Revision: Codable {
    let content: CodedNoteContent
    let replacedAt: Int64
  }

  struct FollowUp: Codable {
    let session: SessionID
    let note: Int
    let outcome: String
    let text: String?
    let at: Int64
  }

  init(_ state: SessionState) {
    setup = CodedSetup(state.setup)
    createdAt = state.createdAt.millisecondsSince1970
    currentSlot = state.currentSlot
    pausedSince = state.pausedSince?.millisecondsSince1970
    timings = state.timings.map {
      Timing(
        accumulated: $0.accumulatedSeconds, runningSince: $0.runningSince?.millisecondsSince1970,
        adjustment: $0.adjustmentSeconds,
        firstStartedAt: $0.firstStartedAt?.millisecondsSince1970,
        lastEndedAt: $0.lastEndedAt?.millisecondsSince1970)
    }
    notes = state.notes.map { note in
      SnapshotNote(
        createdAt: note.createdAt.millisecondsSince1970, slot: note.slot,
        content: CodedNoteContent(note.content), done: note.isDone ? true : nil,
        doneAt: note.doneAt?.millisecondsSince1970, editedAt: note.editedAt?.millisecondsSince1970,
        history: note.history.isEmpty
          ? nil
          : note.history.map {
            Revision(
              content: CodedNoteContent($0.content),
              replacedAt: $0.replacedAt.millisecondsSince1970)
          },
        deletedAt: note.deletedAt?.millisecondsSince1970)
    }
    ratings = state.ratings.sorted { $0.key < $1.key }.map { [$0.key, $0.value] }
    shareChoices = state.shareChoices
    followUps = state.followUps.sorted { $0.key < $1.key }.map { action, followUp in
      FollowUp(
        session: action.session, note: action.note, outcome: followUp.outcome.name,
        text: followUp.outcome.text, at: followUp.at.millisecondsSince1970)
    }
    finishedAt = state.finishedAt?.millisecondsSince1970
    roomNoteKinds = state.roomNoteKinds.map(\.rawValue)
  }

  /// The state this snapshot holds, or nil when it does not fit together (a slot or kind that
  /// does not exist): the caller then replays the events instead.
  var state: SessionState? {
    guard var state = try? SessionState(setup: setup.setup, createdAt: Self.date(createdAt))
    else { return nil }
    guard timings.count == state.schedule.count,
      currentSlot.map(state.schedule.indices.contains) ?? true
    else { return nil }
    state.currentSlot = currentSlot
    state.pausedSince = pausedSince.map(Self.date)
    state.timings = timings.map {
      var timing = SlotTiming()
      timing.accumulatedSeconds = $0.accumulated
      timing.runningSince = $0.runningSince.map(Self.date)
      timing.adjustmentSeconds = $0.adjustment
      timing.firstStartedAt = $0.firstStartedAt.map(Self.date)
      timing.lastEndedAt = $0.lastEndedAt.map(Self.date)
      return timing
    }
    state.notes.reserveCapacity(notes.count)
    var deleted = 0
    for (offset, note) in notes.enumerated() {
      guard state.schedule.indices.contains(note.slot) else { return nil }
      if note.deletedAt != nil { deleted += 1 }
      state.notes.append(
        Note(
          id: offset + 1, createdAt: Self.date(note.createdAt), slot: note.slot,
          content: note.content.content, isDone: note.done ?? false,
          doneAt: note.doneAt.map(Self.date), editedAt: note.editedAt.map(Self.date),
          history: (note.history ?? []).map {
            NoteRevision(content: $0.content.content, replacedAt: Self.date($0.replacedAt))
          },
          deletedAt: note.deletedAt.map(Self.date)))
    }
    state.deletedNoteCount = deleted
    for pair in ratings {
      guard pair.count == 2 else { return nil }
      state.ratings[pair[0]] = pair[1]
    }
    state.shareChoices = shareChoices
    for followUp in followUps {
      guard let outcome = FollowUpOutcome(name: followUp.outcome, text: followUp.text) else {
        return nil
      }
      state.followUps[ActionReference(session: followUp.session, note: followUp.note)] =
        ActionFollowUp(outcome: outcome, at: Self.date(followUp.at))
    }
    state.finishedAt = finishedAt.map(Self.date)
    let kinds = roomNoteKinds.compactMap(NoteKind.init(rawValue:))
    guard kinds.count == roomNoteKinds.count else { return nil }
    state.roomNoteKinds = kinds
    return state
  }

  /// The bytes stored for `state`.
  static func payload(of state: SessionState) throws -> Data {
    try JSONEncoder().encode(SessionSnapshot(state))
  }

  /// The state in a stored payload, or nil when it does not decode or fit together.
  static func state(fromPayload payload: Data) -> SessionState? {
    (try? JSONDecoder().decode(SessionSnapshot.self, from: payload))?.state
  }

  private static func date(_ milliseconds: Int64) -> Date {
    Date(millisecondsSince1970: milliseconds)
  }
}
