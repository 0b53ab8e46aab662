import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

@Suite struct SessionImportTests {
  /// A data folder holding the fixture's three sessions, and its JSON export of all of them.
  private func exported() throws -> (StoreFixture, String) {
    let source = try StoreFixture()
    let ids = try ShareFixture.record(into: source.database)
    let records = try ids.map { try source.database.record(of: $0) }
    return (source, try SessionExport.render(records, as: .json))
  }

  private func write(_ text: String, in folder: TemporaryFolder, as name: String = "export.json")
    throws -> URL
  {
    try folder.write(name, text)
  }

  @Test func exportImportExportGivesTheSameBytes() throws {
    let (_, json) = try exported()
    let target = try StoreFixture()
    let file = try write(json, in: target.folder)
    let outcomes = try SessionImport.run([file], into: target.database)
    #expect(outcomes.map(\.change) == [.added, .added, .added])
    let again = try target.database.sessions().map { try target.database.record(of: $0.id) }
    #expect(try SessionExport.render(again, as: .json) == json)
  }

  @Test func theRebuiltSessionsKeepHistoryTimingAndListings() throws {
    let (source, json) = try exported()
    let target = try StoreFixture()
    _ = try SessionImport.run([try write(json, in: target.folder)], into: target.database)
    for id in [ShareFixture.firstID, ShareFixture.secondID, ShareFixture.otherID] {
      #expect(try target.database.loadSession(id) == source.database.loadSession(id))
    }
    let first = try target.database.loadSession(ShareFixture.firstID)
    #expect(first.notes.contains { !$0.history.isEmpty })
    #expect(first.notes.contains { $0.isDeleted })
    #expect(try target.database.sessions() == source.database.sessions())
    #expect(
      try target.database.searchNotes("backlog").map(\.session) == [ShareFixture.firstID])
  }

  @Test func importingTwiceChangesNothing() throws {
    let (_, json) = try exported()
    let target = try StoreFixture()
    let file = try write(json, in: target.folder)
    _ = try SessionImport.run([file], into: target.database)
    let before = try target.database.everyLog()
    let second = try SessionImport.run([file, file], into: target.database)
    #expect(second.map(\.change) == [.alreadyPresent, .alreadyPresent, .alreadyPresent])
    #expect(try target.database.everyLog() == before)
  }

  @Test func aLaterExportOfASessionExtendsTheEarlierOne() throws {
    let source = try StoreFixture()
    let live = try source.live(Fixtures.setup(), id: ShareFixture.firstID)
    try live.start()
    try live.addNote(.init(text: "Early", kind: .other))
    let early = try SessionExport.render([try source.database.record(of: live.id)], as: .json)
    try live.addNote(.init(text: "Late", kind: .other))
    try live.finish()
    let late = try SessionExport.render([try source.database.record(of: live.id)], as: .json)

    let target = try StoreFixture()
    let earlyFile = try write(early, in: target.folder, as: "early.json")
    let lateFile = try write(late, in: target.folder, as: "late.json")
    #expect(try SessionImport.run([earlyFile], into: target.database).map(\.change) == [.added])
    #expect(
      try SessionImport.run([lateFile], into: target.database).map(\.change) == [
        .extended(events: 2)
      ])
    #expect(
      try SessionImport.run([earlyFile], into: target.database).map(\.change) == [
        .newerPresent(events: 2)
      ])
    #expect(try target.database.events(of: live.id) == source.database.events(of: live.id))
    #expect(try target.database.sessions().first?.isFinished == true)
  }

  @Test func aSessionThatWentAnotherWayIsRefusedAndNothingIsWritten() throws {
    let (_, json) = try exported()
    let target = try StoreFixture()
    let other = try target.live(Fixtures.setup(), id: ShareFixture.otherID)
    try other.start()
    let before = try target.database.everyLog()
    let file = try write(json, in: target.folder)
    #expect {
      try SessionImport.run([file], into: target.database)
    } throws: { error in
      guard case .diverged(_, let session, _) = error as? ImportError else { return false }
      return session == ShareFixture.otherID
    }
    // The two new sessions in the same file were not written either.
    #expect(try target.database.everyLog() == before)
  }

  @Test func refusedFilesSayWhyAndWriteNothing() throws {
    let (_, json) = try exported()
    let target = try StoreFixture()
    let before = try contents(target.file)
    let newer = json.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 2")
    let badKind = json.replacingOccurrences(
      of: "\"kind\" : \"theme\"", with: "\"kind\" : \"gossip\"")
    let badTime = json.replacingOccurrences(
      of: "2027-01-15T08:00:00.000Z", with: "2027-01-15 08:00")
    let unreplayable = json.replacingOccurrences(of: "\"note\" : 1,", with: "\"note\" : 7,")
    let anonymised = try SessionExport.render(
      try ShareFixture.records(), as: .json, options: ShareOptions(anonymise: true))
    let harvest = try HarvestExport.render(
      try ShareFixture.programmeRecords(), programme: "Alcohol Plan", as: .json)
    let cases: [(String, String, (ImportError) -> Bool)] = [
      ("cut.json", String(json.prefix(500)), { if case .notJSON = $0 { true } else { false } }),
      ("notes.txt", "Meeting notes, not JSON", { if case .notJSON = $0 { true } else { false } }),
      ("list.json", "[1, 2, 3]", { if case .foreign = $0 { true } else { false } }),
      (
        "package.json", #"{"name": "x", "version": "1.0.0"}"#,
        { if case .foreign = $0 { true } else { false } }
      ),
      ("newer.json", newer, { if case .newerVersion(_, 2) = $0 { true } else { false } }),
      (
        "kind.json", badKind,
        { if case .invalid(_, let detail) = $0 { detail.contains("gossip") } else { false } }
      ),
      (
        "time.json", badTime,
        { if case .invalid(_, let detail) = $0 { detail.contains("at") } else { false } }
      ),
      (
        "replay.json", unreplayable,
        {
          // Said once, with its event, and no doubled full stop.
          if case .unreplayable = $0 {
            $0.description.contains("does not rebuild (at event ")
              && !$0.description.contains("history does not rebuild")
              && !$0.description.contains("..")
          } else {
            false
          }
        }
      ),
      ("anonymised.json", anonymised, { if case .anonymised = $0 { true } else { false } }),
      ("harvest.json", harvest, { if case .harvest = $0 { true } else { false } }),
    ]
    for (name, text, expected) in cases {
      let file = try write(text, in: target.folder, as: name)
      do {
        _ = try SessionImport.run([file], into: target.database)
        Issue.record("\(name) was imported")
      } catch {
        #expect(expected(error), "\(name): \(error)")
        #expect(error.description.contains(file.path), "\(name): \(error)")
        #expect(error.description.contains("nothing was imported"), "\(name): \(error)")
        #expect(!error.description.contains("\n"), "\(name): \(error)")
      }
    }
    #expect(try target.database.sessions().isEmpty)
    #expect(try contents(target.file) == before)
  }

  @Test func aGoodFileBesideABadOneIsNotImportedEither() throws {
    let (_, json) = try exported()
    let target = try StoreFixture()
    let good = try write(json, in: target.folder, as: "good.json")
    let bad = try write("{", in: target.folder, as: "bad.json")
    #expect(throws: ImportError.self) { try SessionImport.run([good, bad], into: target.database) }
    #expect(try target.database.sessions().isEmpty)
  }

  @Test func aMissingFileIsNamed() throws {
    let target = try StoreFixture()
    let missing = target.folder.path("nowhere.json")
    #expect(throws: ImportError.unreadable(path: missing.path, reason: "no such file")) {
      try SessionImport.run([missing], into: target.database)
    }
  }

  @Test func twoCopiesThatDisagreeAreRefused() throws {
    let source = try StoreFixture()
    let live = try source.live(Fixtures.setup(), id: ShareFixture.firstID)
    try live.start()
    let before = try SessionExport.render([try source.database.record(of: live.id)], as: .json)
    let target = try StoreFixture()
    let one = try write(before, in: target.folder, as: "one.json")
    try live.addNote(.init(text: "Only in two", kind: .other))
    let two = try write(
      try SessionExport.render([try source.database.record(of: live.id)], as: .json)
        .replacingOccurrences(of: "Only in two", with: "Changed"),
      in: target.folder, as: "two.json")
    // One continues the other: the longer copy wins.
    #expect(try SessionImport.run([one, two], into: target.database).map(\.eventCount) == [3])
    let diverged = try write(
      try String(contentsOf: two, encoding: .utf8).replacingOccurrences(
        of: "Changed", with: "Different"), in: target.folder, as: "three.json")
    let other = try StoreFixture()
    #expect(
      throws: ImportError.inconsistentCopies(session: live.id, paths: [two.path, diverged.path])
    ) {
      try SessionImport.run([two, diverged], into: other.database)
    }
  }
}
