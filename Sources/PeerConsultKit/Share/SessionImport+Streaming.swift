import Foundation
import TextLayout

/// A file that ``SessionImport/check(_:)`` read and checked: where to read it again, and a
/// fingerprint of the bytes checked, so that writing can tell the file has not changed since.
public struct CheckedImportFile: Sendable {
  let source: ImportSource
  let fingerprint: Int
}

/// Export files read and checked, ready for ``SessionImport/write(_:into:)``: the files, and
/// the standing groups they hold (a few lists of names, kept). Their sessions were decoded and
/// checked too (``SessionImport/check(_:limits:)``), or are only in ``SessionImport/write(_:into:)``'s
/// transaction (``SessionImport/checkHeaders(_:limits:)``), which checks them either way.
public struct CheckedImport: Sendable {
  let files: [CheckedImportFile]
  public let groups: [ImportedGroup]
}

extension SessionImport {
  /// The longest session (or group) a file may hold: each is read whole, alone. Ten thousand
  /// notes take about 6 MB.
  public static let maximumSessionSize = 64 * 1024 * 1024
  /// The most standing groups, and the most events of theirs, one import takes, its files
  /// together. Its groups are kept in memory until they are written (they are a few lists of
  /// names); a file of 200,000 groups took 144 MB and 89 s. A city programme has a few
  /// dozen groups, each of a few hundred events over its life.
  public static let maximumGroups = 1_000
  public static let maximumGroupEvents = 200_000

  /// The top-level lists read an element at a time.
  private static let lists: Set<String> = ["sessions", "groups"]

  /// Reads and checks every file, a session at a time, before anything is written: the JSON,
  /// the format and version, the structure, and that every session and group rebuilds. Only
  /// the groups are kept. (That two copies of a session in the files agree is checked as they
  /// are written, in ``write(_:into:)``'s transaction.) A file over `limits` is refused from
  /// its size, before it is read.
  public static func check(_ files: [URL], limits: ImportLimits = .standard) throws(ImportError)
    -> CheckedImport
  {
    let checked = try checkHeaders(files, limits: limits)
    _ = try checkSessions(checked)
    return checked
  }

  /// The first reading of every file alone: the JSON (to its end), the format and version,
  /// and the standing groups, decoded and checked; the sessions are not decoded, so that they
  /// are decoded once, in ``write(_:into:)``'s transaction, which checks each before writing it.
  static func checkHeaders(_ files: [URL], limits: ImportLimits = .standard)
    throws(ImportError) -> CheckedImport
  {
    var checked: [CheckedImportFile] = []
    var groups: [ImportedGroup] = []
    var events = 0
    for file in files {
      let source = try ImportSource(file, limits: limits)
      var read: [ImportedGroup]? = []
      let fingerprint = try checkHeader(source, groups: &read, before: (groups.count, events))
      groups += read ?? []
      events += (read ?? []).reduce(0) { $0 + $1.record.events.count }
      checked.append(CheckedImportFile(source: source, fingerprint: fingerprint))
    }
    return CheckedImport(files: checked, groups: try merging(groups))
  }

  /// The reading ``check(_:limits:)`` makes after ``checkHeaders(_:limits:)``: every session of
  /// `checked` decoded, checked and rebuilt, before anything is written. Returns how many
  /// sessions were decoded.
  static func checkSessions(_ checked: CheckedImport) throws(ImportError) -> Int {
    var decoded = 0
    for file in checked.files {
      _ = try checkContents(file.source, fingerprint: file.fingerprint, readingGroups: false) {
        _ in decoded += 1
      }
    }
    return decoded
  }

  /// Writes what ``check(_:)`` checked into `database`, all in one transaction: the groups
  /// first, then each file read again, a session at a time, each checked again and compared
  /// with what the folder holds (this import's earlier copies included) as it is written.
  /// Any refusal, or a file changed since it was checked, rolls everything back.
  public static func write(_ checked: CheckedImport, into database: AppDatabase)
    throws(ImportError) -> (sessions: [ImportOutcome], groups: [GroupImportOutcome])
  {
    var decoded = 0
    return try write(checked, into: database, decoded: &decoded)
  }

  /// ``write(_:into:)``, counting in `decoded` the sessions it decodes.
  static func write(_ checked: CheckedImport, into database: AppDatabase, decoded: inout Int)
    throws(ImportError) -> (sessions: [ImportOutcome], groups: [GroupImportOutcome])
  {
    let groupPlan = try plan(checked.groups, against: database)
    let groupRuns = groupPlan.compactMap { step in
      step.events.isEmpty ? nil : (step.outcome.group, step.events)
    }
    var merge = ImportMerge()
    do {
      try database.importInOneTransaction(groups: groupRuns) { writing in
        for file in checked.files {
          _ = try checkContents(file.source, fingerprint: file.fingerprint, readingGroups: false) {
            imported throws(ImportError) in
            decoded += 1
            try merge.add(imported, to: &writing)
          }
        }
      }
    } catch let error as ImportError {
      throw error
    } catch {
      throw .store(StoreError.whileWriting(error, path: database.fileURL.path))
    }
    return (merge.outcomes, groupPlan.map(\.outcome))
  }

  /// Reads and checks a whole file, keeping every session: for callers that want them all.
  static func readAll(_ source: ImportSource) throws(ImportError) -> ImportBatch {
    let fingerprint = try checkHeader(source)
    var sessions: [ImportedSession] = []
    let groups = try checkContents(source, fingerprint: fingerprint, readingGroups: true) {
      sessions.append($0)
    }
    return ImportBatch(sessions: sessions, groups: groups)
  }

  // MARK: The readings

  /// The first reading: that the file is JSON (to its end), and a session export of a version
  /// this program reads, with a list of sessions. Returns the fingerprint of its bytes.
  static func checkHeader(_ source: ImportSource) throws(ImportError) -> Int {
    var groups: [ImportedGroup]? = nil
    return try checkHeader(source, groups: &groups)
  }

  /// ``checkHeader(_:)``, reading the file's standing groups into `groups` too (decoded and
  /// checked) unless it is nil.
  ///
  /// `before` are the groups, and their events, that files read before this one hold: with
  /// this file's, at most ``maximumGroups`` and ``maximumGroupEvents``.
  static func checkHeader(
    _ source: ImportSource, groups: inout [ImportedGroup]?,
    before: (groups: Int, events: Int) = (0, 0)
  ) throws(ImportError) -> Int {
    let path = source.path
    var scanner = ExportFileScanner(
      lists: lists, handsOver: groups == nil ? [] : ["groups"], elementLimit: maximumSessionSize)
    var members: [String: [UInt8]] = [:]
    var read: [ImportedGroup] = []
    var groupEvents = before.events
    // Kept until the file is known to be JSON and an export, so those refusals come first.
    var groupRefusal: ImportError?
    let fingerprint = try scan(source, with: &scanner) { piece throws(ImportError) in
      switch piece {
      case .member(let key, let value)
      where ["format", "version", "anonymised", "sessions", "groups"].contains(key):
        members[key] = value ?? []
      case .element(let key, let index, let bytes) where groupRefusal == nil:
        do throws(ImportError) {
          guard before.groups + read.count < maximumGroups else {
            throw .tooManyGroups(
              path: path,
              detail:
                "holds more than \(maximumGroups) standing groups, the most one import takes "
                + "(with the files before it)")
          }
          let body = try decode(GroupBody.self, bytes, at: "\(key)[\(index)]", path: path)
          groupEvents += body.events.count
          guard groupEvents <= maximumGroupEvents else {
            throw .tooManyGroups(
              path: path,
              detail:
                "holds standing groups of more than \(maximumGroupEvents) events, the most one "
                + "import takes (with the files before it)")
          }
          read.append(try checked(body.id, body.events.map(\.recorded), path: path))
        } catch {
          groupRefusal = error
        }
      case .member, .element:
        break
      }
    }
    if groups != nil { groups = read }
    // Lenient, so a file that is JSON but something else is called foreign, not damaged.
    func value<Value: Decodable>(_ key: String, as type: Value.Type) -> Value? {
      guard let bytes = members[key] else { return nil }
      return (try? JSONDecoder().decode([Value].self, from: Data("[".utf8 + bytes + "]".utf8)))?
        .first
    }
    switch value("format", as: String.self) {
    case SessionExport.format: break
    case HarvestExport.format: throw .harvest(path: path)
    case nil: throw .foreign(path: path, detail: "it has no \"format\"")
    case let format?: throw .foreign(path: path, detail: "its \"format\" is \"\(format)\"")
    }
    guard let version = value("version", as: Int.self), version >= 1 else {
      throw .invalid(path: path, detail: "\"version\" must be a whole number from 1")
    }
    guard version <= SessionExport.version else {
      throw .newerVersion(path: path, version: version)
    }
    if value("anonymised", as: Bool.self) == true { throw .anonymised(path: path) }
    if let place = scanner.firstFraction {
      throw .invalid(
        path: path,
        detail:
          "line \(place.line), column \(place.column): a number with a fraction or an "
          + "exponent, where PeerConsult writes whole numbers only")
    }
    let null = Array("null".utf8)
    if !scanner.listsOpened.contains("sessions") {
      guard let sessions = members["sessions"] else {
        throw .invalid(path: path, detail: "the file lacks \"sessions\"")
      }
      throw .invalid(
        path: path,
        detail: sessions == null
          ? "sessions is null, where a list belongs" : "sessions should be a list")
    }
    if !scanner.listsOpened.contains("groups"), let groups = members["groups"], groups != null {
      throw .invalid(path: path, detail: "groups should be a list")
    }
    if let groupRefusal { throw groupRefusal }
    return fingerprint
  }

  /// A later reading: each session decoded, checked and rebuilt, then handed to `each` and
  /// dropped; the groups too when `readingGroups`, returned. Throws if the bytes are not those
  /// of the first reading (`fingerprint`).
  static func checkContents(
    _ source: ImportSource, fingerprint: Int, readingGroups: Bool,
    each: (ImportedSession) throws(ImportError) -> Void
  ) throws(ImportError) -> [ImportedGroup] {
    let path = source.path
    var scanner = ExportFileScanner(
      lists: lists, handsOver: readingGroups ? lists : ["sessions"],
      elementLimit: maximumSessionSize)
    var groups: [ImportedGroup] = []
    let read = try scan(source, with: &scanner) { piece throws(ImportError) in
      guard case .element(let key, let index, let bytes) = piece else { return }
      let place = "\(key)[\(index)]"
      if key == "sessions" {
        let body = try decode(SessionBody.self, bytes, at: place, path: path)
        try each(try checked(body.id, body.events.map(\.recorded), path: path))
      } else if readingGroups {
        let body = try decode(GroupBody.self, bytes, at: place, path: path)
        groups.append(try checked(body.id, body.events.map(\.recorded), path: path))
      }
    }
    guard read == fingerprint else {
      throw .unreadable(path: path, reason: "it changed while it was being imported")
    }
    return groups
  }

  /// Reads all of `source` through `scanner`, handing it each piece; returns the fingerprint.
  private static func scan(
    _ source: ImportSource, with scanner: inout ExportFileScanner,
    visit: (ExportFileScanner.Piece) throws(ImportError) -> Void
  ) throws(ImportError) -> Int {
    let path = source.path
    let fingerprint = try source.forEachChunk { chunk throws(ImportError) in
      do throws(ExportFileScanner.Problem) { try scanner.read(chunk) } catch {
        throw refusal(error, path: path)
      }
      for piece in scanner.takePieces() { try visit(piece) }
    }
    do throws(ExportFileScanner.Problem) { try scanner.finish() } catch {
      throw refusal(error, path: path)
    }
    for piece in scanner.takePieces() { try visit(piece) }
    return fingerprint
  }

  /// The refusal of one line for what the scanner found.
  private static func refusal(_ problem: ExportFileScanner.Problem, path: String) -> ImportError {
    switch problem {
    case .notJSON(let detail): .notJSON(path: path, detail: detail)
    case .notObject: .foreign(path: path, detail: "it is JSON, but not an object")
    case .elementTooLarge(let key, let index):
      .invalid(
        path: path,
        detail: "\(key)[\(index)] is larger than \(maximumSessionSize / 1024 / 1024) MB, "
          + "more than any session holds")
    case .repeatedKey(let key):
      .invalid(path: path, detail: "the key \"\(key)\" appears twice")
    }
  }

  private static func decode<Value: Decodable>(
    _ type: Value.Type, _ bytes: [UInt8], at place: String, path: String
  ) throws(ImportError) -> Value {
    let value: Value
    do { value = try JSONDecoder().decode(type, from: Data(bytes)) } catch {
      throw .invalid(path: path, detail: describe(error, within: place))
    }
    // The decoder keeps one of a repeated key's values; other tools may read the other.
    if let key = JSONRepeatedKeys.first(in: bytes) {
      throw .invalid(
        path: path,
        detail:
          "\(place) gives the key \"\(ControlCharacters.spelledOut(key))\" twice in one object")
    }
    return value
  }

  /// A session as the file holds it; its `derived` part is not read.
  private struct SessionBody: Decodable {
    let id: SessionID
    let events: [ExportedEvent]
  }
}

/// The sessions of an import as they are written, one copy at a time: each copy is compared
/// with what the transaction holds (the folder's session, or an earlier copy in the files),
/// and what is said of each session is worked out from the counts, as
/// ``SessionImport/merging(_:)`` and ``SessionImport/plan(_:against:)`` would from the copies
/// held at once.
struct ImportMerge {
  /// What is known of one session: its place in the outcomes, how many events the folder held
  /// before, and its longest copy so far (the one kept).
  private struct Seen {
    let storedBefore: Int
    var longest = 0
    var path: String
    var title: String
  }

  private var seen: [SessionID: Seen] = [:]
  private var order: [SessionID] = []

  /// Compares `imported` with what `writing` holds and appends the events it adds; refuses a
  /// copy that disagrees with an earlier copy or with the folder, naming which.
  mutating func add(_ imported: ImportedSession, to writing: inout ImportWriting)
    throws(ImportError)
  {
    let record = imported.record
    let stored: [RecordedEvent]
    do { stored = try writing.storedEvents(of: record.id) } catch { throw .store(error) }
    let earlier = seen[record.id]
    guard
      let (_, append) = ImportOutcome.Change.comparing(stored: stored, incoming: record.events)
    else {
      // The longest earlier copy is the start of what is stored now: disagreeing with it is
      // disagreeing between copies; agreeing with it, with the folder.
      if let earlier {
        let shared = min(earlier.longest, record.events.count)
        if record.events.prefix(shared) != stored.prefix(shared) {
          throw .inconsistentCopies(session: record.id, paths: [earlier.path, imported.path])
        }
      }
      throw .diverged(path: imported.path, session: record.id, title: record.state.setup.title)
    }
    if !append.isEmpty {
      // `append` runs to the copy's last event, so the copy's state is the log's.
      do { try writing.append(append, to: record.id, resulting: record.state) } catch {
        throw .store(error)
      }
    }
    var entry =
      earlier
      ?? Seen(storedBefore: stored.count, path: imported.path, title: record.state.setup.title)
    if earlier == nil { order.append(record.id) }
    if record.events.count > entry.longest {
      entry.longest = record.events.count
      entry.path = imported.path
      entry.title = record.state.setup.title
    }
    seen[record.id] = entry
  }

  /// What happened to each session, in the order they first appeared.
  var outcomes: [ImportOutcome] {
    order.compactMap { id in
      guard let entry = seen[id] else { return nil }
      let (before, after) = (entry.storedBefore, entry.longest)
      let change: ImportOutcome.Change =
        before == 0
        ? .added
        : after == before
          ? .alreadyPresent
          : after > before
            ? .extended(events: after - before) : .newerPresent(events: before - after)
      return ImportOutcome(
        session: id, title: entry.title, path: entry.path, eventCount: after, change: change)
    }
  }
}
