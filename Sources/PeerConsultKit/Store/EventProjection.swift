import Foundation
import GRDB

/// Keeps the query tables (sessions, participants, rounds, slots, notes, follow-ups and
/// through its triggers the search index) current with one event, inside the event's
/// transaction, and names the actions whose states (``ActionStates``) it may have changed.
/// It mirrors ``SessionState/apply(_:at:)`` for what listings and search need; the event log
/// stays the record.
struct EventProjection {
  let session: SessionID
  let at: Date
  let db: Database
  /// The session's state with the event projected, when the caller has it (a live append):
  /// otherwise read from the store when needed.
  var after: SessionState? = nil

  private var id: String { session.rawValue }
  private var time: Int64 { at.millisecondsSince1970 }

  /// Projects `event` and returns the actions' scopes whose states it may have changed
  /// (``ActionStates``), for the caller to fold again once its events are stored: after each
  /// event, or once after a run of them.
  func apply(_ event: SessionEvent) throws -> Set<ActionStates.Scope> {
    switch event {
    case .created(let setup):
      try create(setup)
      try refreshListing()
      // A new meeting of a group counts for its open actions.
      return setup.group == nil ? [] : try ownScope()
    case .participantAdded(let participant):
      let next =
        try Int.fetchOne(
          db.cachedStatement(sql: "SELECT count(*) FROM participants WHERE session_id = ?"),
          arguments: [id]) ?? 0
      try insert(participant, index: next)
    case .roundsRearranged(let from, let presenters):
      try rearrange(from: from, presenters)
      try refreshListing()
    case .phaseStarted:
      try db.cachedStatement(
        sql: "UPDATE sessions SET finished_at = NULL WHERE id = ? AND finished_at IS NOT NULL"
      ).execute(arguments: [id])
      // Only a finished meeting starting again changes whether its group's actions are late.
      if db.changesCount > 0 { return try ownScope() }
    case .finished:
      try db.cachedStatement(sql: "UPDATE sessions SET finished_at = ? WHERE id = ?").execute(
        arguments: [time, id])
      return try ownScope()
    case .noteAdded(let note, let slot, let content):
      // The statements of a note's commit are prepared once per connection and kept, and a
      // new note has no tag rows to replace: the commit runs only the statements it needs.
      try db.cachedStatement(
        sql: """
          INSERT INTO notes (session_id, note, slot, created_at, kind, speaker, owner, text, due)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, note, slot, time, content.kind.rawValue, content.speaker, content.owner, content.text,
        content.due?.code,
      ])
      try Self.indexTags(of: db.lastInsertedRowID, text: content.text, in: db, replacing: false)
      if content.kind == .action { return try ownScope() }
    case .noteEdited(let note, let content):
      try db.cachedStatement(
        sql: """
          UPDATE notes SET kind = ?, speaker = ?, owner = ?, text = ?, edited_at = ?, due = ?,
            done_at = CASE WHEN ? = 'action' THEN done_at END
          WHERE session_id = ? AND note = ?
          """
      ).execute(arguments: [
        content.kind.rawValue, content.speaker, content.owner, content.text, time,
        content.due?.code, content.kind.rawValue, id, note,
      ])
      if let row = try Int64.fetchOne(
        db.cachedStatement(sql: "SELECT id FROM notes WHERE session_id = ? AND note = ?"),
        arguments: [id, note])
      {
        try Self.indexTags(of: row, text: content.text, in: db)
      }
      // It may have become an action or stopped being one.
      return try ownScope()
    case .noteDeleted(let note):
      try db.cachedStatement(
        sql: "UPDATE notes SET deleted_at = ? WHERE session_id = ? AND note = ?"
      ).execute(arguments: [time, id, note])
      return try ownScope()
    case .actionDone(let note, let done):
      try db.cachedStatement(sql: "UPDATE notes SET done_at = ? WHERE session_id = ? AND note = ?")
        .execute(arguments: [done ? time : nil, id, note])
      return try ownScope()
    case .actionFollowedUp(let action, let outcome):
      try db.cachedStatement(
        sql: """
          INSERT OR REPLACE INTO action_follow_ups
            (session_id, action_session, action_note, outcome, text, at)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, action.session.rawValue, action.note, outcome.name, outcome.text, time,
      ])
      // The action's own session may not be stored (yet): its scope is folded when it is.
      return try ActionStates.scope(of: action.session.rawValue, in: db).map { [$0] } ?? []
    case .focusQuestionSet(let round, let question):
      try db.cachedStatement(
        sql: "UPDATE rounds SET focus_question = ? WHERE session_id = ? AND round = ?"
      ).execute(arguments: [question, id, round])
    case .paused, .resumed, .timeAdjusted, .processRating, .ratingCleared, .personErased,
      .shareChoice, .roomNotesChosen, .participantLeft, .participantReturned:
      break
    }
    return []
  }

  /// The scope of this session's own actions.
  private func ownScope() throws -> Set<ActionStates.Scope> {
    try ActionStates.scope(of: id, in: db).map { [$0] } ?? []
  }

  /// Makes the note `row`'s tag rows those written in `text`, replacing any it had (unless
  /// `replacing` is false: a note just inserted has none).
  static func indexTags(of row: Int64, text: String, in db: Database, replacing: Bool = true)
    throws
  {
    if replacing {
      try db.cachedStatement(sql: "DELETE FROM note_tags WHERE note_id = ?")
        .execute(arguments: [row])
    }
    for tag in NoteTag.distinct(in: text) {
      // Kept prepared: the insert compiles `tag_uses`' trigger, for every tag of every note.
      try db.cachedStatement(sql: "INSERT INTO note_tags (note_id, tag_key, tag) VALUES (?, ?, ?)")
        .execute(arguments: [row, tag.key, tag.text])
    }
  }

  private func create(_ setup: SessionSetup) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO sessions (id, created_at, updated_at, last_seq, title, programme,
          protocol_id, protocol_name, group_id)
        VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id, time, time, setup.title, setup.programme, setup.consultingProtocol.id,
      setup.consultingProtocol.name, setup.group?.rawValue,
    ])
    try AppDatabase.recordProgramme(setup.programme, at: time, in: db)
    for (index, participant) in setup.participants.enumerated() {
      try insert(participant, index: index)
    }
    for (number, round) in setup.rounds.enumerated() {
      try db.cachedStatement(
        sql: "INSERT INTO rounds (session_id, round, presenter, focus_question) VALUES (?, ?, ?, ?)"
      ).execute(arguments: [id, number, round.presenter, round.focusQuestion])
    }
    for slot in setup.schedule {
      try db.cachedStatement(
        sql: """
          INSERT INTO slots (session_id, slot, part, round, phase, planned_seconds)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [
        id, slot.index, ProtocolPart(slot.part).rawValue, slot.round, slot.phase.name,
        slot.phase.durationSeconds,
      ])
    }
  }

  /// The stored state with this rearrangement applied, or nil when it cannot be read.
  private func stateAfterRearranging(from: Int, _ presenters: [Int]) -> SessionState? {
    guard case .success(let stored)? = try? AppDatabase.storedState(of: session, in: db) else {
      return nil
    }
    var state = stored.state
    guard (try? state.apply(.roundsRearranged(from: from, presenters: presenters), at: at)) != nil
    else { return nil }
    return state
  }

  /// Rewrites the rounds from `from` and the slots behind them, which held nothing yet: each
  /// new round repeats round 0's phases, then the closing phases follow.
  private func rearrange(from: Int, _ presenters: [Int]) throws {
    let rows = try Row.fetchAll(
      db.cachedStatement(
        sql: "SELECT presenter, focus_question FROM rounds WHERE session_id = ? AND round >= ?"),
      arguments: [id, from])
    var questions: [Int: String] = [:]
    for row in rows {
      let presenter: Int = row["presenter"]
      if let question: String = row["focus_question"] { questions[presenter] = question }
    }
    // The questions as the state gives them: a presenter skipped and then given back has theirs
    // again (``SessionState/setAsideQuestions``), which the rows, deleted with the skip, forgot.
    // The events so far are stored (the projection runs before this one's row is written).
    var next: [Int: String?] = [:]
    if let state = after ?? stateAfterRearranging(from: from, presenters) {
      for (number, round) in state.setup.rounds.enumerated().dropFirst(from) {
        next[number] = round.focusQuestion
      }
    }
    func phases(_ condition: String) throws -> [(name: String, seconds: Int)] {
      try Row.fetchAll(
        db,
        sql:
          "SELECT phase, planned_seconds FROM slots WHERE session_id = ? AND \(condition) ORDER BY slot",
        arguments: [id]
      ).map { (name: $0["phase"], seconds: $0["planned_seconds"]) }
    }
    let round = try phases("part = 'round' AND round = 0")
    let closing = try phases("part = 'closing'")
    let opening = try phases("part = 'opening'").count
    let tailStart = opening + from * round.count
    try db.cachedStatement(sql: "DELETE FROM rounds WHERE session_id = ? AND round >= ?").execute(
      arguments: [id, from])
    try db.cachedStatement(sql: "DELETE FROM slots WHERE session_id = ? AND slot >= ?").execute(
      arguments: [id, tailStart])
    var slot = tailStart
    func insertSlot(_ part: ProtocolPart, _ number: Int?, _ phase: (name: String, seconds: Int))
      throws
    {
      try db.cachedStatement(
        sql: """
          INSERT INTO slots (session_id, slot, part, round, phase, planned_seconds)
          VALUES (?, ?, ?, ?, ?, ?)
          """
      ).execute(arguments: [id, slot, part.rawValue, number, phase.name, phase.seconds])
      slot += 1
    }
    for (offset, presenter) in presenters.enumerated() {
      let number = from + offset
      try db.cachedStatement(
        sql: "INSERT INTO rounds (session_id, round, presenter, focus_question) VALUES (?, ?, ?, ?)"
      ).execute(arguments: [id, number, presenter, next[number] ?? questions[presenter]])
      for phase in round { try insertSlot(.round, number, phase) }
    }
    for phase in closing { try insertSlot(.closing, nil, phase) }
  }

  /// Writes the session's presenters on its row and its text for the review list's filter
  /// again: its title, programme, protocol and presenters are those of the setup and the
  /// rounds as they now are. The presenters are read once for both.
  private func refreshListing() throws {
    let presenters = try AppDatabase.refreshPresenters(of: id, in: db)
    try AppDatabase.refreshReviewFilter(
      of: id, presenters: presenters, in: db, fold: HaystackFolder.folded)
  }

  private func insert(_ participant: Participant, index: Int) throws {
    try db.cachedStatement(
      sql: """
        INSERT INTO participants (session_id, idx, name, organisation, level)
        VALUES (?, ?, ?, ?, ?)
        """
    ).execute(arguments: [
      id, index, participant.name, participant.organisation, participant.level.rawValue,
    ])
  }
}
