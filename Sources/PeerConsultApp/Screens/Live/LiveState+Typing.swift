import Foundation
import PeerConsultKit
import TerminalKit

/// Typing on the live screen redraws the note editor's rows alone (``App/renderTyping(from:to:)``).
extension LiveState {
  /// The editor's rows, when only the open editor changed since `previous`, it still takes
  /// the same rows and the same keys (the footer shows those), and the timer shows what it
  /// showed when `previous` was drawn.
  public func typingRows(
    after previous: any Screen, drawnAt: Date, area: Rect, _ environment: ScreenEnvironment
  ) -> Range<Int>? {
    guard let previous = previous as? LiveState, let editor, let before = previous.editor,
      editor.keyContext == before.keyContext, let rows = editorArea(in: area),
      previous.editorArea(in: area) == rows,
      LiveScreen.timeShown(session, at: environment.now)
        == LiveScreen.timeShown(session, at: drawnAt)
    else { return nil }
    // Everything else as the last frame drew it; when it last asked for other programs'
    // writes and what it knows of the note's kept draft are not drawn. Equal sessions share
    // their storage, so this compares little.
    var unchanged = previous
    unchanged.editor = editor
    unchanged.lastRefresh = lastRefresh
    unchanged.draftTouched = draftTouched
    unchanged.draftKept = draftKept
    unchanged.draftInStore = draftInStore
    unchanged.draftKeepFailures = draftKeepFailures
    guard unchanged == self else { return nil }
    // The details row above the note line is left as the last frame drew it when nothing it
    // shows can have changed (about half of what a key on a one-row note would draw), and so
    // are the note's rows above the change that stand where they stood.
    guard detailsUnchanged(from: before, to: editor) else { return rows.y..<rows.maxY }
    guard editor.editing == before.editing else { return rows.y + 1..<rows.maxY }
    let alike = editor.line.rowsDrawnAlike(
      as: before.line, width: rows.width - LiveScreen.editorLabelWidth(editor),
      maxRows: rows.height - 1)
    return rows.y + 1 + alike..<rows.maxY
  }

  /// Whether the editor's details row shows the same for `before` and `editor`, the rest of
  /// the state being equal: both write (no chooser, no question), with the same kind,
  /// speaker and owner, no tag being finished, and no advice flag to come or go (it is
  /// checked only in questioning phases, where the row is drawn every key).
  private func detailsUnchanged(from before: NoteEditorState, to editor: NoteEditorState) -> Bool {
    editor.mode == .writing && before.mode == .writing && editor.kind == before.kind
      && editor.speaker == before.speaker && editor.owner == before.owner
      && session.current?.phase.noteKind != .question
      && TagCompletion.at(before.line, known: knownTags) == nil
      && TagCompletion.at(editor.line, known: knownTags) == nil
  }

  /// The note being written, kept when the program is ended by a signal (a closed terminal):
  /// it was never acknowledged, but the words must not go with the window. With nothing left
  /// to keep (emptied, a correction put back) one kept at a pause is forgotten instead, so
  /// that words taken out do not come back.
  public var draftOnLeaving: AppCommand? {
    if let draft = keepableDraft { return .keepDraft(sessionID, draft) }
    return draftInStore ? .dropDraft(sessionID) : nil
  }

  public mutating func keepBeforeSuspending() -> [Effect] { keepDraft() }

  /// The note being written as a draft to keep; nil when there is nothing to keep.
  var keepableDraft: NoteDraft? {
    guard let editor, editor.hasText else { return nil }
    // A correction is kept with the note's text as it stands, and only once it differs in
    // its words, kind, speaker or owner.
    let note = editor.editing.flatMap { session.note($0) }
    let draft = NoteDraft(content: editor.content, editing: editor.editing, base: note?.text)
    if let note, draft.says(whatIsIn: note) { return nil }
    return draft
  }

  public func renderTyping(
    into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment
  ) -> (x: Int, y: Int)? {
    guard let rows = editorArea(in: area) else { return nil }
    return LiveScreen.drawEditor(self, into: &grid, area: rows)
  }

  /// Where `LiveScreen.render` puts the editor in `area`; nil while something else takes its
  /// place (the schedule, the rating or room-notes panel).
  private func editorArea(in area: Rect) -> Rect? {
    guard !showSchedule, ratingSelection == nil, roomNotesSelection == nil,
      let slot = session.current ?? session.schedule.first
    else { return nil }
    return LiveScreen.editorArea(self, slot: slot, inner: LiveScreen.innerArea(area))
  }
}
