import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// The `-wal` file removed by another program while a session runs (a clean-up, a sync tool):
/// every note acknowledged is in the database file itself, and nothing more is written through
/// the log that is gone.
@Suite struct LogRemovedTests {
  /// The notes in the database file alone, as a program killed now would leave it: the file
  /// copied without its log, and read.
  private func notesInTheFileAlone(_ store: StoreFixture) throws -> [String] {
    let copy = store.folder.path("copy.sqlite")
    try? FileManager.default.removeItem(at: copy)
    try FileManager.default.copyItem(at: store.file, to: copy)
    let queue = try DatabaseQueue(path: copy.path)
    defer { try? queue.close() }
    return try queue.read { try String.fetchAll($0, sql: "SELECT text FROM notes ORDER BY id") }
  }

  /// Before, both notes after the removal were acknowledged and written only to the removed
  /// log: a `kill -9` then lost the whole session, check-points and all.
  @Test func aNoteSavedAfterTheLogIsRemovedIsInTheDatabaseAndTheNextIsRefused() throws {
    let store = try StoreFixture()
    store.database.deferCheckpoints()
    let live = try store.live()
    try live.start()
    try live.addNote(.init(text: "Before the log went", kind: .insight))
    let log = store.file.path + "-wal"
    #expect(unlink(log) == 0)
    try live.addNote(.init(text: "Saved as the log went", kind: .insight))
    #expect(
      try notesInTheFileAlone(store) == ["Before the log went", "Saved as the log went"])
    #expect(throws: StoreError.logRemoved(path: store.file.path)) {
      try live.addNote(.init(text: "After", kind: .insight))
    }
    #expect(try notesInTheFileAlone(store).count == 2)
    // Another opening of the folder (the resume) writes again, and reads every note.
    try store.database.close()
    let reopened = try store.reopen()
    defer { try? reopened.close() }
    #expect(try reopened.loadSession(live.id).notes.map(\.text).count == 2)
  }

  /// A log replaced by another program's (a new `-wal` made after the removal) is the same
  /// loss: the writes here went to the old one.
  @Test func aLogReplacedByAnotherIsFoundToo() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    try live.addNote(.init(text: "First", kind: .insight))
    let log = store.file.path + "-wal"
    #expect(unlink(log) == 0)
    #expect(FileManager.default.createFile(atPath: log, contents: Data()))
    try live.addNote(.init(text: "Second", kind: .insight))
    #expect(try notesInTheFileAlone(store) == ["First", "Second"])
    #expect(throws: StoreError.logRemoved(path: store.file.path)) {
      try live.addNote(.init(text: "Third", kind: .insight))
    }
  }
  /// The note being written is still kept once nothing else may be saved, into the database
  /// file itself: leaving the window keeps it, as the refusal says.
  @Test func theNoteBeingWrittenIsStillKept() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    #expect(unlink(store.file.path + "-wal") == 0)
    try live.addNote(.init(text: "Saved as the log went", kind: .insight))
    let draft = NoteDraft(content: .init(text: "Half a thought", kind: .insight))
    try store.database.keepDraft(draft, of: live.id, at: store.clock.now())
    let copy = store.folder.path("alone.sqlite")
    try FileManager.default.copyItem(at: store.file, to: copy)
    let queue = try DatabaseQueue(path: copy.path)
    defer { try? queue.close() }
    #expect(
      try queue.read { try String.fetchAll($0, sql: "SELECT text FROM note_drafts") } == [
        "Half a thought"
      ])
  }

  /// A log replaced between the opening and the first write is found too: the opening notes
  /// the log it found, where the first write would have taken the new one for it.
  @Test func aLogReplacedBeforeTheFirstWriteIsFound() throws {
    let store = try StoreFixture()
    let log = store.file.path + "-wal"
    #expect(unlink(log) == 0)
    #expect(FileManager.default.createFile(atPath: log, contents: Data()))
    let live = try store.live()
    #expect(throws: StoreError.logRemoved(path: store.file.path)) { try live.start() }
  }
}
