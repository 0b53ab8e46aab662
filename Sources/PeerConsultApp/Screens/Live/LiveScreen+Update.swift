import Foundation
import PeerConsultKit
import TerminalKit

extension KeyContext {
  public static let live = KeyContext(
    "live", title: "Live session", typingHelp: LiveScreen.typingStartsANote,
    helpSections: [.editor, .textField])
  public static let rating = KeyContext(
    "rating", title: "Process ratings", typingHelp: LiveScreen.typingStartsANote)
  public static let schedule = KeyContext(
    "schedule", title: "Schedule", typingHelp: LiveScreen.typingStartsANote)
}

extension LiveScreen {
  /// What typing does where the note line is closed, in a session's help.
  static let typingStartsANote =
    "a character that is no key here or on the live screen starts a note with it"

  /// Whether `character`, typed over the live screen or a panel on it, starts a note: one
  /// that is no key of the live screen (`n`, Space, `+` typed over a panel do nothing).
  static func startsANote(_ character: Character) -> Bool {
    Keymap.action(for: .character(character), in: .live) == nil
  }
}

extension Action {
  public static let writeNote = Action("writeNote")
  public static let togglePause = Action("togglePause")
  public static let nextPhase = Action("nextPhase")
  /// Text typed or pasted with the note line closed: the line opens for it.
  public static let typeNote = Action("typeNote")
  public static let previousPhase = Action("previousPhase")
  public static let addMinute = Action("addMinute")
  public static let removeMinute = Action("removeMinute")
  public static let schedule = Action("schedule")
  public static let editLastNote = Action("editLastNote")
  public static let deleteLastNote = Action("deleteLastNote")
  public static let actionDone = Action("actionDone")
  public static let rateProcess = Action("rateProcess")
  public static let rate1 = Action("rate1")
  public static let rate2 = Action("rate2")
  public static let rate3 = Action("rate3")
  public static let rate4 = Action("rate4")
  public static let rate5 = Action("rate5")
  /// A digit that is no rating (0, 6-9): said so, rather than nothing happening.
  public static let rateOutOfRange = Action("rateOutOfRange")
  public static let toggleMute = Action("toggleMute")
  public static let toggleGuidance = Action("toggleGuidance")
  public static let group = Action("group")
  public static let actionsFromLastTime = Action("actionsFromLastTime")
  public static let clearRating = Action("clearRating")
}

extension LiveState: Screen {
  public static let keyBindings: [KeyBinding] =
    [
      KeyBinding(
        [.enter], .writeNote, "note", "Write a note; saving one starts a ready session",
        in: [.live]),
      KeyBinding(
        [.character(" ")], .togglePause, "pause", "Start when ready; then pause or resume",
        in: [.live]),
      KeyBinding(
        [.character("n")], .nextPhase, "next", "Next phase (after the last: summary)", in: [.live]),
      KeyBinding(
        [.character("p")], .previousPhase, "prev", "Previous phase (notes are kept)", in: [.live]),
      KeyBinding(
        [.character("+"), .character("=")], .addMinute, "+1m", "One minute more", in: [.live]),
      KeyBinding([.character("-")], .removeMinute, "-1m", "One minute less", in: [.live]),
      KeyBinding(
        [.pageUp], .pageUp, "page up", "Scroll a page up", in: [.schedule], footer: false),
      KeyBinding(
        [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.schedule], footer: false),
      KeyBinding(
        [.character("s")], .schedule, "schedule", "Show or hide the whole schedule",
        in: [.live, .schedule]),
      KeyBinding(
        [.character("e")], .editLastNote, "edit",
        "Edit the picked note (the latest unless ↑↓ picked one)", in: [.live], footer: false),
      KeyBinding(
        [.character("d")], .deleteLastNote, "delete",
        "Delete the picked note (its text stays in the history)", in: [.live], footer: false),
      KeyBinding(
        [.character("x")], .actionDone, "done", "Mark the picked action done (or not done)",
        in: [.live], footer: false),
      KeyBinding(
        [.character("r")], .rateProcess, "ratings",
        "Rate the process, 1-5 per participant (optional)", in: [.live], footer: false),
      KeyBinding([.up], .up, "up", "Previous participant", in: [.rating], footer: false),
      KeyBinding([.down], .down, "down", "Next participant", in: [.rating], footer: false),
      KeyBinding([.character("1")], .rate1, "1", "Rate 1 (poor)", in: [.rating], footer: false),
      KeyBinding([.character("2")], .rate2, "2", "Rate 2", in: [.rating], footer: false),
      KeyBinding([.character("3")], .rate3, "3", "Rate 3", in: [.rating], footer: false),
      KeyBinding([.character("4")], .rate4, "4", "Rate 4", in: [.rating], footer: false),
      KeyBinding(
        [.character("5")], .rate5, "5", "Rate 5 (excellent)", in: [.rating], footer: false),
      KeyBinding(
        "06789".map { Key.character($0) }, .rateOutOfRange, "0 6-9", "Say that a rating is 1-5",
        in: [.rating], footer: false),
      KeyBinding(
        [.backspace], .clearRating, "clear", "Clear the picked person's rating", in: [.rating],
        footer: false),
      KeyBinding(
        [.escape, .character("r"), .character("q")], .back, "close", "Close the ratings",
        in: [.rating]),
      KeyBinding(
        [.character("w")], .group, "who",
        "Who is here: add latecomers, skip or reorder presenters", in: [.live],
        footer: false),
      KeyBinding(
        [.character("a")], .actionsFromLastTime, "last time",
        "Follow up a standing group's earlier actions", in: [.live],
        footer: false),
      KeyBinding(
        [.character("m")], .toggleMute, "mute", "Mute or unmute the bell at zero", in: [.live],
        footer: false),
      KeyBinding(
        [.character("g")], .toggleGuidance, "guidance",
        "Unfold the guidance and rules, or fold them to one line", in: [.live],
        footer: false),
      KeyBinding(
        [.up], .scrollUp, "pick", "Pick an earlier note (for e, d, x)", in: [.live], footer: false),
      KeyBinding(
        [.down], .scrollDown, "pick", "Pick a later note; past the newest, follow new notes",
        in: [.live], footer: false),
      KeyBinding([.up], .scrollUp, "scroll", "Scroll up", in: [.schedule], footer: false),
      KeyBinding([.down], .scrollDown, "scroll", "Scroll down", in: [.schedule], footer: false),
      KeyBinding([.escape], .back, "back", "Go back", in: [.schedule]),
      KeyBinding.help(in: [.live, .rating, .schedule]),
      KeyBinding(
        [.character("q")], .quit, "quit", "Quit (in a session: leave it, resumable)", in: [.live]),
      KeyBinding(
        [.character("q")], .back, "back", "Back to the live screen", in: [.schedule], footer: false),
    ]
    // The note editor's: only non-printing keys, so typing never triggers a command.
    + NoteEditorState.keyBindings + RoomNotesChooser.keyBindings

  /// The editor takes every key while open.
  public var keyContext: KeyContext {
    if let editor { return editor.keyContext }
    if ratingSelection != nil { return .rating }
    if roomNotesSelection != nil { return .roomNotes }
    return showSchedule ? .schedule : .live
  }

  public var acceptsText: Bool { editor?.acceptsText ?? false }

  /// While the kinds are offered, their keys only (arrows among them, which the text field
  /// would take for the cursor); a letter that picks no kind is still text, for the note.
  public var keyContexts: [KeyContext] {
    if case .choosingKind? = editor?.mode { return [.kindChoice] }
    return acceptsText ? [.textField, keyContext] : [keyContext]
  }

  /// A paste with the note line closed is a note: it opens the line, as Enter would. So is a
  /// letter that no key of the screen binds: "The presenter…" typed before Enter went to the
  /// commands its letters name ("e" opened the last note for correction, and the rest of the
  /// sentence went into it). Over the schedule, the ratings or the room's kinds, it closes
  /// them first: typed there, "The 3 things" rated someone 3.
  public var actionForText: Action? { editor == nil ? .typeNote : nil }

  /// Over the schedule, the ratings or the room's kinds, a key of the live screen does
  /// nothing, as it did before typing there started a note.
  public func startsText(_ character: Character) -> Bool {
    LiveScreen.startsANote(character)
  }

  /// Space starts a ready session and resumes a paused one, and the footer says so.
  public func footerLabel(for action: Action) -> String? {
    guard action == .togglePause else { return nil }
    if !session.isStarted { return "start" }
    return session.isPaused ? "resume" : nil
  }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    (LiveScreen.title(self, width: environment.width), "session \(sessionID.short)")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    if showSchedule {
      ScheduleView.render(
        self, now: environment.now, timeZone: environment.timeZone, into: &grid, area: area)
      return nil
    }
    return LiveScreen.render(
      self, now: environment.now, timeZone: environment.timeZone, into: &grid, area: area)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    switch input {
    case .action(let action): return touched(perform(action), at: environment.now)
    case .text(let text):
      return editor == nil ? [] : touched(edit(.text(text)), at: environment.now)
    case .result(let result): return apply(result, environment)
    case .tick(let now): return LiveScreen.tick(&self, now: now)
    case .resize: return []
    }
  }

  /// When the screen next changes by itself: the timer's next second, a band change, a phase
  /// end, or the pause after which the note being written is kept.
  public func nextDeadline(now: Date) -> Date? {
    [session.nextDeadline(after: now), draftTouched?.due].compactMap { $0 }.min()
  }

  /// Notes when the open note was touched, so that its draft is kept once typing pauses.
  /// Only the time is noted: the note's text is read once, when the pause comes, not at
  /// every key.
  private mutating func touched(_ effects: [Effect], at now: Date) -> [Effect] {
    if editor == nil {
      draftTouched = nil
    } else {
      draftTouched = DraftTouches(first: draftTouched?.first ?? now, last: now)
    }
    return effects
  }

  /// At the pause: keeps the note being written if it changed since it was last kept, or
  /// forgets the kept one when nothing is left to keep (emptied, or a correction put back).
  mutating func keepDraft() -> [Effect] {
    draftTouched = nil
    guard let draft = keepableDraft else { return forgetKeptDraft() }
    guard draft != draftKept else { return [] }
    draftKept = draft
    draftInStore = true
    return [.command(.keepDraft(sessionID, draft))]
  }

  /// Forgets the open note's kept draft, in the store too when it may hold one.
  private mutating func forgetKeptDraft() -> [Effect] {
    draftKept = nil
    guard draftInStore else { return [] }
    draftInStore = false
    return [.command(.dropDraft(sessionID))]
  }

  /// Shows `live` and reads what it offers: the programme's tags, and the note that was being
  /// written when the program last ended.
  static func opening(_ live: LiveState) -> [Effect] {
    [
      .show(live),
      .command(.loadTags(programme: live.session.setup.programme)),
      .command(.loadDraft(live.sessionID)),
    ]
  }

  /// What shows a session just opened: live, or, once finished, its summary with the offer to
  /// reopen its last phase (resuming a finished session is usually meant to carry on).
  static func show(_ id: SessionID, _ session: SessionState, now: Date) -> [Effect] {
    // A standing group's meeting opens on last time's actions, until its timer starts.
    if session.setup.group != nil && !session.isStarted {
      return [
        .show(FollowUpState(live: LiveState(sessionID: id, session: session, now: now))),
        .command(.loadFollowUps(id)),
        // Only to say that a note waits: the live screen reads it into its line.
        .command(.loadDraft(id)),
      ]
    }
    guard session.isFinished else {
      return opening(LiveState(sessionID: id, session: session, now: now))
    }
    return SummaryState.shown(id, session) + [
      .confirm(
        question: "This session is finished. Reopen its last phase? y/n",
        onYes: [.command(.session(.previous))])
    ]
  }

  private mutating func perform(_ action: Action) -> [Effect] {
    if editor != nil { return edit(.action(action)) }
    // Text typed or pasted with the line closed (`actionForText`), over a panel too.
    if action == .typeNote {
      ratingSelection = nil
      roomNotesSelection = nil
      showSchedule = false
      let effects = perform(.writeNote)
      editor?.openedByTyping = true
      return effects
    }
    if let selection = ratingSelection { return rate(action, selection: selection) }
    if let selection = roomNotesSelection {
      return RoomNotesChooser.perform(action, selection: selection, &self)
    }
    if showSchedule {
      switch action {
      case .schedule, .back: showSchedule = false
      case .pageDown, .scrollDown: scheduleScroll += action == .pageDown ? 10 : 1
      case .pageUp, .scrollUp:
        scheduleScroll = max(0, scheduleScroll - (action == .pageUp ? 10 : 1))
      default: break
      }
      return []
    }
    switch action {
    case .writeNote:
      // Before the start, the note goes to the first phase, which saving it starts.
      let first = session.isStarted ? nil : session.schedule.first
      guard let slot = session.current ?? first else { return [.notice(LiveScreen.readyNotice)] }
      let speaker = slot.phase.speaker == .presenter ? slot.presenter : nil
      editor = NoteEditorState(kind: slot.phase.noteKind, speaker: speaker)
      if !session.isStarted { return [.notice(LiveScreen.noteBeforeTheStartNotice)] }
    case .editLastNote:
      guard let note = targetNote else { return [.notice(LiveScreen.noNoteNotice("edit"))] }
      editor = .correcting(note)
    case .deleteLastNote:
      guard let note = targetNote else { return [.notice(LiveScreen.noNoteNotice("delete"))] }
      let preview = note.text.truncated(toWidth: 30)
      return [
        // Yes is Enter: after "d", a word typed on with no note open ("dysfunctional", "dye")
        // said yes at its "y". A small letter begins the note, the "d" first (`App`).
        .confirm(
          question: "Delete note “\(preview)”? (kept in history) Enter deletes, Esc keeps",
          onYes: [.command(.session(.deleteNote(note.id)))], byEnter: true)
      ]
    case .actionDone:
      guard let note = targetNote else { return [.notice(LiveScreen.noNoteNotice("mark done"))] }
      guard note.isAction else {
        return [
          .notice(
            Notice(
              "Note #\(note.id) is \(note.kind.rawValue), not an action: x marks actions done.",
              tone: .warning))
        ]
      }
      return [.command(.session(.setActionDone(note.id, !note.isDone)))]
    case .togglePause: return [.command(.session(session.isStarted ? .togglePause : .start))]
    case .nextPhase: return [.command(.session(.next))]
    case .previousPhase: return [.command(.session(.previous))]
    case .addMinute: return [.command(.session(.adjust(minutes: 1)))]
    case .removeMinute:
      guard let slot = session.currentSlot else { return [.notice(LiveScreen.readyNotice)] }
      guard session.canAdjust(bySeconds: -60) else {
        let error = SessionError.phaseAtMinimum(
          seconds: session.minimumPlannedSeconds(ofSlot: slot))
        return [.notice(Notice(error.description, tone: .warning))]
      }
      return [.command(.session(.adjust(minutes: -1)))]
    case .schedule:
      showSchedule = true
      scheduleScroll = 0
    case .group:
      // A standing group's members, for a latecomer who sent apologies and came after all.
      return [.show(GroupState(live: self))]
        + (session.setup.group.map { [.command(.loadGroupMembers($0, at: session.createdAt))] }
          ?? [])
    case .actionsFromLastTime:
      // Back to the opening's list at any time: someone arriving late reports on theirs.
      guard session.setup.group != nil else {
        return [
          .notice(
            Notice(
              "Only a standing group's meeting follows up actions from earlier meetings.",
              tone: .info))
        ]
      }
      return [
        .show(FollowUpState(live: self, returnsToLive: true)),
        .command(.loadFollowUps(sessionID)),
      ]
    case .toggleGuidance: guidanceUnfolded.toggle()
    case .toggleMute:
      muted.toggle()
      return [
        .notice(
          Notice(
            muted
              ? "Bell muted: no sound or flash at zero (m turns it back on)."
              : "Bell on: it sounds and flashes when a phase reaches zero.", tone: .info))
      ]
    case .rateProcess:
      if !session.participants.isEmpty { ratingSelection = 0 }
    case .chooseRoomNotes: roomNotesSelection = 0
    case .scrollUp: LiveScreen.moveSelection(&self, by: -1)
    case .scrollDown: LiveScreen.moveSelection(&self, by: 1)
    case .quit: return [leaveQuestion]
    default: break
    }
    return []
  }

  /// `q` and Ctrl-C: leave, after asking; the session stays resumable, and the note being
  /// written is kept as a draft that resuming puts back in the note line. Before, `y` lost it:
  /// a Ctrl-C in a hurry, then `y`, and the words were gone.
  var leaveQuestion: Effect {
    .confirm(question: leaveQuestionText, onYes: [.command(leaveCommand)])
  }

  /// The words of ``leaveQuestion``.
  var leaveQuestionText: String {
    editor?.hasText == true
      ? "Leave the session (resumable)? The note being written is kept for then. y/n"
      : "Leave the session? It stays unfinished and can be resumed. y/n"
  }

  /// Leaving the session, with the note being written kept (or its kept copy forgotten).
  var leaveCommand: AppCommand {
    switch draftOnLeaving {
    case .keepDraft(_, let draft)?: .leaveSession(keeping: draft)
    case .dropDraft?: .leaveSession(forgetting: true)
    default: .leaveSession()
    }
  }

  /// The open editor's inputs: typing, editing keys, choosing a kind or a person.
  private mutating func edit(_ input: ScreenInput) -> [Effect] {
    guard var editor else { return [] }
    let outcome = editor.update(
      input, people: session.participants.map(\.name), left: Set(session.departures.keys),
      tags: knownTags)
    self.editor = editor
    switch outcome {
    case .stay: return []
    case .full: return [.notice(LiveScreen.noteFullNotice)]
    case .nobodyMatches(let query, let kept):
      return [.notice(LiveScreen.nobodyMatchesNotice(query, kept: kept))]
    case .close: return closeEditor()
    case .save:
      let content = editor.content
      let command: SessionCommand =
        editor.editing.map { .editNote($0, content) }
        ?? (session.isStarted ? .addNote(content) : .startWithNote(content))
      // The editor stays open until the store confirms; a failure leaves the text in place.
      return [.command(.session(command))]
    case .leave: return [leaveQuestion]
    }
  }

  /// Closes the note line, saved or discarded: its draft kept in the store (at a pause, or
  /// when the program was ended) is forgotten there too.
  private mutating func closeEditor() -> [Effect] {
    editor = nil
    draftTouched = nil
    return forgetKeptDraft()
  }

  private mutating func rate(_ action: Action, selection: Int) -> [Effect] {
    let count = session.participants.count
    let ratings: [Action: Int] = [.rate1: 1, .rate2: 2, .rate3: 3, .rate4: 4, .rate5: 5]
    switch action {
    case .up: ratingSelection = max(0, selection - 1)
    case .down: ratingSelection = min(count - 1, selection + 1)
    case .back: ratingSelection = nil
    case let action where ratings[action] != nil:
      // The rating stays on the picked person until ↓: a second digit corrects it.
      let rating = ratings[action] ?? 0
      return [.command(.session(.rate(participant: selection, rating: rating)))]
    case .rateOutOfRange:
      return [
        .notice(
          Notice(
            "A rating is 1 (poor) to 5 (excellent); Backspace clears one.", tone: .warning))
      ]
    case .clearRating:
      guard session.ratings[selection] != nil else {
        return [
          .notice(
            Notice(
              "\(LiveScreen.name(selection, in: session)) has no rating to clear.", tone: .warning))
        ]
      }
      return [.command(.session(.clearRating(participant: selection)))]
    default: break
    }
    return []
  }

  /// Shows what the store made of a command: saved, or why not (the editor keeps its text).
  private mutating func apply(_ result: ServiceResult, _ environment: ScreenEnvironment)
    -> [Effect]
  {
    var effects: [Effect] = []
    switch result {
    case .noteSaved(let id, let stored):
      if let note = stored.note(id) { learnTags(from: note.text) }
      // Its kept draft went with the note's save, in the same transaction: nothing to drop.
      // (A correction saved unchanged stores nothing, so `noteEdited` still drops it.)
      draftInStore = false
      effects += closeEditor()
      // Written before the start, the note started the first phase: said, as the line said.
      let started = !session.isStarted && stored.isStarted
      session = stored
      // A new note brings the transcript back to the newest, whatever was picked before.
      selectedNote = nil
      let ownerless = stored.note(id).map { $0.isAction && $0.owner == nil } ?? false
      effects.append(
        .notice(
          started
            ? Notice("Note saved; the first phase has started.", tone: .success)
            : ownerless ? LiveScreen.ownerlessActionNotice : Notice("Note saved.", tone: .success)
        ))
    case .noteEdited(let id, let stored):
      if let note = stored.note(id) { learnTags(from: note.text) }
      effects += closeEditor()
      // A correction that says what the note says (spaces at its ends aside) stores nothing.
      let changed = session.note(id) != stored.note(id)
      session = stored
      effects.append(
        .notice(changed ? LiveScreen.noteUpdatedNotice : LiveScreen.nothingToSaveNotice))
    case .noteDeleted(let id, let stored):
      if selectedNote == id { selectedNote = nil }
      session = stored
      effects.append(.notice(Notice("Note deleted (kept in the history).", tone: .success)))
    case .actionMarked(let id, let done, let stored):
      session = stored
      effects.append(
        .notice(
          Notice("Action #\(id) marked \(done ? "done" : "not done").", tone: .success)))
    case .sessionChanged(let stored):
      // `n` before the start starts the first phase, as Space does: said, since someone
      // pressing it to skip the check-in found themselves timing it.
      let began = !session.isStarted && stored.isStarted
      session = stored
      if began {
        effects.append(
          .notice(
            Notice(
              "The first phase has started; n moves on to the next, Space pauses.",
              tone: .success)))
      }
    case .liveSessionRefreshed(let stored?):
      // Written elsewhere: shown as it is stored now; a note being typed stays as it is.
      session = stored
    case .liveSessionRefreshed(nil):
      return []
    case .failed(.refreshLiveSession, let error, _):
      return [
        .notice(
          Notice(
            "Changes made in other windows cannot be read (\(error)); notes saved here are "
              + "still saved.", tone: .warning))
      ]
    case .sessionLeft(let resume):
      // Left unfinished, it is what Resume carries on: home comes back on it, so that Enter
      // after leaving by mistake returns to the meeting, not to a new one's form.
      return [
        .leave(to: session.isFinished ? .newSession : .resume),
        .notice(LiveScreen.leftNotice(sessionID, resume: resume)),
      ]
    case .tagsLoaded(let tags):
      knownTags = tags
      return []
    case .failed(.loadTags, let error, _):
      return [.notice(Notice("No #tag completion: \(error)", tone: .warning))]
    case .draftLoaded(let id, let draft?) where id == sessionID && editor == nil:
      // A correction carries on as one only while its note stands as it was corrected from;
      // a note changed or deleted since (in review, meanwhile) is not overwritten.
      let note = draft.editing.flatMap { session.note($0) }
      // A note saved from the note line forgets its draft in the same transaction, so a kept
      // draft was not saved; but a version before that forgot it after, and one that ended in
      // between left a correction that its note already says.
      if let note, draft.says(whatIsIn: note) { return [.command(.dropDraft(sessionID))] }
      let stands = note.map { !$0.isDeleted && $0.text == draft.base } ?? false
      editor = NoteEditorState(
        text: draft.content.text, kind: draft.content.kind, speaker: draft.content.speaker,
        owner: draft.content.owner, editing: stands ? note?.id : nil)
      if stands, let note { editor?.original = NoteEditorState.correcting(note).original }
      draftInStore = true
      draftKept = draft
      let notice =
        draft.editing != nil
        ? (stands ? LiveScreen.correctionDraftNotice : LiveScreen.draftAsNewNotice)
        : session.isStarted ? LiveScreen.draftNotice : LiveScreen.draftBeforeTheStartNotice
      return [.notice(notice)]
    case .failed(.loadDraft, let error, _):
      return [
        .notice(
          Notice(
            "The note being written when PeerConsult was last closed cannot be read (\(error)).",
            tone: .warning))
      ]
    case .failed(.leaveSession, let error, _):
      // Still here, the note in its line: its words were not kept, so the screen was not left.
      return [
        .notice(
          Notice(
            "Not left: the note being written could not be kept (\(error)). Enter saves it, or "
              + "Esc discards it; then leave.", tone: .error))
      ]
    case .failed(.keepDraft, let error, _):
      // The note stays on screen, and is tried again a pause later, typed on or not. A second
      // failure in a row is said, so that a full disk does not go unseen until the window is
      // lost with the words; one alone (another program writing for a moment) interrupts
      // nobody.
      draftKept = nil
      if editor != nil {
        draftTouched = DraftTouches(first: environment.now, last: environment.now)
      }
      draftKeepFailures += 1
      guard draftKeepFailures >= 2 else { return [] }
      return [
        .notice(
          Notice(
            "The note being written cannot be kept as you type: \(error)", tone: .warning))
      ]
    case .draftStored:
      draftKeepFailures = 0
      return []
    case .failed(.dropDraft, let error, _):
      // Asked to forget it again at the next pause or close.
      draftInStore = true
      return [
        .notice(
          Notice(
            "The note is discarded here, but its kept copy could not be removed yet: \(error)",
            tone: .warning))
      ]
    case .failed(.session(.startWithNote), let error, let latest):
      // The note stays in its line; the session as stored now: started, when only the note
      // failed.
      if let latest { session = latest }
      return [.notice(Notice("Not saved: \(error)", tone: .error))]
    case .failed(_, let error, _):
      return [.notice(Notice("Not saved: \(error)", tone: .error))]
    default:
      return []
    }
    if session.isFinished {
      effects += SummaryState.shown(sessionID, session)
    }
    return effects
  }
}

extension LiveScreen {
  /// What the home screen says after a session is left unfinished: how to come back to it,
  /// `resume` being the command a shell takes (it named no data folder, so that typed in a
  /// shell after `--data-dir` it looked in the default one).
  static func leftNotice(_ id: SessionID, resume: String) -> Notice {
    Notice(
      "Session \(id.short) stays unfinished: Resume carries on, or \(resume).", tone: .info)
  }

  /// What the live screen says when it opens on the note that was being written when the
  /// program was ended.
  static let draftNotice = Notice(
    "This note was being written when PeerConsult was closed: Enter saves it, Esc discards it.",
    tone: .info)

  /// ``draftNotice`` before the start, where saving the note starts the first phase.
  static let draftBeforeTheStartNotice = Notice(
    "This note was being written when PeerConsult was closed: Enter saves it and starts the "
      + "first phase, Esc discards it.", tone: .info)

  /// The same, for a correction of a note that stands as it was: Esc throws away the changes,
  /// not the note ("discards it" read as deleting the action being corrected).
  static let correctionDraftNotice = Notice(
    "This correction was being written when PeerConsult was closed: Enter saves it, Esc "
      + "discards the changes (the note stays as it was).", tone: .info)

  /// The same, for a correction whose note was changed or deleted since.
  static let draftAsNewNotice = Notice(
    "This correction was being written when PeerConsult was closed, and its note has changed "
      + "since: Enter saves it as a new note, Esc discards it.", tone: .warning)

  /// What a key that acts on a note says when there is none.
  static func noNoteNotice(_ verb: String) -> Notice {
    Notice("No note to \(verb) yet: Enter writes one.", tone: .warning)
  }

  /// What saving an action that nobody owns says: the follow-up at the next meeting asks who
  /// did it, and nothing said so while the room could still agree it.
  static let ownerlessActionNotice = Notice(
    "Action saved with no owner: e, then Ctrl-O, gives it one.", tone: .warning)

  /// What saving a correction that changed the note says.
  static let noteUpdatedNotice = Notice("Note updated (the earlier text is kept).", tone: .success)

  /// What saving a correction that changed nothing says: no version was added.
  static let nothingToSaveNotice = Notice(
    "Nothing to save: the note says that already.", tone: .info)

  /// What the note line says as it opens before the start (its details row says it too,
  /// where there is room).
  static let noteBeforeTheStartNotice = Notice(
    "Before the start: saving this note starts the first phase; Esc discards it.", tone: .info)

  /// What a key that needs a running phase says while the session is ready.
  static let readyNotice = Notice(
    "The session is ready, not running: Space starts the first phase.", tone: .warning)

  /// Said when Enter closed a search for a speaker or an owner that matched no one.
  static func nobodyMatchesNotice(_ query: String, kept: Bool) -> Notice {
    Notice(
      "No name has a part starting “\(query.truncated(toWidth: 20))”: "
        + (kept
          ? "it went into the note." : "unchanged. Ctrl-S or Ctrl-O, then ↑↓, lists everyone."),
      tone: .warning)
  }

  static let noteFullNotice = Notice(
    "A note holds up to \(NoteContent.maximumLength.formatted(.number.locale(Locale(identifier: "en_GB")))) characters; the rest was not added. Enter saves it.",
    tone: .warning)

  /// Moves the transcript selection; moving past the newest note returns to following it.
  static func moveSelection(_ state: inout LiveState, by step: Int) {
    let ids = state.transcript.map(\.id)
    guard !ids.isEmpty else { return }
    let current = state.selectedNote.flatMap { ids.firstIndex(of: $0) } ?? ids.count
    let next = current + step
    state.selectedNote = next >= ids.count ? nil : ids[max(0, next)]
  }

  /// How often the screen asks whether other programs stored something in its session: one
  /// pragma when nothing changed, on the tick that already redraws the timer.
  static let refreshInterval: TimeInterval = 1

  /// Called as the clock moves: keeps the note being written once typing pauses, takes in
  /// what other programs stored, at most once a second, and rings the bell and flashes once
  /// when a phase reaches zero.
  public static func tick(_ state: inout LiveState, now: Date) -> [Effect] {
    var effects: [Effect] = []
    if let due = state.draftTouched?.due, now >= due { effects += state.keepDraft() }
    if state.lastRefresh.map({ abs(now.timeIntervalSince($0)) >= refreshInterval }) ?? true {
      state.lastRefresh = now
      effects.append(.command(.refreshLiveSession))
    }
    return effects + signalZero(&state, now: now)
  }

  /// Rings the bell and flashes once when a phase reaches zero; the screens opened over the
  /// live one (`w`, `a`) ring it too, so that a phase's end is heard wherever the facilitator is.
  static func signalZero(_ state: inout LiveState, now: Date) -> [Effect] {
    guard let slot = state.session.currentSlot, let timer = state.session.timer(at: now),
      timer.isOvertime, state.signalledSlot != slot, !state.session.isFinished
    else { return [] }
    state.signalledSlot = slot
    return state.muted ? [] : [.bell, .flash]
  }
}
