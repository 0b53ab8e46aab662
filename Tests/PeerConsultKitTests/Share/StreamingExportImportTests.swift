import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// `export --all` and `import` a session at a time (issue 19): the streamed export is byte for
/// byte the whole one, and the streamed import does what reading every file whole did.
@Suite struct StreamingExportImportTests {
  /// A folder with the share fixture's three sessions, a standing group with two meetings, and
  /// `count` generated sessions of seeded random notes (edits, deletions, every kind, text with
  /// quotes, backslashes, slashes, line breaks, accents and CJK), one of them long enough to
  /// cross snapshot boundaries.
  static func generated(count: Int = 24, seed: UInt64 = 19) throws -> StoreFixture {
    let store = try StoreFixture()
    let database = store.database
    try ShareFixture.record(into: database)
    let group = try database.createGroup(
      name: "North \"Ħ\" / 北", programme: "Alcohol Plan", members: Fixtures.participants,
      at: store.clock.now())
    var random = SeededGenerator(seed: SeededGenerator.seed(seed))
    let words = [
      "the", "partnership", "licensing", "Zoë", "\"quoted\"", "back\\slash", "a/b", "飲酒",
      "居酒屋", "O’Neill", "<b>", "&amp;", "tab\there", "line\nbreak", "#tag", "…",
      // Near-misses of the participants' names, which an anonymised export replaces as suspects.
      "Zoe", "Angstrom's", "Ashaa", "Chloe", "Okafr", "Smith-Jones", "王", "Mr Hollis",
    ]
    let kinds = NoteKind.allCases
    for index in 0..<count {
      store.clock.advance(by: 3600 + Double(index))
      let titled = words.filter { !$0.contains("\t") && !$0.contains("\n") }
      var setup = Fixtures.setup(title: "Generated \(index) \(titled[index % titled.count])")
      if index % 5 == 0 { setup.group = group.id }
      if index % 7 == 6 {
        // Names an HTML page and a pseudonym must carry as text.
        setup.participants[2] = Participant(
          name: "<i>Zoë</i> & \"Ö\" Ångström", organisation: "A&amp;B <Ltd>", level: .middle)
      }
      let live = try store.live(setup)
      try live.start()
      let notes = index == 3 ? 300 : Int.random(in: 0...30, using: &random)
      var added: [Int] = []
      for _ in 0..<notes where !live.state.isFinished {
        store.clock.advance(by: Double.random(in: 1...90, using: &random))
        let text = (0..<Int.random(in: 1...12, using: &random)).map { _ in
          words.randomElement(using: &random)!
        }.joined(separator: " ")
        let kind = kinds.randomElement(using: &random)!
        let owner = kind == .action ? 0 : nil
        added.append(try live.addNote(NoteContent(text: text, kind: kind, owner: owner)).id)
        switch Int.random(in: 0..<20, using: &random) {
        case 0:
          try live.editNote(
            added.last!, to: NoteContent(text: text + " (edited)", kind: kind, owner: owner))
        case 1: try live.deleteNote(added.removeLast())
        case 2: try live.next()
        default: break
        }
      }
      if index % 3 != 0, !live.state.isFinished { try live.finish() }
    }
    return store
  }

  /// Every session of `database`, streamed in `format`.
  static func streamed(
    _ database: AppDatabase, as format: ShareFormat, anonymise: Bool = false
  ) throws -> (text: String, streamed: SessionExport.Streamed) {
    var text = ""
    let ids = try database.sessions().map(\.id)
    let streamed = try SessionExport.stream(
      ids.reversed(), from: database, as: format, anonymise: anonymise,
      timeZone: TimeZone(identifier: "UTC")!
    ) { text += $0 }
    return (text, streamed)
  }

  /// Every session of `database` exported whole, as before streaming.
  static func whole(_ database: AppDatabase, as format: ShareFormat, anonymise: Bool = false)
    throws -> String
  {
    let records = try database.records(of: try database.sessions().map(\.id)).records
    return try SessionExport.render(
      records, as: format,
      options: ShareOptions(anonymise: anonymise, timeZone: TimeZone(identifier: "UTC")!),
      // The JSON holds the groups, and every format's minutes name who was absent from them.
      groups: try database.groupRecords(for: records))
  }

  @Test(arguments: [ShareFormat.json, .markdown])
  func theStreamedExportIsByteForByteTheWholeOne(_ format: ShareFormat) throws {
    let store = try Self.generated()
    let (text, streamed) = try Self.streamed(store.database, as: format)
    #expect(streamed.written == 27)
    #expect(streamed.skipped.isEmpty)
    let whole = try Self.whole(store.database, as: format)
    #expect(text == whole)
    if format == .json { #expect(text.contains(#""groups" : ["#)) }
    // The generated meetings leave members out: the minutes name them.
    #expect(text.contains(format == .json ? #""absentMembers" : ["# : "- **Absent:** "))
  }

  /// HTML (one page titled by its count) and anonymised exports (pseudonyms across every
  /// session) are read twice and written a session at a time, with the same bytes.
  @Test(arguments: [
    (ShareFormat.html, false), (.html, true), (.markdown, true), (.json, true),
  ])
  func theStreamedExportIsByteForByteTheWholeOneAnonymisedAndAsAPage(
    _ format: ShareFormat, _ anonymise: Bool
  ) throws {
    let store = try Self.generated()
    let (text, streamed) = try Self.streamed(store.database, as: format, anonymise: anonymise)
    #expect(streamed.written == 27)
    #expect(streamed.skipped.isEmpty)
    #expect(text == (try Self.whole(store.database, as: format, anonymise: anonymise)))
    if anonymise {
      #expect(text.contains("[Participant A"))
      for name in ["Ångström", "Okaf", "Chloé", "Council"] {
        #expect(!text.contains(name), "\(name) is in the anonymised \(format)")
      }
    }
    if format == .html {
      #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("27 PeerConsult sessions"))
      #expect(text.contains("&lt;i&gt;") == !anonymise)
    }
  }

  @Test func aPageOfOneSessionIsTitledByIt() throws {
    let store = try StoreFixture()
    try ShareFixture.first(store.database)
    for anonymise in [false, true] {
      let (text, _) = try Self.streamed(store.database, as: .html, anonymise: anonymise)
      #expect(text == (try Self.whole(store.database, as: .html, anonymise: anonymise)))
      #expect(!text.contains("PeerConsult sessions"))
    }
  }

  @Test func aSessionThatDoesNotRebuildIsLeftOutAndNamed() throws {
    let store = try Self.generated(count: 4)
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE events SET payload = '{\"type\":\"noteAdded\",\"note\":' "
          + "WHERE session_id = ? AND seq = 3",
        arguments: [ShareFixture.secondID.rawValue])
    }
    for format in ShareFormat.allCases {
      for anonymise in [false, true] {
        let (text, streamed) = try Self.streamed(store.database, as: format, anonymise: anonymise)
        #expect(streamed.written == 6)
        #expect(streamed.skipped.count == 1)
        #expect(streamed.skipped.first?.description.contains("4567456") == true)
        #expect(text == (try Self.whole(store.database, as: format, anonymise: anonymise)))
      }
    }
  }

  @Test func nothingIsWrittenWhenNoSessionRebuilds() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    try store.database.write { db in
      try db.execute(sql: "UPDATE events SET payload = '{' WHERE seq = 1")
    }
    let (text, streamed) = try Self.streamed(store.database, as: .json)
    #expect(text.isEmpty)
    #expect(streamed.written == 0 && streamed.skipped.count == 1)
  }

  @Test func theStreamedImportDoesWhatTheWholeImportDid() throws {
    let source = try Self.generated()
    let json = try Self.whole(source.database, as: .json)
    let target = try StoreFixture()
    let all = try target.folder.write("all.json", json)
    // An earlier export of a few sessions, and the same file twice: copies to merge.
    let some = try SessionExport.render(
      try source.database.records(of: [ShareFixture.firstID, ShareFixture.otherID]).records,
      as: .json)
    let early = try target.folder.write("some.json", some)
    let files = [early, all, early]
    let streamed = try SessionImport.write(SessionImport.check(files), into: target.database)
    let other = try StoreFixture()
    let whole = try SessionImport.write(SessionImport.readAll(files), into: other.database)
    #expect(streamed.sessions == whole.sessions)
    #expect(streamed.groups == whole.groups)
    #expect(streamed.sessions.count == 27)
    #expect(try target.database.everyLog() == source.database.everyLog())
    #expect(try target.database.everyLog() == other.database.everyLog())
    #expect(try Self.whole(target.database, as: .json) == json)
    // Again into the same folders: nothing changes, and both say so alike.
    let again = try SessionImport.write(SessionImport.check([all]), into: target.database)
    let wholeAgain = try SessionImport.write(SessionImport.readAll([all]), into: other.database)
    #expect(again.sessions == wholeAgain.sessions)
    #expect(again.sessions.allSatisfy { $0.change == .alreadyPresent })
  }

  @Test func aFileChangedAfterItWasCheckedWritesNothing() throws {
    let source = try Self.generated(count: 2)
    let json = try Self.whole(source.database, as: .json)
    let target = try StoreFixture()
    let file = try target.folder.write("all.json", json)
    let checked = try SessionImport.check([file])
    try Data(json.replacingOccurrences(of: "Generated 1", with: "Generated X").utf8)
      .write(to: file)
    #expect {
      try SessionImport.write(checked, into: target.database)
    } throws: { error in
      guard case .unreadable(_, let reason) = error as? ImportError else { return false }
      return reason == "it changed while it was being imported"
    }
    #expect(try target.database.sessions().isEmpty)
  }

  @Test func aSessionAlreadyNewerInTheFolderAndAnExtendedCopyAreToldApart() throws {
    let source = try StoreFixture()
    let live = try source.live(Fixtures.setup(), id: ShareFixture.firstID)
    try live.start()
    let before = try SessionExport.render([try source.database.record(of: live.id)], as: .json)
    try live.addNote(.init(text: "Later", kind: .other))
    let after = try SessionExport.render([try source.database.record(of: live.id)], as: .json)
    let target = try StoreFixture()
    let early = try target.folder.write("early.json", before)
    let late = try target.folder.write("late.json", after)
    let first = try SessionImport.run([late, early], into: target.database)
    #expect(first.map(\.change) == [.added])
    #expect(first.map(\.path) == [late.path])
    let second = try SessionImport.run([early], into: target.database)
    #expect(second.map(\.change) == [.newerPresent(events: 1)])
    // A copy that goes another way than the folder's, after one that agrees with it.
    let other = try target.folder.write(
      "other.json", after.replacingOccurrences(of: "Later", with: "Otherwise"))
    #expect(
      throws: ImportError.diverged(path: other.path, session: live.id, title: "Night-time economy")
    ) {
      try SessionImport.run([early, other], into: target.database)
    }
  }

  @Test func hostileFilesAreRefusedInOneLineBeforeAnythingIsWritten() throws {
    let target = try StoreFixture()
    let folder = target.folder
    // Larger than the limit (4 GiB): refused from its size, without reading it (a sparse file).
    let large = folder.path("large.json")
    #expect(FileManager.default.createFile(atPath: large.path, contents: Data("{".utf8)))
    let handle = try FileHandle(forWritingTo: large)
    try handle.truncate(atOffset: UInt64(ImportLimits.standard.file + 1))
    try handle.close()
    let deep = try folder.write(
      "deep.json", "{\"sessions\":" + String(repeating: "[", count: 100_000) + "}")
    let repeated = try folder.write(
      "twice.json", #"{"format":"peerconsult-session","version":1,"sessions":[],"sessions":[]}"#)
    let nullSessions = try folder.write(
      "null.json", #"{"format":"peerconsult-session","version":1,"sessions":null}"#)
    let cases: [(URL, (ImportError) -> Bool)] = [
      (large, { if case .tooLarge = $0 { true } else { false } }),
      (deep, { if case .notJSON(_, let detail) = $0 { detail.contains("512") } else { false } }),
      (
        repeated,
        { if case .invalid(_, let detail) = $0 { detail.contains("twice") } else { false } }
      ),
      (
        nullSessions,
        { if case .invalid(_, let detail) = $0 { detail.contains("null") } else { false } }
      ),
    ]
    for (file, expected) in cases {
      let started = ContinuousClock.now
      do {
        _ = try SessionImport.run([file], into: target.database)
        Issue.record("\(file.lastPathComponent) was imported")
      } catch {
        #expect(expected(error), "\(file.lastPathComponent): \(error)")
        #expect(error.description.contains(file.path))
        #expect(!error.description.contains("\n"))
      }
      // Bounded: a refusal is not a wait (the limit is generous for a loaded machine).
      #expect(ContinuousClock.now - started < .seconds(20), "\(file.lastPathComponent)")
    }
    #expect(try target.database.sessions().isEmpty)
  }

  @Test func aFileOverTheLimitIsRefusedFromItsSizeAndOneAtTheLimitIsImported() throws {
    let source = try Self.generated(count: 4)
    let json = try Self.streamed(source.database, as: .json).text
    let target = try StoreFixture()
    let file = try target.folder.write("all.json", json)
    let size = json.utf8.count
    // One byte over: refused before anything is read, in one line that says what to do.
    let over = ImportLimits(file: size - 1, memory: ImportLimits.standard.memory)
    #expect(throws: ImportError.tooLarge(path: file.path, megabytes: (size - 1) / 1024 / 1024)) {
      try SessionImport.check([file], limits: over)
    }
    let refusal = ImportError.tooLarge(path: file.path, megabytes: 4096).description
    #expect(refusal.contains("export the sessions in parts") && !refusal.contains("\n"))
    #expect(try target.database.sessions().isEmpty)
    // At the limit exactly: read, and imported whole.
    let exact = ImportLimits(file: size, memory: ImportLimits.standard.memory)
    let outcomes = try SessionImport.write(
      SessionImport.check([file], limits: exact), into: target.database)
    #expect(outcomes.sessions.count == (try source.database.sessions().count))
    #expect(outcomes.sessions.allSatisfy { $0.change == .added })
  }

  @Test func somethingEndlessThatIsNotAFileIsRefusedAtTheMemoryLimit() throws {
    // `/dev/zero` never ends: it is held in memory like a pipe, so it must stop at the limit.
    let zero = URL(fileURLWithPath: "/dev/zero")
    let limits = ImportLimits(file: ImportLimits.standard.file, memory: 1 << 20)
    let started = ContinuousClock.now
    #expect(throws: ImportError.tooLargeToHold(path: zero.path, megabytes: 1)) {
      try SessionImport.check([zero], limits: limits)
    }
    #expect(ContinuousClock.now - started < .seconds(20))
    let refusal = ImportError.tooLargeToHold(path: zero.path, megabytes: 1).description
    #expect(refusal.contains("save it to a file") && !refusal.contains("\n"))
  }

  @Test func aFileWrittenByHandInAnotherKeyOrderIsRead() throws {
    let source = try StoreFixture()
    let live = try source.live()
    try live.start()
    let json = try SessionExport.render([try source.database.record(of: live.id)], as: .json)
    // The same object with `version` and `format` after the sessions, and no newlines.
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
    var reordered = "{\"sessions\":"
    reordered += String(
      decoding: try JSONSerialization.data(withJSONObject: object["sessions"]!), as: UTF8.self)
    reordered += ",\"version\":1,\"anonymised\":false,\"format\":\"peerconsult-session\"}"
    let target = try StoreFixture()
    let file = try target.folder.write("hand.json", reordered)
    #expect(try SessionImport.run([file], into: target.database).map(\.change) == [.added])
    #expect(try target.database.events(of: live.id) == source.database.events(of: live.id))
  }
}
