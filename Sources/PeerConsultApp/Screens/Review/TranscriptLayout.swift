import Foundation
import PeerConsultKit
import TerminalKit

/// One row of a laid-out transcript.
public struct TranscriptLine: Equatable, Sendable {
  public var text: String
  public var style: Style
  /// The note the row shows (part of), or nil for a heading or a gap.
  public var note: Int?
}

/// A session's transcript wrapped to a width, grouped by round and phase, laid out lazily:
/// making one places each note in its phase (for a session opened from its snapshot, from the
/// snapshot's table, without decoding a note), and a note is decoded and wrapped only when a
/// row at or above it is asked for. So the first screen of a 10,000-note session costs about
/// what a 10-note one does; reading further measures the notes passed, once (``TranscriptRows``).
///
/// Rows are numbered from the top as in a whole layout; where a row is, is found from the row
/// counts of the notes above it, measured on demand and kept. Only a jump to the end (or a
/// note near it) measures the whole transcript.
public struct TranscriptLayout: Equatable, Sendable {
  /// The columns the text was wrapped to.
  public let width: Int
  /// The kind shown, or nil for every kind.
  public let kind: NoteKind?
  public let timeZone: TimeZone
  /// How many notes are shown.
  public let noteCount: Int
  /// How many phases have notes shown: the sections phase jumps move through.
  public var sectionCount: Int { sectionSegments.count }
  /// The session the notes are read from.
  private let session: SessionState
  /// The transcript's pieces in order: headings and notes, each phase's notes as runs.
  private let segments: TranscriptSegments
  /// The segment each section starts at.
  private let sectionSegments: [Int]
  /// The rows measured so far; shared by the copies of one layout, so scrolling a copy of the
  /// state does not measure again.
  private let rows: TranscriptRows

  /// Sessions with at most this many notes shown are measured whole when laid out, so their
  /// status line can give the row total from the first frame (it costs about a screen's worth
  /// of wrapping at this size); a longer one gives it once its end has been reached.
  public static let measuredWhole = 200

  /// Columns the text takes on a screen `screenWidth` wide (a margin of two on each side).
  public static func textWidth(screenWidth: Int) -> Int { max(1, screenWidth - 4) }

  /// Lays out `session`'s notes of `kind` (all when nil) in `width` columns: a heading for
  /// each part (the opening, each presenter's round, the closing), one for each phase, and
  /// the notes written in it with time, kind and speaker.
  public init(session: SessionState, width: Int, kind: NoteKind?, timeZone: TimeZone) {
    self.width = width
    self.kind = kind
    self.timeZone = timeZone
    self.session = session
    // Notes group under the slot they were written in, even when the facilitator went back
    // to an earlier phase to add one. Every kind: the snapshot's table says where each note
    // is without decoding it, as runs of consecutive notes; one kind must read each note's
    // kind.
    var bySlot = session.notes.visibleIndicesBySlot()
    if let kind {
      bySlot = bySlot.compactMapValues { indices in
        let kept = NoteRuns(indices.lazy.filter { session.notes[$0].kind == kind })
        return kept.isEmpty ? nil : kept
      }
    }
    var segments = TranscriptSegments()
    var sectionSegments: [Int] = []
    var part: ScheduleSlot.Part?
    var count = 0
    for slot in session.schedule {
      guard let indices = bySlot[slot.index] else { continue }
      var heading: [TranscriptLine] = []
      let opensPart = slot.part != part
      if opensPart && part != nil { heading.append(TranscriptLine(text: "", style: .plain)) }
      // A jump to a round's first phase lands on the round's heading, after the gap.
      let landing = heading.count
      if opensPart {
        part = slot.part
        heading += Self.partHeading(slot, session, width: width)
      }
      let notes = "\(indices.count) note\(indices.count == 1 ? "" : "s")"
      heading.append(TranscriptLine(text: "  \(slot.phase.name) · \(notes)", style: Theme.heading))
      if landing > 0 { segments.append(heading: Array(heading[..<landing])) }
      sectionSegments.append(segments.count)
      segments.append(heading: Array(heading[landing...]))
      segments.append(notes: indices)
      count += indices.count
    }
    if segments.isEmpty {
      let text =
        kind.map { "No \($0.rawValue) notes in this session: f shows the next kind." }
        ?? "No notes were written in this session."
      segments.append(heading: [TranscriptLine(text: text, style: Theme.muted)])
    }
    self.segments = segments
    self.sectionSegments = sectionSegments
    noteCount = count
    rows = TranscriptRows(timeZone: timeZone)
    if count <= Self.measuredWhole { measure(throughSegment: segments.count - 1) }
  }

  /// The heading of the part `slot` opens: a round names its presenter and focus question.
  static func partHeading(_ slot: ScheduleSlot, _ session: SessionState, width: Int)
    -> [TranscriptLine]
  {
    switch slot.part {
    case .opening: return [TranscriptLine(text: "Opening", style: Theme.title)]
    case .closing: return [TranscriptLine(text: "Closing", style: Theme.title)]
    case .round(let number):
      var heading = "Round \(number + 1) of \(session.setup.rounds.count)"
      if let presenter = slot.presenter {
        heading += " · presenter \(LiveScreen.name(presenter, in: session))"
      }
      var lines = [TranscriptLine(text: heading, style: Theme.title)]
      if let focus = slot.focusQuestion, !focus.isEmpty {
        lines += TextWrapper.wrap("Focus: " + focus, width: max(1, width - 2)).map {
          TranscriptLine(text: "  " + $0, style: Theme.muted)
        }
      }
      return lines
    }
  }

  // MARK: Rows, measured as asked for

  /// The number of rows, if the whole transcript has been measured (always, for a session of
  /// at most ``measuredWhole`` notes shown); nil while rows below are not measured yet.
  public var knownLineCount: Int? {
    rows.read { $0.measured == segments.count ? $0.starts.last : nil }
  }

  /// The number of rows: measures the whole transcript (what a jump to the end needs).
  public var lineCount: Int {
    measure(throughSegment: segments.count - 1)
    return rows.read { $0.starts.last ?? 0 }
  }

  /// The last row `scroll` may reach with `visible` rows showing, measuring only as far as
  /// `line` and a screen below it: `line` itself when the transcript goes on below that.
  public func clamp(_ line: Int, visible: Int) -> Int {
    let line = max(0, line)
    measure(throughRow: line + visible)
    if let total = knownLineCount { return min(line, max(0, total - visible)) }
    return line
  }

  /// The rows `range` covers (fewer at the end of the transcript).
  public func lines(_ range: Range<Int>) -> [TranscriptLine] {
    guard !range.isEmpty else { return [] }
    measure(throughRow: range.upperBound - 1)
    return rows.read { measured in
      var lines: [TranscriptLine] = []
      var segment = Self.segment(containing: range.lowerBound, starts: measured.starts)
      while segment < measured.measured, lines.count < range.count {
        let start = measured.starts[segment]
        for (offset, line) in measured.lines[segment].enumerated()
        where range.contains(start + offset) {
          lines.append(line)
        }
        segment += 1
      }
      return lines
    }
  }

  /// The row at `line`, nil below the end.
  public func line(at line: Int) -> TranscriptLine? {
    line >= 0 ? lines(line..<(line + 1)).first : nil
  }

  /// The first row of section `index` (from 0).
  public func sectionStart(_ index: Int) -> Int {
    let segment = sectionSegments[index]
    measure(throughSegment: segment)
    return rows.read { $0.starts[segment] }
  }

  /// The first section starting below `line`'s row, measuring only as far as it.
  public func nextSectionStart(after line: Int) -> Int? {
    for index in sectionSegments.indices {
      let start = sectionStart(index)
      if start > line { return start }
    }
    return nil
  }

  /// The last section starting above `line`'s row.
  public func previousSectionStart(before line: Int) -> Int? {
    sectionsMeasured(startingAtOrAbove: line - 1).last
  }

  /// The number of the phase shown at line `top` (from 1), or 0 above the first.
  public func section(at top: Int) -> Int {
    sectionsMeasured(startingAtOrAbove: top).count
  }

  /// The first rows of the sections starting at or above `line`, measuring only through it:
  /// a section not measured yet starts below every measured row (a phase of a thousand notes
  /// is not measured to number the one it starts).
  private func sectionsMeasured(startingAtOrAbove line: Int) -> [Int] {
    measure(throughRow: line)
    return rows.read { measured in
      sectionSegments.prefix { $0 < measured.measured && measured.starts[$0] <= line }.map {
        measured.starts[$0]
      }
    }
  }

  /// The first row of the note with `id`, nil when it is not shown; measures the notes above
  /// it.
  public func noteStart(_ id: Int) -> Int? {
    guard let segment = segments.position(ofNote: id - 1) else { return nil }
    measure(throughSegment: segment)
    return rows.read { $0.starts[segment] }
  }

  /// How many pieces (headings, runs of consecutive notes) the transcript is kept as: what
  /// laying it out cost, for tests.
  var segmentPieceCount: Int { segments.pieceCount }

  /// Every row, the whole transcript measured: for tests and readers of the whole.
  public var lines: [TranscriptLine] { lines(0..<lineCount) }

  /// The first row of each phase with notes, the whole transcript measured.
  public var sectionStarts: [Int] { sectionSegments.indices.map(sectionStart) }

  /// The first row of each note shown, by note id, the whole transcript measured.
  public var noteStarts: [Int: Int] {
    _ = lineCount
    return rows.read { measured in
      var starts: [Int: Int] = [:]
      segments.forEachNote { segment, index in starts[index + 1] = measured.starts[segment] }
      return starts
    }
  }

  public static func == (left: TranscriptLayout, right: TranscriptLayout) -> Bool {
    left.width == right.width && left.kind == right.kind && left.timeZone == right.timeZone
      && left.segments == right.segments && left.session == right.session
  }

  /// Measures segments until one reaches below `line` or none is left.
  private func measure(throughRow line: Int) {
    rows.extend(while: { $0.measured < segments.count && $0.starts.last! <= line }, with: rowsOf)
  }

  /// Measures every segment up to `segment`.
  private func measure(throughSegment segment: Int) {
    rows.extend(while: { $0.measured <= segment }, with: rowsOf)
  }

  /// The rows of segment `index`: a heading's as they are, a note's decoded and wrapped.
  private func rowsOf(_ index: Int, clock: ReadableTime) -> [TranscriptLine] {
    switch segments[index] {
    case .heading(let lines): return lines
    case .note(let noteIndex):
      let note = session.notes[noteIndex]
      let indent = "    "
      return LiveScreen.noteLines(
        note, session, clock: clock, width: max(1, width - indent.count)
      ).map { TranscriptLine(text: indent + $0, style: .plain, note: note.id) }
    }
  }

  /// The segment holding `line`: the last whose start is at or above it.
  private static func segment(containing line: Int, starts: [Int]) -> Int {
    max(0, starts.partitionPoint { $0 > line } - 1)
  }
}

/// A piece of a transcript: heading rows known when it is laid out, or a note measured when
/// reached.
enum TranscriptSegment: Equatable, Sendable {
  case heading([TranscriptLine])
  /// The note at this index of the session's notes.
  case note(index: Int)
}
