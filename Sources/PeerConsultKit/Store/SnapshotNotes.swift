import Foundation
import Synchronization

/// The notes of a stored snapshot, kept as its bytes and decoded one at a time when first
/// read (``NoteLog``), so that opening a long session does not decode its whole transcript.
///
/// The snapshot's notes section is a table of fixed-width entries, one per note (where its
/// bytes start, its slot and whether it is deleted), then each note's bytes (``SnapshotWriter/noteBody(_:)``): note
/// `i` is found without reading the notes before it. ``SessionSnapshot/state(fromPayload:)``
/// checks the payload's checksum and the table (offsets in order and inside the section, slots
/// that exist) before it makes one of these, so a note's bytes are those the writer wrote
/// unless someone forged the checksum too; a note that then does not decode reads as
/// ``unreadable(id:slot:)``, never as a trap.
final class SnapshotNotes: Sendable {
  /// Bytes per table entry: the note's offset from the first note's bytes, then its slot
  /// with ``deletedFlag`` set when it is deleted, each a little-endian `UInt32`.
  static let entrySize = 8
  /// The bit of an entry's slot word that marks a deleted note, so that `show` can lay out
  /// the transcript phase by phase without decoding notes it leaves out.
  static let deletedFlag: UInt32 = 1 << 31

  let count: Int
  private let bytes: [UInt8]
  /// Where the table starts in `bytes`.
  private let table: Int
  /// Where the first note's bytes start, and where the last one's end.
  private let bodies: Range<Int>
  /// Notes decoded so far, by index: each is decoded once however often a screen reads it.
  private let decoded: Mutex<[Int: Note]> = Mutex([:])

  /// The notes of a table of `count` entries at `table` in `bytes`, whose notes' bytes take
  /// `bodies`; the caller has checked the table (``checkTable(slots:)``).
  init(bytes: [UInt8], count: Int, table: Int, bodies: Range<Int>) {
    self.bytes = bytes
    self.count = count
    self.table = table
    self.bodies = bodies
  }

  /// Whether every entry's offset is in order and inside the notes' bytes, every slot is one
  /// of `slots`, and `deleted` entries are marked deleted: what lets ``note(at:)`` find any
  /// note without checking.
  func checkTable(slots: Range<Int>, deleted: Int) -> Bool {
    var previous = 0
    var marked = 0
    for index in 0..<count {
      let offset = Int(word(table + index * Self.entrySize))
      let place = place(at: index)
      guard offset >= previous, offset <= bodies.count, slots.contains(place.slot) else {
        return false
      }
      if place.isDeleted { marked += 1 }
      previous = offset
    }
    return marked == deleted
  }

  /// The note at `index` (its id is `index + 1`).
  func note(at index: Int) -> Note {
    if let note = decoded.withLock({ $0[index] }) { return note }
    let (start, slot) = entry(index)
    var reader = SnapshotReader(bytes, in: bodyRange(index, start: start))
    let note =
      (try? reader.noteBody(id: index + 1, slot: slot)).flatMap { reader.isAtEnd ? $0 : nil }
      ?? Self.unreadable(id: index + 1, slot: slot)
    decoded.withLock { $0[index] = note }
    return note
  }

  /// How many notes have been decoded so far: what reading the log has cost.
  var decodedCount: Int { decoded.withLock { $0.count } }

  /// The bytes the writer wrote for the note at `index`, to copy into a later snapshot.
  func body(at index: Int) -> ArraySlice<UInt8> {
    bytes[bodyRange(index, start: entry(index).offset)]
  }

  /// The slot of the note at `index` and whether it is deleted, read from the table.
  func place(at index: Int) -> (slot: Int, isDeleted: Bool) {
    let word = word(table + index * Self.entrySize + 4)
    return (Int(word & ~Self.deletedFlag), word & Self.deletedFlag != 0)
  }

  /// Calls `body` with each note's index, slot and whether it is deleted, read from the table
  /// in one pass over its bytes: what placing 10,000 notes in their phases costs, so it
  /// reads the words directly rather than through ``place(at:)`` note by note.
  func forEachPlace(_ body: (_ index: Int, _ slot: Int, _ isDeleted: Bool) -> Void) {
    bytes.withUnsafeBytes { raw in
      for index in 0..<count {
        let word = UInt32(
          littleEndian: raw.loadUnaligned(
            fromByteOffset: table + index * Self.entrySize + 4, as: UInt32.self))
        body(index, Int(word & ~Self.deletedFlag), word & Self.deletedFlag != 0)
      }
    }
  }

  /// What a note whose bytes do not decode (only bytes forged with a matching checksum) reads
  /// as: the replacement character, so that the screens show that something is wrong.
  static func unreadable(id: Int, slot: Int) -> Note {
    Note(
      id: id, createdAt: Date(millisecondsSince1970: 0), slot: slot,
      content: NoteContent(text: "\u{FFFD}", kind: .theme))
  }

  private func bodyRange(_ index: Int, start: Int) -> Range<Int> {
    let end = index + 1 < count ? entry(index + 1).offset : bodies.count
    return (bodies.lowerBound + start)..<(bodies.lowerBound + end)
  }

  private func entry(_ index: Int) -> (offset: Int, slot: Int) {
    (Int(word(table + index * Self.entrySize)), place(at: index).slot)
  }

  private func word(_ at: Int) -> UInt32 {
    bytes.withUnsafeBytes {
      UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: at, as: UInt32.self))
    }
  }
}
