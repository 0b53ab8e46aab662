import PeerConsultKit
import TerminalKit

/// What an action on the transcript leads to beyond changing `TranscriptState`.
enum TranscriptOutcome: Equatable, Sendable {
  case stay
  /// Back to the review screen.
  case back
  /// Store an action as done or not done.
  case setActionDone(note: Int, done: Bool)
  /// Say that a later meeting of the group marked the action done, which stands.
  case settledElsewhere(ActionLedger.Item.Step)
  /// Review the session before sharing it anonymised.
  case share
  /// Erase this participant from every session, once confirmed.
  case erase(Participant)
}

extension KeyContext {
  public static let transcript = KeyContext("transcript", title: "Transcript")
  public static let actions = KeyContext("actions", title: "Actions")
  public static let people = KeyContext("people", title: "People")
}

extension Action {
  public static let filterKind = Action("filterKind")
  public static let nextSection = Action("nextSection")
  public static let previousSection = Action("previousSection")
  public static let actions = Action("actions")
  public static let editNote = Action("editNote")
  public static let people = Action("people")
  public static let erasePerson = Action("erasePerson")
}

extension TranscriptState: Screen {
  public static let keyBindings = [
    KeyBinding([.up, .character("k")], .up, "up", "Move up", in: [.actions], footer: false),
    KeyBinding(
      [.down, .character("j")], .down, "down", "Move down", in: [.actions], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Scroll a page up", in: [.transcript, .actions],
      footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down", in: [.transcript, .actions],
      footer: false),
    KeyBinding([.up], .scrollUp, "scroll", "Scroll up", in: [.transcript], footer: false),
    KeyBinding([.down], .scrollDown, "scroll", "Scroll down", in: [.transcript], footer: false),
    KeyBinding([.home], .top, "top", "Go to the start", in: [.transcript], footer: false),
    KeyBinding([.end], .bottom, "end", "Go to the end", in: [.transcript], footer: false),
    KeyBinding(
      [.character("]"), .character("n")], .nextSection, "next phase", "Jump to the next phase",
      in: [.transcript]),
    KeyBinding(
      [.character("["), .character("p")], .previousSection, "prev phase",
      "Jump to the previous phase", in: [.transcript]),
    KeyBinding(
      [.character("f")], .filterKind, "kind",
      "Show one kind of note (question, theme...), then the next, or all", in: [.transcript]),
    KeyBinding(
      [.character("a")], .actions, "actions", "Show the actions, with owners, to mark one done",
      in: [.transcript]),
    KeyBinding(
      [.character("e")], .editNote, "edit",
      "Correct the highlighted note, or the first in view (the earlier text is kept)",
      in: [.transcript]),
    KeyBinding(
      [.character("w")], .people, "people", "List who took part, to erase one of them",
      in: [.transcript], footer: false),
    KeyBinding(
      [.up, .character("k")], .up, "up", "Move up", in: [.people], footer: false),
    KeyBinding(
      [.down, .character("j")], .down, "down", "Move down", in: [.people], footer: false),
    KeyBinding(
      [.character("e"), .delete], .erasePerson, "erase",
      "Erase the selected person from every session they took part in and their standing "
        + "groups' meetings, for good (asks first)",
      in: [.people]),
    KeyBinding(
      [.character("w")], .people, "transcript", "Back to the transcript", in: [.people],
      footer: false),
    KeyBinding(
      [.character("x"), .character(" ")], .actionDone, "done",
      "Mark the selected action done, or not done again (saved at once)", in: [.actions]),
    KeyBinding(
      [.enter], .select, "in transcript", "Show the selected action in the transcript",
      in: [.actions]),
    KeyBinding(
      [.character("a")], .actions, "transcript", "Back to the transcript", in: [.actions],
      footer: false),
    KeyBinding([.escape], .back, "back", "Go back", in: [.transcript, .actions, .people]),
    KeyBinding.help(in: [.transcript, .actions, .people]),
    // After Esc and help, so a narrow footer keeps the way back.
    KeyBinding(
      [.character("s")], .share, "share", "Review and write the session anonymised",
      in: [.transcript]),
    KeyBinding(
      [.character("q")], .back, "back", "Go back", in: [.transcript, .actions, .people],
      footer: false),
  ]

  /// The note editor while correcting a note, else the transcript or its actions.
  public var keyContext: KeyContext {
    if let editor { return editor.keyContext }
    return TranscriptScreen.context(self)
  }

  public var acceptsText: Bool { editor?.acceptsText ?? false }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    (TranscriptScreen.title(self), "session \(sessionID.short)")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    TranscriptScreen.render(
      self, now: environment.now, timeZone: environment.timeZone, into: &grid, area: area)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    if editor != nil, let effects = correct(input) { return effects }
    switch input {
    case .action(.editNote):
      guard let note = noteToEdit else {
        return [.notice(Notice("No note in view to correct.", tone: .warning))]
      }
      focusNote = note.id
      editor = .correcting(note)
      return []
    case .action(let action):
      let rows = TranscriptScreen.rows(bodyHeight: environment.bodyHeight)
      switch TranscriptScreen.update(&self, action, rows: rows) {
      case .stay: return []
      case .back: return [.show(back), .command(back.reloadCommand)]
      case .setActionDone(let note, let done):
        return [.command(.setStoredActionDone(sessionID, note: note, done: done))]
      case .settledElsewhere(let step):
        return [
          .notice(
            Notice(
              "Marked done at a later meeting, \(step.sessionTitle) on "
                + "\(ReadableTime(timeZone: environment.timeZone).day(step.at)): that stands.",
              tone: .info))
        ]
      case .share:
        return ShareReviewState.open(
          .sessions([sessionID]), heading: session.setup.title, from: self, environment)
      case .erase(let person):
        let organisation = person.organisation.isEmpty ? "" : " (\(person.organisation))"
        return [
          .confirm(
            question:
              "Erase \(person.name)\(organisation) and every mention of them from every "
              + "session they took part in and every meeting of their standing groups, for "
              + "good? y/n",
            onYes: [.command(.erasePerson(name: person.name, shown: sessionID))])
        ]
      }
    case .resize(let width, _):
      // The transcript is wrapped once per width, not per frame.
      resize(screenWidth: width)
    case .result(.actionMarked(let note, let done, let stored)):
      update(session: stored)
      // Marked open here, an action a later meeting marked done stays done.
      let stands =
        if !done, let step = Self.markedDoneLater(actionHistory[note]) {
          " A later meeting, \(step.sessionTitle), marked it done: that stands."
        } else { "" }
      return [
        .notice(
          Notice(
            (done ? "Action marked done (saved)." : "Action marked not done (saved).") + stands,
            tone: .success))
      ]
    case .result(.noteEdited(let id, let stored)):
      editor = nil
      let changed = session.note(id) != stored.note(id)
      update(session: stored)
      return [
        .notice(
          changed
            ? Notice("Note #\(id) corrected (the earlier text is kept).", tone: .success)
            : LiveScreen.nothingToSaveNotice)
      ]
    case .result(.personErased(let pseudonym, let erased, let stored, let cleared, let copies)):
      update(session: stored)
      let sessions = erased.count
      var done = "Erased from \(sessions) session\(sessions == 1 ? "" : "s"): now \(pseudonym)"
      if !cleared { done += "; " + ReviewState.notClearedYet } else { done += "." }
      // Made before, the copies `restore` kept may still hold them, as `erase-person` says.
      if copies > 0 {
        done +=
          copies == 1
          ? " A copy restore kept may still hold them: see the data folder."
          : " \(copies) copies restore kept may still hold them: see the data folder."
      }
      return [.notice(Notice(done, tone: cleared && copies == 0 ? .success : .warning))]
    case .result(.failed(.erasePerson, let error, _)):
      return [.notice(Notice("Not erased: \(error)", tone: .error))]
    case .result(.actionHistoryLoaded(let id, let history)) where id == sessionID:
      actionHistory = history
    case .result(.failed(.loadActionHistory, let error, _)):
      return [.notice(Notice("Later meetings' follow-ups not shown: \(error)", tone: .warning))]
    case .result(.failed(_, let error, let latest)):
      if let latest { update(session: latest) }
      return [.notice(Notice("Not saved: \(error)", tone: .error))]
    case .text, .tick, .result: break
    }
    return []
  }

  /// The open editor's inputs, as on the live screen; nil for those it leaves to the screen
  /// (results, ticks, resizing).
  private mutating func correct(_ input: ScreenInput) -> [Effect]? {
    guard var editor else { return nil }
    switch input {
    case .result, .tick, .resize: return nil
    case .text, .action: break
    }
    let outcome = editor.update(
      input, people: session.participants.map(\.name), left: Set(session.departures.keys))
    self.editor = editor
    switch outcome {
    case .stay, .leave: return []
    case .full: return [.notice(LiveScreen.noteFullNotice)]
    case .nobodyMatches(let query, let kept):
      return [.notice(LiveScreen.nobodyMatchesNotice(query, kept: kept))]
    case .close:
      self.editor = nil
      return []
    case .save:
      guard let id = editor.editing else { return [] }
      // The editor stays open until the store confirms; a failure leaves the text in place.
      return [.command(.editStoredNote(sessionID, note: id, content: editor.content))]
    }
  }
}

extension TranscriptScreen {
  /// Handles an action; `rows` is how many transcript rows the screen shows.
  static func update(_ state: inout TranscriptState, _ action: Action, rows: Int)
    -> TranscriptOutcome
  {
    if state.showPeople { return updatePeople(&state, action, rows: rows) }
    if state.showActions { return updateActions(&state, action, rows: rows) }
    let layout = state.layout
    switch action {
    case .scrollUp: state.scroll(to: state.scroll - 1, rows: rows)
    case .scrollDown: state.scroll(to: state.scroll + 1, rows: rows)
    case .pageUp: state.scroll(to: state.scroll - max(1, rows - 1), rows: rows)
    case .pageDown: state.scroll(to: state.scroll + max(1, rows - 1), rows: rows)
    case .top: state.scroll = 0
    case .bottom: state.scroll = state.maxScroll(rows: rows)
    case .nextSection:
      if let next = layout.nextSectionStart(after: state.scroll) {
        state.scroll(to: next, rows: rows)
      }
    case .previousSection:
      if let previous = layout.previousSectionStart(before: state.scroll) {
        state.scroll(to: previous, rows: rows)
      }
    case .filterKind:
      state.filter(kind: nextKind(after: layout.kind, in: state.kindsPresent))
      state.scroll(to: state.scroll, rows: rows)
    case .actions:
      state.showActions = true
      state.actionSelection = min(state.actionSelection, max(0, state.actions.count - 1))
    case .people:
      state.showPeople = true
      state.personSelection = min(
        state.personSelection, max(0, state.session.participants.count - 1))
    case .share: return .share
    case .back, .quit: return .back
    default: break
    }
    return .stay
  }

  /// The kind after `kind` among `kinds`; after the last (or with none), every kind.
  static func nextKind(after kind: NoteKind?, in kinds: [NoteKind]) -> NoteKind? {
    guard let kind else { return kinds.first }
    guard let index = kinds.firstIndex(of: kind), index + 1 < kinds.count else { return nil }
    return kinds[index + 1]
  }

  private static func updatePeople(_ state: inout TranscriptState, _ action: Action, rows: Int)
    -> TranscriptOutcome
  {
    let people = PeopleView.people(state)
    switch action {
    case .up where !people.isEmpty: state.personSelection = max(0, state.personSelection - 1)
    case .down where !people.isEmpty:
      state.personSelection = min(people.count - 1, state.personSelection + 1)
    case .erasePerson where people.indices.contains(state.personSelection):
      return .erase(people[state.personSelection])
    case .people, .back, .quit: state.showPeople = false
    default: break
    }
    return .stay
  }

  private static func updateActions(_ state: inout TranscriptState, _ action: Action, rows: Int)
    -> TranscriptOutcome
  {
    let count = state.actions.count
    switch action {
    case .up where count > 0: state.actionSelection = max(0, state.actionSelection - 1)
    case .down where count > 0: state.actionSelection = min(count - 1, state.actionSelection + 1)
    case .pageUp where count > 0:
      state.actionSelection = max(0, state.actionSelection - max(1, rows / 2))
    case .pageDown where count > 0:
      state.actionSelection = min(count - 1, state.actionSelection + max(1, rows / 2))
    case .actionDone where count > 0:
      let note = state.actions[state.actionSelection]
      // Marked done at a later meeting and not here: marking it here would change nothing
      // the box shows, and "not done" is not this session's to say.
      if !note.isDone, let step = TranscriptState.markedDoneLater(state.actionHistory[note.id]) {
        return .settledElsewhere(step)
      }
      return .setActionDone(note: note.id, done: !note.isDone)
    case .select where count > 0:
      // Show the action where it was agreed, with the filter widened if it hid actions.
      let note = state.actions[state.actionSelection]
      if let kind = state.layout.kind, kind != note.kind { state.filter(kind: nil) }
      state.showActions = false
      state.focusNote = note.id
      state.reveal(note: note.id, rows: rows)
    case .actions, .back: state.showActions = false
    default: break
    }
    return .stay
  }
}

extension TranscriptState {
  /// The follow-up of a later meeting that marked the action of `history` done, when the last
  /// one did: a mark that stands whatever this session says of the action.
  static func markedDoneLater(_ history: ActionLedger.Item?) -> ActionLedger.Item.Step? {
    guard case .done? = history?.followedUpStatus else { return nil }
    return history?.followUps.last
  }
}
