import Foundation
import PeerConsultKit
import Testing

/// Hostile imports made from a valid export: every field of every event type, and of the file
/// around them, set in turn to extreme values and to values of every other type. Each file is
/// refused with one line naming it, or accepted; an accepted file is then imported and every
/// view of its sessions is made (exports, the harvest, listings, resuming with its timer), none
/// of which may trap or fail (issue 14, item 5).
@Suite struct ImportMutationTests {
  static let export = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("PeerConsultKitTests/Golden/sessions.json")

  /// Extreme values of every JSON type, in groups: each field gets one of each group (taken in
  /// turn, so every value is used across the fields), or, with `PEERCONSULT_ATTACK_SCALE` of 2
  /// or more, all of them.
  static var hostileValues: [[Any]] {
    [
      [Int.max, Int.min], [-1, 86_401, 1e300],
      ["", "\u{1B}]0;owned\u{07}\u{9B}2J\u{7F}", "１２３", String(repeating: "w", count: 10_001)],
      [true], [NSNull()], [[Any](), [String: Any]()],
    ]
  }

  /// The values the field numbered `field` is set to.
  static func values(forField field: Int) -> [Any] {
    AttackScale.factor >= 2
      ? hostileValues.flatMap(\.self) : hostileValues.map { $0[field % $0.count] }
  }

  /// A place in the JSON tree: keys and indices.
  enum Step: Hashable {
    case key(String)
    case index(Int)
  }

  @Test func everyFieldOfAnExportMutatedToExtremesIsRefusedOrImportedSafely() throws {
    var report = AttackReport("hostile imports")
    // The export's first session alone, which has an event of every type: fields are
    // mutated there, and each mutant is read whole.
    let export = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.export))
    let original = Self.firstSessionOnly(export)
    let paths = Self.fieldPaths(in: original)
    // One store for every accepted mutant, each under an id of its own.
    let database = try AppDatabase.inMemory()
    var accepted = 0
    var refused = 0
    var slowest: TimeInterval = 0
    let started = Date()
    let mutants = paths.enumerated().flatMap { field, path in
      Self.values(forField: field).map { (path, $0) }
    }
    for (number, (path, value)) in mutants.enumerated() {
      report.tried += 1
      let name = "mutant-\(number).json"
      let idPath: [Step] = [.key("sessions"), .index(0), .key("id")]
      let renamed =
        path == idPath
        ? original
        : Self.replacing(idPath, in: original, with: String(format: "%032x", number))
      let mutated = Self.replacing(path, in: renamed, with: value)
      let data = try JSONSerialization.data(withJSONObject: mutated)
      let sessions: [ImportedSession]
      let began = Date()
      defer { slowest = max(slowest, Date().timeIntervalSince(began)) }
      do {
        sessions = try SessionImport.read(data, path: name)
      } catch {
        refused += 1
        let words = error.description
        if words.contains("\n") || !words.contains(name) {
          report.broken += 1
          Issue.record(
            "\(Self.describe(path)) = \(value): refused without one line naming it: \(words)")
        }
        continue
      }
      accepted += 1
      do {
        try Self.exercise(sessions, in: database)
      } catch {
        report.broken += 1
        Issue.record("\(Self.describe(path)) = \(value): accepted, then failed: \(error)")
      }
    }
    do {
      // Every accepted mutant at once, as `list` and `export --all` show them.
      let records = try database.sessions().map { try database.record(of: $0.id) }
      _ = CommandText.listings(try database.sessions())
      _ = try SessionExport.render(records, as: .markdown)
    } catch {
      report.broken += 1
      Issue.record("the accepted mutants together: \(error)")
    }
    report.note("fields", paths.count)
    report.note("accepted", accepted)
    report.note("refused with a message", refused)
    report.note("slowest file ms", Int(slowest * 1000))
    report.note("total s", Int(Date().timeIntervalSince(started)))
    report.print()
    #expect(accepted > 0 && refused > 0)
    #expect(report.broken == 0)
  }

  /// The round and question of a `focusQuestionSet` (an event the export above does not hold)
  /// set to every extreme value: `round + 1` in a message trapped on `Int.max`, which a
  /// crafted file gave the program. Each is refused in one line naming the file or imported
  /// and shown every way.
  @Test func aFocusQuestionSetMutatedToExtremesIsRefusedOrImportedSafely() throws {
    let export = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.export))
    guard var file = Self.firstSessionOnly(export) as? [String: Any],
      var sessions = file["sessions"] as? [[String: Any]],
      var events = sessions.first?["events"] as? [[String: Any]], let finished = events.popLast()
    else {
      Issue.record("the export's first session has no events")
      return
    }
    // Given just before the session finished, when a question can still be set.
    events.append([
      "type": "focusQuestionSet", "seq": events.count + 1, "at": finished["at"] ?? "",
      "round": 1, "question": "How do we keep the hub open?",
    ])
    events.append(finished.merging(["seq": events.count + 1]) { $1 })
    sessions[0]["events"] = events
    file["sessions"] = sessions
    let database = try AppDatabase.inMemory()
    let place = events.count - 2
    var accepted = 0
    for (number, value) in Self.hostileValues.flatMap(\.self).enumerated() {
      for field in ["round", "question"] {
        let name = "focus-\(field)-\(number).json"
        var mutant = Self.replacing(
          [.key("sessions"), .index(0), .key("events"), .index(place), .key(field)], in: file,
          with: value)
        mutant = Self.replacing(
          [.key("sessions"), .index(0), .key("id")], in: mutant,
          with: String(format: "%032x", 0xF0C0_0000 + number * 2 + (field == "round" ? 0 : 1)))
        let data = try JSONSerialization.data(withJSONObject: mutant)
        do {
          let read = try SessionImport.read(data, path: name)
          accepted += 1
          try Self.exercise(read, in: database)
        } catch let error as ImportError {
          let words = error.description
          #expect(!words.contains("\n") && words.contains(name), "\(field) = \(value): \(words)")
        }
      }
    }
    // The unmutated file is accepted: the mutants test the fields, not a broken event.
    _ = try SessionImport.read(try JSONSerialization.data(withJSONObject: file), path: "focus.json")
    #expect(accepted > 0)
  }

  /// Imports `sessions` into `database` and makes every view of them.
  static func exercise(_ sessions: [ImportedSession], in database: AppDatabase) throws {
    _ = try SessionImport.write(sessions, into: database)
    let records = try sessions.map { try database.record(of: $0.record.id) }
    for format in ShareFormat.allCases {
      _ = try SessionExport.render(records, as: format)
    }
    _ = try HarvestExport.render(records, programme: "Alcohol Plan", as: .markdown)
    _ = SessionExport.plainText(records)
    _ = CommandText.actions(records)
    for record in records {
      let clock = ManualClock(record.asOf.addingTimeInterval(3_600))
      let live = try LiveSession.resume(record.id, store: database, clock: clock)
      _ = live.timer()?.display
      _ = live.nextDeadline()
    }
  }

  /// `export` holding its first session only.
  static func firstSessionOnly(_ export: Any) -> Any {
    guard var object = export as? [String: Any], let sessions = object["sessions"] as? [Any]
    else { return export }
    object["sessions"] = Array(sessions.prefix(1))
    return object
  }

  /// One path per field of each kind: the first event of each type, the first item of each
  /// list, and every key below them, so each event type's every field is mutated once.
  static func fieldPaths(in root: Any) -> [[Step]] {
    var paths: [[Step]] = []
    var seen = Set<String>()
    func walk(_ node: Any, _ path: [Step], _ shape: String) {
      guard seen.insert(shape).inserted else { return }
      paths.append(path)
      if let object = node as? [String: Any] {
        let type = (object["type"] as? String).map { "<\($0)>" } ?? ""
        for key in object.keys.sorted() {
          walk(object[key] ?? NSNull(), path + [.key(key)], shape + type + "." + key)
        }
      } else if let array = node as? [Any] {
        for (index, item) in array.enumerated() {
          // Events differ by type: each type is its own shape; other lists' items are alike.
          let type = (item as? [String: Any])?["type"] as? String
          walk(item, path + [.index(index)], shape + "[\(type ?? "")]")
          if type == nil { break }
        }
      }
    }
    walk(root, [], "")
    return paths.filter { !$0.isEmpty }
  }

  /// `root` with the value at `path` replaced.
  static func replacing(_ path: [Step], in root: Any, with value: Any) -> Any {
    guard let step = path.first else { return value }
    let rest = Array(path.dropFirst())
    switch step {
    case .key(let key):
      guard var object = root as? [String: Any], let child = object[key] else { return root }
      object[key] = replacing(rest, in: child, with: value)
      return object
    case .index(let index):
      guard var array = root as? [Any], array.indices.contains(index) else { return root }
      array[index] = replacing(rest, in: array[index], with: value)
      return array
    }
  }

  static func describe(_ path: [Step]) -> String {
    path.map {
      switch $0 {
      case .key(let key): "." + key
      case .index(let index): "[\(index)]"
      }
    }.joined()
  }
}
