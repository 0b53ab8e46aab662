import Foundation
import GRDB

extension AppDatabase {
  /// The sessions of `programme` held in `period` as ``programmeSessions(programme:in:)``
  /// reads them, anonymised together as `export --anonymise` anonymises their records: the
  /// same pseudonyms, scrubbed texts and `#tags` as the digests of the anonymised records
  /// (``Anonymiser``), read from the tables in one read without replaying a session.
  ///
  /// The anonymiser learns what it learns from records from the tables: the participants (and
  /// their organisations' other names, which only the log holds, decoded from the events that
  /// added someone with some), the facilitator's choices for suspects (from their events) and
  /// every text shared (titles, programme names, focus questions and every note not deleted).
  /// A session whose participants' events do not decode is left out and named in `skipped`,
  /// like one whose events are not JSON: its organisations' other names could not be known.
  public func anonymisedProgrammeSessions(programme: String, in period: ReportPeriod = .always)
    throws(StoreError) -> ProgrammeSessions
  {
    // The word list the anonymiser needs is read on another core while the tables are read.
    let wordList = BackgroundWork { EnglishWords.prepare() }
    // Read in one transaction; the scrubbing, which takes longer, after it.
    let (sessions, notes, sources) = try read { db in
      let (scope, arguments) = Self.programmeScope(programme, period)
      var notes: [String: [Anonymiser.VisibleNote]] = [:]
      // The notes' words are cut on one other core while the rest is read, a batch of
      // sessions at a time from the first batch read (one batch after another: the reading
      // goes on on this core); a batch's words replace those of a batch before it, as its
      // notes do.
      var noteWords: [BackgroundWork<[(String, [Substring])]>] = []
      let cutting = DispatchQueue(label: "peerconsult.note-words", qos: .userInitiated)
      var read = try Self.programmeSessions(
        programme: programme, scope: scope, arguments, in: db
      ) { batch in
        for (session, visible) in batch { notes[session] = visible }
        noteWords.append(
          BackgroundWork(on: cutting) {
            batch.map { session, notes in
              (session, Anonymiser.differentWords(in: notes.map(\.text)))
            }
          })
      }
      let focusQuestions = try Self.focusQuestions(scope: scope, arguments, in: db)
      let choices = try Self.shareChoices(scope: scope, arguments, in: db)
      let (aliases, undecoded) = try Self.organisationAliases(scope: scope, arguments, in: db)
      read.sessions.removeAll { undecoded[$0.id] != nil }
      read.skipped += undecoded.sorted { $0.key < $1.key }.map(\.value)
      let wordsOfNotes = Dictionary(
        noteWords.flatMap { $0.value() }, uniquingKeysWith: { _, later in later })
      let sources = read.sessions.map { session in
        let raw = session.id.rawValue
        return Anonymiser.Source(
          id: session.id, createdAt: session.createdAt,
          participants: session.participants.enumerated().map { index, participant in
            var participant = participant
            participant.organisationAliases = aliases[raw]?[index] ?? []
            return participant
          },
          shareChoices: choices[raw] ?? [:],
          // The head's words, then the notes' (cut already): a word of both is looked at
          // once, where the head has it, as when cut from the texts one after another.
          shared: .words(
            Anonymiser.differentWords(
              in: [session.title, session.programme] + (focusQuestions[raw] ?? []))
              + (wordsOfNotes[raw] ?? [])))
      }
      return (read, notes, sources)
    }
    wordList.value()
    let anonymiser = Anonymiser(sources: sources)
    var anonymised = sessions
    // Each session is scrubbed on its own, by the same anonymiser: on every core.
    anonymised.sessions = sessions.sessions.concurrentMap {
      anonymiser.anonymised($0, visibleNotes: notes[$0.id.rawValue] ?? [])
    }
    return anonymised
  }

  /// Each session's focus questions, in round order.
  private static func focusQuestions(
    scope: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [String: [String]] {
    var questions: [String: [String]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.session_id, r.focus_question FROM rounds r
        JOIN sessions s ON s.id = r.session_id
        WHERE \(scope) AND r.focus_question IS NOT NULL ORDER BY r.session_id, r.round
        """, arguments: arguments)
    while let row = try rows.next() {
      questions[row[0], default: []].append(row[1])
    }
    return questions
  }

  /// Each session's choices for suspects, the latest standing, as ``SessionState`` folds them.
  private static func shareChoices(
    scope: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [String: [String: Bool]] {
    var choices: [String: [String: Bool]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, e.payload FROM events e INDEXED BY events_share_choices
        JOIN sessions s ON s.id = e.session_id
        WHERE \(scope) AND e.type = 'shareChoice' AND json_valid(e.payload)
        ORDER BY e.session_id, e.seq
        """, arguments: arguments)
    while let row = try rows.next() {
      // A choice that does not decode is one the replay would refuse too; without it the
      // suspect is replaced or kept by default, as when no choice was made.
      guard
        case .shareChoice(let term, let replace) = try? SessionEventCodec.event(
          fromPayload: row["payload"])
      else { continue }
      choices[row["session_id"], default: [:]][ShareReview.key(term)] = replace
    }
    return choices
  }

  /// The other names of participants' organisations, by session and participant: read from
  /// the events that created a session or added a latecomer, only in sessions where one of
  /// them gives any.
  private static func organisationAliases(
    scope: String, _ arguments: StatementArguments, in db: Database
  ) throws -> (aliases: [String: [Int: [String]]], undecoded: [SessionID: StoreError]) {
    // Through `events_people` (schema v14), whose condition is written out as a partial
    // index requires: the events that bring people, not every event of every session.
    let people = "type IN ('created', 'participantAdded')"
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, e.seq, e.payload FROM events e INDEXED BY events_people
        JOIN sessions s ON s.id = e.session_id
        WHERE \(scope) AND e.\(people) AND json_valid(e.payload)
          AND e.session_id IN (
            SELECT session_id FROM events INDEXED BY events_people
            WHERE \(people) AND instr(payload, 'organisationAliases') > 0)
        ORDER BY e.session_id, e.seq
        """, arguments: arguments)
    var participants: [String: [Participant]] = [:]
    var undecoded: [SessionID: StoreError] = [:]
    while let row = try rows.next() {
      guard let id = SessionID(rawValue: row["session_id"]), undecoded[id] == nil else { continue }
      do {
        switch try SessionEventCodec.event(fromPayload: row["payload"]) {
        case .created(let setup): participants[id.rawValue] = setup.participants
        case .participantAdded(let participant):
          participants[id.rawValue, default: []].append(participant)
        default: break
        }
      } catch {
        undecoded[id] = .damagedSession(id, sequence: row["seq"], reason: "\(error)")
      }
    }
    let aliases = participants.mapValues { people in
      Dictionary(
        people.enumerated().filter { !$0.element.organisationAliases.isEmpty }
          .map { ($0.offset, $0.element.organisationAliases) },
        uniquingKeysWith: { first, _ in first })
    }
    return (aliases, undecoded)
  }
}
