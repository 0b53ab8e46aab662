import Foundation

/// A ``SessionState`` as the store keeps it beside the events (`session_snapshots`, schema
/// v8), so that opening a long session decodes one value and replays only the events after it
/// instead of every event since the session was created.
///
/// A snapshot is a cache, never the record: the events are. It carries ``encodingVersion``: a
/// snapshot written by another encoding is ignored and the session replayed from its events,
/// as is one that does not decode or fit together. The setup is coded as the `created` event
/// codes it (`CodedSetup`, JSON); the rest, mostly notes, in a compact binary form
/// (``SnapshotWriter``), because decoding 10,000 notes through `JSONDecoder` took longer than
/// replaying a few hundred events; a checksum at the end turns a damaged payload into none.
/// Since version 2 the notes are found through a table and decoded only when read
/// (``SnapshotNotes``), so an opening costs the checksum and not the transcript; version 3
/// computes that checksum in four lanes (``checksum(_:)``), the same bytes otherwise. The focus
/// questions set aside (``SessionState/setAsideQuestions``) follow, only when there are any: a
/// new version would have set every stored snapshot aside, and a finished session, which gets
/// no more events, would have replayed its every event at each opening from then on. (A
/// snapshot written before they were kept has none, where a replay now has them: one of
/// version 3 whose session was rearranged before it is set aside, see
/// ``versionBeforeArrivals``.) Who
/// left before the end (``SessionState/departures``) follows them in the same way, the count
/// of questions set aside then written even when none are. Who arrived late
/// (``SessionState/arrivals``) follows those, the counts before it written even when zero;
/// their section came with version 4, since version 3's snapshots of sessions with latecomers
/// lack it (see ``versionBeforeArrivals``).
/// Times are whole milliseconds, the precision of the events every state is folded from.
enum SessionSnapshot {
  /// Raised whenever this coding or the state it codes changes shape; snapshots of another
  /// version are ignored (and replaced at the session's next snapshot boundary).
  static let encodingVersion = 4
  /// The encoding before who arrived late was kept (version 4 adds that section and nothing
  /// else): such a snapshot is read, its arrivals found in the events (a state carried forward
  /// from it would never have them), and replaced at an opening that may write; one of a
  /// session whose presenters were rearranged before it is set aside instead, since the
  /// focus questions of skipped presenters were kept only from part-way through version 3.
  static let versionBeforeArrivals = 3

  /// A snapshot is written with the event whose sequence is a multiple of this: an opening
  /// replays at most this many events after the snapshot, and a long session rewrites its
  /// snapshot once every this many events.
  static let interval = 128

  /// The bytes stored for `state`.
  static func payload(of state: SessionState) throws -> Data {
    var out = SnapshotWriter()
    // Keys sorted, so that one state always gives the same bytes.
    let encoder = JSONEncoder()
    encoder.outputFormatting = .sortedKeys
    out.string(String(decoding: try encoder.encode(CodedSetup(state.setup)), as: UTF8.self))
    out.date(state.createdAt)
    out.optional(state.currentSlot) { $0.int($1) }
    out.optional(state.pausedSince) { $0.date($1) }
    out.int(state.timings.count)
    for timing in state.timings {
      out.double(timing.accumulatedSeconds)
      out.optional(timing.runningSince) { $0.date($1) }
      out.int(timing.adjustmentSeconds)
      out.optional(timing.firstStartedAt) { $0.date($1) }
      out.optional(timing.lastEndedAt) { $0.date($1) }
    }
    out.notes(state.notes, deleted: state.deletedNoteCount)
    out.int(state.ratings.count)
    for (participant, rating) in state.ratings.sorted(by: { $0.key < $1.key }) {
      out.int(participant)
      out.int(rating)
    }
    out.int(state.shareChoices.count)
    for (term, replace) in state.shareChoices.sorted(by: { $0.key < $1.key }) {
      out.string(term)
      out.bool(replace)
    }
    out.int(state.followUps.count)
    for (action, followUp) in state.followUps.sorted(by: { $0.key < $1.key }) {
      out.string(action.session.rawValue)
      out.int(action.note)
      out.string(followUp.outcome.name)
      out.optional(followUp.outcome.text) { $0.string($1) }
      out.date(followUp.at)
    }
    out.optional(state.finishedAt) { $0.date($1) }
    out.int(state.roomNoteKinds.count)
    for kind in state.roomNoteKinds { out.string(kind.rawValue) }
    if !state.setAsideQuestions.isEmpty || !state.departures.isEmpty || !state.arrivals.isEmpty {
      out.int(state.setAsideQuestions.count)
      for (presenter, question) in state.setAsideQuestions.sorted(by: { $0.key < $1.key }) {
        out.int(presenter)
        out.string(question)
      }
    }
    if !state.departures.isEmpty || !state.arrivals.isEmpty {
      out.int(state.departures.count)
      for (participant, date) in state.departures.sorted(by: { $0.key < $1.key }) {
        out.int(participant)
        out.date(date)
      }
    }
    if !state.arrivals.isEmpty {
      out.int(state.arrivals.count)
      for (participant, date) in state.arrivals.sorted(by: { $0.key < $1.key }) {
        out.int(participant)
        out.date(date)
      }
    }
    var bytes = out.bytes
    withUnsafeBytes(of: checksum(bytes[...]).littleEndian) { bytes.append(contentsOf: $0) }
    return Data(bytes)
  }

  /// The state in a stored payload, or nil when it does not decode or fit together (a slot or
  /// kind that does not exist, bytes left over or missing): the caller then replays the events.
  static func state(fromPayload payload: Data) -> SessionState? {
    let bytes = [UInt8](payload)
    guard bytes.count >= 8 else { return nil }
    let body = bytes[..<(bytes.count - 8)]
    let stored = bytes.withUnsafeBytes {
      UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: body.endIndex, as: UInt64.self))
    }
    guard stored == checksum(body) else { return nil }
    var input = SnapshotReader(bytes, in: body.indices)
    return try? input.state()
  }

  /// A 64-bit checksum of `bytes`, kept at the end of the payload: a byte changed inside a
  /// note's text by a failing disk would otherwise still decode, and the page check
  /// (`quick_check`) does not look inside stored values. Not a defence against someone who
  /// rewrites the file on purpose, who could rewrite the events as easily.
  ///
  /// Four independent FNV-style lanes over 8-byte words (word `i` goes to lane `i % 4`; the
  /// bytes after the last whole word to lane 0), mixed together at the end. Each step of a
  /// lane (xor the word, multiply by an odd number, xor its high bits down) can be undone, so
  /// any one word changed changes its lane and so the sum, as the single chain of encoding 2
  /// did; but the four lanes do not wait for each other's multiplications, which made the
  /// single chain most of what opening a long session cost (encoding 3, `open6`).
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    @inline(__always) func step(_ hash: UInt64, _ word: UInt64) -> UInt64 {
      let mixed = (hash ^ word) &* 0x0000_0100_0000_01b3
      return mixed ^ (mixed >> 29)
    }
    var lanes: (UInt64, UInt64, UInt64, UInt64) = (
      0xcbf2_9ce4_8422_2325, 0x8422_2325_cbf2_9ce4, 0x9ce4_8422_2325_cbf2, 0x2325_cbf2_9ce4_8422
    )
    // Words are loaded as they lie (little-endian), not assembled a byte at a time.
    bytes.withUnsafeBytes { raw in
      func word(_ at: Int) -> UInt64 {
        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt64.self))
      }
      var index = 0
      while index + 32 <= raw.count {
        lanes.0 = step(lanes.0, word(index))
        lanes.1 = step(lanes.1, word(index + 8))
        lanes.2 = step(lanes.2, word(index + 16))
        lanes.3 = step(lanes.3, word(index + 24))
        index += 32
      }
      // The last whole words in their lanes, as if the loop had gone on.
      if index + 8 <= raw.count { lanes.0 = step(lanes.0, word(index)) }
      if index + 16 <= raw.count { lanes.1 = step(lanes.1, word(index + 8)) }
      if index + 24 <= raw.count { lanes.2 = step(lanes.2, word(index + 16)) }
      index += (raw.count - index) / 8 * 8
      while index < raw.count {
        lanes.0 = step(lanes.0, UInt64(raw[index]))
        index += 1
      }
    }
    let hash = step(step(step(lanes.0, lanes.1), lanes.2), lanes.3)
    return hash ^ UInt64(bytes.count)
  }
}

/// Writes a snapshot's values: integers as zigzag varints, doubles as their bits, strings as a
/// length and UTF-8, optionals behind a presence byte.
struct SnapshotWriter {
  fileprivate(set) var bytes: [UInt8] = []

  mutating func int(_ value: Int) { int64(Int64(value)) }

  mutating func int64(_ value: Int64) {
    var zigzag = UInt64(bitPattern: (value << 1) ^ (value >> 63))
    while zigzag >= 0x80 {
      bytes.append(UInt8(zigzag & 0x7F) | 0x80)
      zigzag >>= 7
    }
    bytes.append(UInt8(zigzag))
  }

  mutating func double(_ value: Double) {
    withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) }
  }

  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

  mutating func date(_ value: Date) { int64(value.millisecondsSince1970) }

  mutating func string(_ value: String) {
    let utf8 = value.utf8
    int(utf8.count)
    bytes.append(contentsOf: utf8)
  }

  mutating func optional<Value>(_ value: Value?, _ write: (inout SnapshotWriter, Value) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }

  /// The notes section: how many notes and how many of them deleted, the length of their
  /// bytes, a table of one fixed-width entry per note (``SnapshotNotes``: where its bytes
  /// start, its slot, whether it is deleted), then each note's bytes. A note the log still holds as the previous
  /// snapshot's bytes is copied, not decoded and coded again.
  mutating func notes(_ notes: NoteLog, deleted: Int) {
    var table: [UInt8] = []
    table.reserveCapacity(notes.count * SnapshotNotes.entrySize)
    var bodies = SnapshotWriter()
    for index in notes.indices {
      let place: (slot: Int, isDeleted: Bool)
      let offset = UInt32(truncatingIfNeeded: bodies.bytes.count)
      if let stored = notes.unchangedStoredNote(at: index) {
        place = stored.place(at: index)
        bodies.bytes.append(contentsOf: stored.body(at: index))
      } else {
        let note = notes[index]
        place = (note.slot, note.isDeleted)
        bodies.noteBody(note)
      }
      let slot =
        UInt32(truncatingIfNeeded: place.slot) | (place.isDeleted ? SnapshotNotes.deletedFlag : 0)
      withUnsafeBytes(of: offset.littleEndian) { table.append(contentsOf: $0) }
      withUnsafeBytes(of: slot.littleEndian) { table.append(contentsOf: $0) }
    }
    int(notes.count)
    int(deleted)
    int(bodies.bytes.count)
    bytes.append(contentsOf: table)
    bytes.append(contentsOf: bodies.bytes)
  }

  /// One note's bytes, all of it but its id (its place) and slot (its table entry).
  mutating func noteBody(_ note: Note) {
    date(note.createdAt)
    content(note.content)
    bool(note.isDone)
    optional(note.doneAt) { $0.date($1) }
    optional(note.editedAt) { $0.date($1) }
    int(note.history.count)
    for revision in note.history {
      content(revision.content)
      date(revision.replacedAt)
    }
    optional(note.deletedAt) { $0.date($1) }
  }

  mutating func content(_ content: NoteContent) {
    string(content.text)
    string(content.kind.rawValue)
    optional(content.speaker) { $0.int($1) }
    optional(content.owner) { $0.int($1) }
    bool(content.looksLikeAdvice)
    optional(content.due?.code) { $0.string($1) }
  }
}

/// Reads what ``SnapshotWriter`` wrote, throwing at the first value that is cut short or does
/// not fit, so a damaged or foreign payload is never taken for a state.
struct SnapshotReader {
  struct Malformed: Error {}

  private let bytes: [UInt8]
  private var offset: Int
  /// Where the bytes this reader may read end.
  private let end: Int

  /// Reads `range` of `bytes`.
  init(_ bytes: [UInt8], in range: Range<Int>) {
    self.bytes = bytes
    offset = range.lowerBound
    end = range.upperBound
  }

  /// Whether every byte given has been read.
  var isAtEnd: Bool { offset == end }

  mutating func state() throws -> SessionState {
    let setup = try JSONDecoder().decode(CodedSetup.self, from: Data(string().utf8)).setup
    var state = try SessionState(setup: setup, createdAt: date())
    let slots = state.schedule.indices
    state.currentSlot = try optional { try $0.int() }
    if let current = state.currentSlot, !slots.contains(current) { throw Malformed() }
    state.pausedSince = try optional { try $0.date() }
    guard try int() == slots.count else { throw Malformed() }
    for index in slots {
      state.timings[index].accumulatedSeconds = try double()
      state.timings[index].runningSince = try optional { try $0.date() }
      state.timings[index].adjustmentSeconds = try int()
      state.timings[index].firstStartedAt = try optional { try $0.date() }
      state.timings[index].lastEndedAt = try optional { try $0.date() }
    }
    (state.notes, state.deletedNoteCount) = try notes(slots: slots)
    for _ in 0..<(try count()) {
      let participant = try int()
      state.ratings[participant] = try int()
    }
    for _ in 0..<(try count()) {
      let term = try string()
      state.shareChoices[term] = try bool()
    }
    for _ in 0..<(try count()) {
      guard let session = SessionID(rawValue: try string()) else { throw Malformed() }
      let note = try int()
      let name = try string()
      let text = try optional { try $0.string() }
      guard let outcome = FollowUpOutcome(name: name, text: text) else { throw Malformed() }
      state.followUps[ActionReference(session: session, note: note)] = ActionFollowUp(
        outcome: outcome, at: try date())
    }
    state.finishedAt = try optional { try $0.date() }
    state.roomNoteKinds = try (0..<(try count())).map { _ in try kind() }
    if offset < end {
      for _ in 0..<(try count()) {
        let presenter = try int()
        state.setAsideQuestions[presenter] = try string()
      }
    }
    if offset < end {
      for _ in 0..<(try count()) {
        let participant = try int()
        guard state.participants.indices.contains(participant) else { throw Malformed() }
        state.departures[participant] = try date()
      }
    }
    if offset < end {
      for _ in 0..<(try count()) {
        let participant = try int()
        guard state.participants.indices.contains(participant) else { throw Malformed() }
        state.arrivals[participant] = try date()
      }
    }
    guard offset == end else { throw Malformed() }
    return state
  }

  /// The notes section (``SnapshotWriter/notes(_:deleted:)``), its table checked but no note
  /// decoded, and how many of the notes are deleted.
  private mutating func notes(slots: Range<Int>) throws -> (NoteLog, deleted: Int) {
    let count = try int()
    let deleted = try int()
    let length = try int()
    guard count >= 0, (0...count).contains(deleted), length >= 0,
      count <= (end - offset) / SnapshotNotes.entrySize,
      length <= end - offset - count * SnapshotNotes.entrySize
    else { throw Malformed() }
    let table = offset
    offset += count * SnapshotNotes.entrySize
    let notes = SnapshotNotes(
      bytes: bytes, count: count, table: table, bodies: offset..<(offset + length))
    guard notes.checkTable(slots: slots, deleted: deleted) else { throw Malformed() }
    offset += length
    return (count == 0 ? NoteLog() : NoteLog(stored: notes), deleted)
  }

  /// One note's bytes (``SnapshotWriter/noteBody(_:)``), as note `id` of slot `slot`.
  mutating func noteBody(id: Int, slot: Int) throws -> Note {
    var note = Note(id: id, createdAt: try date(), slot: slot, content: try content())
    note.isDone = try bool()
    note.doneAt = try optional { try $0.date() }
    note.editedAt = try optional { try $0.date() }
    let revisions = try count()
    for _ in 0..<revisions {
      note.history.append(NoteRevision(content: try content(), replacedAt: try date()))
    }
    note.deletedAt = try optional { try $0.date() }
    return note
  }

  private mutating func byte() throws -> UInt8 {
    guard offset < end else { throw Malformed() }
    defer { offset += 1 }
    return bytes[offset]
  }

  private mutating func int64() throws -> Int64 {
    var value: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      let next = try byte()
      guard shift < 64 else { throw Malformed() }
      value |= UInt64(next & 0x7F) << shift
      if next < 0x80 { break }
      shift += 7
    }
    return Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1)
  }

  private mutating func int() throws -> Int {
    let value = try int64()
    guard let small = Int(exactly: value) else { throw Malformed() }
    return small
  }

  /// A count of things that follow, each at least one byte: never more than the bytes left.
  private mutating func count() throws -> Int {
    let value = try int()
    guard value >= 0, value <= end - offset else { throw Malformed() }
    return value
  }

  private mutating func double() throws -> Double {
    guard end - offset >= 8 else { throw Malformed() }
    var bits: UInt64 = 0
    for index in (0..<8).reversed() { bits = bits << 8 | UInt64(bytes[offset + index]) }
    offset += 8
    return Double(bitPattern: bits)
  }

  private mutating func bool() throws -> Bool {
    switch try byte() {
    case 0: return false
    case 1: return true
    default: throw Malformed()
    }
  }

  private mutating func date() throws -> Date { Date(millisecondsSince1970: try int64()) }

  private mutating func string() throws -> String {
    let length = try count()
    defer { offset += length }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }

  private mutating func optional<Value>(_ read: (inout SnapshotReader) throws -> Value) throws
    -> Value?
  {
    try bool() ? read(&self) : nil
  }

  private mutating func kind() throws -> NoteKind {
    guard let kind = NoteKind(rawValue: try string()) else { throw Malformed() }
    return kind
  }

  private mutating func content() throws -> NoteContent {
    let text = try string()
    let kind = try kind()
    let speaker = try optional { try $0.int() }
    let owner = try optional { try $0.int() }
    let advice = try bool()
    let due = try optional { try $0.string() }
    let action: ActionDue?
    if let due {
      guard let parsed = ActionDue(code: due) else { throw Malformed() }
      action = parsed
    } else {
      action = nil
    }
    return NoteContent(
      text: text, kind: kind, speaker: speaker, owner: owner, looksLikeAdvice: advice, due: action)
  }
}
