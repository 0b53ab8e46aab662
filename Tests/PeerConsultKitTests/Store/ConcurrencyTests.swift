import Dispatch
import Foundation
import GRDB
import Synchronization
import TestSupport
import Testing

@testable import PeerConsultKit

/// Separate connections to one folder, as separate PeerConsult processes would hold, never
/// see "database is locked".
@Suite struct ConcurrencyTests {
  /// Runs `jobs` on their own threads at once and rethrows the first error.
  private func together(_ jobs: [@Sendable () throws -> Void]) throws {
    let group = DispatchGroup()
    let failures = Mutex<[any Error]>([])
    for job in jobs {
      group.enter()
      Thread.detachNewThread {
        defer { group.leave() }
        do { try job() } catch { failures.withLock { $0.append(error) } }
      }
    }
    group.wait()
    if let failure = failures.withLock({ $0.first }) { throw failure }
  }

  @Test func twoLiveSessionsInOneFolderWriteWhileAnotherReads() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let databases = try (0..<3).map { _ in try AppDatabase(directory: data) }
    let written = Atomic<Int>(0)
    let notesEach = 150
    let writer: @Sendable (AppDatabase, String) throws -> Void = { database, title in
      let session = try LiveSession.create(Fixtures.setup(title: title), store: database)
      try session.start()
      for number in 1...notesEach {
        try session.addNote(.init(text: "\(title) note \(number) crème", kind: .other))
      }
      #expect(try database.loadSession(session.id) == session.state)
      written.add(1, ordering: .sequentiallyConsistent)
    }
    try together([
      { try writer(databases[0], "Alpha") },
      { try writer(databases[1], "Beta") },
      {
        var reads = 0
        while written.load(ordering: .sequentiallyConsistent) < 2 || reads == 0 {
          _ = try databases[2].sessions()
          _ = try databases[2].searchNotes("creme")
          reads += 1
        }
      },
    ])
    let listings = try databases[2].sessions()
    #expect(Set(listings.map(\.title)) == ["Alpha", "Beta"])
    #expect(listings.map(\.noteCount) == [notesEach, notesEach])
    #expect(try databases[2].searchNotes("creme", limit: 1000).count == 2 * notesEach)
  }

  @Test func aReaderSeesTheLastCommitWhileAWriteIsOpen() throws {
    let store = try StoreFixture()
    let id = try store.live().id
    let reader = try store.reopen()
    let holding = DispatchSemaphore(value: 0)
    let readDone = DispatchSemaphore(value: 0)
    let pool = store.database.writer
    let seen = Mutex<[Int]>([])
    try together([
      {
        try pool.write { db in
          try db.execute(
            sql: "UPDATE sessions SET title = 'Uncommitted' WHERE id = ?",
            arguments: [id.rawValue])
          holding.signal()
          readDone.wait()
        }
      },
      {
        holding.wait()
        defer { readDone.signal() }
        let titles = try reader.sessions().map(\.title)
        seen.withLock { $0.append(titles == ["Night-time economy"] ? 1 : 0) }
      },
    ])
    #expect(seen.withLock { $0 } == [1])
    #expect(try reader.sessions().map(\.title) == ["Uncommitted"])
  }

  @Test func aSecondWriterWaitsForTheFirstInsteadOfFailing() throws {
    let store = try StoreFixture()
    let other = try store.reopen()
    let first = try LiveSession.create(Fixtures.setup(), store: other)
    try first.start()
    let id = first.id
    let holding = DispatchSemaphore(value: 0)
    let pool = store.database.writer
    try together([
      {
        try pool.write { db in
          try db.execute(sql: "INSERT INTO meta VALUES ('held', 'yes')")
          holding.signal()
          // Hold the write lock well within the busy timeout.
          Thread.sleep(forTimeInterval: 0.3)
        }
      },
      {
        let session = try LiveSession.resume(id, store: other)
        holding.wait()
        try session.addNote(.init(text: "Waited its turn", kind: .other))
      },
    ])
    #expect(try other.loadSession(id).visibleNotes.map(\.text) == ["Waited its turn"])
  }
}
