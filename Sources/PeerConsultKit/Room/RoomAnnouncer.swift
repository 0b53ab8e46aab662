import Foundation

/// The room display as lines (`peerconsult follow --plain`), for screen readers, captioning
/// and logs: one line per change the room should hear of, and one at each minute boundary,
/// never a line that repeats what was said.
///
/// Fed a ``RoomView`` whenever the session may have changed and at least once a second, it
/// compares it with what it last saw and says what is new: "Phase 3 of 8: Powerful questions,
/// the group speaks, 10:00", "2 minutes left", "Time is up", "Paused".
public struct RoomAnnouncer: Sendable {
  /// Whether the notes shared with the room are read out too (`--notes`).
  public let readsNotes: Bool
  private var last: Seen?

  /// What the last view said, as far as lines go.
  private struct Seen {
    var stage: RoomView.Stage
    var slot: Int
    var round: Int?
    var focusQuestion: String?
    var plannedSeconds: Int
    var minuteMark: Int
    var isLive: Bool
    var notes: [RoomView.SharedNote]
  }

  public init(readsNotes: Bool) {
    self.readsNotes = readsNotes
  }

  /// The lines `view` calls for after the views before it; `isLive` says whether the
  /// facilitator's program is running the session (its lock is held).
  public mutating func lines(for view: RoomView, isLive: Bool) -> [String] {
    let seen = Seen(
      stage: view.stage, slot: view.slot.index, round: view.round,
      focusQuestion: view.focusQuestion, plannedSeconds: view.timer.plannedSeconds,
      minuteMark: Self.minuteMark(view.timer), isLive: isLive, notes: view.sharedNotes)
    defer { last = seen }
    guard let last else { return opening(view, isLive: isLive) }
    var lines: [String] = []
    if view.stage == .finished {
      return last.stage == .finished ? [] : finished(view)
    }
    if last.isLive != isLive {
      lines.append(isLive ? Self.backLine : Self.notRunningLine)
    }
    let moved =
      last.stage == .finished || last.slot != seen.slot
      || last.stage == .ready && seen.stage != .ready
    if moved {
      // A round the session opens with was not said while it was ready: said at the start.
      if let round = Self.roundLine(view), last.round != seen.round || last.stage == .ready {
        lines.append(round)
      }
      lines.append(view.phaseLine)
      if view.stage == .paused { lines.append(Self.pausedLine) }
    }
    // Given or restated within the round (`f` on who is here): the round's line said the
    // question the round began with.
    if seen.round != nil, last.round == seen.round, last.focusQuestion != seen.focusQuestion,
      last.stage != .ready, last.stage != .finished
    {
      lines.append(
        seen.focusQuestion.map { "Focus now: \(Self.oneLine($0))" } ?? "No focus question now")
    }
    if !moved {
      if last.stage == .running && seen.stage == .paused { lines.append(Self.pausedLine) }
      if last.stage == .paused && seen.stage == .running {
        lines.append("Resumed, \(Self.left(view.timer))")
      }
      if last.plannedSeconds != seen.plannedSeconds {
        let minutes = (seen.plannedSeconds - last.plannedSeconds) / 60
        let change = minutes >= 0 ? "+\(minutes)" : "\(minutes)"
        lines.append(
          "\(change) minute\(abs(minutes) == 1 ? "" : "s"): \(Self.left(view.timer))")
      } else if seen.minuteMark < last.minuteMark {
        lines.append(Self.minuteLine(seen.minuteMark))
      }
    }
    if readsNotes { lines += newNotes(view.sharedNotes, after: last.notes) }
    return lines
  }

  /// The first lines: the session, where it stands, and whether it is running.
  private func opening(_ view: RoomView, isLive: Bool) -> [String] {
    var lines = ["Following “\(Self.oneLine(view.title))”"]
    switch view.stage {
    case .finished: return lines + finished(view)
    case .ready: lines.append("Ready to start. " + view.phaseLine)
    case .running: lines += [Self.roundLine(view), view.phaseLine].compactMap(\.self)
    case .paused:
      lines += [Self.roundLine(view), view.phaseLine, Self.pausedLine].compactMap(\.self)
    }
    if !isLive { lines.append(Self.notRunningLine) }
    if readsNotes { lines += view.sharedNotes.map(Self.noteLine) }
    return lines
  }

  private func finished(_ view: RoomView) -> [String] {
    ["Session finished"] + (readsNotes ? view.summary.map(Self.noteLine) : [])
  }

  /// Notes in `notes` that were not there before (an edited note reads as new).
  private func newNotes(_ notes: [RoomView.SharedNote], after earlier: [RoomView.SharedNote])
    -> [String]
  {
    var unmatched = earlier
    var lines: [String] = []
    for note in notes {
      if let index = unmatched.firstIndex(of: note) {
        unmatched.remove(at: index)
      } else {
        lines.append(Self.noteLine(note))
      }
    }
    return lines
  }

  static let pausedLine = "Paused"

  /// "Round 1 of 2: Ben presents. Focus: …", as a round begins.
  static func roundLine(_ view: RoomView) -> String? {
    guard let text = view.roundText else { return nil }
    var line = text.prefix(1).uppercased() + text.dropFirst()
    if let presenter = view.presenter { line += ": \(oneLine(presenter)) presents" }
    if let focus = view.focusQuestion { line += ". Focus: \(oneLine(focus))" }
    return line
  }
  static let notRunningLine = "The session is not running: waiting for the facilitator"
  static let backLine = "The facilitator is running the session again"

  /// Minutes begun that are left (10 from 10:00 down to 9:01), 0 when time is up, then minus
  /// the whole minutes over: the number changes exactly at each minute boundary.
  static func minuteMark(_ timer: PhaseTimer) -> Int {
    let left = timer.remaining
    guard left.isFinite, abs(left) < 1e12 else { return 0 }
    return left > 0 ? Int((left / 60).rounded(.up)) : -Int((-left / 60).rounded(.down))
  }

  /// "2 minutes left", "Time is up", "1 minute over".
  static func minuteLine(_ mark: Int) -> String {
    if mark > 0 { return "\(mark) minute\(mark == 1 ? "" : "s") left" }
    if mark == 0 { return "Time is up" }
    return "\(-mark) minute\(mark == -1 ? "" : "s") over"
  }

  /// "04:12 left" or "+01:05 over".
  static func left(_ timer: PhaseTimer) -> String {
    "\(timer.display) \(timer.isOvertime ? "over" : "left")"
  }

  /// "Theme: …", one line however many the note has.
  static func noteLine(_ note: RoomView.SharedNote) -> String {
    "\(kindLabel(note.kind)): \(oneLine(note.text))"
  }

  /// A kind as a line starts with it.
  public static func kindLabel(_ kind: NoteKind) -> String {
    switch kind {
    case .worksWell: "Works well"
    default: kind.rawValue.prefix(1).uppercased() + kind.rawValue.dropFirst()
    }
  }

  static func oneLine(_ text: String) -> String {
    text.split(whereSeparator: \.isNewline).joined(separator: " ")
  }
}
