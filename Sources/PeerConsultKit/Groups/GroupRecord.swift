import Foundation

/// A standing group as exports and import see it: its identity, its whole event log, and the
/// group that log folds to.
public struct GroupRecord: Hashable, Sendable {
  public let id: GroupID
  public let events: [RecordedGroupEvent]
  public let group: StandingGroup

  /// Replays `events`; throws if they do not rebuild a group, or, `checkingLimits`, if they
  /// take it past what a group takes now (``StandingGroup/replay(_:_:checkingLimits:)``).
  public init(id: GroupID, events: [RecordedGroupEvent], checkingLimits: Bool = false)
    throws(GroupError)
  {
    self.id = id
    self.events = events
    group = try StandingGroup.replay(id, events, checkingLimits: checkingLimits)
  }

  /// The groups of `records` by id, for the minutes of their meetings; the first of an id
  /// stands.
  public static func groups(of records: [GroupRecord]) -> [GroupID: StandingGroup] {
    Dictionary(records.map { ($0.id, $0.group) }, uniquingKeysWith: { first, _ in first })
  }
}

extension AppDatabase {
  /// The records of the groups that `sessions` are meetings of, by id; a group that is not
  /// stored (its meetings were imported without it) is left out.
  public func groupRecords(for sessions: [SessionRecord]) throws(StoreError) -> [GroupRecord] {
    try groupRecords(Set(sessions.compactMap(\.state.setup.group)))
  }

  /// The records of the groups `ids`, ordered by id; a group not stored is left out.
  public func groupRecords(_ ids: Set<GroupID>) throws(StoreError) -> [GroupRecord] {
    var records: [GroupRecord] = []
    for id in ids.sorted() {
      let events: [RecordedGroupEvent]
      do throws(StoreError) { events = try groupEvents(of: id) } catch .noSuchGroup {
        continue
      }
      do { records.append(try GroupRecord(id: id, events: events)) } catch {
        if case .unreplayable(let sequence, let reason) = error {
          throw .damagedGroup(id, sequence: sequence, reason: reason)
        }
        throw .damagedGroup(id, sequence: 0, reason: error.description)
      }
    }
    return records
  }
}
