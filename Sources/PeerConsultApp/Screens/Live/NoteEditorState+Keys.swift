import PeerConsultKit
import TerminalKit

extension KeyContext {
  /// The note line. It binds only non-printing keys, so typing never runs a command: Enter,
  /// Esc, Tab (kind), Shift-Tab or Ctrl-S (speaker), Ctrl-O (owner), Ctrl-T (complete a
  /// `#tag`), Ctrl-C, and the text field's editing keys (← → Home End Bksp Del,
  /// Ctrl-A/E/H/D/U/K/W).
  public static let editor = KeyContext(
    "editor", title: "While writing a note", typesText: true, helpSections: [.textField])
  /// The kind row that Tab opens: a kind's first letter picks it.
  public static let kindChoice = KeyContext(
    "kindChoice", title: "Choosing the note's kind",
    typingHelp: "a kind's first letter picks it (q i t w b a f o)")
  /// Type-ahead for a person, opened by Shift-Tab, Ctrl-S or Ctrl-O.
  public static let personChoice = KeyContext(
    "personChoice", title: "Choosing a person", typesText: true,
    typingHelp: "the start of any part of a name (accents and case do not matter)",
    helpSections: [.textField])
  /// "Discard this note?" after Esc on a note with text, or on a changed correction.
  public static let discardNote = KeyContext(
    "discardNote", title: "Discard this note, or a correction's changes?",
    typingHelp: "any other key: back to the note as it was", otherKeys: .confirmNo)
}

extension Action {
  public static let saveNote = Action("saveNote")
  public static let cancelNote = Action("cancelNote")
  public static let chooseKind = Action("chooseKind")
  public static let chooseSpeaker = Action("chooseSpeaker")
  public static let chooseOwner = Action("chooseOwner")
  public static let completeTag = Action("completeTag")

  /// Picks `kind` in the kind row.
  public static func kind(_ kind: NoteKind) -> Action { Action("kind:" + kind.rawValue) }
}

/// What the live screen does after the editor took an input.
enum NoteEditorOutcome: Equatable {
  case stay
  /// Store the note (Enter on a note with text).
  case save
  /// Close the editor without saving (Esc on an empty note, `y` to "Discard this note?").
  case close
  /// Ask to leave the session (Ctrl-C).
  case leave
  /// The note's length limit cut typed or pasted text short.
  case full
  /// Enter on a person's search that matched no one (`query`): the search closed, the note's
  /// person unchanged, so that what is typed next goes into the note; a query of several
  /// words went into the note (`kept`), being the note typed on into the search.
  case nobodyMatches(String, kept: Bool)
}

extension NoteEditorState {
  /// The key that picks `kind` in the kind row: its first letter, distinct for every kind.
  static func letter(of kind: NoteKind) -> Character { kind.rawValue.first ?? "?" }

  public static let keyBindings: [KeyBinding] =
    [
      KeyBinding([.enter], .saveNote, "save", "Save the note", in: [.editor]),
      KeyBinding(
        [.escape], .cancelNote, "cancel", "Cancel the note (asks first when it has text)",
        in: [.editor]),
      KeyBinding(
        [.tab], .chooseKind, "kind", "Choose the kind: Tab, then the kind's first letter",
        in: [.editor]),
      KeyBinding(
        [.backTab, .control("s")], .chooseSpeaker, "speaker",
        "Choose the speaker: type the start of a name, then Enter", in: [.editor]),
      KeyBinding(
        [.control("o")], .chooseOwner, "owner",
        "Choose an owner, as the speaker: makes the note an action",
        in: [.editor]),
      KeyBinding(
        [.control("t")], .completeTag, "tag",
        "Complete the #tag being typed from the programme's tags",
        in: [.editor], footer: false),
      KeyBinding(
        [.control("c")], .quit, "quit", "Leave the session (asks first)",
        in: [.editor, .kindChoice, .personChoice], footer: false),
    ]
    + NoteKind.allCases.map { kind in
      KeyBinding(
        [.character(letter(of: kind))], .kind(kind), kind.rawValue, "Make it \(kind.rawValue)",
        in: [.kindChoice], footer: false)
    }
    + [
      KeyBinding(
        [.tab, .right], .down, "next", "Highlight the next kind", in: [.kindChoice],
        footer: false),
      KeyBinding(
        [.backTab, .left], .up, "previous", "Highlight the previous kind", in: [.kindChoice],
        footer: false),
      KeyBinding([.enter], .select, "pick", "Pick the highlighted kind", in: [.kindChoice]),
      KeyBinding([.escape], .back, "back", "Back to the note, kind unchanged", in: [.kindChoice]),
      KeyBinding(
        [.down, .tab], .down, "next", "Highlight the next match", in: [.personChoice],
        footer: false),
      KeyBinding(
        [.up, .backTab], .up, "previous", "Highlight the previous match", in: [.personChoice],
        footer: false),
      KeyBinding([.enter], .select, "pick", "Pick the highlighted person", in: [.personChoice]),
      KeyBinding(
        [.escape], .back, "back", "Back to the note, unchanged", in: [.personChoice]),
      KeyBinding(
        [.character("y")], .confirmYes, "discard",
        "Discard the note, or the correction's changes (the note stays)", in: [.discardNote]),
    ]

  /// Applies one input to the editor; `people` are the participants' names, in order, `left`
  /// the indices of those who left early, and `tags` the programme's `#tags` (without `#`),
  /// the most used first, for Ctrl-T.
  mutating func update(
    _ input: ScreenInput, people: [String], left: Set<Int> = [], tags: [String] = []
  ) -> NoteEditorOutcome {
    switch mode {
    case .writing: return write(input, people: people, left: left, tags: tags)
    case .choosingKind(let highlight):
      // Typing on after Tab ("Licensing…" when no kind was wanted): a letter that picks no
      // kind goes into the note, the kind unchanged, rather than being dropped unseen.
      if case .text = input {
        mode = .writing
        return write(input, people: people, left: left, tags: tags)
      }
      chooseKind(input, highlight: highlight)
    case .choosingPerson(let choice):
      if let outcome = choosePerson(input, choice, people: people, left: left) { return outcome }
    case .askingDiscard:
      if input == .action(.confirmYes) { return .close }
      mode = .writing
      return .stay
    }
    return input == .action(.quit) ? .leave : .stay
  }

  private mutating func write(
    _ input: ScreenInput, people: [String], left: Set<Int>, tags: [String]
  ) -> NoteEditorOutcome {
    switch input {
    case .action(.completeTag):
      guard let completion = TagCompletion.at(line, known: tags) else { return .stay }
      return completion.complete(&line) ? .stay : .full
    case .text(let text): return line.insert(text) ? .stay : .full
    case .action(.saveNote): return hasText ? .save : .close
    case .action(.cancelNote):
      guard hasChanges else { return .close }
      mode = .askingDiscard
    case .action(.chooseKind): mode = .choosingKind(highlight: kind)
    case .action(.chooseSpeaker):
      mode = .choosingPerson(choice(.speaker, current: speaker, people, left: left))
    case .action(.chooseOwner):
      mode = .choosingPerson(choice(.owner, current: owner, people, left: left))
    case .action(.quit): return .leave
    case .action(let action): line.apply(action)
    default: break
    }
    return .stay
  }

  /// A new choice, highlighting the person chosen so far (or "none").
  private func choice(
    _ role: PersonChoice.Role, current: Int?, _ people: [String], left: Set<Int>
  ) -> PersonChoice {
    var choice = PersonChoice(role: role)
    let candidates = Self.candidates("", people: people, left: left)
    choice.highlight = candidates.firstIndex(of: current) ?? candidates.count - 1
    return choice
  }

  private mutating func chooseKind(_ input: ScreenInput, highlight: NoteKind) {
    let all = NoteKind.allCases
    let index = all.firstIndex(of: highlight) ?? 0
    switch input {
    case .action(.down): mode = .choosingKind(highlight: all[(index + 1) % all.count])
    case .action(.up): mode = .choosingKind(highlight: all[(index + all.count - 1) % all.count])
    case .action(.select):
      kind = highlight
      mode = .writing
    case .action(.back): mode = .writing
    case .action(let action):
      if let picked = all.first(where: { Action.kind($0) == action }) {
        kind = picked
        mode = .writing
      }
    default: break
    }
  }

  private mutating func choosePerson(
    _ input: ScreenInput, _ choice: PersonChoice, people: [String], left: Set<Int>
  ) -> NoteEditorOutcome? {
    var choice = choice
    let candidates = Self.candidates(choice.query.string, people: people, left: left)
    switch input {
    case .text(let text):
      choice.query.insert(text)
      choice.highlight = 0
    case .action(.down) where !candidates.isEmpty:
      choice.highlight = (choice.highlight + 1) % candidates.count
    case .action(.up) where !candidates.isEmpty:
      choice.highlight = (choice.highlight + candidates.count - 1) % candidates.count
    case .action(.select):
      // Enter when nobody matches closes the search: it stayed open, and the words typed
      // next, meant for the note, went into it, for Esc to throw away.
      guard !candidates.isEmpty else {
        mode = .writing
        // Several words that name no one are the note typed on into the search, not a name
        // mistyped: they go into the note rather than away with the search.
        let query = choice.query.string
        let kept = query.trimmingCharacters(in: .whitespaces).contains(" ") && line.insert(query)
        return .nobodyMatches(query, kept: kept)
      }
      guard candidates.indices.contains(choice.highlight) else { return nil }
      let picked = candidates[choice.highlight]
      switch choice.role {
      case .speaker: speaker = picked
      case .owner:
        owner = picked
        if picked != nil { kind = .action }
      }
      mode = .writing
      return nil
    case .action(.back):
      mode = .writing
      return nil
    case .action(let action):
      if choice.query.apply(action) { choice.highlight = 0 }
    default: break
    }
    mode = .choosingPerson(choice)
    return nil
  }

  /// Who a query offers, in order: the people it matches who are still in the room, then
  /// those of them who left early (`left`), then "none" (nil) while nothing is typed. Those
  /// who left stay pickable, for a note about what they said before they went, but no longer
  /// come first: Enter on a first letter picked someone who had gone home.
  static func candidates(_ query: String, people: [String], left: Set<Int> = []) -> [Int?] {
    let matches = PersonMatcher.matches(query, in: people)
    let ordered: [Int?] =
      left.isEmpty
      ? matches : matches.filter { !left.contains($0) } + matches.filter { left.contains($0) }
    return query.isEmpty ? ordered + [nil] : ordered
  }
}
