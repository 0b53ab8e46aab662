import Foundation
import PeerConsultKit
import TerminalKit

extension KeyContext {
  /// The opening step of a standing group's meeting.
  public static let followUp = KeyContext(
    "followUp", title: "Actions from last time", typingHelp: LiveScreen.typingStartsANote)
  /// Typing what was said about an action carried forward, or why it is dropped.
  public static let followUpNote = KeyContext(
    "followUpNote", title: "A note on an action from last time", typesText: true,
    typingHelp: "Type the note (carried forward) or the reason (dropped)",
    helpSections: [.textField])
  /// "Discard it?" after Esc on such a note or reason with text in it.
  public static let followUpDiscard = KeyContext(
    "followUpDiscard", title: "Discard the note on an action from last time?",
    typingHelp: "any other key: back to the note as it was", otherKeys: .confirmNo)
}

extension Action {
  public static let markFollowUpDone = Action("markFollowUpDone")
  public static let carryForward = Action("carryForward")
  public static let dropFollowedUp = Action("dropFollowedUp")
  public static let continueToSession = Action("continueToSession")
}

/// The opening step when a standing group meets again: the group's actions still open from
/// its earlier meetings, newest first, with owner, due date and age. Each is marked done
/// (`d`), carried forward with a note (`c`, then Enter) or dropped with a reason (`x`, then
/// Enter); each decision is an event in this meeting's own log, stored at once. Enter goes on
/// to the session, ready to start. Opened again from the live screen (`a`), it lists the same
/// actions with this meeting's decisions, and Enter goes back to the session as it was.
public struct FollowUpState: Equatable, Sendable {
  /// What the text field is for.
  public enum Field: Equatable, Sendable {
    case carry(LineEditor)
    case drop(LineEditor)

    /// The text being typed, whichever it is for.
    var editor: LineEditor {
      get {
        switch self {
        case .carry(let editor), .drop(let editor): editor
        }
      }
      set {
        switch self {
        case .carry: self = .carry(newValue)
        case .drop: self = .drop(newValue)
        }
      }
    }
  }

  /// The live screen to go on to, kept current with every decision.
  public var live: LiveState
  /// The open actions, newest first; nil until loaded.
  public var items: [ActionLedger.Item]?
  public var selection = 0
  public var field: Field? {
    // A field closed or opened anew is not being asked about.
    didSet { if field == nil || oldValue == nil { askingDiscard = false } }
  }
  /// Whether Esc on a field with text asked whether to throw it away, as the note line asks.
  public var askingDiscard = false
  /// The action a decision was last sent for, and whether it had none before: what the list
  /// picks once the decision is stored.
  var deciding: Deciding?
  /// Whether the list was opened from the running session (`a`) rather than at the meeting's
  /// opening: leaving it goes back to the live screen as it was.
  public var returnsToLive = false
  /// Whether a note written when the program last ended waits: Enter opens the note line
  /// with it, and typed text does not go on to the session, whose line it would take before
  /// the note waiting was read into it.
  public var draftWaits = false

  /// An action a decision was sent for.
  struct Deciding: Equatable, Sendable {
    let reference: ActionReference
    /// Whether it had no decision yet.
    let wasOpen: Bool
  }

  public init(live: LiveState, items: [ActionLedger.Item]? = nil, returnsToLive: Bool = false) {
    self.live = live
    self.items = items
    self.returnsToLive = returnsToLive
  }

  /// The way on to the session: at the opening, the live screen with what it reads when it
  /// opens; during the session, the live screen as it was left.
  private var toTheSession: [Effect] { returnsToLive ? [.show(live)] : LiveState.opening(live) }

  /// What this meeting decided about `item`, if anything yet.
  func decision(_ item: ActionLedger.Item) -> FollowUpOutcome? {
    live.session.followUps[item.reference]?.outcome
  }
}

extension FollowUpState: OverLiveScreen {
  /// Typed text goes on to the session's note line, as over who is here, unless a note kept
  /// from the last run waits to be read into that line first (Enter does).
  public var actionForText: Action? { field == nil && !draftWaits ? .typeNote : nil }

  public static let keyBindings = [
    KeyBinding([.up], .up, "up", "Pick the action above", in: [.followUp], footer: false),
    KeyBinding([.down], .down, "down", "Pick the action below", in: [.followUp], footer: false),
    KeyBinding(
      [.character("d")], .markFollowUpDone, "done", "Mark the picked action done",
      in: [.followUp]),
    KeyBinding(
      [.character("c")], .carryForward, "carry", "Carry the picked action forward, with a note",
      in: [.followUp]),
    KeyBinding(
      [.character("x")], .dropFollowedUp, "drop", "Drop the picked action, saying why",
      in: [.followUp]),
    KeyBinding(
      [.enter, .escape], .continueToSession, "to the session",
      "Go on to the session (open actions stay open)", in: [.followUp]),
    KeyBinding.help(in: [.followUp]),
    KeyBinding([.enter], .select, "save", "Save the note or reason", in: [.followUpNote]),
    KeyBinding(
      [.escape], .back, "cancel", "Cancel (asks first when something is typed)",
      in: [.followUpNote]),
    KeyBinding.helpF1(in: [.followUpNote]),
    KeyBinding(
      [.character("y")], .confirmYes, "discard", "Discard what was typed", in: [.followUpDiscard]),
  ]

  /// A note or reason half typed, which leaving does not keep (asked over the live screen,
  /// as before, the typed words were gone whatever the answer).
  public var typedHereNotKept: String? {
    field?.editor.hasText == true ? "What was typed here" : nil
  }

  public var keyContext: KeyContext {
    field == nil ? .followUp : askingDiscard ? .followUpDiscard : .followUpNote
  }
  public var acceptsText: Bool { field != nil && !askingDiscard }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("Actions from last time · \(live.session.setup.title)", "session \(live.sessionID.short)")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    let inner = area.inset(dx: 2, dy: 0)
    guard let items else {
      grid.put("Reading the group's actions…", x: inner.x, y: inner.y, style: Theme.muted)
      return nil
    }
    let listTop = inner.y + 2
    let listBottom = inner.maxY - (field == nil ? 1 : 3)
    let perItem = 3
    let visible = max(1, (listBottom - listTop) / perItem)
    let first = min(max(0, selection - visible + 1), max(0, items.count - visible))
    // Said when some do not fit: the oldest, at the bottom, were out of sight unannounced.
    let below = max(0, items.count - first - visible)
    let out = [first > 0 ? "↑ \(first) above" : nil, below > 0 ? "↓ \(below) below" : nil]
    let decided = items.count { decision($0) != nil }
    let carried = items.count {
      if case .carried? = decision($0) { true } else { false }
    }
    // Those still to decide: "3 open · 3 followed up" read as six once all three were done,
    // and "0 open" once one was carried forward, which stays open.
    grid.put(
      "\(items.count - decided) to follow up · \(decided) followed up"
        + (carried > 0 ? ", \(carried) carried forward" : "")
        + out.compactMap { $0 }.map { " · " + $0 }.joined(),
      x: inner.x, y: inner.y, style: Theme.key, maxWidth: inner.width)
    var y = listTop
    for (index, item) in items.enumerated().dropFirst(first).prefix(visible) {
      render(item, picked: index == selection, at: y, in: inner, &grid, environment)
      y += perItem
    }
    guard let field else {
      grid.put(
        "d done · c carry forward · x drop · Enter goes "
          + (returnsToLive ? "back to the session" : "on to the session"),
        x: inner.x, y: inner.maxY - 1, style: Theme.muted, maxWidth: inner.width)
      return nil
    }
    let (label, editor, hint) =
      switch field {
      case .carry(let editor):
        ("Carried forward ▸ ", editor, "What was said about it (may be empty); Enter saves")
      case .drop(let editor): ("Dropped because ▸ ", editor, "Why it is dropped; Enter saves")
      }
    if askingDiscard {
      grid.put(
        "Discard what was typed? y discards · any other key goes back to it", x: inner.x,
        y: inner.maxY - 2, style: Theme.warning, maxWidth: inner.width)
    } else {
      grid.put(
        hint + ", Esc cancels", x: inner.x, y: inner.maxY - 2, style: Theme.muted,
        maxWidth: inner.width)
    }
    grid.put(label, x: inner.x, y: inner.maxY - 1, style: Theme.heading)
    let x = inner.x + label.displayWidth
    let cursor = editor.render(
      into: &grid, x: x, y: inner.maxY - 1, width: inner.maxX - x, style: Theme.field)
    return (cursor, inner.maxY - 1)
  }

  private func render(
    _ item: ActionLedger.Item, picked: Bool, at y: Int, in inner: Rect, _ grid: inout Grid,
    _ environment: ScreenEnvironment
  ) {
    let mark =
      switch decision(item) {
      case nil: "[ ]"
      case .done: "[✓]"
      case .carried: "[→]"
      case .dropped: "[✗]"
      }
    let text = item.text.replacingOccurrences(of: "\n", with: " ")
    grid.put(
      "\(picked ? "▸" : " ") \(mark) \(text)", x: inner.x, y: y,
      style: picked ? Theme.selected : .plain, maxWidth: inner.width)
    var detail = [item.ownerName ?? "no owner"]
    let choice = decision(item)
    // Decided here, it is late no more; carried forward, it is due at the next meeting, as
    // `actions` says once this one is saved (the row showed its old date).
    let late = item.isOverdue(at: environment.now, timeZone: environment.timeZone)
    let overdue = choice == nil && late
    var carried = false
    if case .carried = choice { carried = true }
    if carried {
      detail.append(CommandText.dueText(.nextSession))
    } else if let due = item.due {
      // Due "next session" with no meeting between: this meeting is that session.
      let isThisMeeting = due == .nextSession && item.meetingsSince == 1 && !late
      detail.append(isThisMeeting ? "due this meeting" : CommandText.dueText(due))
    }
    if overdue { detail.append("overdue") }
    detail.append(
      "agreed \(Self.age(from: item.createdAt, to: environment.now)) in \(item.sessionTitle)")
    if !item.followUps.isEmpty { detail.append("carried \(item.followUps.count)×") }
    grid.put(
      detail.joined(separator: " · "), x: inner.x + 6, y: y + 1,
      style: overdue ? Theme.warning : Theme.muted,
      maxWidth: inner.width - 6)
    // The decision on a row of its own, under the details: at the end of their line it was
    // cut at 80 columns, and what was said about it is what the room wants to read back.
    let decided: String? =
      switch decision(item) {
      case .done: "→ done"
      case .carried(let note): note.isEmpty ? "→ carried forward" : "→ carried forward: \(note)"
      case .dropped(let reason): "→ dropped: \(reason)"
      case nil: nil
      }
    if let decided {
      grid.put(
        decided.replacingOccurrences(of: "\n", with: " "), x: inner.x + 6, y: y + 2,
        style: Theme.ok, maxWidth: inner.width - 6)
    }
  }

  /// "today", "yesterday", "5 days ago", "3 weeks ago".
  static func age(from date: Date, to now: Date) -> String {
    let days = max(0, Int(now.timeIntervalSince(date) / 86_400))
    switch days {
    case 0: return "today"
    case 1: return "yesterday"
    case 2..<14: return "\(days) days ago"
    default: return "\(days / 7) weeks ago"
    }
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    // Opened during the meeting, the session runs on behind this screen: its phase's end
    // still rings.
    if case .tick(let now) = input { return tick(now) }
    // A result comes back to the list; everything else goes to an open field first.
    if case .resize = input { return [] }
    if let field, !input.isResult { return edit(field, input) }
    switch input {
    case .result(.followUpsLoaded(let loaded)):
      guard !loaded.isEmpty else {
        return toTheSession + [
          .notice(Notice("No actions open from the group's earlier meetings.", tone: .info))
        ]
      }
      items = loaded
      // Reopened during the meeting, on the first action not yet followed up.
      selection = returnsToLive ? (loaded.firstIndex { decision($0) == nil } ?? 0) : 0
    case .action(.up): selection = max(0, selection - 1)
    case .action(.down): selection = min(max(0, (items?.count ?? 0) - 1), selection + 1)
    case .action(.markFollowUpDone): return record(.done)
    case .action(.carryForward) where picked != nil:
      // A decision changed starts from what was said, to correct rather than retype it.
      field = .carry(LineEditor(said(carried: true), limit: FollowUpOutcome.maximumTextLength))
    case .action(.dropFollowedUp) where picked != nil:
      field = .drop(LineEditor(said(carried: false), limit: FollowUpOutcome.maximumTextLength))
    case .action(.continueToSession), .action(.quit): return toTheSession
    case .action(.typeNote):
      // Typed here, "The group discussed it" marked one action done at "d" and carried the
      // next at "c": the start of a note goes on to the session with it instead.
      var live = self.live
      let effects = live.update(.action(.typeNote), environment)
      return (returnsToLive ? [.show(live)] : LiveState.opening(live)) + effects
    case .result(.sessionChanged(let stored)):
      live.session = stored
      field = nil
      return decided()
    case .result(.failed(.loadFollowUps, let error, _)):
      return toTheSession + [
        .notice(Notice("Cannot read last time's actions: \(error)", tone: .error))
      ]
    case .result(.draftLoaded(let id, _?)) where id == live.sessionID:
      // Enter goes on and opens the note line with it: said before, so that a second Enter,
      // meant to write a note, is not a surprise (saving it starts the meeting).
      draftWaits = true
      return [.notice(FollowUpState.draftWaitingNotice)]
    case .result(.failed(.loadDraft, _, _)):
      // Only a notice was at stake; the live screen reads it again and says what failed.
      return []
    case .result(.failed(_, let error, _)):
      // The decision was not stored: a later change must not be taken for it.
      deciding = nil
      return [.notice(Notice("Not saved: \(error)", tone: .error))]
    default: break
    }
    return []
  }

  /// Said when typing or a paste reached the longest note or reason taken: the rest was
  /// dropped, which before happened without a word.
  static let fullNotice = Notice(
    "A note or reason here holds up to \(FollowUpOutcome.maximumTextLength) characters; the rest "
      + "was not added. Enter saves it.", tone: .warning)

  static let draftWaitingNotice = Notice(
    "A note was being written when PeerConsult was closed: it waits in the session's note line.",
    tone: .info)

  /// The action picked, if any.
  /// What was said when the picked action was carried forward (`carried`) or dropped: where
  /// a decision changed starts, and what leaves it unchanged. Empty for any other decision.
  private func said(carried: Bool) -> String {
    switch picked.flatMap(decision) {
    case .carried(let note)? where carried: note
    case .dropped(let reason)? where !carried: reason
    default: ""
    }
  }

  private var picked: ActionLedger.Item? {
    guard let items, items.indices.contains(selection) else { return nil }
    return items[selection]
  }

  private mutating func record(_ outcome: FollowUpOutcome) -> [Effect] {
    guard let picked else { return [] }
    deciding = Deciding(reference: picked.reference, wasOpen: decision(picked) == nil)
    return [.command(.session(.followUp(picked.reference, outcome)))]
  }

  /// Once a decision is stored: after a first decision the list goes on to the next action
  /// not yet followed up, so that each takes one or two keys; a decision changed stays on its
  /// action, so that the next key is not for another one the facilitator did not pick (before,
  /// `d` on an action already dropped went on to the first open one, and the `x` typed next
  /// dropped that). The notice names the action either way.
  private mutating func decided() -> [Effect] {
    guard let deciding, let items,
      let index = items.firstIndex(where: { $0.reference == deciding.reference }),
      let outcome = decision(items[index])
    else { return [] }
    self.deciding = nil
    selection = index
    if deciding.wasOpen {
      let open = items.indices.filter { decision(items[$0]) == nil }
      if let next = open.first(where: { $0 > index }) ?? open.first { selection = next }
    }
    let said =
      switch outcome {
      case .done: "Done"
      case .carried: "Carried forward"
      case .dropped: "Dropped"
      }
    return [
      .notice(
        Notice("\(said): “\(items[index].text.truncated(toWidth: 60))”", tone: .success))
    ]
  }

  private mutating func edit(_ field: Field, _ input: ScreenInput) -> [Effect] {
    if askingDiscard {
      askingDiscard = false
      if input == .action(.confirmYes) { self.field = nil }
      return []
    }
    switch (field, input) {
    case (.carry(let editor), .action(.select)):
      return record(.carried(note: editor.string.trimmingCharacters(in: .whitespacesAndNewlines)))
    case (.drop(let editor), .action(.select)):
      let reason = editor.string.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !reason.isEmpty else {
        return [.notice(Notice("Say why the action is dropped.", tone: .warning))]
      }
      return record(.dropped(reason: reason))
    case (_, .action(.back)):
      // Typed words are not thrown away by one key, as on the note line; what was said
      // before, opened again and left as it was, closes without a question.
      let carried = if case .carry = field { true } else { false }
      if field.editor.hasText && field.editor.string != said(carried: carried) {
        askingDiscard = true
      } else {
        self.field = nil
      }
    case (_, .text(let text)):
      var field = field
      let fitted = field.editor.insert(text)
      self.field = field
      return fitted ? [] : [.notice(Self.fullNotice)]
    case (_, .action):
      var field = field
      field.editor.edit(input)
      self.field = field
    default: break
    }
    return []
  }
}

extension ScreenInput {
  /// Whether this is the outcome of a command.
  fileprivate var isResult: Bool { if case .result = self { true } else { false } }
}
