import Foundation
import GRDB

extension AppDatabase {
  /// The sessions of `programme` (as stored) held in `period`, oldest first, as the harvest
  /// reads them, from the tables and without replaying a session: the sessions, participants,
  /// rounds and quoted notes from the projections, the tags from their index, and of the
  /// event log only what no table holds (which phases started and ratings), each read by its
  /// type (follow-ups and due dates have tables of their own since schema v9). A report of a
  /// thousand sessions thus reads its notes by kind with one query instead of decoding and
  /// replaying every event.
  ///
  /// The projections are written in each event's transaction, so they say what a replay
  /// would; a test keeps the two harvests equal. A session with a stored event that is not
  /// even JSON (a damaged file, an edit by hand) is left out and named in `skipped`, as
  /// ``records(programme:)`` leaves out a session that does not rebuild; one whose events
  /// are JSON but say something impossible is not noticed here, and its tables still say
  /// what was recorded when it was written.
  public func programmeSessions(programme: String, in period: ReportPeriod = .always)
    throws(StoreError) -> ProgrammeSessions
  {
    try read { db in
      let (scope, arguments) = Self.programmeScope(programme, period)
      return try Self.programmeSessions(programme: programme, scope: scope, arguments, in: db)
    }
  }

  /// The condition on `sessions` (as `s`) that selects `programme`'s sessions held in
  /// `period`, and its arguments.
  static func programmeScope(_ programme: String, _ period: ReportPeriod) -> (
    String, StatementArguments
  ) {
    var range = ""
    var arguments: StatementArguments = [programme]
    if let start = period.start {
      range += " AND s.created_at >= ?"
      _ = arguments.append(contentsOf: [start.millisecondsSince1970])
    }
    if let end = period.end {
      range += " AND s.created_at < ?"
      _ = arguments.append(contentsOf: [end.millisecondsSince1970])
    }
    return ("s.programme = ?\(range)", arguments)
  }

  /// ``programmeSessions(programme:in:)`` read in `db`, of the sessions `scope` selects.
  ///
  /// Given `everyNote`, the notes are read whole, not only those quoted, and every note not
  /// deleted is handed to it as the notes are read, before the rest: an anonymised report
  /// needs them all, and reading the notes twice cost more than reading them all once. See
  /// ``NoteBatches``.
  /// Given `notesRead`, it is called once the notes are read and handed to `everyNote`,
  /// before the rest is read; given `participants` (as ``participants(scope:_:in:)`` reads
  /// them), they are not read again.
  static func programmeSessions(
    programme: String, scope: String, _ arguments: StatementArguments, in db: Database,
    everyNote: NoteBatches? = nil, notesRead: (() -> Void)? = nil,
    participants readParticipants: [String: [Participant]]? = nil
  ) throws -> ProgrammeSessions {
    let notes = try Self.quotedNotes(scope: scope, arguments, in: db, everyNote: everyNote)
    notesRead?()
    let skipped = try Self.damagedSessions(scope: scope, arguments, in: db)
    let sessionRows = try Row.fetchAll(
      db,
      sql: """
        SELECT s.id, s.title, s.created_at, s.finished_at, s.group_id,
          \(Self.origin(ofSession: "s.id")) AS origin
        FROM sessions s WHERE \(scope) ORDER BY s.created_at, s.id
        """, arguments: arguments)
    let participants = try readParticipants ?? Self.participants(scope: scope, arguments, in: db)
    let rounds = try Self.rounds(scope: scope, arguments, in: db)
    let tags = try Self.tagUses(scope: scope, arguments, in: db)
    let ratings = try Self.standingRatings(programme: programme, in: db)
    let followUps = try Self.followUps(where: "s.programme = ?", [programme], in: db)
    let counts = try Dictionary(
      Row.fetchAll(
        db,
        sql: """
          SELECT s.id, s.note_count FROM sessions s WHERE \(scope)
          """, arguments: arguments
      ).map { ($0[0] as String, $0[1] as Int) },
      uniquingKeysWith: { first, _ in first })
    let sessions = sessionRows.compactMap { row -> ProgrammeSession? in
      let raw: String = row["id"]
      guard skipped[raw] == nil, let id = SessionID(rawValue: raw) else { return nil }
      let people = participants[raw] ?? []
      func name(_ index: Int?) -> String? {
        index.map { people.indices.contains($0) ? people[$0].name : "?" }
      }
      var session = ProgrammeSession(
        id: id, title: row["title"], programme: programme,
        createdAt: Date(millisecondsSince1970: row["created_at"]),
        finishedAt: (row["finished_at"] as Int64?).map(Date.init(millisecondsSince1970:)),
        group: (row["group_id"] as String?).flatMap(GroupID.init(rawValue:)),
        participants: people, rounds: rounds[raw] ?? [], noteCount: counts[raw] ?? 0,
        notes: (notes[raw] ?? []).map { note in
          ProgrammeSession.Note(
            id: note.id, kind: note.kind, text: note.text, createdAt: note.createdAt,
            isClosing: note.isClosing, owner: note.kind == .action ? note.owner : nil,
            ownerName: note.kind == .action ? name(note.owner) : nil,
            doneAt: note.doneAt, due: note.kind == .action ? note.due : nil)
        },
        tags: tags[raw] ?? [],
        ratings: (ratings[raw] ?? [:]).sorted { $0.key < $1.key }.map(\.value),
        followUps: followUps[raw] ?? [:])
      session.origin = row["origin"]
      return session
    }
    return ProgrammeSessions(
      sessions: sessions, skipped: skipped.sorted { $0.key < $1.key }.map(\.value))
  }

  /// The sessions `scope` selects that hold an event that is not even JSON, each with the
  /// ``StoreError/damagedSession(_:sequence:reason:)`` that leaves it out, by id.
  static func damagedSessions(scope: String, _ arguments: StatementArguments, in db: Database)
    throws -> [String: StoreError]
  {
    var damaged: [String: StoreError] = [:]
    // Read through `events_not_json` (schema v13), which holds only such events; the
    // condition is the index's own, written out, as a partial index requires.
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT e.session_id, min(e.seq) AS seq FROM events e INDEXED BY events_not_json
        JOIN sessions s ON s.id = e.session_id
        WHERE \(scope) AND NOT json_valid(e.payload) GROUP BY e.session_id
        """, arguments: arguments)
    while let row = try rows.next() {
      guard let id = SessionID(rawValue: row["session_id"]) else { continue }
      damaged[id.rawValue] = .damagedSession(
        id, sequence: row["seq"], reason: "its stored event is not JSON")
    }
    return damaged
  }

  /// A session's slot; the session by its row id.
  private struct SlotKey: Hashable {
    let session: Int64
    let slot: Int
  }

  /// A quoted note as its row holds it, before its owner is named.
  struct QuotedNote {
    let id: Int
    let kind: NoteKind
    let text: String
    let createdAt: Date
    let isClosing: Bool
    let owner: Int?
    let doneAt: Date?
    let due: ActionDue?
  }

  static func participants(
    scope: String, _ arguments: StatementArguments, in db: Database
  ) throws -> [String: [Participant]] {
    var participants: [String: [Participant]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT p.session_id, p.name, p.organisation, p.level FROM participants p
        JOIN sessions s ON s.id = p.session_id WHERE \(scope) ORDER BY p.session_id, p.idx
        """, arguments: arguments)
    // Columns by position: a name is looked up (lowercased and hashed) at every access, and
    // these reads visit tens of thousands of rows.
    while let row = try rows.next() {
      participants[row[0], default: []].append(
        Participant(name: row[1], organisation: row[2], level: Level(rawValue: row[3]) ?? .other))
    }
    return participants
  }

  /// Each session's rounds in order, with whether a phase of each ever started: a
  /// `phaseStarted` event named one of its slots, read through `events_phases` (schema v13,
  /// those events alone; the type written out, as the partial index requires).
  private static func rounds(scope: String, _ arguments: StatementArguments, in db: Database)
    throws -> [String: [ProgrammeSession.Round]]
  {
    var started = Set<[String]>()
    let startedRows = try Row.fetchCursor(
      db,
      sql: """
        SELECT DISTINCT sl.session_id, sl.round FROM events e INDEXED BY events_phases
        JOIN sessions s ON s.id = e.session_id
        JOIN slots sl ON sl.session_id = e.session_id
          AND sl.slot = coalesce(
            json_extract(e.payload, '$.slot'), json_extract(e.payload, '$.phaseStarted.slot'))
        WHERE \(scope) AND e.type = '\(SessionEventType.phaseStarted.rawValue)'
          AND json_valid(e.payload) AND sl.round IS NOT NULL
        """, arguments: arguments)
    while let row = try startedRows.next() {
      started.insert([row[0], String(row[1] as Int)])
    }
    var rounds: [String: [ProgrammeSession.Round]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT r.session_id, r.round, r.presenter FROM rounds r
        JOIN sessions s ON s.id = r.session_id WHERE \(scope) ORDER BY r.session_id, r.round
        """, arguments: arguments)
    while let row = try rows.next() {
      let session: String = row[0]
      let round: Int = row[1]
      rounds[session, default: []].append(
        ProgrammeSession.Round(
          presenter: row[2], hasStarted: started.contains([session, String(round)])))
    }
    return rounds
  }

  /// Receives every note not deleted, a batch of sessions at a time as they are read, each
  /// session's notes in the order written: the notes of a batch can be worked on while the
  /// next is read. A session comes once, unless (what SQL does not rule out, and SQLite does
  /// not do) its rows came apart: it then comes again, whole, in the last batch, and replaces
  /// what came before.
  typealias NoteBatches = ([(session: String, notes: [Anonymiser.VisibleNote])]) -> Void

  /// The sessions in a batch of ``NoteBatches``: a tenth of a programme of a thousand.
  static let noteBatchSize = 100

  /// The notes a harvest quotes (``ProgrammeSession/quotedKinds`` and anything written in a
  /// closing phase), not deleted, by session, in the order written; with `everyNote`, every
  /// note not deleted handed to it as well.
  private static func quotedNotes(
    scope: String, _ arguments: StatementArguments, in db: Database, everyNote: NoteBatches?
  ) throws -> [String: [QuotedNote]] {
    let readsEveryNote = everyNote != nil
    let kinds = ProgrammeSession.quotedKinds.map(\.rawValue).sorted()
    // The closing slots first (a few a session): looking each note's slot up in `slots` as
    // the notes were read took most of this read, a hundred thousand look-ups for a
    // programme of a thousand sessions. The notes are then read by their kind or by a slot
    // number that is closing somewhere, and each kept if its own session's slot is closing.
    // Sessions by their row ids while the notes are read: a hundred thousand ids made into
    // strings and hashed cost more than the rest of a note's row.
    var ids: [Int64: String] = [:]
    let sessions = try Row.fetchCursor(
      db, sql: "SELECT s.rowid, s.id FROM sessions s WHERE \(scope)", arguments: arguments)
    while let row = try sessions.next() { ids[row[0]] = row[1] }
    var closing = Set<SlotKey>()
    var closingSlots = Set<Int>()
    let slots = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.rowid, sl.slot FROM slots sl JOIN sessions s ON s.id = sl.session_id
        WHERE \(scope) AND sl.part = 'closing'
        """, arguments: arguments)
    while let row = try slots.next() {
      let slot: Int = row[1]
      closing.insert(SlotKey(session: row[0], slot: slot))
      closingSlots.insert(slot)
    }
    // The kinds are the enumeration's own names, written into the statement.
    let quotedKinds = "n.kind IN (\(kinds.map { "'\($0)'" }.joined(separator: ", ")))"
    let quotedOnly = """
      AND (\(quotedKinds)
        OR n.slot IN (\(closingSlots.sorted().map(String.init).joined(separator: ", "))))
      """
    // Without ORDER BY: SQLite sorting the rows (with their texts) cost more than putting each
    // session's notes in order as they are gathered (``NoteGatherer``).
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT s.rowid, n.note, n.kind, n.text, n.created_at, n.owner, n.done_at, n.due,
          n.slot, \(quotedKinds)
        FROM notes n JOIN sessions s ON s.id = n.session_id
        WHERE \(scope) AND n.deleted_at IS NULL \(readsEveryNote ? "" : quotedOnly)
        """, arguments: arguments)
    var gatherer = NoteGatherer(
      batchSize: noteBatchSize,
      handOver: everyNote.map { everyNote in
        { [ids] batch in
          everyNote(batch.compactMap { id, notes in ids[id].map { ($0, notes.visible) } })
        }
      })
    // Columns by position, in the order selected: the query's rows are the report's quoted
    // notes (22,345 at 1,000 sessions) and a few in slots closing in other sessions, or, with
    // `everyNote`, every note.
    while let row = try rows.next() {
      let id: Int64 = row[0]
      let number: Int = row[1]
      let text: String = row[3]
      let createdAt = Date(millisecondsSince1970: row[4])
      let isClosing = !closing.isEmpty && closing.contains(SlotKey(session: id, slot: row[8]))
      // The kind's name is read only for a note that is quoted.
      let isQuotedKind: Bool = row[9]
      let kind = isClosing || isQuotedKind ? NoteKind(rawValue: row[2]) : nil
      gatherer.add(
        session: id, number: number,
        visible: readsEveryNote ? .init(id: number, text: text, createdAt: createdAt) : nil,
        quoted: kind.map {
          QuotedNote(
            id: number, kind: $0, text: text, createdAt: createdAt, isClosing: isClosing,
            owner: row[5], doneAt: (row[6] as Int64?).map(Date.init(millisecondsSince1970:)),
            due: (row[7] as String?).flatMap(ActionDue.init(code:)))
        })
    }
    return Dictionary(
      gatherer.finish().compactMap { id, notes in ids[id].map { ($0, notes.quoted) } },
      uniquingKeysWith: { first, _ in first })
  }

  /// Every tag of every note not deleted, by session, oldest note first.
  private static func tagUses(scope: String, _ arguments: StatementArguments, in db: Database)
    throws -> [String: [ProgrammeSession.TagUse]]
  {
    var uses: [String: [ProgrammeSession.TagUse]] = [:]
    let rows = try Row.fetchCursor(
      db,
      sql: """
        SELECT u.session_id, u.tag_key, u.tag, u.created_at FROM tag_uses u
        JOIN sessions s ON s.id = u.session_id
        WHERE u.programme = s.programme AND \(scope) ORDER BY u.created_at, u.note_id
        """, arguments: arguments)
    while let row = try rows.next() {
      uses[row[0], default: []].append(
        ProgrammeSession.TagUse(
          key: row[1], tag: row[2], createdAt: Date(millisecondsSince1970: row[3])))
    }
    return uses
  }
}

/// A programme's sessions as read from the tables, and the sessions left out as damaged.
public struct ProgrammeSessions: Sendable {
  /// Oldest first.
  public var sessions: [ProgrammeSession]
  /// One ``StoreError/damagedSession(_:sequence:reason:)`` per session left out.
  public var skipped: [StoreError]
  /// Anonymised: the suspects scrubbed without the facilitator's choice.
  public var undecidedSuspects: [SuspectTally.Entry] = []
}
