import Foundation
import TerminalKit
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit

/// The review transcript is laid out lazily (``TranscriptLayout``): every page, jump and
/// position it gives must be the whole layout's, here laid out at once as the screen did
/// before, over random sessions (notes in every phase and back in earlier ones, deleted and
/// edited notes, long notes, CJK text, opened from a snapshot or folded) and widths.
@Suite struct TranscriptLayoutPagingTests {
  private static let utc = TimeZone(identifier: "UTC")!

  /// The whole transcript at once: the layout as it was before it became lazy.
  private struct WholeLayout {
    var lines: [TranscriptLine] = []
    var sectionStarts: [Int] = []
    var noteStarts: [Int: Int] = [:]

    init(session: SessionState, width: Int, kind: NoteKind?) {
      var notesBySlot: [Int: [Note]] = [:]
      for note in session.notes where !note.isDeleted && (kind == nil || note.kind == kind) {
        notesBySlot[note.slot, default: []].append(note)
      }
      var part: ScheduleSlot.Part?
      for slot in session.schedule {
        guard let notes = notesBySlot[slot.index] else { continue }
        let opensPart = slot.part != part
        if opensPart && part != nil { lines.append(TranscriptLine(text: "", style: .plain)) }
        sectionStarts.append(lines.count)
        if opensPart {
          part = slot.part
          lines += TranscriptLayout.partHeading(slot, session, width: width)
        }
        let count = "\(notes.count) note\(notes.count == 1 ? "" : "s")"
        lines.append(TranscriptLine(text: "  \(slot.phase.name) · \(count)", style: Theme.heading))
        for note in notes {
          noteStarts[note.id] = lines.count
          for row in LiveScreen.noteLines(note, session, timeZone: utc, width: max(1, width - 4)) {
            lines.append(TranscriptLine(text: "    " + row, style: .plain, note: note.id))
          }
        }
      }
      if lines.isEmpty {
        let text =
          kind.map { "No \($0.rawValue) notes in this session: f shows the next kind." }
          ?? "No notes were written in this session."
        lines.append(TranscriptLine(text: text, style: Theme.muted))
      }
    }
  }

  private static let words = [
    "the", "licensing", "levy", "partnership", "street", "pastors", "ownership", "plan",
    "飲酒", "居酒屋", "酒", "責任", "town-centre", "Zoë", "naïve", "🙂", "supercalifragilistic",
  ]

  /// A random session of `count` notes, folded from events; with some edited and deleted.
  private static func session(count: Int, using random: inout SeededGenerator) throws
    -> SessionState
  {
    let start = Date(timeIntervalSince1970: 1_800_000_000)
    let focus = (0..<Int.random(in: 0...30, using: &random)).map { _ in
      words.randomElement(using: &random)!
    }
    let setup = SessionSetup(
      title: "Random", programme: "Paging", consultingProtocol: LiveFixture.drill,
      participants: LiveFixture.participants,
      rounds: [
        SessionRound(presenter: 0, focusQuestion: focus.joined(separator: " ")),
        SessionRound(presenter: 2),
      ])
    var session = try SessionState(setup: setup, createdAt: start)
    try session.apply(.phaseStarted(slot: 0), at: start)
    let slots = setup.schedule.count
    for i in 0..<count {
      // Mostly in order through the phases, sometimes back in an earlier one.
      let inOrder = i * slots / max(1, count)
      let slot = Bool.random(using: &random) ? inOrder : Int.random(in: 0..<slots, using: &random)
      let length = Int.random(in: 0..<10, using: &random) == 0 ? 120 : 12
      let text = (0..<Int.random(in: 1...length, using: &random)).map { _ in
        words.randomElement(using: &random)!
      }
      let content = NoteContent(
        text: text.joined(separator: " "), kind: NoteKind.allCases.randomElement(using: &random)!,
        speaker: Bool.random(using: &random) ? Int.random(in: 0..<3, using: &random) : nil)
      try session.apply(
        .noteAdded(id: session.nextNoteID, slot: slot, content: content),
        at: start.addingTimeInterval(Double(i * 7)))
    }
    for change in 0..<(count / 10) where count > 0 {
      let id = Int.random(in: 1...count, using: &random)
      guard session.note(id)?.isDeleted == false else { continue }
      let corrected = NoteContent(text: "Corrected 飲酒 text \(change)", kind: .insight)
      let event: SessionEvent =
        Bool.random(using: &random) ? .noteDeleted(id: id) : .noteEdited(id: id, content: corrected)
      try session.apply(event, at: start.addingTimeInterval(Double(count * 7)))
    }
    return session
  }

  /// Pages down from the top, then up from the end, then jumps at random, each on a fresh
  /// layout, comparing every page and position with the whole layout.
  private static func expectSameAsWhole(
    _ session: SessionState, screen: (width: Int, height: Int), kind: NoteKind?,
    using random: inout SeededGenerator, _ label: String
  ) {
    let width = TranscriptLayout.textWidth(screenWidth: screen.width)
    let rows = TranscriptScreen.rows(bodyHeight: screen.height - 2)
    let whole = WholeLayout(session: session, width: width, kind: kind)
    let total = whole.lines.count
    func page(_ top: Int) -> [TranscriptLine] {
      Array(whole.lines[top..<min(total, top + rows)])
    }
    let step = max(1, rows - 1)

    let down = TranscriptLayout(session: session, width: width, kind: kind, timeZone: utc)
    var top = 0
    while true {
      let clamped = down.clamp(top, visible: rows)
      #expect(clamped == min(top, max(0, total - rows)), "\(label): clamp \(top)")
      #expect(down.lines(clamped..<(clamped + rows)) == page(clamped), "\(label): page \(top)")
      #expect(down.section(at: clamped) == whole.sectionStarts.filter { $0 <= clamped }.count)
      if clamped + rows >= total { break }
      top += step
    }
    #expect(down.knownLineCount == total, "\(label): the total once the end is reached")

    let up = TranscriptLayout(session: session, width: width, kind: kind, timeZone: utc)
    if up.noteCount > TranscriptLayout.measuredWhole {
      #expect(up.knownLineCount == nil, "\(label): a long session is not measured at once")
    }
    #expect(up.lineCount == total)
    top = max(0, total - rows)
    while true {
      #expect(up.lines(top..<(top + rows)) == page(top), "\(label): page up at \(top)")
      if top == 0 { break }
      top = up.clamp(top - step, visible: rows)
    }

    let jumps = TranscriptLayout(session: session, width: width, kind: kind, timeZone: utc)
    for _ in 0..<8 {
      let line = Int.random(in: 0..<(total + 2), using: &random)
      #expect(jumps.line(at: line) == (line < total ? whole.lines[line] : nil), "\(label) \(line)")
      #expect(jumps.nextSectionStart(after: line) == whole.sectionStarts.first { $0 > line })
      #expect(jumps.previousSectionStart(before: line) == whole.sectionStarts.last { $0 < line })
      let id = Int.random(in: 1...(session.notes.count + 1), using: &random)
      #expect(jumps.noteStart(id) == whole.noteStarts[id], "\(label): note \(id)")
    }
    #expect(jumps.lines == whole.lines)
    #expect(jumps.sectionStarts == whole.sectionStarts)
    #expect(jumps.noteStarts == whole.noteStarts)
    #expect(jumps.sectionCount == whole.sectionStarts.count)
    #expect(jumps.noteCount == whole.noteStarts.count)
  }

  @Test func everyPageIsTheWholeLayoutsOverRandomSessionsAndWidths() throws {
    let seed = SeededGenerator.seed(0x7A5C_0F1E)
    var random = SeededGenerator(seed: seed)
    let screens = [(80, 24), (120, 40), (24, 10), (200, 60)]
    for round in 0..<12 {
      let count = [0, 1, 3, 40, 199, 201, 450, 900].randomElement(using: &random)!
      let folded = try Self.session(count: count, using: &random)
      // Opened from its snapshot, as a stored session is: the notes held as bytes.
      let opened = try #require(
        SessionSnapshot.state(fromPayload: try SessionSnapshot.payload(of: folded)))
      let screen = screens[round % screens.count]
      let kind: NoteKind? =
        Bool.random(using: &random) ? nil : NoteKind.allCases.randomElement(using: &random)
      for (name, session) in [("folded", folded), ("opened", opened)] {
        Self.expectSameAsWhole(
          session, screen: screen, kind: kind, using: &random,
          "seed \(seed) round \(round): \(count) notes \(name) at \(screen) kind \(kind?.rawValue ?? "all")"
        )
      }
    }
  }
}
