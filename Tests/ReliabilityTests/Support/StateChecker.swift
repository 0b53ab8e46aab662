import Foundation
import PeerConsultApp
import PeerConsultKit
import TerminalKit

/// The invariants that must hold after every key, whatever the key was.
///
/// - the frame has exactly the terminal's size and the text cursor is inside it;
/// - the live screen shows the live session's state, and that state equals a replay of the
///   events stored in the database (so nothing shown is unsaved, and nothing saved is hidden);
/// - the note editor's cursor is inside its text, its characters are the clusters drawn, and
///   the text is within its limit;
/// - a note acknowledged as saved or updated is in the database at once.
final class StateChecker {
  /// What the store acknowledged after a key, as far as stored notes are concerned.
  enum Acknowledgement: Equatable {
    case noteSaved(id: Int)
    case noteUpdated(id: Int)
  }

  /// The one place that decides whether the app acknowledged a note: the typed result the
  /// services reported for the key (`.noteSaved(id:)`, `.noteEdited(id:)`), never the words
  /// on the screen.
  static func acknowledgement(in results: [ServiceResult]) -> Acknowledgement? {
    for result in results.reversed() {
      switch result {
      case .noteSaved(let id, _): return .noteSaved(id: id)
      case .noteEdited(let id, _): return .noteUpdated(id: id)
      default: continue
      }
    }
    return nil
  }

  private let harness: AppHarness
  private var checkedSession: SessionState?
  private var keysSinceStoreCheck = 0
  /// Notes acknowledged on screen, to check again at the end against the event log.
  private(set) var acknowledged: [(session: SessionID, text: String)] = []

  init(_ harness: AppHarness) { self.harness = harness }

  /// What the editor would save if the next key saves it.
  struct PendingNote {
    var session: SessionID
    var text: String
    var editing: Int?
  }

  func pendingNote() -> PendingNote? {
    guard let live = harness.runner.state.screen as? LiveState, let editor = live.editor else {
      return nil
    }
    return PendingNote(
      session: live.sessionID, text: editor.content.normalized.text, editing: editor.editing)
  }

  /// Checks every invariant after a key; returns the ones broken, and whether data was lost.
  func check(after pending: PendingNote?) throws -> (broken: [String], lost: [String]) {
    var broken: [String] = []
    var lost: [String] = []
    let state = harness.runner.state
    let terminal = harness.terminal
    let screen = terminal.screen
    if screen.width != terminal.size.width || screen.height != terminal.size.height
      || state.width != terminal.size.width || state.height != terminal.size.height
    {
      broken.append(
        "frame \(screen.width)x\(screen.height), state \(state.width)x\(state.height), terminal \(terminal.size)"
      )
    }
    if let cursor = terminal.cursor,
      !(0..<screen.width).contains(cursor.x) || !(0..<screen.height).contains(cursor.y)
    {
      broken.append("cursor \(cursor) outside the \(screen.width)x\(screen.height) frame")
    }
    keysSinceStoreCheck += 1
    switch state.screen {
    case let live as LiveState:
      guard let session = harness.services.live, session.id == live.sessionID else {
        broken.append("the live screen shows a session the services do not hold")
        break
      }
      if live.session != session.state {
        broken.append("the live screen shows a state that is not the session's")
      }
      if let editor = live.editor {
        if !(0...editor.line.text.count).contains(editor.line.cursor) {
          broken.append("editor cursor \(editor.line.cursor) outside 0...\(editor.line.text.count)")
        }
        // Each stored character is one cluster as the screen draws it, or the cursor and
        // the drawn text disagree (a combining mark typed after its letter, say). Checked
        // around the cursor, where keys change the text, and now and then over all of it.
        let line = editor.line
        let window =
          keysSinceStoreCheck % 500 == 0
          ? 0..<line.text.count
          : max(0, line.cursor - 3)..<min(line.text.count, line.cursor + 3)
        let drawn = String(line.text[window]).count
        if drawn != window.count {
          broken.append("editor characters \(window) draw as \(drawn) clusters")
        }
        if editor.line.text.count > editor.line.limit {
          broken.append(
            "editor holds \(editor.line.text.count) characters, limit \(editor.line.limit)")
        }
      }
      try compareWithStore(session.id, session.state, &lost)
    case let summary as SummaryState:
      try compareWithStore(summary.sessionID, summary.session, &lost)
    case let group as GroupState:
      guard let session = harness.services.live, session.id == group.live.sessionID,
        group.live.session == session.state
      else {
        broken.append("the group screen shows a state that is not the live session's")
        break
      }
      try compareWithStore(session.id, session.state, &lost)
    default:
      break
    }
    // A session deleted, or rewritten by an erasure, on purpose no longer holds its notes as
    // acknowledged: they are not lost.
    for result in harness.results {
      switch result {
      case .sessionDeleted(let id, _): acknowledged.removeAll { $0.session == id }
      case .personErased(_, let sessions, _, _, _):
        acknowledged.removeAll { sessions.contains($0.session) }
      default: break
      }
    }
    if let pending, let acknowledgement = Self.acknowledgement(in: harness.results) {
      let stored = try harness.database().loadSession(pending.session)
      switch acknowledgement {
      case .noteSaved(let id):
        acknowledged.append((pending.session, pending.text))
        if stored.note(id)?.text != pending.text || stored.note(id)?.isDeleted != false {
          lost.append("acknowledged note \(id) missing: \(pending.text.prefix(40))")
        }
      case .noteUpdated(let id):
        if id != pending.editing || stored.note(id)?.text != pending.text {
          lost.append("acknowledged edit of note \(id) missing")
        }
      }
    }
    return (broken, lost)
  }

  /// Replays the stored events when the session changed (and every 100 keys regardless) and
  /// compares them with what the program holds.
  private func compareWithStore(_ id: SessionID, _ shown: SessionState, _ lost: inout [String])
    throws
  {
    guard shown != checkedSession || keysSinceStoreCheck >= 100 else { return }
    keysSinceStoreCheck = 0
    checkedSession = shown
    let stored = try harness.database().loadSession(id)
    if stored != shown {
      lost.append(
        "session \(id.short): the stored events replay to a different state (\(stored.notes.count) notes stored, \(shown.notes.count) shown)"
      )
    }
  }

  /// Acknowledged notes with no `noteAdded` event carrying their text.
  func missingAcknowledgedNotes() throws -> [String] {
    let database = try harness.database()
    var missing: [String] = []
    var texts: [SessionID: Set<String>] = [:]
    for (session, text) in acknowledged {
      if texts[session] == nil {
        texts[session] = Set(
          try database.events(of: session).compactMap { recorded -> String? in
            if case .noteAdded(_, _, let content) = recorded.event { return content.text }
            return nil
          })
      }
      if texts[session]?.contains(text) != true { missing.append(String(text.prefix(40))) }
    }
    return missing
  }
}
