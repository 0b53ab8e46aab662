import Foundation
import GRDB

extension SessionExport {
  /// What a streamed export wrote: how many sessions, and why each one left out was.
  public struct Streamed: Sendable {
    public var written = 0
    /// One ``StoreError/damagedSession(_:sequence:reason:)`` per session left out.
    public var skipped: [StoreError] = []
    /// Anonymised: the suspects written without the facilitator's choice.
    public var undecidedSuspects: [SuspectTally.Entry] = []
  }

  /// Writes sessions `ids` of `database` in `format`, anonymised if asked, one session at a
  /// time: each is read, rendered, handed to `write` and dropped before the next is read, so
  /// an export of every session takes the memory of its longest one, not of all. The text is
  /// byte for byte what ``render(_:as:options:groups:)`` gives for the same records (the JSON
  /// with the sessions' standing groups unless anonymised), oldest first.
  ///
  /// Markdown and JSON read each session once. An anonymised export reads every session
  /// twice: first to learn who was there and the words said (``AnonymiserSources``), so that
  /// each person keeps one pseudonym across all of them, then to write them. So does HTML,
  /// whose page is titled by how many sessions it holds, which only reading them tells.
  ///
  /// A session that does not rebuild is left out and named in ``Streamed/skipped``, as
  /// ``AppDatabase/records(of:)`` does. Nothing is written until the first session is read,
  /// so when none can be, `write` is never called.
  public static func stream(
    _ ids: [SessionID], from database: AppDatabase, as format: ShareFormat,
    anonymise: Bool = false, timeZone: TimeZone = .current, to write: (String) throws -> Void
  ) throws -> Streamed {
    let order = try database.exportOrder(of: ids)
    var streamed = Streamed()
    var sessions = order.sessions
    var anonymiser: Anonymiser?
    // The earlier actions each meeting's minutes show, read once: by the first reading when
    // there is one, else as each session is written.
    var earlier: [SessionID: [EarlierAction]]?
    if anonymise || format == .html {
      var sources = AnonymiserSources()
      var read: [SessionID: [EarlierAction]] = [:]
      sessions = []
      try forEachRecord(order.sessions, of: database, skipping: &streamed.skipped) { record in
        sessions.append(record.id)
        let actions = try database.earlierActions(followedUpIn: record.state)
        if !actions.isEmpty { read[record.id] = actions }
        // They are shared too: looked at for names as the meeting's notes are.
        if anonymise { sources.add(record, also: Anonymiser.texts(of: actions)) }
      }
      earlier = read
      if anonymise {
        let around = try database.around(order.sessions)
        anonymiser = Anonymiser(
          sources: sources.sources, others: around.people, groups: around.groups)
        anonymiser?.tallies = true
      }
    }
    let time = ReadableTime(timeZone: timeZone)
    let markdown = SessionMarkdown(style: .markdown, time: time, anonymised: anonymise)
    let html = SessionHTML(time: time, anonymised: anonymise)
    var htmlTail = ""
    // The standing groups, read once: the JSON holds them, and each meeting's minutes name
    // the members who were not there. Anonymised, neither. A group whose log does not
    // rebuild refuses the JSON, which would not import; the minutes go without the names.
    let groups =
      anonymise
      ? []
      : format == .json
        ? try database.groupRecords(order.groups) : (try? database.groupRecords(order.groups)) ?? []
    let standing = GroupRecord.groups(of: groups)
    /// The digest of `record` (`read`, anonymised when asked) with the earlier actions its
    /// minutes show, scrubbed as its notes are.
    func minutes(_ record: SessionRecord, _ read: SessionRecord) throws -> SessionDigest {
      var digest = SessionDigest(record)
      let actions =
        try earlier.map { $0[read.id] ?? [] } ?? database.earlierActions(followedUpIn: read.state)
      digest.earlierActions = anonymiser?.scrub(actions) ?? actions
      if let group = read.state.setup.group.flatMap({ standing[$0] }) {
        digest.describe(group, meeting: read.state)
      }
      return digest
    }
    try forEachRecord(sessions, of: database, skipping: &streamed.skipped) { read in
      let record = try anonymiser?.anonymise(read) ?? read
      let first = streamed.written == 0
      switch format {
      case .json:
        if first { try write(jsonHead(groups: groups, anonymised: anonymise)) }
        let digest = try minutes(record, read)
        try write((first ? "" : ",\n") + jsonSession(record, digest, anonymised: anonymise))
      case .markdown:
        try write((first ? "" : "\n---\n\n") + markdown.render(try minutes(record, read)))
      case .html:
        let digest = try minutes(record, read)
        let pieces = html.pieces(
          of: digest, title: SessionHTML.title(count: sessions.count, first: digest.title))
        try write((first ? pieces.head : "") + pieces.article)
        htmlTail = pieces.tail
      }
      streamed.written += 1
    }
    if streamed.written > 0 {
      switch format {
      case .json: try write(jsonTail)
      case .html: try write(htmlTail)
      case .markdown: break
      }
    }
    streamed.undecidedSuspects = anonymiser?.undecidedSuspects ?? []
    return streamed
  }

  /// Reads each of `sessions` in turn and hands it to `each`; one that does not rebuild is
  /// named in `skipped` (once, however many times it is read) and left out.
  private static func forEachRecord(
    _ sessions: [SessionID], of database: AppDatabase, skipping skipped: inout [StoreError],
    _ each: (SessionRecord) throws -> Void
  ) throws {
    for id in sessions {
      let record: SessionRecord
      do throws(StoreError) {
        record = try database.record(of: id)
      } catch .damagedSession(let id, let sequence, let reason) {
        let error = StoreError.damagedSession(id, sequence: sequence, reason: reason)
        if !skipped.contains(error) {
          skipped.append(error)
        }
        continue
      }
      try each(record)
    }
  }

  /// The JSON file up to the first session: the keys sorted before `sessions`, as
  /// ``json(_:groups:anonymised:)`` writes them, and the opening of the list.
  static func jsonHead(groups: [GroupRecord], anonymised: Bool = false) -> String {
    let head = encode(
      ExportHead(
        anonymised: anonymised, format: format,
        groups: groups.isEmpty
          ? nil
          : groups.map {
            ExportHead.Group(id: $0.id.rawValue, events: $0.events.map(ExportedGroupEvent.init))
          }))
    // `encode` ends the object with "\n}\n"; the file goes on with its sessions.
    return String(head.dropLast(3)) + ",\n  \"sessions\" : [\n"
  }

  /// One session as an element of the file's `sessions` list: encoded alone, then indented to
  /// its depth in the file (two levels). Strings hold no raw line breaks, so every line break
  /// is the encoder's; empty lines (inside an empty list) stay empty, as the encoder leaves them.
  /// An anonymised record is written without its events, as in the whole file.
  static func jsonSession(
    _ record: SessionRecord, _ digest: SessionDigest, anonymised: Bool = false
  ) -> String {
    let text = encode(
      ExportedSession(
        id: record.id.rawValue, events: anonymised ? nil : record.events.map(ExportedEvent.init),
        derived: DerivedSession(digest, anonymised: anonymised)))
    // Byte by byte: splitting and joining strings cost more than encoding the session.
    var indented: [UInt8] = []
    indented.reserveCapacity(text.utf8.count * 5 / 4)
    var atLineStart = true
    for byte in text.utf8.dropLast() {
      if atLineStart, byte != 0x0A { indented.append(contentsOf: repeatElement(0x20, count: 4)) }
      indented.append(byte)
      atLineStart = byte == 0x0A
    }
    return String(decoding: indented, as: UTF8.self)
  }

  /// The end of the file after the last session.
  static var jsonTail: String { "\n  ],\n  \"version\" : \(version)\n}\n" }
}

/// The keys of the file that come before `sessions` in sorted order.
private struct ExportHead: Encodable {
  struct Group: Encodable {
    let id: String
    let events: [ExportedGroupEvent]
  }

  let anonymised: Bool
  let format: String
  let groups: [Group]?
}

/// One session of the file, as ``SessionExport/json(_:groups:anonymised:)`` writes it.
private struct ExportedSession: Encodable {
  let id: String
  let events: [ExportedEvent]?
  let derived: DerivedSession
}

extension AppDatabase {
  /// `ids` in the order exports write them (oldest first, ties by id, as
  /// `SessionRecord.chronological` orders records), and the standing groups they are meetings
  /// of, read from the session table without reading any session's events.
  func exportOrder(of ids: [SessionID]) throws(StoreError) -> (
    sessions: [SessionID], groups: Set<GroupID>
  ) {
    let wanted = Set(ids)
    let rows = try read { db in
      try Row.fetchAll(db, sql: "SELECT id, created_at, group_id FROM sessions")
    }
    var created: [SessionID: Int64] = [:]
    var groups = Set<GroupID>()
    for row in rows {
      guard let id = SessionID(rawValue: row["id"]), wanted.contains(id) else { continue }
      created[id] = row["created_at"]
      if let group = (row["group_id"] as String?).flatMap(GroupID.init(rawValue:)) {
        groups.insert(group)
      }
    }
    // A session not in the table (never the case for a resolved id) is read last, and then
    // reported as it would be by `records(of:)`.
    let sessions = wanted.sorted {
      (created[$0] ?? .max, $0) < (created[$1] ?? .max, $1)
    }
    return (sessions, groups)
  }
}
