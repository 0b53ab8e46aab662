/// Note indices in ascending order, kept as runs of consecutive indices: what
/// ``NoteLog/visibleIndicesBySlot()`` gives for each phase.
///
/// Notes are mostly written phase after phase, so a phase's notes are usually one run or a
/// few, and a session of 10,000 notes is placed in its phases as a few dozen ranges instead of
/// a list of 10,000 indices. It reads as the array of indices it stands for; the `i`th index
/// is found by a binary search over the runs.
public struct NoteRuns: RandomAccessCollection, Hashable, Sendable, ExpressibleByArrayLiteral {
  /// The runs, ascending, none empty and no two adjacent (a run ending where the next starts
  /// is one run): so equal collections have equal runs.
  public private(set) var runs: [Range<Int>] = []
  /// How many indices the runs up to and including each hold.
  private var ends: [Int] = []

  public init() {}

  public init(arrayLiteral indices: Int...) { self.init(indices) }

  /// The indices of `sequence`, which must ascend.
  public init<Indices: Sequence<Int>>(_ indices: Indices) {
    for index in indices { append(index) }
  }

  public var startIndex: Int { 0 }
  public var endIndex: Int { ends.last ?? 0 }

  public subscript(position: Int) -> Int {
    precondition(position >= 0 && position < endIndex, "note position out of range")
    let run = run(holding: position)
    return runs[run].lowerBound + position - (run == 0 ? 0 : ends[run - 1])
  }

  /// Adds `index`, which must be above every index held.
  public mutating func append(_ index: Int) { append(run: index..<(index + 1)) }

  /// Adds the indices of `run`, which must start at or above the end of the last run.
  public mutating func append(run: Range<Int>) {
    guard !run.isEmpty else { return }
    if let last = runs.last, last.upperBound == run.lowerBound {
      runs[runs.count - 1] = last.lowerBound..<run.upperBound
      ends[ends.count - 1] += run.count
    } else {
      precondition(runs.last.map { $0.upperBound < run.lowerBound } ?? true, "runs must ascend")
      runs.append(run)
      ends.append(endIndex + run.count)
    }
  }

  /// The position of `index` among the indices held, nil when it is not one of them.
  public func position(of index: Int) -> Int? {
    let low = runs.partitionPoint { $0.upperBound > index }
    guard low < runs.count, runs[low].contains(index) else { return nil }
    return (low == 0 ? 0 : ends[low - 1]) + index - runs[low].lowerBound
  }

  /// The run holding the index at `position`: the first whose end count is above it.
  private func run(holding position: Int) -> Int {
    ends.partitionPoint { $0 > position }
  }
}
