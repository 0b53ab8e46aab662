import Foundation
import GRDB
import GRDBSQLite

/// What ``AppDatabase/erasePerson(named:at:)`` did.
public struct Erasure: Hashable, Sendable {
  /// What now stands where the person was, in every session they were in.
  public let pseudonym: String
  /// The sessions rewritten, oldest first.
  public let sessions: [SessionID]
  /// The standing groups whose logs were rewritten, the person having been a member.
  public var groups: [GroupID] = []
  /// Whether the file's free space was cleared of what was removed; false when the disk was
  /// full (``AppDatabase/deleteSession(_:isLive:)``).
  public var cleared = true
}

extension AppDatabase {
  /// Removes `session` (its events, the tables kept from them and its search entries) so that
  /// no byte of it is left in the file, its WAL or its free pages (``leavingNoTrace(_:)``).
  ///
  /// - Parameter isLive: whether another program is facilitating a session (asked inside the
  ///   write, so a session that went live since the facilitator confirmed is still refused,
  ///   with ``StoreError/openElsewhere(_:)``).
  /// - Returns: whether the file's free space was cleared too. False when the disk was full
  ///   for it: the session is removed all the same (a refusal then would have said it was
  ///   not), and its bytes wait in the free pages until the next opening for writing clears
  ///   them (``finishPendingScrub()``).
  @discardableResult
  public func deleteSession(
    _ session: SessionID, isLive: (SessionID) -> Bool = { _ in false }
  ) throws(StoreError) -> Bool {
    try leavingNoTrace { db in
      guard
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [session.rawValue])
          == true
      else { throw StoreError.noSuchSession(session.rawValue) }
      if isLive(session) { throw StoreError.openElsewhere(session) }
      try Self.removeRows(of: session, in: db)
    }
  }

  /// Erases the person called `name` (without regard to case or accents) from every session
  /// they took part in: their name and organisation become a permanent pseudonym,
  /// `[Erased person N]`, and so do mentions of them in titles, focus questions and every
  /// version of every note. The meetings of a standing group they were a member of or came to
  /// as a guest, those they missed included, are rewritten too (and a member still there
  /// leaves the group): a meeting names its absent members ("carried:
  /// Priya is on leave"), and its carry notes and drop reasons follow up their actions. This is
  /// the one rewrite of the event log allowed: each session's events are re-coded and
  /// re-projected, and a `personErased` event that holds only the pseudonym records it, at
  /// `date`. Nothing of the removed text is left in the file, its WAL
  /// or its free pages. Refused, changing nothing, when `isLive` says another program is
  /// facilitating one of their sessions (``StoreError/openElsewhere(_:)``).
  public func erasePerson(
    named name: String, at date: Date, isLive: (SessionID) -> Bool = { _ in false }
  ) throws(StoreError) -> Erasure {
    let wanted = TermReplacer.nameKey(name)
    guard !wanted.isEmpty else { throw .noSuchPerson(name) }
    var erasure: Erasure?
    let cleared = try leavingNoTrace { db in
      let (groups, meetingGroups, sessions) = try Self.reach(of: wanted, in: db)
      guard !sessions.isEmpty || !groups.isEmpty else { throw StoreError.noSuchPerson(name) }
      let members = try Self.memberships(of: wanted, in: groups, db)
      let guests = try Self.participations(of: wanted, inMeetingsOf: meetingGroups, in: db)
      let identities = members + guests.filter { !members.contains($0) }
      if let live = sessions.first(where: isLive) { throw StoreError.openElsewhere(live) }
      // Numbered across sessions and groups, whose payloads hold the same words.
      let erased =
        try Int.fetchOne(
          db,
          sql: """
            SELECT count(DISTINCT pseudonym) FROM (
              SELECT json_extract(payload, '$.pseudonym') AS pseudonym FROM events
                WHERE type = 'personErased'
              UNION
              SELECT json_extract(payload, '$.pseudonym') FROM group_events
                WHERE type = 'personErased')
            """) ?? 0
      let pseudonym = "[Erased person \(erased + 1)]"
      for session in sessions {
        try Self.erase(name, as: pseudonym, from: session, members: identities, at: date, in: db)
      }
      for group in groups {
        try Self.erase(name, as: pseudonym, fromGroup: group, at: date, in: db)
      }
      erasure = Erasure(pseudonym: pseudonym, sessions: sessions, groups: groups)
    }
    guard var erasure else { throw .noSuchPerson(name) }
    erasure.cleared = cleared
    return erasure
  }

  /// The sessions ``erasePerson(named:at:isLive:)`` would rewrite, oldest first: those the
  /// person called `name` (without regard to case or accents) took part in, and the meetings
  /// of the standing groups they were a member of or came to as a guest.
  public func sessions(toErase name: String) throws(StoreError) -> [SessionID] {
    let wanted = TermReplacer.nameKey(name)
    return try read { db in try Self.reach(of: wanted, in: db).sessions }
  }

  /// What an erasure of the person called `wanted` (folded) rewrites: the standing groups they
  /// are a member of (`groups`), those whose meetings it rewrites (``meetingGroups(of:members:in:)``)
  /// and the sessions, oldest first. One reading for the erasure and for the list a
  /// confirmation shows, so the two cannot drift apart.
  private static func reach(of wanted: [Character], in db: Database) throws -> (
    groups: [GroupID], meetingGroups: [GroupID], sessions: [SessionID]
  ) {
    let groups = try groups(withMember: wanted, in: db)
    let meetingGroups = try meetingGroups(of: wanted, members: groups, in: db)
    return (
      groups, meetingGroups,
      try sessions(withParticipant: wanted, orMember: meetingGroups, in: db)
    )
  }

  /// The standing groups whose every meeting an erasure rewrites: those the person called
  /// `wanted` (folded) was a member of, `members`, and those whose meetings they came to as a
  /// guest. A guest is named in the group's other meetings too ("Invite Grace Hope to the next
  /// one"), and once erased nobody knows the name to replace it when the group's meetings are
  /// shared: an anonymised harvest printed it as written.
  private static func meetingGroups(
    of wanted: [Character], members: [GroupID], in db: Database
  ) throws -> [GroupID] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT p.name, s.group_id FROM participants p
        JOIN sessions s ON s.id = p.session_id WHERE s.group_id IS NOT NULL
        ORDER BY s.group_id
        """)
    var groups = members
    for row in rows where TermReplacer.nameKey(row["name"] as String) == wanted {
      if let group = GroupID(rawValue: row["group_id"]), !groups.contains(group) {
        groups.append(group)
      }
    }
    return groups
  }

  /// The person as the meetings of `groups` they came to knew them, so a meeting they missed
  /// has their organisation to replace too; not as one-off sessions did, whose organisations
  /// mean nothing to the group.
  private static func participations(
    of wanted: [Character], inMeetingsOf groups: [GroupID], in db: Database
  ) throws -> [Participant] {
    let ids = Set(groups.map(\.rawValue))
    var found: [Participant] = []
    // From the events, which hold an organisation's other names ("HC" for Harbour Centre);
    // the participants table does not.
    for row in try Row.fetchAll(
      db,
      sql: """
        SELECT e.payload, s.group_id FROM events e JOIN sessions s ON s.id = e.session_id
        WHERE s.group_id IS NOT NULL AND e.type IN ('created', 'participantAdded')
        """)
    where ids.contains(row["group_id"]) {
      let people: [Participant] =
        switch try SessionEventCodec.event(fromPayload: row["payload"]) {
        case .created(let setup): setup.participants
        case .participantAdded(let participant): [participant]
        default: []
        }
      for participant in people
      where TermReplacer.nameKey(participant.name) == wanted && !found.contains(participant) {
        found.append(participant)
      }
    }
    return found
  }

  /// ``sessions(toErase:)`` of a name already folded, with the groups it was a member
  /// of, inside the caller's read or write.
  private static func sessions(
    withParticipant wanted: [Character], orMember groups: [GroupID], in db: Database
  ) throws -> [SessionID] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT p.session_id, p.name, s.group_id FROM participants p
        JOIN sessions s ON s.id = p.session_id ORDER BY s.created_at, s.id
        """)
    let groupIDs = Set(groups.map(\.rawValue))
    var sessions: [SessionID] = []
    for row in rows
    where (row["group_id"] as String?).map(groupIDs.contains) == true
      || TermReplacer.nameKey(row["name"] as String) == wanted
    {
      if let session = SessionID(rawValue: row["session_id"]), !sessions.contains(session) {
        sessions.append(session)
      }
    }
    return sessions
  }

  /// The person as the standing groups `groups` knew them (each time they joined one), so a
  /// meeting they missed has their organisation to replace too.
  private static func memberships(
    of wanted: [Character], in groups: [GroupID], _ db: Database
  ) throws -> [Participant] {
    guard !groups.isEmpty else { return [] }
    var members: [Participant] = []
    for group in groups {
      let payloads = try String.fetchAll(
        db,
        sql: "SELECT payload FROM group_events WHERE group_id = ? AND type = 'memberJoined'",
        arguments: [group.rawValue])
      for payload in payloads {
        if case .memberJoined(let participant) = try GroupEventCodec.event(fromPayload: payload),
          TermReplacer.nameKey(participant.name) == wanted, !members.contains(participant)
        {
          members.append(participant)
        }
      }
    }
    return members
  }

  /// Rewrites `session`'s events without the person and appends the erasure event. A meeting
  /// of their standing group that they missed knows them as `members` (their memberships).
  private static func erase(
    _ name: String, as pseudonym: String, from session: SessionID, members: [Participant],
    at date: Date, in db: Database
  ) throws {
    let rows = try Row.fetchAll(
      db, sql: "SELECT seq, at, payload FROM events WHERE session_id = ? ORDER BY seq",
      arguments: [session.rawValue])
    let events = try rows.map { row in
      RecordedEvent(
        sequence: row["seq"], at: Date(millisecondsSince1970: row["at"]),
        event: try SessionEventCodec.event(fromPayload: row["payload"]))
    }
    var participants: [Participant] = []
    for recorded in events {
      if case .created(let setup) = recorded.event { participants += setup.participants }
      if case .participantAdded(let participant) = recorded.event {
        participants.append(participant)
      }
    }
    // Two people called alike but for case or accents are told apart by how each is written;
    // a name written as neither would erase both.
    let spellings = PersonEraser.spellings(of: name, among: participants)
    var written: String?
    if spellings.count > 1 {
      written = PersonEraser.spelling(name)
      guard spellings.contains(written!) else {
        throw StoreError.ambiguousPerson(
          name, session: session,
          spellings: spellings.map { spelling in
            participants.first { PersonEraser.spelling($0.name) == spelling }!.name
          })
      }
    }
    // Absent, they are not among its people, but mentions of them and of their organisation
    // (unless someone there belongs to it) still go.
    let tookPart = participants.contains {
      TermReplacer.nameKey($0.name) == TermReplacer.nameKey(name)
    }
    let eraser = PersonEraser(
      name: name, pseudonym: pseudonym, participants: participants + (tookPart ? [] : members),
      written: written)
    try removeRows(of: session, in: db)
    var rewritten = events.map {
      RecordedEvent(sequence: $0.sequence, at: $0.at, event: eraser.erase($0.event))
    }
    rewritten.append(
      RecordedEvent(
        sequence: events.count + 1, at: max(date, events.last?.at ?? date),
        event: .personErased(pseudonym: pseudonym)))
    // The old snapshot went with the rows; the new one holds only the pseudonym.
    var scopes = Set<ActionStates.Scope>()
    for event in rewritten {
      scopes.formUnion(
        try insert(
          event, payload: SessionEventCodec.payload(of: event.event), to: session, in: db,
          keepingSnapshot: false, refreshingActions: false))
    }
    try ActionStates.refresh(scopes, in: db)
    try keepSnapshot(of: session, afterRun: 1, to: rewritten.count, in: db)
  }

  /// The groups someone called `wanted` (folded) ever joined, by id.
  private static func groups(withMember wanted: [Character], in db: Database) throws -> [GroupID] {
    let rows = try Row.fetchAll(
      db,
      sql: """
        SELECT DISTINCT group_id, json_extract(payload, '$.participant.name') AS name
        FROM group_events WHERE type = 'memberJoined' ORDER BY group_id
        """)
    var groups: [GroupID] = []
    for row in rows where TermReplacer.nameKey(row["name"] as String? ?? "") == wanted {
      if let group = GroupID(rawValue: row["group_id"]), !groups.contains(group) {
        groups.append(group)
      }
    }
    return groups
  }

  /// Rewrites `group`'s events without the person and appends the erasure event; the group's
  /// row is rewritten from the new events.
  private static func erase(
    _ name: String, as pseudonym: String, fromGroup group: GroupID, at date: Date,
    in db: Database
  ) throws {
    let rows = try Row.fetchAll(
      db, sql: "SELECT seq, at, payload FROM group_events WHERE group_id = ? ORDER BY seq",
      arguments: [group.rawValue])
    let events = try rows.map { row in
      RecordedGroupEvent(
        sequence: row["seq"], at: Date(millisecondsSince1970: row["at"]),
        event: try GroupEventCodec.event(fromPayload: row["payload"]))
    }
    let participants = events.compactMap { recorded -> Participant? in
      if case .memberJoined(let participant) = recorded.event { return participant }
      return nil
    }
    let eraser = PersonEraser(name: name, pseudonym: pseudonym, participants: participants)
    try db.execute(sql: "DELETE FROM group_events WHERE group_id = ?", arguments: [group.rawValue])
    try db.execute(sql: "DELETE FROM groups WHERE id = ?", arguments: [group.rawValue])
    var rewritten = events.map {
      RecordedGroupEvent(sequence: $0.sequence, at: $0.at, event: eraser.erase($0.event))
    }
    let at = max(date, events.last?.at ?? date)
    // Still a member, they leave the group: an erased person was offered as the next meeting's
    // presenter, and put in its form, as "[Erased person 1]".
    var isMember = false
    for recorded in rewritten {
      switch recorded.event {
      case .memberJoined(let participant) where participant.name == pseudonym: isMember = true
      case .memberLeft(let name) where name == pseudonym: isMember = false
      default: break
      }
    }
    if isMember {
      rewritten.append(
        RecordedGroupEvent(
          sequence: rewritten.count + 1, at: at, event: .memberLeft(name: pseudonym)))
    }
    rewritten.append(
      RecordedGroupEvent(
        sequence: rewritten.count + 1, at: at, event: .personErased(pseudonym: pseudonym)))
    for event in rewritten {
      try insertGroupEvent(
        event, payload: GroupEventCodec.payload(of: event.event), to: group, in: db)
    }
  }

  /// Deletes every row of `session`; the notes' trigger takes their search entries with them.
  /// The states of the actions it met about (its group's, and those it followed up) are
  /// folded again without it.
  static func removeRows(of session: SessionID, in db: Database) throws {
    var scopes = Set<ActionStates.Scope>()
    if let own = try ActionStates.scope(of: session.rawValue, in: db), own.group != nil {
      scopes.insert(own)
    }
    for followed in try String.fetchAll(
      db, sql: "SELECT DISTINCT action_session FROM action_follow_ups WHERE session_id = ?",
      arguments: [session.rawValue])
    where followed != session.rawValue {
      if let scope = try ActionStates.scope(of: followed, in: db) { scopes.insert(scope) }
    }
    try db.execute(
      sql: "DELETE FROM note_tags WHERE note_id IN (SELECT id FROM notes WHERE session_id = ?)",
      arguments: [session.rawValue])
    for table in [
      "notes", "participants", "rounds", "slots", "events", "session_snapshots",
      "action_follow_ups", "action_states", "note_drafts",
    ] {
      try db.execute(
        sql: "DELETE FROM \(table) WHERE session_id = ?", arguments: [session.rawValue])
    }
    try db.execute(sql: "DELETE FROM sessions WHERE id = ?", arguments: [session.rawValue])
    try ActionStates.refresh(scopes, in: db)
  }

  /// Runs `body` in one transaction with secure delete on (freed pages are zeroed), then
  /// leaves no copy of what it removed anywhere: the search index is rebuilt (FTS5 keeps
  /// deleted tokens in its segments until they merge), the WAL is checkpointed and truncated,
  /// the file is vacuumed (no free pages), and the WAL truncated again.
  /// Returns whether the free space was cleared; false when only that failed (a full disk),
  /// the removal being committed: then the next opening for writing clears it.
  @discardableResult
  func leavingNoTrace(_ body: (Database) throws -> Void) throws(StoreError) -> Bool {
    var committed = false
    do {
      try writer.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try db.inTransaction {
          try body(db)
          try db.execute(sql: "INSERT INTO notes_fts (notes_fts) VALUES ('rebuild')")
          // Kept until the free space is cleared, by this removal or a later opening.
          try db.execute(
            sql: "INSERT OR REPLACE INTO meta (key, value) VALUES (?, '1')",
            arguments: [Self.scrubPendingKey])
          return .commit
        }
        committed = true
        try Self.scrub(db)
      }
    } catch let error as StoreError {
      throw error
    } catch {
      // Removed and committed: only the clearing of the free space failed (a full disk).
      if committed { return false }
      throw .whileWriting(error, path: writer.path)
    }
    return true
  }

  /// The `meta` key that says a removal's bytes may still be in the file's free pages.
  static let scrubPendingKey = "scrubPending"

  /// Copies the log into the file and rebuilds it without its free pages, so that nothing
  /// removed stays in either; then forgets that a clearing was pending.
  private static func scrub(_ db: Database) throws {
    try db.checkpoint(.truncate)
    try db.execute(sql: "VACUUM")
    try db.execute(sql: "DELETE FROM meta WHERE key = ?", arguments: [scrubPendingKey])
    try db.checkpoint(.truncate)
  }

  /// Clears the free space a removal could not clear (``leavingNoTrace(_:)`` on a full disk),
  /// when one is pending; returns whether nothing is pending any more.
  ///
  /// It does not wait for other programs: while one reads the database (another window, a
  /// room display) the rewrite would hold every writer up to the busy timeout, a live
  /// session's notes among them, so it gives way at once and is tried at the next opening.
  func finishPendingScrub() -> Bool {
    do {
      return try writer.writeWithoutTransaction { db in
        guard
          try Bool.fetchOne(
            db, sql: "SELECT 1 FROM meta WHERE key = ?", arguments: [Self.scrubPendingKey])
            == true
        else { return true }
        sqlite3_busy_timeout(db.sqliteConnection, 0)
        defer {
          sqlite3_busy_timeout(db.sqliteConnection, Int32(Self.busyTimeout * 1000))
          try? db.execute(sql: "PRAGMA secure_delete = OFF")
        }
        try db.execute(sql: "PRAGMA secure_delete = ON")
        try Self.scrub(db)
        return true
      }
    } catch {
      return false
    }
  }

}
