import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// ``NoteRuns`` must read as the list of indices it stands for, and
/// ``NoteLog/visibleIndicesBySlot()`` must place every note as grouping the notes one by one
/// does, for a log folded from events, opened from a snapshot, and changed after that.
@Suite struct NoteRunsTests {
  @Test func runsReadAsTheIndicesTheyHold() {
    var random = SeededGenerator(seed: SeededGenerator.seed(0x52_756E_73))
    for _ in 0..<200 {
      var indices: [Int] = []
      var next = Int.random(in: 0..<5, using: &random)
      for _ in 0..<Int.random(in: 0..<60, using: &random) {
        indices.append(next)
        next +=
          Int.random(in: 0..<4, using: &random) == 0 ? Int.random(in: 2...6, using: &random) : 1
      }
      let runs = NoteRuns(indices)
      #expect(Array(runs) == indices)
      #expect(runs.count == indices.count)
      // The same indices added as arbitrary pieces make the same runs: equal means equal.
      var pieces = NoteRuns()
      var start = 0
      while start < indices.count {
        var end = start + 1
        while end < indices.count, indices[end] == indices[end - 1] + 1,
          Bool.random(using: &random)
        {
          end += 1
        }
        pieces.append(run: indices[start]..<(indices[end - 1] + 1))
        start = end
      }
      #expect(pieces == runs)
      // Runs are as few as the indices allow: a run ends only where an index is skipped.
      let gaps = zip(indices, indices.dropFirst()).filter { $0.1 != $0.0 + 1 }.count
      #expect(runs.runs.count == (indices.isEmpty ? 0 : gaps + 1))
      for probe in -1...(next + 1) {
        #expect(runs.position(of: probe) == indices.firstIndex(of: probe), "\(indices) \(probe)")
      }
    }
  }

  /// The notes not deleted, grouped one by one: what the runs must hold.
  private static func grouped(_ notes: NoteLog) -> [Int: [Int]] {
    var bySlot: [Int: [Int]] = [:]
    for (index, note) in notes.enumerated() where !note.isDeleted {
      bySlot[note.slot, default: []].append(index)
    }
    return bySlot
  }

  @Test func everyNoteIsPlacedAsGroupingThemOneByOneDoes() throws {
    var random = SeededGenerator(seed: SeededGenerator.seed(0x506C_6163_65))
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    for round in 0..<30 {
      var state = try SessionState(setup: Fixtures.setup(), createdAt: start)
      try state.apply(.phaseStarted(slot: 0), at: start)
      let slots = state.schedule.count
      let count = [0, 1, 5, 60, 300].randomElement(using: &random)!
      var slot = 0
      func addNotes(_ count: Int) throws {
        for _ in 0..<count {
          // Mostly phase after phase, sometimes back in another phase.
          if Int.random(in: 0..<12, using: &random) == 0 {
            slot = Int.random(in: 0..<slots, using: &random)
          } else if Int.random(in: 0..<20, using: &random) == 0 {
            slot = min(slots - 1, slot + 1)
          }
          try state.apply(
            .noteAdded(id: state.nextNoteID, slot: slot, content: .init(text: "n", kind: .theme)),
            at: start)
        }
      }
      func deleteSome() throws {
        for _ in 0..<(state.notes.count / 8) {
          let id = Int.random(in: 1...state.notes.count, using: &random)
          if state.note(id)?.isDeleted == false { try state.apply(.noteDeleted(id: id), at: start) }
        }
      }
      try addNotes(count)
      if count > 0 { try deleteSome() }
      #expect(
        state.notes.visibleIndicesBySlot().mapValues { Array($0) } == Self.grouped(state.notes))
      // Opened from its snapshot, then changed: deletions of stored notes and notes added.
      var opened = try #require(
        SessionSnapshot.state(fromPayload: try SessionSnapshot.payload(of: state)))
      #expect(opened.notes.stored != nil || count == 0)
      state = opened
      try addNotes(Int.random(in: 0..<20, using: &random))
      if !state.notes.isEmpty { try deleteSome() }
      opened = state
      let placed = opened.notes.visibleIndicesBySlot()
      #expect(placed.mapValues { Array($0) } == Self.grouped(opened.notes), "round \(round)")
      #expect(placed.values.allSatisfy { !$0.isEmpty })
    }
  }
}
