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
  /// every text shared (titles, programme names, focus questions and every note not deleted);
  /// and the people and standing groups around them (``around(programme:)``), replaced as
  /// `[a person]` and `[a group]`.
  /// A session whose participants' events do not decode is left out and named in `skipped`,
  /// like one whose events are not JSON: its organisations' other names could not be known.
  public func anonymisedProgrammeSessions(programme: String, in period: ReportPeriod = .always)
    throws(StoreError) -> ProgrammeSessions
  {
    // The word list the anonymiser needs is read on another core while the tables are read.
    let wordList = BackgroundWork { EnglishWords.prepare() }
    // Members who never came, and people of its sessions outside the period, may be named.
    let around = try around(programme: programme)
    // Read in one transaction; the scrubbing, which takes longer, after it.
    let (sessions, notes, anonymiser) = try read { db in
      let (scope, arguments) = Self.programmeScope(programme, period)
      // What the anonymiser learns apart from the notes' words, read first: small tables.
      let heads = try Self.sessionHeads(scope: scope, arguments, in: db)
      let participants = try Self.participants(scope: scope, arguments, in: db)
      let focusQuestions = try Self.focusQuestions(scope: scope, arguments, in: db)
      let choices = try Self.shareChoices(scope: scope, arguments, in: db)
      let (aliases, undecoded) = try Self.organisationAliases(scope: scope, arguments, in: db)
      let damaged = try Self.damagedSessions(scope: scope, arguments, in: db)
      var notes: [String: [Anonymiser.VisibleNote]] = [:]
      // The notes' words are cut on one other core while the rest is read, a batch of
      // sessions at a time from the first batch read (one batch after another: the reading
      // goes on on this core); a batch's words replace those of a batch before it, as its
      // notes do. Once the notes are read, the anonymiser is made on that core too, while
      // this one reads the rest.
      var noteWords: [BackgroundWork<[(String, [Substring])]>] = []
      var anonymiser: BackgroundWork<Anonymiser>?
      let cutting = DispatchQueue(label: "peerconsult.note-words", qos: .userInitiated)
      // The anonymiser of the sessions the harvest keeps, from the words of their notes.
      let makeAnonymiser: @Sendable ([BackgroundWork<[(String, [Substring])]>]) -> Anonymiser = {
        noteWords in
        wordList.value()
        let wordsOfNotes = Dictionary(
          noteWords.flatMap { $0.value() }, uniquingKeysWith: { _, later in later })
        // The sessions the harvest keeps, in its order, as it reads them.
        let sources = heads.filter {
          damaged[$0.row] == nil && undecoded[$0.id] == nil
        }.map { head in
          let raw = head.id.rawValue
          return Anonymiser.Source(
            id: head.id, createdAt: head.createdAt, group: head.group,
            participants: (participants[head.row] ?? []).enumerated().map {
              index, participant in
              var participant = participant
              participant.organisationAliases = aliases[raw]?[index] ?? []
              return participant
            },
            shareChoices: choices[raw] ?? [:],
            // The head's words, then the notes' (cut already): a word of both is looked
            // at once, where the head has it, as when cut from the texts one after another.
            shared: .words(
              Anonymiser.differentWords(
                in: [head.title, programme] + (focusQuestions[raw] ?? []))
                + (wordsOfNotes[raw] ?? [])))
        }
        var anonymiser = Anonymiser(sources: sources, others: around.people, groups: around.groups)
        anonymiser.tallies = true
        return anonymiser
      }
      var read = try Self.programmeSessions(
        programme: programme, scope: scope, arguments, in: db,
        everyNote: { batch in
          for (session, visible) in batch { notes[session] = visible }
          noteWords.append(
            BackgroundWork(on: cutting) {
              batch.map { session, notes in
                (session, Anonymiser.differentWords(in: notes.map(\.text)))
              }
            })
        },
        notesRead: {
          // Every batch is handed over by now.
          let noteWords = noteWords
          anonymiser = BackgroundWork(on: cutting) { makeAnonymiser(noteWords) }
        }, participants: participants)
      read.sessions.removeAll { undecoded[$0.id] != nil }
      read.skipped += undecoded.sorted { $0.key < $1.key }.map(\.value)
      // Started once the notes were read, which comes before the rest is read; made here from
      // every batch were it not.
      let allNoteWords = noteWords
      return (read, notes, anonymiser ?? BackgroundWork { makeAnonymiser(allNoteWords) })
    }
    let made = anonymiser.value()
    var anonymised = sessions
    // Each session is scrubbed on its own, by the same anonymiser: on every core.
    anonymised.sessions = sessions.sessions.concurrentMap {
      made.anonymised($0, visibleNotes: notes[$0.id.rawValue] ?? [])
    }
    anonymised.undecidedSuspects = made.undecidedSuspects
    return anonymised
  }

  /// A session as the anonymiser reads its head: its id (and as its row spells it, which
  /// the harvest's tables are keyed by), title and when it was held.
  private struct SessionHead: Sendable {
    let row: String
    let id: SessionID
    let title: String
    let createdAt: Date
    let group: GroupID?
  }

  /// The heads of the sessions `scope` selects, in the order the harvest reads them.
  private static func sessionHeads(
    scope: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [SessionHead] {
    var heads: [SessionHead] = []
    let rows = try Row.fetchCursor(
      db,
      sql:
        """
        SELECT s.id, s.title, s.created_at, s.group_id FROM sessions s WHERE \(scope)
        ORDER BY s.created_at, s.id
        """,
      arguments: arguments)
    while let row = try rows.next() {
      let raw: String = row[0]
      guard let id = SessionID(rawValue: raw) else { continue }
      heads.append(
        SessionHead(
          row: raw, id: id, title: row[1],
          createdAt: Date(millisecondsSince1970: row[2]),
          group: (row[3] as String?).flatMap(GroupID.init(rawValue:))))
    }
    return heads
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
  static func organisationAliases(
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
