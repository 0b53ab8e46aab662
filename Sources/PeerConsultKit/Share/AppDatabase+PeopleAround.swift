import Foundation
import GRDB

/// Who and which standing groups sessions shared together may name without having been
/// there, for the ``Anonymiser`` to replace as well as their own people.
public struct Around: Sendable {
  /// The people, as ``AppDatabase/peopleAround(_:)`` gives them.
  public var people: [Participant] = []
  /// Every standing group's names in the data folder, every one it has had in the order it
  /// had them: its meetings' titles are often made of one ("North SLG 3"), and a note may
  /// name any group, whatever its programme.
  public var groups: [GroupID: [String]] = [:]

  public init(people: [Participant] = [], groups: [GroupID: [String]] = [:]) {
    self.people = people
    self.groups = groups
  }
}

extension AppDatabase {
  /// Everyone sessions `ids` may mention who need not have been there: the participants of
  /// every session of the same programmes and standing groups, and every member of those
  /// groups, past or present (with their organisations' other names), in a stable order.
  ///
  /// An anonymised export of one meeting replaces them as well as its own people
  /// (``Anonymiser/init(records:others:groups:earlier:)``): the member who sent apologies, the
  /// guest of the meeting before, are the people a note names most often ("Zoë sent
  /// apologies"), and a harvest of the whole programme would have replaced them as
  /// participants.
  public func peopleAround(_ ids: [SessionID]) throws(StoreError) -> [Participant] {
    try around(ids).people
  }

  /// ``peopleAround(_:)``, and the names of every standing group, every name each has had:
  /// an anonymised export replaces them too.
  public func around(_ ids: [SessionID]) throws(StoreError) -> Around {
    guard !ids.isEmpty else { return Around() }
    let array = Self.jsonArray(of: ids)
    let (programmes, groups) = try read { db in
      let rows = try Row.fetchAll(
        db,
        sql: """
          SELECT DISTINCT programme, group_id FROM sessions
          WHERE id IN (SELECT value FROM json_each(?))
          """, arguments: [array])
      return (
        Set(rows.map { $0[0] as String }.filter { !$0.isEmpty }),
        Set(rows.compactMap { $0[1] as String? })
      )
    }
    return try around(programmes: programmes, groups: groups)
  }

  /// What anonymising sessions `ids` together will do, with the people around them
  /// (``peopleAround(_:)``), as an anonymised export of them replaces them.
  public func shareReview(of ids: [SessionID]) throws(StoreError) -> ShareReview {
    let records = try records(of: ids).records
    let around = try around(ids)
    return ShareReview(
      records: records, others: around.people, groups: around.groups,
      earlier: try earlierActions(of: records))
  }

  /// ``earlierActions(followedUpIn:)`` of each of `records`, by session, for their minutes.
  public func earlierActions(of records: [SessionRecord]) throws(StoreError)
    -> [SessionID: [EarlierAction]]
  {
    var earlier: [SessionID: [EarlierAction]] = [:]
    for record in records {
      let actions = try earlierActions(followedUpIn: record.state)
      if !actions.isEmpty { earlier[record.id] = actions }
    }
    return earlier
  }

  /// Everyone a harvest of `programme` may mention, as ``peopleAround(_:)`` gives them for
  /// its sessions: the participants of all its sessions, whatever the period harvested, and
  /// the members of its groups and of the groups that met in it.
  public func peopleAround(programme: String) throws(StoreError) -> [Participant] {
    try around(programme: programme).people
  }

  /// ``peopleAround(programme:)``, and the names of every standing group, every name each
  /// has had, as ``around(_:)`` gives them.
  public func around(programme: String) throws(StoreError) -> Around {
    try around(programmes: [programme], groups: [])
  }

  /// The participants of the sessions of `programmes` or `groups`, then the members of
  /// `groups` and of `programmes`' groups; and every group's names.
  private func around(programmes: Set<String>, groups: Set<String>) throws(StoreError)
    -> Around
  {
    let programmeArray = Self.jsonArray(programmes.sorted())
    let (sessionPeople, groupEvents) = try read { db in
      let groupIDs = try String.fetchAll(
        db,
        sql: """
          SELECT id FROM groups WHERE programme IN (SELECT value FROM json_each(?))
          UNION SELECT group_id FROM sessions
            WHERE programme IN (SELECT value FROM json_each(?)) AND group_id IS NOT NULL
          """, arguments: [programmeArray, programmeArray])
      let groupArray = Self.jsonArray(groups.union(groupIDs).sorted())
      let scope = """
        (s.programme IN (SELECT value FROM json_each(?))
          OR s.group_id IN (SELECT value FROM json_each(?)))
        """
      let arguments: StatementArguments = [programmeArray, groupArray]
      let participants = try Self.participants(scope: scope, arguments, in: db)
      // A session whose events do not decode keeps its people without other names.
      let aliases = try Self.organisationAliases(scope: scope, arguments, in: db).aliases
      var people: [Participant] = []
      for session in participants.keys.sorted() {
        for (index, participant) in participants[session]!.enumerated() {
          var participant = participant
          participant.organisationAliases = aliases[session]?[index] ?? []
          people.append(participant)
        }
      }
      // Of the groups around, every event; of the data folder's other groups, their names:
      // a note names another group ("ask Hawk Set too") whatever its programme, or none.
      let events = try Row.fetchAll(
        db,
        sql: """
          SELECT group_id, seq, payload FROM group_events
          WHERE group_id IN (SELECT value FROM json_each(?))
            OR type IN ('created', 'renamed')
          ORDER BY group_id, seq
          """, arguments: [groupArray]
      ).map { (group: $0[0] as String, sequence: $0[1] as Int, payload: $0[2] as String) }
      return (people, events)
    }
    var around = Around(people: sessionPeople)
    for event in groupEvents {
      guard let group = GroupID(rawValue: event.group) else { continue }
      do {
        switch try GroupEventCodec.event(fromPayload: event.payload) {
        case .memberJoined(let participant): around.people.append(participant)
        case .created(let name, _), .renamed(let name):
          around.groups[group, default: []].append(name)
        default: break
        }
      } catch {
        // A member or a name nobody can read could not be replaced: nothing is shared instead.
        throw .damagedGroup(group, sequence: event.sequence, reason: "\(error)")
      }
    }
    return around
  }

  /// `strings` as a JSON array, for `json_each`.
  private static func jsonArray(_ strings: [String]) -> String {
    (try? String(decoding: JSONEncoder().encode(strings), as: UTF8.self)) ?? "[]"
  }
}
