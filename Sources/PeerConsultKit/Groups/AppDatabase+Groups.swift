import Foundation
import GRDB

extension AppDatabase {
  /// Creates a standing group with its first members, all in one transaction; returns it.
  /// Refused when another group has the name (without case or accents).
  @discardableResult
  public func createGroup(
    name: String, programme: String, members: [Participant], id: GroupID = .random(),
    at date: Date
  ) throws -> StandingGroup {
    let at = date.storedPrecision
    var group = try StandingGroup(id: id, name: name, programme: programme, createdAt: at)
    var events = [GroupEvent.created(name: group.name, programme: group.programme)]
    for member in members {
      try group.checkLimits(of: .memberJoined(participant: member), alike: true)
      try group.apply(.memberJoined(participant: member), at: at)
      events.append(.memberJoined(participant: member))
    }
    let recorded = events.enumerated().map {
      RecordedGroupEvent(sequence: $0.offset + 1, at: at, event: $0.element)
    }
    try appendGroupEvents([(id, recorded)])
    return group
  }

  /// Records `event` in `group`'s log after checking it against the group as stored; returns
  /// the group as it is now.
  @discardableResult
  public func changeGroup(_ id: GroupID, _ event: GroupEvent, at date: Date) throws
    -> StandingGroup
  {
    let events = try groupEvents(of: id)
    var group = try rebuild(id, events)
    let at = date.storedPrecision
    try group.checkLimits(of: event, alike: true)
    try group.apply(event, at: at)
    let next = RecordedGroupEvent(sequence: (events.last?.sequence ?? 0) + 1, at: at, event: event)
    try appendGroupEvents([(id, [next])])
    return group
  }

  /// Appends runs of group events, each to its group, in one transaction: a run from sequence 1
  /// creates its group, any other continues its group's log exactly where it ends. Keeps the
  /// `groups` table current, and refuses a name another group has.
  public func appendGroupEvents(_ runs: [(group: GroupID, events: [RecordedGroupEvent])])
    throws(StoreError)
  {
    var payloads: [[String]] = []
    for run in runs {
      do {
        payloads.append(try run.events.map { try GroupEventCodec.payload(of: $0.event) })
      } catch {
        throw .writeFailed(path: fileURL.path, reason: "an event could not be encoded: \(error)")
      }
    }
    do {
      try writer.write { db in
        for (run, payloads) in zip(runs, payloads) {
          for (event, payload) in zip(run.events, payloads) {
            try Self.insertGroupEvent(event, payload: payload, to: run.group, in: db)
          }
        }
      }
    } catch let error as StoreError {
      throw error
    } catch {
      throw StoreError.whileWriting(error, path: writer.path)
    }
  }

  static func insertGroupEvent(
    _ event: RecordedGroupEvent, payload: String, to group: GroupID, in db: Database
  ) throws {
    let id = group.rawValue
    let time = event.at.millisecondsSince1970
    let stored = try Int.fetchOne(
      db, sql: "SELECT last_seq FROM groups WHERE id = ?", arguments: [id])
    switch (event.event, stored) {
    case (.created(let name, let programme), nil) where event.sequence == 1:
      try checkNameFree(name, for: group, in: db)
      try db.execute(
        sql: """
          INSERT INTO groups (id, created_at, updated_at, last_seq, name, name_key, programme)
          VALUES (?, ?, ?, 1, ?, ?, ?)
          """,
        arguments: [id, time, time, name, nameKey(name), programme])
      try recordProgramme(programme, at: time, in: db)
    case (.created, _), (_, nil):
      throw StoreError.groupConflict(group)
    case (_, let last?):
      guard event.sequence == last + 1 else { throw StoreError.groupConflict(group) }
      try db.execute(
        sql: "UPDATE groups SET last_seq = ?, updated_at = ? WHERE id = ?",
        arguments: [event.sequence, time, id])
      if case .renamed(let name) = event.event {
        try checkNameFree(name, for: group, in: db)
        try db.execute(
          sql: "UPDATE groups SET name = ?, name_key = ? WHERE id = ?",
          arguments: [name, nameKey(name), id])
      }
      if case .programmeChanged(let programme) = event.event {
        try db.execute(
          sql: "UPDATE groups SET programme = ? WHERE id = ?", arguments: [programme, id])
        try recordProgramme(programme, at: time, in: db)
      }
    }
    try db.execute(
      sql: "INSERT INTO group_events (group_id, seq, at, type, payload) VALUES (?, ?, ?, ?, ?)",
      arguments: [id, event.sequence, time, event.event.type.rawValue, payload])
  }

  private static func checkNameFree(_ name: String, for group: GroupID, in db: Database) throws {
    let holder = try String.fetchOne(
      db, sql: "SELECT id FROM groups WHERE name_key = ?", arguments: [nameKey(name)])
    if let holder, holder != group.rawValue { throw StoreError.groupNameTaken(name) }
  }

  /// A group's name as compared: trimmed, without case or accents.
  static func nameKey(_ name: String) -> String {
    String(TermReplacer.fold(name.trimmingCharacters(in: .whitespacesAndNewlines)))
  }

  /// Every event of `group`, in order.
  public func groupEvents(of group: GroupID) throws(StoreError) -> [RecordedGroupEvent] {
    let rows = try read { db in
      try Row.fetchAll(
        db, sql: "SELECT seq, at, payload FROM group_events WHERE group_id = ? ORDER BY seq",
        arguments: [group.rawValue])
    }
    guard !rows.isEmpty else { throw .noSuchGroup(group.rawValue, known: []) }
    return try rows.map { row throws(StoreError) in
      let sequence: Int = row["seq"]
      do {
        let payload: String = row["payload"]
        return RecordedGroupEvent(
          sequence: sequence, at: Date(millisecondsSince1970: row["at"]),
          event: try GroupEventCodec.event(fromPayload: payload))
      } catch {
        throw .damagedGroup(group, sequence: sequence, reason: "\(error)")
      }
    }
  }

  /// The group rebuilt from its events.
  public func group(_ id: GroupID) throws(StoreError) -> StandingGroup {
    try rebuild(id, try groupEvents(of: id))
  }

  /// The standing group `state`'s meeting was of, as it stands, for the minutes (its name,
  /// ``StandingGroup/absentMembers(from:)``); nil for a session of no group, or of a group no
  /// longer stored or whose log does not rebuild: the meeting's own minutes still show.
  public func standingGroup(of state: SessionState) throws(StoreError) -> StandingGroup? {
    guard let id = state.setup.group else { return nil }
    do throws(StoreError) {
      return try group(id)
    } catch .noSuchGroup, .damagedGroup {
      return nil
    }
  }

  private func rebuild(_ id: GroupID, _ events: [RecordedGroupEvent]) throws(StoreError)
    -> StandingGroup
  {
    do { return try StandingGroup.replay(id, events) } catch {
      if case .unreplayable(let sequence, let reason) = error {
        throw .damagedGroup(id, sequence: sequence, reason: reason)
      }
      throw .damagedGroup(id, sequence: 0, reason: error.description)
    }
  }

  /// Every group, by name in ``NaturalOrder`` ("set 2" before "set 10"), with how often it
  /// met and when it last did: `peerconsult groups`, the group picker and the programme view list
  /// groups in the same order.
  public func groups() throws(StoreError) -> [GroupListing] {
    let rows = try read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT g.id, g.name, g.programme, count(s.id) AS sessions, max(s.created_at) AS last_met
          FROM groups g LEFT JOIN sessions s ON s.group_id = g.id
          GROUP BY g.id ORDER BY g.name_key, g.id
          """)
    }
    let listings = rows.compactMap { row -> GroupListing? in
      guard let id = GroupID(rawValue: row["id"]) else { return nil }
      return GroupListing(
        id: id, name: row["name"], programme: row["programme"], sessionCount: row["sessions"],
        lastMet: (row["last_met"] as Int64?).map(Date.init(millisecondsSince1970:)))
    }
    return NaturalOrder.sorted(listings, by: \.name)
  }

  /// The group named by a command-line argument: its name (in any case, accents optional),
  /// the start of one name only, or a unique prefix of its id.
  public func resolveGroup(_ argument: String) throws(StoreError) -> GroupID {
    let listings = try groups()
    let key = Self.nameKey(argument)
    if let named = listings.first(where: { Self.nameKey($0.name) == key }) { return named.id }
    let prefix = argument.trimmingCharacters(in: .whitespaces).lowercased()
    let starting = listings.filter { !key.isEmpty && Self.nameKey($0.name).hasPrefix(key) }
    let matches =
      starting.count == 1
      ? starting : listings.filter { !prefix.isEmpty && $0.id.rawValue.hasPrefix(prefix) }
    guard matches.count == 1 else {
      throw .noSuchGroup(argument, known: listings.map(\.name))
    }
    return matches[0].id
  }

  /// The sessions of `group`, oldest first.
  public func sessions(inGroup group: GroupID) throws(StoreError) -> [SessionID] {
    try read { db in
      try String.fetchAll(
        db, sql: "SELECT id FROM sessions WHERE group_id = ? ORDER BY created_at, id",
        arguments: [group.rawValue])
    }.compactMap(SessionID.init(rawValue:))
  }
}

/// A group in a listing.
public struct GroupListing: Hashable, Sendable {
  public let id: GroupID
  public let name: String
  public let programme: String
  /// How many sessions were meetings of it.
  public let sessionCount: Int
  /// When the newest of them was created.
  public let lastMet: Date?
}
