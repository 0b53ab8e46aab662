import Foundation
import PeerConsultKit

/// One stored session opened for reading: its transcript laid out for the screen, where it
/// is scrolled to, and its actions.
public struct TranscriptState: Equatable, Sendable {
  public let sessionID: SessionID
  /// The session as last read from the store.
  public private(set) var session: SessionState
  /// The transcript as rows; rebuilt only when the session, the width or the kind changes.
  public private(set) var layout: TranscriptLayout
  /// The session's actions (not deleted), in the order written: read when first asked for
  /// (the actions list), since finding them reads every note.
  public var actions: [Note] { actionsFound.value { session.visibleNotes.filter(\.isAction) } }
  private var actionsFound = Found<[Note]>()
  /// The first row shown.
  public var scroll = 0
  /// The note to highlight: the search hit this transcript was opened at.
  public var focusNote: Int?
  /// Whether the actions list is showing instead of the transcript.
  public var showActions = false
  public var actionSelection = 0
  /// Whether the people list (`w`) is showing, to erase one of them.
  public var showPeople = false
  public var personSelection = 0
  /// What the later meetings of the session's standing group made of its actions, by note
  /// id (carried forward, done, dropped); empty for a session of no group.
  public var actionHistory: [Int: ActionLedger.Item] = [:]
  /// The note being corrected, when the editor is open; saving stores an edit event, so the
  /// earlier text stays in the note's history, as on the live screen.
  public var editor: NoteEditorState?
  /// The review screen to go back to, as it was left.
  public var back: ReviewState
  /// The shared store the session was taken from, as the review list or the search hit it was
  /// opened from says; nil for one written here.
  public var origin: String?

  public init(
    sessionID: SessionID, session: SessionState, screenWidth: Int, timeZone: TimeZone,
    back: ReviewState
  ) {
    self.sessionID = sessionID
    self.session = session
    self.back = back
    layout = TranscriptLayout(
      session: session, width: TranscriptLayout.textWidth(screenWidth: screenWidth), kind: nil,
      timeZone: timeZone)
  }

  /// The note `e` corrects: the highlighted one (a search hit, an action shown), else the
  /// first note starting at or below the top row in view.
  public var noteToEdit: Note? {
    if let focusNote, layout.noteStart(focusNote) != nil, let note = session.note(focusNote),
      !note.isDeleted
    {
      return note
    }
    var line = scroll
    while let row = layout.line(at: line) {
      if let id = row.note { return session.note(id) }
      line += 1
    }
    return nil
  }

  /// The last row `scroll` may reach with `rows` rows showing: measures the whole transcript.
  public func maxScroll(rows: Int) -> Int { max(0, layout.lineCount - rows) }

  /// Scrolls to `line`, within bounds, measuring only as far as a screen below it.
  public mutating func scroll(to line: Int, rows: Int) {
    scroll = layout.clamp(line, visible: rows)
  }

  /// Scrolls so `note` shows near the top, with a little of what came before.
  public mutating func reveal(note: Int, rows: Int) {
    guard let start = layout.noteStart(note) else { return }
    scroll(to: start - 2, rows: rows)
  }

  /// Lays the transcript out again for another screen width, keeping the same note at the top.
  public mutating func resize(screenWidth: Int) {
    let width = TranscriptLayout.textWidth(screenWidth: screenWidth)
    guard width != layout.width else { return }
    relayout(width: width, kind: layout.kind, session: session)
  }

  /// Shows only notes of `kind` (all when nil), keeping the top note in view if it stays.
  public mutating func filter(kind: NoteKind?) {
    relayout(width: layout.width, kind: kind, session: session)
  }

  /// Takes a newer reading of the session (after a change was stored), keeping the place.
  public mutating func update(session: SessionState) {
    relayout(width: layout.width, kind: layout.kind, session: session)
    self.session = session
    actionsFound = Found()
    actionSelection = min(actionSelection, max(0, actions.count - 1))
  }

  /// The kinds of note this session has, in their usual order: what the kind filter cycles.
  public var kindsPresent: [NoteKind] {
    let present = Set(session.visibleNotes.map(\.kind))
    return NoteKind.allCases.filter(present.contains)
  }

  private mutating func relayout(width: Int, kind: NoteKind?, session: SessionState) {
    let old = layout
    let wasAtTop = scroll == 0
    layout = TranscriptLayout(session: session, width: width, kind: kind, timeZone: old.timeZone)
    guard !wasAtTop else { return }
    // Keep reading where one was: the first note at or below the old top that is still shown,
    // at the same row of it when the top was inside it. A long note whose last rows stood at
    // the top went back to its first, a screen or more above (correcting the note below it
    // took it out of view).
    var line = scroll
    while let row = old.line(at: line) {
      if let note = row.note, let start = layout.noteStart(note) {
        let within = line == scroll ? scroll - (old.noteStart(note) ?? scroll) : 0
        var offset = 0
        while offset < within, layout.line(at: start + offset + 1)?.note == note { offset += 1 }
        scroll = start + offset
        return
      }
      line += 1
    }
    scroll = 0
  }
}
