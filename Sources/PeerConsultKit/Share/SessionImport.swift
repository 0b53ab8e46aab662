import Foundation

/// A session read from an export file and checked: its events are numbered from 1 and rebuild.
public struct ImportedSession: Hashable, Sendable {
  public let record: SessionRecord
  /// The file it came from, as given.
  public let path: String
}

/// What an import did, or would do, to one session.
public struct ImportOutcome: Hashable, Sendable {
  public enum Change: Hashable, Sendable {
    /// A session new to the data folder.
    case added
    /// The folder held an earlier state of the session (exported before it ended); the
    /// `events` that followed were appended.
    case extended(events: Int)
    /// The folder already holds exactly this session: nothing changed.
    case alreadyPresent
    /// The folder holds a later state of this session, with `events` more: nothing changed.
    case newerPresent(events: Int)

    /// What importing the log `incoming` does to the `stored` one (empty when the folder
    /// has none): the change and the events to append, or nil when the two diverge (neither
    /// is the start of the other). Sessions and standing groups are compared the same way.
    public static func comparing<Event: Equatable>(stored: [Event], incoming: [Event]) -> (
      change: Change, append: [Event]
    )? {
      if stored.isEmpty { return (.added, incoming) }
      if stored == incoming { return (.alreadyPresent, []) }
      if stored.count < incoming.count, Array(incoming.prefix(stored.count)) == stored {
        return (
          .extended(events: incoming.count - stored.count), Array(incoming.dropFirst(stored.count))
        )
      }
      if incoming.count < stored.count, Array(stored.prefix(incoming.count)) == incoming {
        return (.newerPresent(events: stored.count - incoming.count), [])
      }
      return nil
    }
  }

  public let session: SessionID
  public let title: String
  public let path: String
  /// Events in the file.
  public let eventCount: Int
  public let change: Change
}

/// Imports JSON session exports into a data folder, as a programme lead merging the exports of
/// several facilitators does.
///
/// Everything is read and checked before anything is written: the format and version, the
/// structure, and that every session rebuilds. Each session is then compared with the one the
/// folder may already hold (same id): identical sessions are skipped, so importing twice
/// changes nothing; a session whose log continues the stored one is extended; a session that
/// differs otherwise is refused. All writing happens in one transaction, so a refusal or a
/// failure leaves the folder exactly as it was.
public enum SessionImport {
  /// Imports `files` into `database`, a session at a time (``check(_:)``, then
  /// ``write(_:into:)``); returns what happened to each session, in file order.
  public static func run(_ files: [URL], into database: AppDatabase) throws(ImportError)
    -> [ImportOutcome]
  {
    try write(check(files), into: database).sessions
  }

  /// Reads and checks every file; a session found in several files, or twice in one, is kept
  /// once, as its most complete copy.
  public static func read(_ files: [URL]) throws(ImportError) -> [ImportedSession] {
    try readAll(files).sessions
  }

  /// Reads and checks every file, sessions and standing groups alike; each is kept once, as
  /// its most complete copy.
  public static func readAll(_ files: [URL]) throws(ImportError) -> ImportBatch {
    var batch = ImportBatch()
    for file in files {
      let read = try readAll(file)
      batch.sessions += read.sessions
      batch.groups += read.groups
    }
    return ImportBatch(sessions: try merging(batch.sessions), groups: try merging(batch.groups))
  }

  /// Compares `sessions` (from ``read(_:)``) with what `database` holds and writes what is
  /// new, all in one transaction; returns what happened to each session.
  public static func write(_ sessions: [ImportedSession], into database: AppDatabase)
    throws(ImportError) -> [ImportOutcome]
  {
    try write(ImportBatch(sessions: sessions), into: database).sessions
  }

  /// Compares the sessions and groups of `batch` with what `database` holds and writes what
  /// is new, all in one transaction; returns what happened to each.
  public static func write(_ batch: ImportBatch, into database: AppDatabase)
    throws(ImportError) -> (sessions: [ImportOutcome], groups: [GroupImportOutcome])
  {
    let plan = try self.plan(batch.sessions, against: database)
    let groupPlan = try self.plan(batch.groups, against: database)
    let runs = plan.compactMap { step in step.events.isEmpty ? nil : (step.session, step.events) }
    let groupRuns = groupPlan.compactMap { step in
      step.events.isEmpty ? nil : (step.outcome.group, step.events)
    }
    do throws(StoreError) {
      try database.appendInOneTransaction(runs, groups: groupRuns)
    } catch {
      throw .store(error)
    }
    return (plan.map(\.outcome), groupPlan.map(\.outcome))
  }

  /// Reads and checks one export file.
  public static func read(_ file: URL) throws(ImportError) -> [ImportedSession] {
    try readAll(file).sessions
  }

  /// Reads and checks one export file, sessions and groups.
  public static func readAll(_ file: URL) throws(ImportError) -> ImportBatch {
    // Every session is kept: a file that could not be held in memory is refused.
    try readAll(ImportSource(file, limits: .whole))
  }

  /// Reads and checks the sessions of an export file; `path` names it in messages.
  public static func read(_ data: Data, path: String) throws(ImportError) -> [ImportedSession] {
    try readAll(data, path: path).sessions
  }

  /// Reads and checks the contents of an export file; `path` names it in messages.
  public static func readAll(_ data: Data, path: String) throws(ImportError) -> ImportBatch {
    try readAll(ImportSource(data, path: path))
  }

  /// Checks one session's events as a file's are checked, wherever they were read (an export
  /// file, or a shared store's rows): numbered 1, 2, 3… from `created`, with texts, times and
  /// fields the program writes, and rebuilding. `path` names their source in messages.
  public static func checked(_ id: SessionID, _ events: [RecordedEvent], path: String)
    throws(ImportError) -> ImportedSession
  {
    guard let first = events.first else {
      throw .invalid(path: path, detail: "session \(id.short) has no events")
    }
    if let misplaced = events.indices.first(where: { events[$0].sequence != $0 + 1 }) {
      throw .invalid(
        path: path,
        detail: "session \(id.short): event \(misplaced + 1) is numbered "
          + "\(events[misplaced].sequence), and events are numbered 1, 2, 3…")
    }
    guard case .created = first.event else {
      throw .invalid(path: path, detail: "session \(id.short) does not begin with \"created\"")
    }
    try check(events, session: id, path: path)
    do throws(SessionError) {
      return ImportedSession(record: try SessionRecord(id: id, events: events), path: path)
    } catch {
      // Said once: "Session … does not rebuild (at event 3: …)", not twice over.
      if case .unreplayable(let sequence, let reason) = error {
        throw .unreplayable(path: path, session: id, reason: "at event \(sequence): \(reason)")
      }
      throw .unreplayable(path: path, session: id, reason: error.description)
    }
  }

  /// One session of the plan: what will happen, and the events to append for it.
  struct Step {
    let session: SessionID
    let events: [RecordedEvent]
    let outcome: ImportOutcome
  }

  /// Compares each session with what `database` holds.
  static func plan(_ sessions: [ImportedSession], against database: AppDatabase)
    throws(ImportError) -> [Step]
  {
    var steps: [Step] = []
    for imported in sessions {
      let record = imported.record
      let stored: [RecordedEvent]
      do throws(StoreError) {
        stored = try database.events(of: record.id)
      } catch .noSuchSession {
        stored = []
      } catch {
        throw .store(error)
      }
      let events = record.events
      guard let (change, append) = ImportOutcome.Change.comparing(stored: stored, incoming: events)
      else {
        throw .diverged(path: imported.path, session: record.id, title: record.state.setup.title)
      }
      steps.append(
        Step(
          session: record.id, events: append,
          outcome: ImportOutcome(
            session: record.id, title: record.state.setup.title, path: imported.path,
            eventCount: events.count, change: change)))
    }
    return steps
  }

  /// One entry per session: copies of a session in several files (or twice in one) collapse
  /// to the most complete, when one continues the other.
  static func merging(_ sessions: [ImportedSession]) throws(ImportError) -> [ImportedSession] {
    var merged: [ImportedSession] = []
    var positions: [SessionID: Int] = [:]
    for session in sessions {
      guard let position = positions[session.record.id] else {
        positions[session.record.id] = merged.count
        merged.append(session)
        continue
      }
      let kept = merged[position].record.events
      let new = session.record.events
      if Array(kept.prefix(new.count)) == new { continue }
      guard Array(new.prefix(kept.count)) == kept else {
        throw .inconsistentCopies(
          session: session.record.id, paths: [merged[position].path, session.path])
      }
      merged[position] = session
    }
    return merged
  }

  // MARK: Reading

  /// Where and what the problem is, on one line: `sessions[0].events[3].kind: "x" is not …`.
  /// `within` names the value that was decoded (`sessions[3]`) when it is not the file.
  static func describe(_ error: any Error, within: String = "") -> String {
    func place(_ path: [any CodingKey]) -> String {
      var text = within
      for key in path {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text.isEmpty ? "the file" : text
    }
    guard let error = error as? DecodingError else { return "\(error)" }
    switch error {
    case .keyNotFound(let key, let context):
      let missing = key.intValue.map { "item \($0)" } ?? "\"\(key.stringValue)\""
      return "\(place(context.codingPath)) lacks \(missing)"
    case .valueNotFound(let type, let context):
      return "\(place(context.codingPath)) is null, where \(expected(type)) belongs"
    case .typeMismatch(let type, let context):
      return "\(place(context.codingPath)) should be \(expected(type))"
    case .dataCorrupted(let context):
      return "\(place(context.codingPath)): \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }

  private static func expected(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Int.Type: "a whole number"
    case is Bool.Type: "true or false"
    case is [Any].Type: "a list"
    default: "an object"
    }
  }
}
