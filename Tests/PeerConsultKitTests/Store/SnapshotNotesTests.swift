import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// A state opened from a snapshot holds its notes as the snapshot's bytes and decodes each
/// when read (``SnapshotNotes``): it must read, compare and store again exactly as the state
/// a replay gives, and an opening must not decode the transcript.
@Suite struct SnapshotNotesTests {
  /// A started session of `count` notes, some edited, deleted and done, in `store`.
  private static func session(_ store: StoreFixture, notes count: Int) throws -> LiveSession {
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    try live.start()
    for index in 0..<count {
      store.clock.advance(by: 3)
      let note = try live.addNote(
        .init(text: "point \(index) 東京 ✓", kind: index % 5 == 0 ? .action : .insight))
      if index % 7 == 3 {
        try live.editNote(note.id, to: .init(text: "edited \(index)", kind: .theme))
      }
      if index % 11 == 4 { try live.deleteNote(note.id) }
      if index % 5 == 0 && index % 7 != 3 && index % 11 != 4 {
        try live.setActionDone(note.id, true)
      }
    }
    return live
  }

  @Test func anOpeningDecodesOnlyTheNotesItReads() throws {
    let store = try StoreFixture()
    let live = try Self.session(store, notes: 300)
    let opened = try store.reopen().loadSession(live.id)
    let stored = try #require(opened.notes.stored)
    #expect(stored.count >= 2 * SessionSnapshot.interval / 3)
    // Only the notes that the events after the snapshot change were decoded, to apply them.
    let decoded = stored.decodedCount
    #expect(decoded < 10)
    #expect(opened.visibleNoteCount == live.state.visibleNoteCount)
    #expect(opened.notes[5] == live.state.notes[5])
    #expect(opened.notes[6] == live.state.notes[6])
    #expect(stored.decodedCount == decoded + 2)
    // Compared note by note, it is the replay's log.
    #expect(opened == (try SessionState.replay(try store.database.events(of: live.id))))
  }

  @Test func aStateCarriedOnFromASnapshotStoresTheBytesAFullCodingGives() throws {
    let store = try StoreFixture()
    let live = try Self.session(store, notes: 200)
    let resumed = try LiveSession.resume(live.id, store: store.reopen(), clock: store.clock)
    #expect(resumed.state.notes.stored != nil)
    // Changes on top of the stored notes: an edit, a deletion, an action done, new notes.
    try resumed.editNote(2, to: .init(text: "changed after the snapshot", kind: .blockage))
    try resumed.deleteNote(9)
    try resumed.setActionDone(1, false)
    _ = try resumed.addNote(.init(text: "new", kind: .action))
    let replayed = try SessionState.replay(try store.database.events(of: live.id))
    #expect(resumed.state == replayed)
    // Unchanged notes are copied as bytes, the rest coded: the same bytes as coding it all.
    #expect(try SessionSnapshot.payload(of: resumed.state) == SessionSnapshot.payload(of: replayed))
  }

  /// The payload of `state` with `change` made to its notes' table (or bytes), the checksum
  /// made to match again.
  private static func forged(
    _ state: SessionState, _ change: (inout [UInt8], _ table: Int, _ bodies: Int) -> Void
  ) throws -> Data {
    var bytes = [UInt8](try SessionSnapshot.payload(of: state))
    var first = SnapshotWriter()
    first.noteBody(state.notes[0])
    let bodies = try #require(
      bytes.indices.first { bytes[$0...].starts(with: first.bytes) })
    change(&bytes, bodies - state.notes.count * SnapshotNotes.entrySize, bodies)
    bytes.removeLast(8)
    withUnsafeBytes(of: SessionSnapshot.checksum(bytes[...]).littleEndian) {
      bytes.append(contentsOf: $0)
    }
    return Data(bytes)
  }

  @Test func aTableThatDoesNotFitIsRefusedAndAForgedNoteIsShownNotTrapped() throws {
    let store = try StoreFixture()
    let live = try Self.session(store, notes: 20)
    let state = live.state
    // Untouched, the forgery helper gives a payload that opens.
    #expect(SessionSnapshot.state(fromPayload: try Self.forged(state) { _, _, _ in }) == state)
    // A slot that does not exist, and offsets out of order.
    let badSlot = try Self.forged(state) { bytes, table, _ in
      bytes[table + 3 * SnapshotNotes.entrySize + 4] = 0xFF
    }
    #expect(SessionSnapshot.state(fromPayload: badSlot) == nil)
    let disordered = try Self.forged(state) { bytes, table, _ in
      bytes[table + 2 * SnapshotNotes.entrySize] = 0xFF
    }
    #expect(SessionSnapshot.state(fromPayload: disordered) == nil)
    // A note's bytes that do not decode, under a matching checksum: the note reads as the
    // replacement character, the others as written.
    let kindless = try Self.forged(state) { bytes, _, bodies in
      let kind = Array(NoteKind.insight.rawValue.utf8)
      let at = bytes[bodies...].indices.first { bytes[$0...].starts(with: kind) }!
      bytes[at] = UInt8(ascii: "X")
    }
    let opened = try #require(SessionSnapshot.state(fromPayload: kindless))
    let unreadable = opened.notes.filter { $0.text == "\u{FFFD}" }
    #expect(unreadable.count == 1)
    #expect(opened.notes.filter { $0.text != "\u{FFFD}" }.count == state.notes.count - 1)
  }

  @Test func aLongSessionWithoutASnapshotGetsOneFromTheFirstOpeningThatMayWrite() throws {
    let store = try StoreFixture()
    let live = try Self.session(store, notes: 200)
    let events = try store.database.events(of: live.id)
    // As a session stored before schema v8, or under an older encoding, left it.
    for version in [
      nil, SessionSnapshot.versionBeforeArrivals - 1, SessionSnapshot.versionBeforeArrivals,
    ] {
      try store.database.write { db in
        if let version {
          try db.execute(sql: "UPDATE session_snapshots SET version = ?", arguments: [version])
        } else {
          try db.execute(sql: "DELETE FROM session_snapshots")
        }
      }
      let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
      #expect(try reader.loadSession(live.id) == live.state)
      try reader.close()
      let current = try store.database.read { db in
        try Int.fetchOne(
          db, sql: "SELECT count(*) FROM session_snapshots WHERE version = ?",
          arguments: [SessionSnapshot.encodingVersion])
      }
      #expect(current == 0, "a reading opening writes nothing")
      #expect(try store.reopen().loadSession(live.id) == live.state)
      let snapshot = try store.database.read { db in
        try Row.fetchOne(db, sql: "SELECT seq, version, payload FROM session_snapshots")
      }
      let row = try #require(snapshot)
      #expect(row["seq"] == events.count && row["version"] == SessionSnapshot.encodingVersion)
      #expect(SessionSnapshot.state(fromPayload: row["payload"]) == live.state)
    }
  }
}
