import Foundation

/// Every note of a session, deleted ones included, in the order written (`log[i].id == i + 1`):
/// ``SessionState/notes``.
///
/// A state opened from a stored snapshot does not decode its notes when it opens: they stay in
/// the snapshot's bytes (``SnapshotNotes``), each decoded the first time something reads it,
/// so opening a session of 10,000 notes costs about what opening one of ten does, and a screen
/// that shows the newest twenty decodes twenty. Notes changed since the snapshot (edited,
/// deleted, done) and notes added after it are held decoded. A log folded from events alone
/// holds every note decoded, as an array would. Either way it reads and compares as the
/// array of notes it stands for.
public struct NoteLog: RandomAccessCollection, MutableCollection, ExpressibleByArrayLiteral,
  Hashable, Sendable
{
  /// The notes of the snapshot the state was opened from, decoded as they are read.
  private(set) var stored: SnapshotNotes?
  /// Stored notes changed since, by index.
  private var changed: [Int: Note] = [:]
  /// The notes written after the stored ones.
  private var added: [Note] = []

  public init() {}

  public init(arrayLiteral notes: Note...) { added = notes }

  /// The notes of `stored`, none changed yet.
  init(stored: SnapshotNotes) { self.stored = stored }

  private var storedCount: Int { stored?.count ?? 0 }

  public var startIndex: Int { 0 }
  public var endIndex: Int { storedCount + added.count }

  public subscript(index: Int) -> Note {
    get {
      let storedCount = storedCount
      guard index < storedCount, let stored else { return added[index - storedCount] }
      precondition(index >= 0, "note index out of range")
      return changed[index] ?? stored.note(at: index)
    }
    set {
      let storedCount = storedCount
      if index < storedCount {
        precondition(index >= 0, "note index out of range")
        changed[index] = newValue
      } else {
        added[index - storedCount] = newValue
      }
    }
  }

  public mutating func append(_ note: Note) { added.append(note) }

  /// Forgets every note.
  public mutating func removeAll() { self = NoteLog() }

  /// The stored note at `index` as the snapshot holds it, unchanged since: its bytes can be
  /// copied into the next snapshot as they are.
  func unchangedStoredNote(at index: Int) -> SnapshotNotes? {
    index < storedCount && changed[index] == nil ? stored : nil
  }

  /// The indices of the notes not deleted, by slot, in the order written: for the notes held
  /// as a snapshot's bytes, read from its table, so that none is decoded. Each slot's indices
  /// are kept as runs of consecutive notes, so placing a long session whose notes were written
  /// phase after phase costs a few operations a phase, not one a note.
  public func visibleIndicesBySlot() -> [Int: NoteRuns] {
    var bySlot: [Int: NoteRuns] = [:]
    // The run being read: consecutive notes shown in one slot, added to the slot's runs when
    // a note of another slot, or a deleted one, ends it.
    var slot = 0
    var run = 0..<0
    func place(_ index: Int, in noteSlot: Int) {
      if noteSlot == slot && run.upperBound == index {
        run = run.lowerBound..<(index + 1)
        return
      }
      if !run.isEmpty { bySlot[slot, default: NoteRuns()].append(run: run) }
      slot = noteSlot
      run = index..<(index + 1)
    }
    // The table in one pass (the review transcript places every note when it opens), the
    // changed notes' own slot and deletion instead of the table's.
    stored?.forEachPlace { index, slot, isDeleted in
      let note = changed.isEmpty ? nil : changed[index]
      if !(note?.isDeleted ?? isDeleted) { place(index, in: note?.slot ?? slot) }
    }
    for (offset, note) in added.enumerated() where !note.isDeleted {
      place(storedCount + offset, in: note.slot)
    }
    if !run.isEmpty { bySlot[slot, default: NoteRuns()].append(run: run) }
    return bySlot
  }

  public static func == (left: NoteLog, right: NoteLog) -> Bool {
    guard left.count == right.count else { return false }
    // The same snapshot with the same changes on top is the same log, without decoding it.
    if left.stored === right.stored, left.changed == right.changed, left.added == right.added {
      return true
    }
    return left.elementsEqual(right)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(count)
    for note in self { hasher.combine(note) }
  }
}
