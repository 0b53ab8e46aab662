import Foundation
import PeerConsultKit
import TerminalKit

/// What a key on the live screen asks for beyond changing `LiveState`.
public struct LiveOutcome: Equatable, Sendable {
  public var effects: [Effect] = []
  public var overlay: Overlay?
  /// A message for the notice line.
  public var notice: Notice?
}

extension LiveScreen {
  /// The key context: the editor takes every key while open.
  public static func context(_ state: LiveState) -> KeyContext {
    if state.editor != nil { return .editor }
    if state.ratingSelection != nil { return .rating }
    return state.showSchedule ? .schedule : .live
  }

  /// Handles a key. Printable keys always go into an open editor: typing never triggers a command.
  public static func update(_ state: inout LiveState, _ key: Key) -> LiveOutcome {
    let action = Keymap.action(for: key, in: context(state))
    if var editor = state.editor {
      let count = state.session.participants.count
      switch action {
      case .saveNote:
        guard !editor.line.string.trimmingCharacters(in: .whitespaces).isEmpty else {
          state.editor = nil
          return LiveOutcome()
        }
        let content = editor.content
        let command: SessionCommand =
          editor.editing.map { .editNote($0, content) } ?? .addNote(content)
        // The editor stays open until the store confirms; a failure leaves the text in place.
        return LiveOutcome(effects: [.command(.session(command))])
      case .cancelNote: state.editor = nil
      case .cycleKind: editor.cycleKind()
      case .cycleSpeaker: editor.cycleSpeaker(count: count)
      case .cycleOwner: editor.cycleOwner(count: count)
      default:
        guard case .character(let character) = key else {
          editor.line.handle(key)
          break
        }
        if !editor.line.insert(String(character)) {
          // Text past the limit is not taken, so say so rather than drop a paste silently.
          state.editor = editor
          return LiveOutcome(notice: Self.noteFullNotice)
        }
      }
      if state.editor != nil { state.editor = editor }
      return LiveOutcome()
    }
    if let selection = state.ratingSelection {
      let count = state.session.participants.count
      let ratings: [Action: Int] = [.rate1: 1, .rate2: 2, .rate3: 3, .rate4: 4, .rate5: 5]
      switch action {
      case .up: state.ratingSelection = max(0, selection - 1)
      case .down: state.ratingSelection = min(count - 1, selection + 1)
      case .back: state.ratingSelection = nil
      case let action? where ratings[action] != nil:
        let rating = ratings[action] ?? 0
        if selection + 1 < count { state.ratingSelection = selection + 1 }
        return LiveOutcome(
          effects: [.command(.session(.rate(participant: selection, rating: rating)))])
      default: break
      }
      return LiveOutcome()
    }
    if state.showSchedule {
      switch action {
      case .schedule, .back: state.showSchedule = false
      case .pageDown, .scrollDown: state.scheduleScroll += action == .pageDown ? 10 : 1
      case .pageUp, .scrollUp:
        state.scheduleScroll = max(0, state.scheduleScroll - (action == .pageUp ? 10 : 1))
      default: break
      }
      return LiveOutcome()
    }
    guard let action else { return LiveOutcome() }
    switch action {
    case .writeNote:
      guard let slot = state.session.current else { return LiveOutcome() }
      let speaker = slot.phase.speaker == .presenter ? slot.presenter : nil
      state.editor = NoteEditorState(kind: slot.phase.noteKind, speaker: speaker)
    case .editLastNote:
      if let note = state.targetNote {
        state.editor = NoteEditorState(
          text: note.text, kind: note.kind, speaker: note.speaker, owner: note.owner,
          editing: note.id)
      }
    case .deleteLastNote:
      if let note = state.targetNote {
        let preview = note.text.truncated(toWidth: 30)
        return LiveOutcome(
          overlay: .confirm(
            question: "Delete note “\(preview)”? (kept in history) y/n",
            action: .deleteNote(note.id)))
      }
    case .actionDone:
      if let note = state.targetNote, note.isAction {
        return LiveOutcome(effects: [.command(.session(.setActionDone(note.id, !note.isDone)))])
      }
    case .togglePause: return LiveOutcome(effects: [.command(.session(.togglePause))])
    case .nextPhase: return LiveOutcome(effects: [.command(.session(.next))])
    case .previousPhase: return LiveOutcome(effects: [.command(.session(.previous))])
    case .addMinute: return LiveOutcome(effects: [.command(.session(.adjust(minutes: 1)))])
    case .removeMinute: return LiveOutcome(effects: [.command(.session(.adjust(minutes: -1)))])
    case .schedule:
      state.showSchedule = true
      state.scheduleScroll = 0
    case .toggleMute: state.muted.toggle()
    case .rateProcess:
      if !state.session.participants.isEmpty { state.ratingSelection = 0 }
    case .scrollUp: moveSelection(&state, by: -1)
    case .scrollDown: moveSelection(&state, by: 1)
    case .quit:
      return LiveOutcome(
        overlay: .confirm(
          question: "Leave the session? It stays unfinished and can be resumed. y/n",
          action: .leaveSession))
    default: break
    }
    return LiveOutcome()
  }

  static let noteFullNotice = Notice(
    "A note holds up to \(NoteContent.maximumLength.formatted(.number.locale(Locale(identifier: "en_GB")))) characters; the rest was not added. Enter saves it.",
    tone: .warning)

  /// Puts pasted text into the open note (newlines become spaces); ignored otherwise, so a
  /// paste can never act as commands. Returns false when the note's limit cut it short.
  @discardableResult
  public static func paste(_ text: String, into state: inout LiveState) -> Bool {
    guard var editor = state.editor else { return true }
    let fitted = editor.line.insert(text)
    state.editor = editor
    return fitted
  }

  /// Moves the transcript selection; moving past the newest note returns to following it.
  static func moveSelection(_ state: inout LiveState, by step: Int) {
    let ids = state.transcript.map(\.id)
    guard !ids.isEmpty else { return }
    let current = state.selectedNote.flatMap { ids.firstIndex(of: $0) } ?? ids.count
    let next = current + step
    state.selectedNote = next >= ids.count ? nil : ids[max(0, next)]
  }

  /// Called as the clock moves: rings the bell and flashes once when a phase reaches zero.
  public static func tick(_ state: inout LiveState, now: Date) -> [Effect] {
    guard let slot = state.session.currentSlot, let timer = state.session.timer(at: now),
      timer.isOvertime, state.signalledSlot != slot, !state.session.isFinished
    else { return [] }
    state.signalledSlot = slot
    return state.muted ? [] : [.bell, .flash]
  }

  /// When the screen next changes by itself: the timer's next second, a band change, a phase end.
  public static func nextDeadline(_ state: LiveState, now: Date) -> Date? {
    state.session.nextDeadline(after: now)
  }
}
