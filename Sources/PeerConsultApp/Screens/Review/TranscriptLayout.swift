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

/// A session's transcript wrapped to a width, grouped by round and phase: built once per
/// session, width and kind filter, so scrolling only slices ``lines`` however many notes
/// there are.
public struct TranscriptLayout: Equatable, Sendable {
  /// The columns the text was wrapped to.
  public let width: Int
  /// The kind shown, or nil for every kind.
  public let kind: NoteKind?
  public let timeZone: TimeZone
  public let lines: [TranscriptLine]
  /// The first line of each phase with notes (the round's heading above a round's first
  /// phase), in order: where phase jumps land.
  public let sectionStarts: [Int]
  /// The first line of each note shown, by note id.
  public let noteStarts: [Int: Int]
  /// How many notes are shown.
  public let noteCount: Int

  /// Columns the text takes on a screen `screenWidth` wide (a margin of two on each side).
  public static func textWidth(screenWidth: Int) -> Int { max(1, screenWidth - 4) }

  /// Lays out `session`'s notes of `kind` (all when nil) in `width` columns: a heading for
  /// each part (the opening, each presenter's round, the closing), one for each phase, and
  /// the notes written in it with time, kind and speaker.
  public init(session: SessionState, width: Int, kind: NoteKind?, timeZone: TimeZone) {
    self.width = width
    self.kind = kind
    self.timeZone = timeZone
    // Notes group under the slot they were written in, even when the facilitator went back
    // to an earlier phase to add one.
    var notesBySlot: [Int: [Note]] = [:]
    var count = 0
    for note in session.notes where !note.isDeleted && (kind == nil || note.kind == kind) {
      notesBySlot[note.slot, default: []].append(note)
      count += 1
    }
    var lines: [TranscriptLine] = []
    var sectionStarts: [Int] = []
    var noteStarts: [Int: Int] = [:]
    var part: ScheduleSlot.Part?
    let noteIndent = "    "
    for slot in session.schedule {
      guard let notes = notesBySlot[slot.index] else { continue }
      let opensPart = slot.part != part
      if opensPart && part != nil { lines.append(TranscriptLine(text: "", style: .plain)) }
      // A jump to a round's first phase lands on the round's heading.
      sectionStarts.append(lines.count)
      if opensPart {
        part = slot.part
        lines += Self.partHeading(slot, session, width: width)
      }
      let count = "\(notes.count) note\(notes.count == 1 ? "" : "s")"
      lines.append(TranscriptLine(text: "  \(slot.phase.name) · \(count)", style: Theme.heading))
      for note in notes {
        noteStarts[note.id] = lines.count
        let rows = LiveScreen.noteLines(
          note, session, timeZone: timeZone, width: max(1, width - noteIndent.count))
        for row in rows {
          lines.append(TranscriptLine(text: noteIndent + row, style: .plain, note: note.id))
        }
      }
    }
    if lines.isEmpty {
      let text =
        kind.map { "No \($0.rawValue) notes in this session: f shows the next kind." }
        ?? "No notes were written in this session."
      lines.append(TranscriptLine(text: text, style: Theme.muted))
    }
    self.lines = lines
    self.sectionStarts = sectionStarts
    self.noteStarts = noteStarts
    noteCount = count
  }

  /// The heading of the part `slot` opens: a round names its presenter and focus question.
  private static func partHeading(_ slot: ScheduleSlot, _ session: SessionState, width: Int)
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

  /// The number of the phase shown at line `top` (from 1), or 0 above the first.
  public func section(at top: Int) -> Int {
    // The starts are in order, so a binary search keeps this cheap on a long transcript.
    var low = 0
    var high = sectionStarts.count
    while low < high {
      let middle = (low + high) / 2
      if sectionStarts[middle] <= top { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
