import Foundation
import GRDB
import TestSupport
import Testing

@testable import PeerConsultKit

/// A session's stored snapshot (`session_snapshots`) is a cache of its events: every opening
/// through it must give exactly the state a full replay gives, whatever wrote the session.
@Suite struct SessionSnapshotTests {
  /// Every session's snapshot, as stored.
  private static func snapshots(_ database: AppDatabase) throws -> [(
    session: SessionID, sequence: Int, version: Int, payload: Data
  )] {
    try database.read { db in
      try Row.fetchAll(db, sql: "SELECT * FROM session_snapshots ORDER BY session_id").map {
        (SessionID(rawValue: $0["session_id"])!, $0["seq"], $0["version"], $0["payload"])
      }
    }
  }

  /// Fails for any snapshot that is not the replay of its session's events up to its
  /// sequence, and for any session whose opening differs from the replay of all its events:
  /// run after every kind of write, so a write path that forgets the snapshot is caught.
  private static func expectFresh(
    _ database: AppDatabase, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    for snapshot in try snapshots(database) {
      let events = try database.events(of: snapshot.session)
      let replayed = try SessionState.replay(events.filter { $0.sequence <= snapshot.sequence })
      #expect(snapshot.version == SessionSnapshot.encodingVersion, sourceLocation: sourceLocation)
      #expect(
        SessionSnapshot.state(fromPayload: snapshot.payload) == replayed,
        "stale snapshot of \(snapshot.session) at \(snapshot.sequence)",
        sourceLocation: sourceLocation)
    }
    for session in try database.sessions().map(\.id) {
      let events = try database.events(of: session)
      let opened = try database.load(session)
      #expect(opened.state == (try SessionState.replay(events)), sourceLocation: sourceLocation)
      #expect(opened.lastSequence == events.last?.sequence, sourceLocation: sourceLocation)
    }
  }

  /// A random walk of every kind of command, with follow-ups, sharing and room choices too.
  private static func walk(
    _ session: LiveSession, clock: ManualClock, steps: Int, seed: UInt64
  ) {
    var random = SeededGenerator(seed: seed)
    for _ in 0..<steps {
      clock.advance(by: Double(Int.random(in: 0...20_000, using: &random)) / 997)
      do {
        switch Int.random(in: 0..<40, using: &random) {
        case 0:
          try session.chooseForSharing(
            ["Priya", "crème", "Quillfeather"].randomElement(using: &random)!,
            replace: Bool.random(using: &random))
        case 1:
          try session.chooseRoomNotes(
            NoteKind.allCases.filter { _ in Bool.random(using: &random) })
        case 2:
          try session.followUp(
            ActionReference(
              session: SessionID(rawValue: String(repeating: "a", count: 32))!,
              note: Int.random(in: 1...3, using: &random)),
            [.done, .carried(note: "next time"), .dropped(reason: "no budget")]
              .randomElement(using: &random)!)
        default: try RandomCommand.run(on: session, using: &random)
        }
      } catch {
        // Refused commands are part of the walk.
      }
    }
  }

  @Test(arguments: [11, 12, 13] as [UInt64])
  func aRandomSessionOpensFromItsSnapshotAsItReplays(seed: UInt64) throws {
    let store = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    var checked = 0
    for round in 0..<12 {
      Self.walk(live, clock: store.clock, steps: 150, seed: seed &* 100 &+ UInt64(round))
      let opened = try store.database.load(live.id)
      #expect(opened.state == live.state)
      #expect(try store.reopen().loadSession(live.id) == live.state)
      try Self.expectFresh(store.database)
      checked += 1
    }
    let events = try store.database.events(of: live.id)
    let snapshot = try #require(try Self.snapshots(store.database).first)
    // The walk went far enough for the opening to start from a snapshot, not from the start.
    #expect(events.count > 3 * SessionSnapshot.interval && snapshot.sequence > 0)
    #expect(snapshot.sequence % SessionSnapshot.interval == 0)
    #expect(events.count - snapshot.sequence < SessionSnapshot.interval)
    let types = Set(events.map(\.event.typeName))
    #expect(types.isSuperset(of: ["noteEdited", "noteDeleted", "shareChoice", "roomNotesChosen"]))
    #expect(types.contains("actionFollowedUp") && checked == 12)
  }

  @Test func aSessionCarriedOnAfterItsSnapshotResumesExactly() throws {
    let store = try StoreFixture()
    let live = try Self.sessionPastItsSnapshot(in: store, notes: SessionSnapshot.interval + 10)
    let resumed = try LiveSession.resume(live.id, store: store.reopen(), clock: store.clock)
    #expect(resumed.state == live.state)
    // A second program's write and the merge on both sides keep the snapshot true.
    let action = try live.addNote(.init(text: "call", kind: .action))
    #expect(try resumed.catchUp())
    try resumed.setActionDone(action.id, true)
    #expect(try live.catchUp())
    #expect(live.state == resumed.state)
    try Self.expectFresh(store.database)
  }

  /// Opening and resuming start from the snapshot: with an event before it made unreadable
  /// they still give the live state (a replay would refuse the session), so a read of the
  /// payload that failed quietly, and fell back to replaying every event, would show here.
  @Test func openingAndResumingReadTheSnapshotNotTheEventsBeforeIt() throws {
    let store = try StoreFixture()
    let live = try Self.sessionPastItsSnapshot(in: store, notes: SessionSnapshot.interval + 20)
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE events SET payload = '{\"bogus\":{}}' WHERE session_id = ? AND seq = 5",
        arguments: [live.id.rawValue])
    }
    #expect(throws: StoreError.self) { try SessionState.replay(store.database.events(of: live.id)) }
    #expect(try store.database.loadSession(live.id) == live.state)
    let resumed = try LiveSession.resume(live.id, store: store.reopen(), clock: store.clock)
    #expect(resumed.state == live.state)
    #expect(resumed.state.notes.last?.text == "note \(SessionSnapshot.interval + 19) 王小明")
  }

  /// A started session of `notes` notes (`note 0 王小明`, …), so a snapshot lies among its
  /// events.
  private static func sessionPastItsSnapshot(in store: StoreFixture, notes: Int) throws
    -> LiveSession
  {
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    try live.start()
    for index in 0..<notes {
      store.clock.advance(by: 1.25)
      _ = try live.addNote(.init(text: "note \(index) 王小明", kind: .insight))
    }
    return live
  }

  /// A snapshot written before who arrived late was kept (version 3) has no arrivals: read, it
  /// gets them from the events, so that a session whose latecomer came before this build
  /// says "arrived" in review and `show` as its export does; an opening that may write then
  /// replaces it with one of this encoding.
  @Test func aSnapshotFromBeforeArrivalsGetsThemFromTheEvents() throws {
    let store = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    try live.addParticipant(Participant(name: "Dev", organisation: "Fire", level: .frontline))
    try live.start()
    store.clock.advance(by: 600)
    try live.addParticipant(Participant(name: "Efe", organisation: "Housing", level: .middle))
    for index in 0..<SessionSnapshot.interval {
      _ = try live.addNote(.init(text: "note \(index)", kind: .insight))
    }
    try live.markLeft(2)
    #expect(live.state.arrivals == [4: Fixtures.start.addingTimeInterval(600)])
    // As the last build wrote it: the same bytes without the arrivals section.
    let sequence = try #require(try Self.snapshots(store.database).first?.sequence)
    let events = try store.database.events(of: live.id)
    var before = try SessionState.replay(Array(events.prefix(sequence)))
    before.arrivals = [:]
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE session_snapshots SET version = ?, payload = ?",
        arguments: [SessionSnapshot.versionBeforeArrivals, try SessionSnapshot.payload(of: before)])
    }
    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    #expect(try reader.loadSession(live.id) == live.state)
    #expect(try reader.digest(of: live.id).people[4].arrivedAt != nil)
    try reader.close()
    #expect(
      try Self.snapshots(store.database).first?.version == SessionSnapshot.versionBeforeArrivals)
    // An opening that may write replaces it.
    #expect(try store.reopen().loadSession(live.id) == live.state)
    #expect(try Self.snapshots(store.database).first?.version == SessionSnapshot.encodingVersion)
    // With the index the arrivals are read through gone (a file edited by hand), the snapshot
    // is set aside and every event replayed: the session still opens, whole.
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE session_snapshots SET version = ?, payload = ?",
        arguments: [SessionSnapshot.versionBeforeArrivals, try SessionSnapshot.payload(of: before)])
      try db.execute(sql: "DROP INDEX events_people")
    }
    #expect(try store.database.loadSession(live.id) == live.state)
  }

  /// Encoding 3 was written for a while before the focus questions of skipped presenters were
  /// kept: such a snapshot of a session rearranged before it is set aside, so that a presenter
  /// given back after it has their question live as in the export.
  @Test func anOldSnapshotOfARearrangedSessionIsReplayed() throws {
    let store = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    try live.start()
    // Ben, with his question, skipped; then a long stretch of notes.
    try live.rearrangePresenters([0])
    for index in 0..<SessionSnapshot.interval {
      _ = try live.addNote(.init(text: "note \(index)", kind: .insight))
    }
    let sequence = try #require(try Self.snapshots(store.database).first?.sequence)
    var before = try SessionState.replay(
      Array(try store.database.events(of: live.id).prefix(sequence)))
    #expect(!before.setAsideQuestions.isEmpty)
    // As a build of encoding 3 that did not keep them wrote it.
    before.setAsideQuestions = [:]
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE session_snapshots SET version = ?, payload = ?",
        arguments: [SessionSnapshot.versionBeforeArrivals, try SessionSnapshot.payload(of: before)])
    }
    // Given back after the snapshot: the question comes with him.
    try live.rearrangePresenters([0, 1])
    #expect(live.state.setup.rounds[1].focusQuestion == "How do I get licensing on board?")
    let reader = try #require(try AppDatabase.openForReading(directory: store.dataFolder))
    #expect(try reader.loadSession(live.id) == live.state)
    try reader.close()
  }

  @Test func aSnapshotOfAnotherEncodingOrThatDoesNotDecodeIsIgnored() throws {
    let store = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: store.database, clock: store.clock)
    try live.start()
    for index in 0..<SessionSnapshot.interval {
      _ = try live.addNote(.init(text: "note \(index)", kind: .insight))
    }
    #expect(try Self.snapshots(store.database).count == 1)
    // A snapshot of another (older) encoding whose bytes would decode to another state.
    var other = live.state
    other.notes.removeAll()
    other.deletedNoteCount = 0
    try store.database.write { db in
      try db.execute(
        sql: "UPDATE session_snapshots SET version = ?, payload = ?",
        arguments: [
          SessionSnapshot.versionBeforeArrivals - 1, try SessionSnapshot.payload(of: other),
        ])
    }
    #expect(try store.database.loadSession(live.id) == live.state)
    // Cut short anywhere, or with bytes added, a payload is not taken for a state.
    let whole = try SessionSnapshot.payload(of: live.state)
    // A byte changed inside a note's text still decodes: the checksum catches it.
    var scribbled = whole
    let text = try #require(whole.range(of: Data("note 7".utf8)))
    scribbled[text.upperBound - 1] = UInt8(ascii: "8")
    let damaged =
      stride(from: 0, to: whole.count, by: max(1, whole.count / 40)).map { whole.prefix($0) }
      + [whole + Data([0]), scribbled, Data("{".utf8), Data([0xFF, 0x00])]
    for payload in damaged {
      #expect(SessionSnapshot.state(fromPayload: payload) == nil)
      try store.database.write { db in
        try db.execute(
          sql: "UPDATE session_snapshots SET version = ?, payload = ?",
          arguments: [SessionSnapshot.encodingVersion, payload])
      }
      #expect(try store.database.loadSession(live.id) == live.state)
    }
    // The next boundary replaces it with a true one.
    for index in 0..<SessionSnapshot.interval {
      _ = try live.addNote(.init(text: "more \(index)", kind: .theme))
    }
    try Self.expectFresh(store.database)
  }

  /// The checksum's four lanes and its tail: a byte changed anywhere, in any lane, in a
  /// whole word after the last block or in the bytes after the last word, or the length
  /// changed, gives another checksum.
  @Test func everyByteOfThePayloadCountsInItsChecksum() {
    var random = SeededGenerator(seed: SeededGenerator.seed(0x436B_73))
    for length in Array(0...80) + [1_000, 4_099] {
      let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
      let sum = SessionSnapshot.checksum(bytes[...])
      for index in bytes.indices {
        var changed = bytes
        changed[index] ^= 1 << UInt8.random(in: 0..<8, using: &random)
        #expect(SessionSnapshot.checksum(changed[...]) != sum, "length \(length), byte \(index)")
      }
      #expect(SessionSnapshot.checksum((bytes + [0])[...]) != sum, "length \(length) + 1")
      if length > 0 {
        #expect(SessionSnapshot.checksum(bytes.dropLast()) != sum, "length \(length) - 1")
      }
    }
  }

  @Test func importedSessionsGetATrueSnapshotInTheirTransaction() throws {
    let source = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: source.database, clock: source.clock)
    Self.walk(live, clock: source.clock, steps: 900, seed: 7)
    let events = try source.database.events(of: live.id)
    #expect(events.count > 2 * SessionSnapshot.interval)
    let target = try StoreFixture()
    // Imported in two runs: a first export, then a later one that extends it.
    let cut = SessionSnapshot.interval + 5
    try target.database.appendInOneTransaction([(live.id, Array(events.prefix(cut)))])
    try Self.expectFresh(target.database)
    try target.database.appendInOneTransaction([(live.id, Array(events.dropFirst(cut)))])
    try Self.expectFresh(target.database)
    #expect(try Self.snapshots(target.database).first?.sequence == events.count)
    #expect(try target.database.loadSession(live.id) == live.state)
  }

  @Test func aStreamedImportWritesTheSnapshotOfTheStateItRebuilt() throws {
    let source = try StoreFixture()
    let live = try LiveSession.create(Fixtures.setup(), store: source.database, clock: source.clock)
    Self.walk(live, clock: source.clock, steps: 900, seed: 11)
    let events = try source.database.events(of: live.id)
    let cut = SessionSnapshot.interval + 5
    let target = try StoreFixture()
    let early = try target.folder.write(
      "early.json",
      try SessionExport.render(
        [try SessionRecord(id: live.id, events: Array(events.prefix(cut)))], as: .json))
    let late = try target.folder.write(
      "late.json", try SessionExport.render([try source.database.record(of: live.id)], as: .json))
    _ = try SessionImport.run([early], into: target.database)
    try Self.expectFresh(target.database)
    #expect(try Self.snapshots(target.database).first?.sequence == cut)
    _ = try SessionImport.run([late], into: target.database)
    try Self.expectFresh(target.database)
    #expect(try Self.snapshots(target.database).first?.sequence == events.count)
    #expect(try target.database.loadSession(live.id) == live.state)
  }

  @Test func erasingSomeoneLeavesNoSnapshotWithTheirName() throws {
    let store = try StoreFixture()
    var setup = Fixtures.setup()
    setup.participants.append(ErasureTests.priya)
    let live = try LiveSession.create(setup, store: store.database, clock: store.clock)
    try live.start()
    for index in 0..<(SessionSnapshot.interval * 2) {
      _ = try live.addNote(.init(text: "Priya Kowalczyk point \(index)", kind: .insight))
    }
    let before = try #require(try Self.snapshots(store.database).first)
    #expect(before.payload.range(of: Data("Kowalczyk".utf8)) != nil)
    let erasure = try store.database.erasePerson(named: "Priya Kowalczyk", at: store.clock.now())
    #expect(erasure.sessions == [live.id])
    let after = try #require(try Self.snapshots(store.database).first)
    #expect(after.payload.range(of: Data("Kowalczyk".utf8)) == nil)
    #expect(after.payload.range(of: Data(erasure.pseudonym.utf8)) != nil)
    try Self.expectFresh(store.database)
    // Deleting the session takes its snapshot with it.
    try store.database.deleteSession(live.id)
    #expect(try Self.snapshots(store.database).isEmpty)
  }

  @Test func showWritesFromTheSnapshotInPiecesWhatTheRecordGives() throws {
    let store = try StoreFixture()
    let utc = TimeZone(identifier: "UTC")!
    // One still running (its times are read at its last event), one walked and finished.
    for finishing in [false, true] {
      let live = try LiveSession.create(
        Fixtures.setup(), store: store.database, clock: store.clock)
      if finishing {
        Self.walk(live, clock: store.clock, steps: 600, seed: 21)
        if !live.state.isFinished { try live.finish() }
      } else {
        try live.start()
        for index in 0..<(SessionSnapshot.interval + 20) {
          store.clock.advance(by: 7)
          _ = try live.addNote(.init(text: "point \(index)", kind: .insight))
        }
      }
      store.clock.advance(by: 30)
      let record = try store.database.record(of: live.id)
      let whole = SessionExport.plainText([record], timeZone: utc)
      var pieces: [String] = []
      let digest = try store.database.digest(of: live.id)
      SessionExport.plainText(digest, timeZone: utc) { pieces.append($0) }
      #expect(pieces.joined() == whole)
      #expect(pieces.count > 2 && pieces.allSatisfy { $0.hasSuffix("\n") })
      // As `show` writes it: from the opened state, each phase's notes decoded as written.
      let (state, asOf) = try store.reopen().openedSession(live.id)
      #expect(state.notes.stored != nil)
      var streamed: [String] = []
      var decodedAtFirstPiece: [Int] = []
      SessionExport.plainText(live.id, state, at: asOf, timeZone: utc) {
        if streamed.isEmpty { decodedAtFirstPiece.append(state.notes.stored?.decodedCount ?? -1) }
        streamed.append($0)
      }
      #expect(streamed.joined() == whole)
      if !finishing {
        // All its notes are in one phase: the first hundred are written before the rest are read.
        #expect(decodedAtFirstPiece == [100])
        #expect(state.notes.count > 100)
      }
      #expect(streamed.count > 2 && streamed.allSatisfy { $0.hasSuffix("\n") })
    }
  }
}
