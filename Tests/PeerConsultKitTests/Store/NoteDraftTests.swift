import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The note being written when the program was ended: kept once per session, taken once, and
/// gone with its session.
@Suite struct NoteDraftTests {
  private func session(_ store: AppDatabase) throws -> LiveSession {
    let setup = SessionSetup(
      title: "Drafts", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [ShareFixture.zoe, ShareFixture.wei], presenters: [0])
    return try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock(Fixtures.start))
  }

  @Test func aDraftIsKeptReplacedReadAndDropped() throws {
    let store = try AppDatabase.inMemory()
    let live = try session(store)
    let first = NoteDraft(content: NoteContent(text: "half a thought", kind: .question))
    let second = NoteDraft(
      content: NoteContent(text: "an action for Zoë", kind: .action, speaker: 1, owner: 0),
      editing: 3, base: "an action")
    try store.keepDraft(first, of: live.id, at: Fixtures.start)
    try store.keepDraft(second, of: live.id, at: Fixtures.start)
    // Reading leaves it kept, until it is dropped.
    #expect(try store.draft(of: live.id) == second)
    #expect(try store.draft(of: live.id) == second)
    try store.dropDraft(of: live.id)
    #expect(try store.draft(of: live.id) == nil)
  }

  @Test func aDeletedSessionTakesItsDraftWithIt() throws {
    let folder = try TemporaryFolder()
    let store = try AppDatabase(directory: folder.url)
    let live = try session(store)
    try store.keepDraft(
      NoteDraft(content: NoteContent(text: "XYZZY draft words", kind: .other)), of: live.id,
      at: Fixtures.start)
    try store.deleteSession(live.id)
    #expect(try store.draft(of: live.id) == nil)
    try store.close()
    let bytes = try Data(contentsOf: folder.url.appendingPathComponent(AppDatabase.fileName))
    #expect(bytes.range(of: Data("XYZZY draft words".utf8)) == nil)
  }

  @Test func erasingAPersonDropsTheDraftsOfTheirSessions() throws {
    let store = try AppDatabase.inMemory()
    let live = try session(store)
    try store.keepDraft(
      NoteDraft(content: NoteContent(text: "王伟 will call", kind: .action, owner: 1)),
      of: live.id, at: Fixtures.start)
    _ = try store.erasePerson(named: "王伟", at: Fixtures.start)
    #expect(try store.draft(of: live.id) == nil)
  }

  /// A draft replaced or forgotten is zeroed in the file, not left in its free space: the
  /// words of a note discarded never reach an export, but they must not linger on disk.
  @Test func aReplacedOrForgottenDraftLeavesNoByteInTheFile() throws {
    let folder = try TemporaryFolder()
    let store = try AppDatabase(directory: folder.url)
    // Debian's SQLite zeroes what it frees by default; others do not, and the store must not
    // count on it.
    try store.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA secure_delete = OFF") }
    let live = try session(store)
    try store.keepDraft(
      NoteDraft(content: NoteContent(text: "PLUGH first words", kind: .other)), of: live.id,
      at: Fixtures.start)
    try store.keepDraft(
      NoteDraft(content: NoteContent(text: "XYZZY second words", kind: .other)), of: live.id,
      at: Fixtures.start)
    try store.dropDraft(of: live.id)
    try store.close()
    let bytes = try Data(contentsOf: folder.url.appendingPathComponent(AppDatabase.fileName))
    #expect(bytes.range(of: Data("PLUGH first words".utf8)) == nil)
    #expect(bytes.range(of: Data("XYZZY second words".utf8)) == nil)
  }
}
