import Foundation
import GRDB

extension AppDatabase {
  /// How many matches a query may have for its results to be chosen among all of them. A
  /// query with more (a word in many notes) is answered from the matches stored last, read in
  /// the index's own order: see ``NoteSearchOrder``.
  static let searchCandidateBound = 200
  /// How many of the matches stored last are ranked for ``NoteSearchOrder/best`` when a query
  /// has more than ``searchCandidateBound``.
  static let searchRankedCandidates = 200
  /// Matches counted for a word's weight in the ranking: a word in more notes than this
  /// weighs as one in this many.
  static let searchWeightCount = 5_000

  /// Notes matching `query` (see ``NoteSearchQuery``), best matches first or newest first;
  /// deleted notes are left out. Accents and apostrophes are ignored, so `creme` finds
  /// "crème" and `darcy` "D'Arcy"; Chinese, Japanese and Korean terms of any length are found
  /// inside text (``NoteTokenizer``). Narrow to one session, one programme, one kind of note
  /// or the notes of one speaker (``SpeakerNames``) if given; with a speaker, the query may be
  /// empty, and their notes come newest first. Throws ``StoreError/noSuchPerson(_:)`` when
  /// nobody of the speaker's name took part in a session.
  public func searchNotes(
    _ query: String, session: SessionID? = nil, programme: String? = nil, kind: NoteKind? = nil,
    speaker: String? = nil, order: NoteSearchOrder = .best, limit: Int = 50
  ) throws(StoreError) -> [NoteSearchHit] {
    try searchNotes(
      query, session: session, programme: programme, kind: kind, speaker: speaker, order: order,
      limit: limit, bound: Self.searchCandidateBound, ranked: Self.searchRankedCandidates)
  }

  /// ``searchNotes(_:session:programme:kind:speaker:order:limit:)`` with its bounds given, so
  /// that tests reach the bounded paths (and both ways of finding a speaker's notes) with a
  /// few notes.
  func searchNotes(
    _ query: String, session: SessionID?, programme: String?, kind: NoteKind?,
    speaker: String? = nil, order: NoteSearchOrder, limit: Int, bound: Int, ranked: Int,
    speakerSessionsRead: Int = speakerSessionsRead
  ) throws(StoreError) -> [NoteSearchHit] {
    let parsed = NoteSearchQuery(query)
    guard !parsed.isEmpty || speaker != nil, !parsed.hasTooManyTags, limit > 0 else { return [] }
    var conditions = ["n.deleted_at IS NULL"]
    var arguments: [String: (any DatabaseValueConvertible)?] = [:]
    if let speaker {
      let spoken = try spokenNames(speaker)
      conditions.append(
        Self.speakerFilter(readingTheirSessions: spoken.sessions <= speakerSessionsRead))
      // One parameter however many names a part of one matches.
      let names = (try? JSONEncoder().encode(spoken.names)) ?? Data("[]".utf8)
      arguments["speakers"] = String(decoding: names, as: UTF8.self)
    }
    for (number, tag) in parsed.tags.enumerated() {
      // A tag key holds only letters, digits and '-', so it needs no escaping in a GLOB.
      let test = tag.isPrefix ? "tag_key GLOB :tag\(number)" : "tag_key = :tag\(number)"
      conditions.append("n.id IN (SELECT note_id FROM note_tags WHERE \(test))")
      arguments["tag\(number)"] = tag.isPrefix ? tag.key + "*" : tag.key
    }
    if let session {
      conditions.append("n.session_id = :session")
      arguments["session"] = session.rawValue
    }
    if let programme {
      conditions.append("n.session_id IN (SELECT id FROM sessions WHERE programme = :programme)")
      arguments["programme"] = programme
    }
    if let kind {
      conditions.append("n.kind = :kind")
      arguments["kind"] = kind.rawValue
    }
    let search = NoteSearch(
      pattern: parsed.ftsPattern, filters: conditions.joined(separator: " AND "),
      arguments: arguments, order: order, limit: limit,
      bound: session == nil ? bound : nil, ranked: max(limit, ranked))
    return try read { db in
      let matcher = try NoteMatcher(parsed, in: db)
      let chosen = try search.chosen(matcher, in: db)
      return try Self.hits(chosen, matcher: matcher, tags: parsed.tags, in: db)
    }
  }

  /// The sessions a speaker took part in beyond which their notes are found by walking the
  /// notes (newest first, or a query's matches) and asking of each whether they said it,
  /// rather than read from their sessions: someone in this many sessions says something in
  /// most stretches of the notes, so the walk stops soon, while reading all their sessions'
  /// notes grows with them. Below it, someone in one old session made the walk read all of a
  /// million notes (0.6 s).
  static let speakerSessionsRead = 500

  /// The names `speaker` means (``SpeakerNames``) among everyone who took part in any session,
  /// and in how many sessions they took part, read in one pass over `participants` (tens of
  /// thousands of rows at 10,000 sessions): the comparison, the speaker picker's, is not SQL's.
  /// Throws ``StoreError/noSuchPerson(_:)`` when it means nobody.
  private func spokenNames(_ speaker: String) throws(StoreError) -> (
    names: [String], sessions: Int
  ) {
    let counted = try read { db in
      try Row.fetchAll(db, sql: "SELECT name, count(*) FROM participants GROUP BY name")
    }
    var sessions: [String: Int] = [:]
    for row in counted { sessions[row[0], default: 0] += row[1] }
    let spoken = SpeakerNames.matching(speaker, among: counted.map { $0[0] as String })
    guard !spoken.isEmpty else { throw .noSuchPerson(speaker) }
    return (spoken, spoken.reduce(0) { $0 + (sessions[$1] ?? 0) })
  }

  /// The condition a note said by the people named in `:speakers` (a JSON array) meets: their
  /// notes read once from their sessions when they took part in few, then a lookup for each
  /// note walked, else a look at each note's speaker (see ``speakerSessionsRead``).
  private static func speakerFilter(readingTheirSessions: Bool) -> String {
    let names = "SELECT value FROM json_each(:speakers)"
    guard !readingTheirSessions else {
      // CROSS JOIN keeps the people outside: with the names in a table-valued function the
      // planner cannot count, it walked every note and looked each one's speaker up.
      return """
        n.id IN (SELECT said.id FROM participants p \
        CROSS JOIN notes said ON said.session_id = p.session_id AND said.speaker = p.idx \
        WHERE p.name IN (\(names)))
        """
    }
    return """
      EXISTS (SELECT 1 FROM participants p WHERE p.session_id = n.session_id \
      AND p.idx = n.speaker AND p.name IN (\(names)))
      """
  }

  /// The notes `ids`, in that order, with where they were written and their matches marked.
  private static func hits(
    _ ids: [Int64], matcher: NoteMatcher, tags: [NoteSearchQuery.Tag], in db: Database
  ) throws -> [NoteSearchHit] {
    guard !ids.isEmpty else { return [] }
    // Numbers only, so the list can be written into the SQL.
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT n.id, n.session_id, n.note, n.created_at, n.kind, n.text, s.title, s.programme,
          sl.round, sl.phase, p.name AS speaker, \(origin(ofSession: "n.session_id")) AS origin
        FROM notes n
        JOIN sessions s ON s.id = n.session_id
        JOIN slots sl ON sl.session_id = n.session_id AND sl.slot = n.slot
        LEFT JOIN participants p ON p.session_id = n.session_id AND p.idx = n.speaker
        WHERE n.id IN (\(ids.map(String.init).joined(separator: ",")))
        """)
    let place = Dictionary(uniqueKeysWithValues: ids.enumerated().map { ($1, $0) })
    return rows.sorted { place[$0["id"]] ?? 0 < place[$1["id"]] ?? 0 }.compactMap { row in
      guard let session = SessionID(rawValue: row["session_id"]) else { return nil }
      let text = matcher.highlighted(row["text"]).marking(tags)
      return NoteSearchHit(
        session: session, sessionTitle: row["title"], programme: row["programme"],
        noteID: row["note"], createdAt: Date(millisecondsSince1970: row["created_at"]),
        kind: NoteKind(rawValue: row["kind"]) ?? .other, round: row["round"], phase: row["phase"],
        speaker: row["speaker"], text: text, snippet: text.excerpt(), origin: row["origin"])
    }
  }
}

/// One search's choice of notes, made so that no search reads every match of a common word.
///
/// The index streams a query's matches in the order they were stored (rowid) at almost no
/// cost, while anything that asks it about a given note (bm25, highlight, a note's rowid) costs
/// a fresh query each. So:
/// - **newest first** reads matches in stored order, a batch at a time, until the newest
///   `limit` of those read are newer than every note not yet read (asked of the index on note
///   times): exact, and one batch unless an import stored old notes after newer ones;
/// - **best first** counts the matches up to `bound` (unless it ranks that many anyway): below
///   it, all of them are ranked by bm25, computed by ``NoteMatcher`` from their text; at it,
///   the `ranked` matches stored last.
/// Within one session (no bound) every match is read and ordered.
struct NoteSearch {
  let pattern: String?
  let filters: String
  let arguments: [String: (any DatabaseValueConvertible)?]
  let order: NoteSearchOrder
  let limit: Int
  /// Nil within one session: its few thousand notes at most are all read.
  let bound: Int?
  let ranked: Int

  /// A match read from the index in stored order.
  private struct Match {
    let id: Int64
    let createdAt: Int64
    /// The note's text, read for ranking only (empty for newest first).
    let text: String
  }

  /// The ids of the notes to show, in order.
  func chosen(_ matcher: NoteMatcher, in db: Database) throws -> [Int64] {
    guard let pattern else {
      // Tags alone have no rank: the newest notes come first in either order.
      return try Int64.fetchAll(
        db,
        sql: """
          SELECT n.id FROM notes n WHERE \(filters)
          ORDER BY n.created_at DESC, n.id DESC LIMIT \(limit)
          """, arguments: StatementArguments(arguments))
    }
    guard let bound else {
      // Within one session: every match, ordered.
      let all = try matches(of: pattern, below: nil, count: Int.max, in: db)
      return order == .best ? try best(all, matcher, in: db) : newest(all)
    }
    if order == .newest { return try newestInBatches(of: pattern, in: db) }
    // Best first ranking at least `bound` matches reads the same ones whether or not there are
    // more: the count would only cost a pass over the index.
    let isBounded =
      try ranked >= bound
      || Int.fetchOne(
        db,
        sql: "SELECT count(*) FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? LIMIT ?)",
        arguments: [pattern, bound]) ?? 0 >= bound
    return try best(
      matches(of: pattern, below: nil, count: isBounded ? ranked : bound, in: db), matcher, in: db)
  }

  /// The newest `limit` matches, read in stored order a batch at a time (`limit` first, then
  /// twice as many each time) until the newest of those read are newer than every note not
  /// yet read: exact whatever the number of matches, and one batch unless an import stored old
  /// notes after newer ones. The matches are not counted first: for a phrase of common words
  /// (`"the partnership"`) counting up to a bound read the position lists of most of both
  /// words' notes, which cost more than the batches themselves.
  ///
  /// Proving that no unread note is newer scans every note written since the oldest shown, so
  /// when the first batch is spread thinner than one match in ``sparseSpan`` notes (a rare
  /// word), the rest of its matches, up to ten times the bound, are read first instead: few,
  /// and all of them when fewer than that.
  private func newestInBatches(of pattern: String, in db: Database) throws -> [Int64] {
    var read = try matches(of: pattern, below: nil, count: limit, in: db)
    guard read.count == limit, let first = read.first, let last = read.last else {
      return newest(read)
    }
    if first.id - last.id > Int64(limit * Self.sparseSpan) {
      let rest = (bound ?? 0) * 10
      let more = try matches(of: pattern, below: last.id, count: rest, in: db)
      read += more
      if more.count < rest { return newest(read) }
    }
    var batch = limit
    while true {
      let shown = newest(read)
      guard let last = read.last else { return shown }
      if shown.count == limit,
        let oldest = read.first(where: { $0.id == shown[limit - 1] })?.createdAt,
        try Bool.fetchOne(
          db,
          sql: """
            SELECT EXISTS (SELECT 1 FROM notes INDEXED BY notes_by_created
              WHERE created_at > ? AND id < ?)
            """, arguments: [oldest, last.id]) == false
      {
        return shown
      }
      let more = try matches(of: pattern, below: last.id, count: batch, in: db)
      read += more
      if more.count < batch { return newest(read) }
      batch *= 2
    }
  }

  /// Notes per match in the first batch of newest first beyond which the rest of the matches
  /// are read rather than proving that no unread note is newer (which scans at most about
  /// `limit` times this many entries of `notes_by_created` when notes are stored in time order).
  static let sparseSpan = 100

  /// Up to `count` matches passing the filters, stored last first, below the rowid `below`.
  private func matches(of pattern: String, below: Int64?, count: Int, in db: Database) throws
    -> [Match]
  {
    var arguments = arguments
    arguments["pattern"] = pattern
    arguments["below"] = below
    return try Row.fetchAll(
      db, sql: matchesSQL(below: below != nil, count: count),
      arguments: StatementArguments(arguments)
    ).map { Match(id: $0["id"], createdAt: $0["created_at"], text: $0["text"] ?? "") }
  }

  /// The query of ``matches(of:below:count:)``: the index's matches in stored order, each
  /// joined to its note (a test reads its plan).
  func matchesSQL(below: Bool, count: Int) -> String {
    """
    SELECT n.id, n.created_at\(order == .best ? ", n.text" : "")
    FROM notes_fts JOIN notes n ON n.id = notes_fts.rowid
    WHERE notes_fts MATCH :pattern AND \(below ? "notes_fts.rowid < :below" : "1")
      AND \(filters)
    ORDER BY notes_fts.rowid DESC LIMIT \(count)
    """
  }

  /// The newest `limit` of `matches`.
  private func newest(_ matches: [Match]) -> [Int64] {
    matches.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }.prefix(limit).map(\.id)
  }

  /// The best `limit` of `matches` by bm25, ties newest first. Each term weighs its inverse
  /// document frequency, counted through the index up to ``AppDatabase/searchWeightCount``.
  private func best(_ matches: [Match], _ matcher: NoteMatcher, in db: Database) throws
    -> [Int64]
  {
    guard !matches.isEmpty else { return [] }
    // One term's weight scales every score alike and changes no order, so it is not counted
    // (for a phrase of common words, counting its notes reads most of the index).
    guard matcher.terms.count > 1 else {
      return Self.ordered(matches, by: matcher.scores(matches.map(\.text), weights: [1]), limit)
    }
    let notes = Double(try Int64.fetchOne(db, sql: "SELECT max(id) FROM notes") ?? 1)
    let weights = try matcher.terms.map { term in
      let words = term.tokens.map { String(decoding: $0, as: UTF8.self) }
      let quoted = "\"" + words.joined(separator: " ") + "\"" + (term.isPrefix ? "*" : "")
      let holding = Double(
        try Int.fetchOne(
          db,
          sql: "SELECT count(*) FROM (SELECT rowid FROM notes_fts WHERE notes_fts MATCH ? LIMIT ?)",
          arguments: [quoted, AppDatabase.searchWeightCount]) ?? 0)
      return max(1e-6, log((notes - holding + 0.5) / (holding + 0.5)))
    }
    return Self.ordered(matches, by: matcher.scores(matches.map(\.text), weights: weights), limit)
  }

  /// The ids of the best `limit` of `matches` by `scores`, ties newest first.
  private static func ordered(_ matches: [Match], by scores: [Double], _ limit: Int) -> [Int64] {
    zip(matches, scores).sorted {
      ($0.1, $0.0.createdAt, $0.0.id) > ($1.1, $1.0.createdAt, $1.0.id)
    }.prefix(limit).map(\.0.id)
  }
}
