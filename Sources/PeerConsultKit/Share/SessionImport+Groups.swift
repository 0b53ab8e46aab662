import Foundation

/// A standing group read from an export file and checked: its events are numbered from 1 and
/// rebuild.
public struct ImportedGroup: Hashable, Sendable {
  public let record: GroupRecord
  /// The file it came from, as given.
  public let path: String
}

/// Everything an export file holds: sessions and the standing groups they meet in.
public struct ImportBatch: Hashable, Sendable {
  public var sessions: [ImportedSession] = []
  public var groups: [ImportedGroup] = []

  public init(sessions: [ImportedSession] = [], groups: [ImportedGroup] = []) {
    self.sessions = sessions
    self.groups = groups
  }
}

/// What an import did, or would do, to one standing group.
public struct GroupImportOutcome: Hashable, Sendable {
  public let group: GroupID
  public let name: String
  public let change: ImportOutcome.Change
}

extension SessionImport {
  /// The groups of an export file as written (`groups`, absent in files without any).
  struct GroupBody: Decodable {
    let id: GroupID
    let events: [ExportedGroupEvent]
  }

  /// Checks one group's events as the live program would have written them (numbered 1, 2,
  /// 3… from its creation, at times from 2000 to 2200, texts that can be typed) and rebuilds
  /// it, wherever they were read (an export file, a shared store); `path` names the source.
  public static func checked(_ id: GroupID, _ events: [RecordedGroupEvent], path: String)
    throws(ImportError) -> ImportedGroup
  {
    let place = "group \(id.short)"
    if let misplaced = events.indices.first(where: { events[$0].sequence != $0 + 1 }) {
      throw .invalid(
        path: path,
        detail: "\(place): event \(misplaced + 1) is numbered \(events[misplaced].sequence), "
          + "and events are numbered 1, 2, 3…")
    }
    for recorded in events where !(earliestTime..<latestTime).contains(recorded.at) {
      throw .invalid(
        path: path,
        detail: "\(place), event \(recorded.sequence): its time "
          + "\(ExportTime.string(recorded.at)) is not between 2000 and 2200")
    }
    // Leaving names a member, so its name is bounded by theirs; every other text is checked
    // by the replay, as when the group was changed live.
    do {
      // What a group takes now is checked as the events come in, in the one replay.
      return ImportedGroup(
        record: try GroupRecord(id: id, events: events, checkingLimits: true), path: path)
    } catch .pastLimit(let reason) {
      throw .groupOverLimit(path: path, group: id, detail: reason)
    } catch {
      throw .invalid(path: path, detail: "\(place) does not rebuild: \(error.description)")
    }
  }

  /// One entry per group: copies in several files collapse to the most complete.
  static func merging(_ groups: [ImportedGroup]) throws(ImportError) -> [ImportedGroup] {
    var merged: [ImportedGroup] = []
    var positions: [GroupID: Int] = [:]
    for group in groups {
      guard let position = positions[group.record.id] else {
        positions[group.record.id] = merged.count
        merged.append(group)
        continue
      }
      let kept = merged[position].record.events
      let new = group.record.events
      if Array(kept.prefix(new.count)) == new { continue }
      guard Array(new.prefix(kept.count)) == kept else {
        throw .inconsistentGroupCopies(
          group: group.record.id, paths: [merged[position].path, group.path])
      }
      merged[position] = group
    }
    return merged
  }

  /// Compares each group with what `database` holds: the events to append and the outcome.
  static func plan(_ groups: [ImportedGroup], against database: AppDatabase)
    throws(ImportError) -> [(events: [RecordedGroupEvent], outcome: GroupImportOutcome)]
  {
    var steps: [(events: [RecordedGroupEvent], outcome: GroupImportOutcome)] = []
    for imported in groups {
      let record = imported.record
      let stored: [RecordedGroupEvent]
      do throws(StoreError) {
        stored = try database.groupEvents(of: record.id)
      } catch .noSuchGroup {
        stored = []
      } catch {
        throw .store(error)
      }
      guard
        let (change, append) = ImportOutcome.Change.comparing(
          stored: stored, incoming: record.events)
      else {
        throw .divergedGroup(path: imported.path, group: record.id, name: record.group.name)
      }
      steps.append(
        (append, GroupImportOutcome(group: record.id, name: record.group.name, change: change)))
    }
    return steps
  }
}
