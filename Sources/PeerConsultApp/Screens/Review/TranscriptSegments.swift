import PeerConsultKit

/// A transcript's pieces in order (``TranscriptSegment``: headings and notes), kept as each
/// phase's heading and the runs of its notes (``NoteRuns``) rather than one segment a note: a
/// session of 10,000 notes written phase after phase is a few dozen pieces, so laying it out
/// costs about what a short one does. Reads as the array of segments it stands for.
struct TranscriptSegments: RandomAccessCollection, Equatable, Sendable {
  /// A heading's rows, or a phase's notes.
  private enum Piece: Equatable, Sendable {
    case heading([TranscriptLine])
    case notes(NoteRuns)

    var count: Int {
      switch self {
      case .heading: return 1
      case .notes(let runs): return runs.count
      }
    }
  }

  private var pieces: [Piece] = []
  /// The position of each piece's first segment, and one past the last segment.
  private var starts: [Int] = [0]

  /// How many headings and runs of notes the segments are kept as.
  var pieceCount: Int { pieces.count }

  var startIndex: Int { 0 }
  var endIndex: Int { starts[starts.count - 1] }

  subscript(position: Int) -> TranscriptSegment {
    precondition(position >= 0 && position < endIndex, "segment out of range")
    // The last piece starting at or above `position`.
    let low = starts.prefix(pieces.count).partitionPoint { $0 > position }
    switch pieces[low - 1] {
    case .heading(let lines): return .heading(lines)
    case .notes(let runs): return .note(index: runs[position - starts[low - 1]])
    }
  }

  mutating func append(heading lines: [TranscriptLine]) { append(.heading(lines)) }

  /// Adds a segment for each note of `notes`.
  mutating func append(notes: NoteRuns) {
    guard !notes.isEmpty else { return }
    append(.notes(notes))
  }

  /// The position of the segment of the note at `index`, nil when it is not shown.
  func position(ofNote index: Int) -> Int? {
    for (piece, start) in zip(pieces, starts) {
      if case .notes(let runs) = piece, let position = runs.position(of: index) {
        return start + position
      }
    }
    return nil
  }

  /// Calls `body` with the position of each note's segment and the note's index.
  func forEachNote(_ body: (_ position: Int, _ index: Int) -> Void) {
    for (piece, start) in zip(pieces, starts) {
      guard case .notes(let runs) = piece else { continue }
      for (offset, index) in runs.enumerated() { body(start + offset, index) }
    }
  }

  private mutating func append(_ piece: Piece) {
    pieces.append(piece)
    starts.append(endIndex + piece.count)
  }
}
