import Foundation
import PeerConsultKit
import TerminalKit

/// The live screen: where the group is, who speaks, the rules, the time left, the transcript
/// and the note being written. Everything is computed from the session and `now`.
public enum LiveScreen {
  /// The title bar's text: the session and where it stands, within `width` columns (the
  /// bar's leading space included). The session's title gives way first, ending in "…": the
  /// round and the presenter are what a facilitator glances up for, and a long title pushed
  /// them off the bar.
  public static func title(_ state: LiveState, width: Int = .max) -> String {
    let session = state.session
    var parts: [String] = []
    if let slot = session.current, let round = slot.round {
      parts.append("Round \(round + 1) of \(session.setup.rounds.count)")
      if let presenter = slot.presenter {
        parts.append("Presenter: \(name(presenter, in: session))")
      }
    } else if let slot = session.current {
      parts.append(slot.part == .opening ? "Opening" : "Closing")
    } else {
      parts.append("Ready to start")
    }
    let rest = parts.joined(separator: " · ")
    // At least a few words of the title stay, however long what follows it.
    let room = max(12, width - 1 - rest.displayWidth - 3)
    return session.setup.title.truncated(toWidth: room) + " · " + rest
  }

  /// Draws the screen; returns the text cursor when the note editor is open.
  public static func render(
    _ state: LiveState, now: Date, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) -> (x: Int, y: Int)? {
    let session = state.session
    // A ready session shows its first phase, its timer full and waiting for Space.
    guard let slot = session.current ?? session.schedule.first else { return nil }
    let timer = session.timer(ofSlot: slot.index, at: now)
    let inner = innerArea(area)
    // Phase line and who speaks.
    let phaseLine =
      "\(slot.phase.name) · phase \(slot.phaseIndex + 1) of \(slot.phaseCount) · \(partLabel(slot, session))"
    grid.put(phaseLine, x: inner.x, y: inner.y, style: Theme.heading, maxWidth: inner.width)
    grid.put(
      "Speaks now: " + speakerText(slot, session), x: inner.x, y: inner.y + 1, style: Theme.key,
      maxWidth: inner.width)
    // Timer block: big digits left, bar and status right.
    let style = timerStyle(timer, paused: session.isPaused)
    BigTimer.draw(timer.display, x: inner.x, y: inner.y + 2, style: style, into: &grid)
    let right = inner.x + BigTimer.width(of: "+00:00") + 3
    let barWidth = max(10, inner.maxX - right)
    drawBar(timer, x: right, y: inner.y + 2, width: barWidth, style: style, into: &grid)
    var status =
      "\(timer.display) \(timer.isOvertime ? "over" : "left") of \(clock(timer.plannedSeconds))"
    if timer.plannedSeconds != slot.phase.durationSeconds {
      status += " (planned \(clock(slot.phase.durationSeconds)))"
    }
    grid.put(status, x: right, y: inner.y + 3, style: style, maxWidth: barWidth)
    if !session.isStarted {
      grid.put(" READY ", x: right, y: inner.y + 4, style: Theme.selected)
      grid.put(
        " Space starts the first phase", x: right + 7, y: inner.y + 4, style: Theme.key,
        maxWidth: max(0, inner.maxX - right - 7))
    } else if session.isPaused {
      grid.put(" PAUSED ", x: right, y: inner.y + 4, style: Theme.paused)
      grid.put(" Space resumes", x: right + 8, y: inner.y + 4, style: Theme.muted)
    } else if state.muted {
      grid.put("bell muted", x: right, y: inner.y + 4, style: Theme.muted)
    }
    // Guidance, rules, focus and the rotating prompt take what the transcript and the note
    // line can spare: the transcript keeps at least `minimumTranscriptRows` (fewer once `g`
    // unfolded the guidance), guidance and rules that do not fit fold to one line, and a
    // block that still does not fit ends with "…" rather than stopping mid-sentence unmarked.
    var y = inner.y + infoTop
    let transcriptRows = self.transcriptRows(state)
    let editorArea = self.editorArea(state, slot: slot, inner: inner)
    let editorRows = editorArea.height
    let room = max(0, inner.maxY - editorRows - transcriptRows - y)
    let blocks = infoBlocks(
      slot, timer: timer, width: inner.width, room: room, unfolded: state.guidanceUnfolded)
    for block in blocks {
      for (index, line) in block.lines.enumerated() {
        grid.put(line, x: inner.x, y: y, style: block.style, maxWidth: inner.width)
        var x = inner.x + line.displayWidth
        if index == block.lines.count - 1 {
          for (text, style) in block.after {
            grid.put(text, x: x, y: y, style: style, maxWidth: inner.maxX - x)
            x += text.displayWidth
          }
        }
        y += 1
      }
    }
    if state.roomNotesSelection != nil {
      RoomNotesChooser.draw(
        state, into: &grid, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
      )
      return nil
    }
    if state.ratingSelection != nil {
      drawRatings(
        state, into: &grid, area: Rect(x: inner.x, y: y, width: inner.width, height: inner.maxY - y)
      )
      return nil
    }
    // Transcript fills what is left above the editor.
    let transcriptArea = Rect(
      x: inner.x, y: y, width: inner.width, height: inner.maxY - editorRows - y)
    drawTranscript(state, timeZone: timeZone, into: &grid, area: transcriptArea)
    return drawEditor(state, into: &grid, area: editorArea)
  }

  /// What the screen shows of the time: the timer's whole second, whether it runs over, its
  /// colour band and the question stem offered. Two instants with the same give the same
  /// screen; this is all of `render` that reads `now`.
  struct TimeShown: Equatable {
    var seconds: Int
    var overtime: Bool
    var band: TimerBand
    var prompt: String?
  }

  static func timeShown(_ session: SessionState, at now: Date) -> TimeShown? {
    guard let slot = session.current ?? session.schedule.first else { return nil }
    let timer = session.timer(ofSlot: slot.index, at: now)
    return TimeShown(
      seconds: timer.displaySeconds, overtime: timer.isOvertime, band: timer.band(),
      prompt: slot.phase.prompt(afterRunning: timer.elapsed))
  }

  /// The area inside the screen's one-column margins.
  static func innerArea(_ area: Rect) -> Rect {
    Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
  }

  /// Rows above the guidance: the phase line, who speaks and the timer block.
  static let infoTop = 6

  /// Rows the transcript keeps whatever the guidance takes.
  static func transcriptRows(_ state: LiveState) -> Int {
    state.guidanceUnfolded ? 2 : minimumTranscriptRows
  }

  /// Where the note editor (or its hint) goes: the bottom rows of `inner`, as many as the
  /// note's text wraps to within what the timer, the guidance's least and the transcript's
  /// least leave. Nothing else is drawn in these rows, so typing changes only them.
  static func editorArea(_ state: LiveState, slot: ScheduleSlot, inner: Rect) -> Rect {
    let infoRows = (slot.focusQuestion?.isEmpty == false ? 1 : 0) + 2
    let rows = editorRows(
      state, width: inner.width,
      room: inner.maxY - inner.y - infoTop - transcriptRows(state) - infoRows)
    return Rect(x: inner.x, y: inner.maxY - rows, width: inner.width, height: rows)
  }

  /// The process-rating panel: each participant with their 1-5 rating, if given.
  static func drawRatings(_ state: LiveState, into grid: inout Grid, area: Rect) {
    let session = state.session
    let selection = state.ratingSelection ?? 0
    // Who the digits rate, said in words: they stay on this person until ↓.
    grid.put(
      "─ Rating \(name(selection, in: session)) · 1-5 rate · ⌫ clear · ↑↓ pick · Esc close ",
      x: area.x, y: area.y, style: Theme.heading, maxWidth: area.width)
    let rows = area.height - 1
    let first = max(0, min(selection - rows / 2, session.participants.count - rows))
    for (offset, index) in session.participants.indices.dropFirst(first).prefix(rows).enumerated() {
      let participant = session.participants[index]
      let rating =
        session.ratings[index].map {
          String(repeating: "★", count: $0) + String(repeating: "·", count: 5 - $0)
        } ?? (session.departures[index] == nil ? "not rated" : "left early")
      let line =
        "\(index == selection ? "▸" : " ") \(participant.name) (\(participant.level.rawValue))"
      grid.put(
        line.padded(toWidth: max(0, area.width - 12)) + rating, x: area.x, y: area.y + 1 + offset,
        style: index == selection ? Theme.selected : .plain, maxWidth: area.width)
    }
  }

  /// Rows the transcript keeps (its rule line and six notes' lines) however long the
  /// guidance, unless `g` unfolded it.
  static let minimumTranscriptRows = 7

  struct InfoBlock {
    var lines: [String]
    var style: Style
    /// Text drawn after the last line, in its own styles (the folded line's guidance and
    /// its key).
    var after: [(String, Style)] = []
  }

  /// The phase's guidance, rules, focus question and current prompt, fitted into `room`
  /// rows: focus and prompt first (one line each), then rules (up to three lines), then
  /// guidance with what is left. When rules and guidance do not both fit whole and
  /// `unfolded` is false, they fold to one line that ends with the key that unfolds them.
  /// A focus question longer than the line takes up to three rows from what the rest leaves,
  /// or with `g` from the guidance; cut, it folds the rest so that `g more` shows.
  static func infoBlocks(
    _ slot: ScheduleSlot, timer: PhaseTimer, width: Int, room: Int, unfolded: Bool = false
  ) -> [InfoBlock] {
    var prompt: [String] = []
    if let stem = slot.phase.prompt(afterRunning: timer.elapsed) {
      prompt = ["Ask: “\(stem)”".truncated(toWidth: width)]
    }
    let rulesText = slot.phase.rules.joined(separator: " · ")
    let wholeRules = rulesText.isEmpty ? [] : TextWrapper.wrap("Rules: " + rulesText, width: width)
    let wholeGuidance = TextWrapper.wrap(slot.phase.guidance, width: width)
    var focus: [String] = []
    var focusCut = false
    if let question = slot.focusQuestion, !question.isEmpty {
      // The question the group works on, read whole where the rows allow: it was cut at the
      // window's edge, and `g` unfolded everything but it.
      let wrapped = TextWrapper.wrap("Focus: " + question, width: width)
      // Folded, three rows at most from what the rest leaves; with `g`, as many as it takes
      // of all but a row for the rules.
      let rows =
        unfolded
        ? room - prompt.count - 1
        : min(3, room - prompt.count - wholeRules.count - wholeGuidance.count)
      focus = fit(wrapped, rows: max(1, rows), width: width)
      focusCut = focus.count < wrapped.count
    }
    var left = max(0, room - focus.count - prompt.count)
    if !unfolded && left > 0 && (wholeRules.count + wholeGuidance.count > left || focusCut) {
      return [
        folded(rules: rulesText, guidance: slot.phase.guidance, width: width),
        InfoBlock(lines: focus, style: Theme.heading), InfoBlock(lines: prompt, style: Theme.muted),
      ]
    }
    let rules =
      rulesText.isEmpty
      ? []
      : fit(TextWrapper.wrap("Rules: " + rulesText, width: width), rows: min(3, left), width: width)
    left -= rules.count
    let guidance = fit(
      TextWrapper.wrap(slot.phase.guidance, width: width), rows: left, width: width)
    return [
      InfoBlock(lines: guidance, style: .plain), InfoBlock(lines: rules, style: Theme.warning),
      InfoBlock(lines: focus, style: Theme.heading), InfoBlock(lines: prompt, style: Theme.muted),
    ]
  }

  /// The key that unfolds the guidance, as the folded line shows it.
  static let unfoldHint = "  g more"

  /// Rules, then as much of the guidance as fits, on one line that ends with `g more`.
  static func folded(rules: String, guidance: String, width: Int) -> InfoBlock {
    let room = max(0, width - unfoldHint.displayWidth)
    let hint = (unfoldHint, Theme.muted)
    guard !rules.isEmpty else {
      return InfoBlock(lines: [guidance.truncated(toWidth: room)], style: .plain, after: [hint])
    }
    let shownRules = ("Rules: " + rules).truncated(toWidth: room)
    let rest = room - shownRules.displayWidth - 3
    let shownGuidance = rest > 1 ? [(" · " + guidance.truncated(toWidth: rest), Style.plain)] : []
    return InfoBlock(lines: [shownRules], style: Theme.warning, after: shownGuidance + [hint])
  }

  /// The first `rows` lines, the last ending in "…" when some were left out.
  static func fit(_ lines: [String], rows: Int, width: Int) -> [String] {
    guard rows > 0 else { return [] }
    guard lines.count > rows else { return lines }
    var kept = Array(lines.prefix(rows))
    var last = kept[rows - 1]
    while !last.isEmpty && last.displayWidth > width - 1 { last.removeLast() }
    kept[rows - 1] = last + "…"
    return kept
  }

  static func partLabel(_ slot: ScheduleSlot, _ session: SessionState) -> String {
    switch slot.part {
    case .opening: return "opening"
    case .round(let n): return "round \(n + 1) of \(session.setup.rounds.count)"
    case .closing: return "closing"
    }
  }

  static func speakerText(_ slot: ScheduleSlot, _ session: SessionState) -> String {
    switch slot.phase.speaker {
    case .presenter:
      return slot.presenter.map { "the presenter, \(name($0, in: session))" } ?? "the presenter"
    case .group: return "the group"
    case .everyone: return "everyone"
    case .facilitator: return "the facilitator"
    }
  }

  static func name(_ index: Int, in session: SessionState) -> String {
    session.participants.indices.contains(index) ? session.participants[index].name : "?"
  }

  static func timerStyle(_ timer: PhaseTimer, paused: Bool) -> Style {
    if paused { return Theme.paused.with(foreground: .magenta) }
    switch timer.band() {
    case .normal: return Theme.heading
    case .warning: return Theme.amber
    case .critical, .overtime: return Theme.red
    }
  }

  /// `MM:SS` for a planned length.
  static func clock(_ seconds: Int) -> String {
    String(format: "%02d:%02d", seconds / 60, seconds % 60)
  }

  static func drawBar(
    _ timer: PhaseTimer, x: Int, y: Int, width: Int, style: Style, into grid: inout Grid
  ) {
    // From the whole seconds shown, not the exact time: the bar then moves only when the
    // clock's second does, the screen's next deadline, and a frame drawn in between (typing)
    // shows the same bar as the last.
    let used =
      timer.isOvertime
      ? 1 : Double(timer.plannedSeconds - timer.displaySeconds) / Double(timer.plannedSeconds)
    let filled = Int((min(1, max(0, used)) * Double(width)).rounded(.down))
    grid.put(String(repeating: "█", count: filled), x: x, y: y, style: style)
    grid.put(String(repeating: "░", count: width - filled), x: x + filled, y: y, style: Theme.muted)
  }

  static func drawTranscript(
    _ state: LiveState, timeZone: TimeZone, into grid: inout Grid, area: Rect
  ) {
    guard area.height >= 2 else { return }
    let notes = state.session.notes
    let count = state.session.visibleNoteCount
    let header = "─ Transcript · \(count) note\(count == 1 ? "" : "s") "
    grid.put(
      header + String(repeating: "─", count: max(0, area.width - header.displayWidth)), x: area.x,
      y: area.y, style: Theme.muted)
    let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    guard count > 0 else {
      grid.put("No notes yet. Enter writes one.", x: body.x, y: body.y, style: Theme.muted)
      return
    }
    // Lay out from the bottom up so the newest note (or the selected one) is in view, walking
    // back only over the notes that fit: a frame costs the same however long the transcript.
    var index = notes.count - 1
    if let selected = state.selectedNote, let found = LiveState.index(of: selected, in: notes),
      !notes[found].isDeleted
    {
      index = found
    }
    var after = index + 1
    var rows: [(String, Style)] = []
    let clock = ReadableTime(timeZone: timeZone)
    let lines = { (note: Note) -> [(String, Style)] in
      let style = state.selectedNote == note.id ? Theme.selected : .plain
      return noteLines(note, state.session, clock: clock, width: body.width).map { ($0, style) }
    }
    while index >= 0 && rows.count < body.height {
      let note = notes[index]
      index -= 1
      if note.isDeleted { continue }
      rows.insert(contentsOf: lines(note), at: 0)
    }
    // A selected note with room below it is followed by the newer notes, as far as they fit:
    // picking an older note must not hide the ones after it behind empty rows.
    let filled = rows.count >= body.height
    while after < notes.count && rows.count < body.height {
      let note = notes[after]
      after += 1
      if !note.isDeleted { rows += lines(note) }
    }
    let shown = filled ? Array(rows.suffix(body.height)) : Array(rows.prefix(body.height))
    for (i, row) in shown.enumerated() {
      grid.put(row.0, x: body.x, y: body.y + i, style: row.1, maxWidth: body.width)
    }
  }

  /// A note as transcript lines: time, kind, speaker, text, marks.
  static func noteLines(_ note: Note, _ session: SessionState, timeZone: TimeZone, width: Int)
    -> [String]
  {
    noteLines(note, session, clock: ReadableTime(timeZone: timeZone), width: width)
  }

  /// The same, with the clock made once per frame: making a calendar per note cost more than
  /// the rest of the line.
  static func noteLines(_ note: Note, _ session: SessionState, clock: ReadableTime, width: Int)
    -> [String]
  {
    var head = "\(clock.time(note.createdAt)) \(note.kind.rawValue)"
    if let speaker = note.speaker { head += " · \(name(speaker, in: session))" }
    var text = note.text
    if note.isAction {
      text += note.owner.map { " → \(name($0, in: session))" } ?? ""
      // The due date read from its words, so the room sees at once whether "by 15 Jan" was
      // understood; nothing said it until the summary.
      if !note.isDone, let due = note.due { text += " · " + CommandText.dueText(due) }
      text += note.isDone ? " ✓ done" : ""
    }
    if note.editedAt != nil { text += " (edited)" }
    // Stored with the note when it was saved, so it stays with the note after `n` or `p`.
    if note.content.looksLikeAdvice { text += " " + SessionDigest.adviceFlagJoined }
    // One line when it fits; continuation lines indented under the text.
    let indent = 6
    let lines = TextWrapper.wrap(head + ": " + text, width: max(1, width - indent))
    guard let first = lines.first else { return [head] }
    let rest = lines.dropFirst().joined(separator: " ")
    let tail = TextWrapper.wrap(rest, width: max(1, width - indent))
    let wrapped =
      [first] + (rest.isEmpty ? [] : tail.map { String(repeating: " ", count: indent) + $0 })
    return note.content.looksLikeAdvice ? wrapped.map(SessionDigest.separatingAdviceFlag) : wrapped
  }

  static func time(_ date: Date, _ timeZone: TimeZone) -> String {
    ReadableTime(timeZone: timeZone).time(date)
  }

  /// The label before the note line: a new note, or the note being edited.
  static func editorLabel(_ editor: NoteEditorState) -> String {
    editor.editing.map { "Edit #\($0) ▸ " } ?? newNoteLabel
  }

  private static let newNoteLabel = "Note ▸ "
  private static let newNoteLabelWidth = newNoteLabel.displayWidth

  /// The columns of ``editorLabel(_:)``, which every key measures for the editor's rows.
  static func editorLabelWidth(_ editor: NoteEditorState) -> Int {
    editor.editing == nil ? newNoteLabelWidth : editorLabel(editor).displayWidth
  }

  /// Rows the editor takes at `width`: its details row and the note line's rows, which grow
  /// with the text up to what `room` leaves (at least one); two for the hint when closed.
  static func editorRows(_ state: LiveState, width: Int, room: Int) -> Int {
    guard let editor = state.editor else { return 2 }
    let fieldWidth = width - editorLabelWidth(editor)
    return 1 + max(1, editor.line.rowCount(width: fieldWidth, limit: max(1, room - 1)))
  }

  static func drawEditor(_ state: LiveState, into grid: inout Grid, area: Rect) -> (x: Int, y: Int)?
  {
    guard let editor = state.editor else {
      let hint: String
      if !state.session.isStarted {
        hint = "Ready: Space starts the first phase; a note saved with Enter starts it too"
      } else if state.session.visibleNoteCount == 0 {
        hint = "Enter writes a note"
      } else {
        hint = "Enter writes a note · ↑↓ pick a note · e edit · d delete"
      }
      grid.put(hint, x: area.x, y: area.y + 1, style: Theme.muted, maxWidth: area.width)
      return nil
    }
    return drawOpenEditor(
      editor, state.session, knownTags: state.knownTags, into: &grid, area: area)
  }

  /// An open note editor (the live screen's, or review's when a note is corrected): its
  /// details or chooser row, then the note line; returns the text cursor when it has one.
  /// While a `#tag` that `knownTags` can finish is being typed, the details row offers them.
  static func drawOpenEditor(
    _ editor: NoteEditorState, _ session: SessionState, knownTags: [String] = [],
    into grid: inout Grid, area: Rect
  ) -> (x: Int, y: Int)? {
    grid.put(editorLabel(editor), x: area.x, y: area.y + 1, style: Theme.heading)
    let fieldX = area.x + editorLabelWidth(editor)
    let cursor = editor.line.renderWrapped(
      into: &grid, x: fieldX, y: area.y + 1, width: area.maxX - fieldX,
      maxRows: area.height - 1, style: Theme.field)
    let details = Rect(x: area.x, y: area.y, width: area.width, height: 1)
    switch editor.mode {
    case .writing:
      if let completion = TagCompletion.at(editor.line, known: knownTags) {
        NoteEditorView.drawTags(completion, into: &grid, area: details)
      } else {
        drawDetails(editor, session, into: &grid, area: details)
      }
      return cursor
    case .choosingKind(let highlight):
      NoteEditorView.drawKinds(highlight: highlight, into: &grid, area: details)
      return nil
    case .choosingPerson(let choice):
      return NoteEditorView.drawPeople(
        choice, people: session.participants.map(\.name), left: Set(session.departures.keys),
        into: &grid, area: details)
    case .askingDiscard:
      let question =
        editor.editing == nil
        ? "Discard this note? y discards · any other key goes back to it"
        : "Discard these changes? y discards (the note stays) · any other key goes back"
      grid.put(question, x: area.x, y: area.y, style: Theme.warning, maxWidth: area.width)
      return nil
    }
  }

  /// Kind, speaker and owner, with the keys that choose them, and the advice flag. Where the
  /// line is too narrow for all of it, the keys go first (the footer and `?` name them) and the
  /// names stay: at 80 columns an action's owner read "owner: Amira O'Neill [C…".
  static func drawDetails(
    _ editor: NoteEditorState, _ session: SessionState, into grid: inout Grid, area: Rect
  ) {
    func details(keys: Bool) -> String {
      func key(_ name: String) -> String { keys ? " [\(name)]" : "" }
      var text =
        "kind: \(editor.kind.rawValue)\(key("Tab")) · speaker: "
        + "\(editor.speaker.map { name($0, in: session) } ?? "none")\(key("S-Tab"))"
      if editor.kind == .action {
        text +=
          " · owner: \(editor.owner.map { name($0, in: session) } ?? "none")\(key("Ctrl-O"))"
      }
      return text
    }
    var flag: (text: String, needed: Bool)?
    if !session.isStarted && editor.editing == nil {
      // Saving a note before the start starts the first phase's timer: said where the eyes
      // are, after the details, never over them (the notice said it as the line opened).
      flag = (" saving starts the timer ", false)
    } else if let slot = session.current, slot.phase.noteKind == .question,
      session.looksLikeAdvice(editor.line.string)
    {
      flag = (" advice or question? ", true)
    }
    let withKeys = details(keys: true)
    let fits = { (text: String, flag: String) in text.displayWidth + flag.displayWidth <= area.width
    }
    // The timer's reminder shows only beside the whole line; the advice flag always.
    let shown: (details: String, flag: String?)
    switch flag {
    case let flag? where fits(withKeys, flag.text): shown = (withKeys, flag.text)
    case let flag? where flag.needed: shown = (details(keys: false), flag.text)
    default: shown = (fits(withKeys, "") ? withKeys : details(keys: false), nil)
    }
    let room = area.width - (shown.flag?.displayWidth ?? 0)
    grid.put(shown.details, x: area.x, y: area.y, style: Theme.key, maxWidth: room)
    if let text = shown.flag {
      grid.put(text, x: area.maxX - text.displayWidth, y: area.y, style: Theme.amber)
    }
  }
}
