import TerminalKit

/// One row of the keymap: a key, the action it requests where, and the words shown for it.
public struct KeyBinding: Sendable {
  public var keys: [Key]
  public var action: Action
  /// Short label for the footer ("pause").
  public var label: String
  /// Full sentence for the help overlay.
  public var help: String
  public var contexts: [KeyContext]
  /// Whether the footer shows it (the overlay always does).
  public var inFooter: Bool

  public init(
    _ keys: [Key], _ action: Action, _ label: String, _ help: String, in contexts: [KeyContext],
    footer: Bool = true
  ) {
    self.keys = keys
    self.action = action
    self.label = label
    self.help = help
    self.contexts = contexts
    self.inFooter = footer
  }
}

/// The single table of key bindings: dispatch, the footer and the help overlay all read it,
/// so a key that works is always a key that is shown.
public enum Keymap {
  public static let table: [KeyBinding] = [
    // Lists
    KeyBinding(
      [.up, .character("k")], .up, "up", "Move up", in: [.home, .protocols, .resume, .actions],
      footer: false),
    KeyBinding(
      [.down, .character("j")], .down, "down", "Move down",
      in: [.home, .protocols, .resume, .actions], footer: false),
    // Lists with a text field take printable keys as text, so they move with arrows only.
    KeyBinding([.up], .up, "up", "Move up", in: [.review, .search], footer: false),
    KeyBinding([.down], .down, "down", "Move down", in: [.review, .search], footer: false),
    KeyBinding(
      [.pageUp], .pageUp, "page up", "Scroll a page up",
      in: [.protocols, .review, .search, .transcript, .actions, .schedule, .summary],
      footer: false),
    KeyBinding(
      [.pageDown], .pageDown, "page down", "Scroll a page down",
      in: [.protocols, .review, .search, .transcript, .actions, .schedule, .summary],
      footer: false),
    KeyBinding(
      [.enter], .select, "open", "Open the selected entry",
      in: [.home, .review, .search, .resume]),
    // Live session
    KeyBinding([.enter], .writeNote, "note", "Write a note", in: [.live]),
    KeyBinding([.character(" ")], .togglePause, "pause", "Pause or resume the timer", in: [.live]),
    KeyBinding(
      [.character("n")], .nextPhase, "next", "Next phase (after the last: summary)", in: [.live]),
    KeyBinding(
      [.character("p")], .previousPhase, "prev", "Previous phase (notes are kept)", in: [.live]),
    KeyBinding(
      [.character("+"), .character("=")], .addMinute, "+1m", "One minute more", in: [.live]),
    KeyBinding([.character("-")], .removeMinute, "-1m", "One minute less", in: [.live]),
    KeyBinding(
      [.character("s")], .schedule, "schedule", "Show or hide the whole schedule",
      in: [.live, .schedule]),
    KeyBinding(
      [.character("e")], .editLastNote, "edit",
      "Edit the picked note (the latest unless ↑↓ picked one)", in: [.live], footer: false),
    KeyBinding(
      [.character("d")], .deleteLastNote, "delete",
      "Delete the picked note (its text stays in the history)",
      in: [.live], footer: false),
    KeyBinding(
      [.character("x")], .actionDone, "done", "Mark the picked action done (or not done)",
      in: [.live], footer: false),
    KeyBinding(
      [.character("r")], .rateProcess, "ratings",
      "Rate the process, 1-5 per participant (optional)",
      in: [.live], footer: false),
    KeyBinding([.up], .up, "up", "Previous participant", in: [.rating], footer: false),
    KeyBinding([.down], .down, "down", "Next participant", in: [.rating], footer: false),
    KeyBinding([.character("1")], .rate1, "1", "Rate 1 (poor)", in: [.rating], footer: false),
    KeyBinding([.character("2")], .rate2, "2", "Rate 2", in: [.rating], footer: false),
    KeyBinding([.character("3")], .rate3, "3", "Rate 3", in: [.rating], footer: false),
    KeyBinding([.character("4")], .rate4, "4", "Rate 4", in: [.rating], footer: false),
    KeyBinding([.character("5")], .rate5, "5", "Rate 5 (excellent)", in: [.rating], footer: false),
    KeyBinding([.escape, .character("r")], .back, "close", "Close the ratings", in: [.rating]),
    KeyBinding(
      [.character("m")], .toggleMute, "mute", "Mute or unmute the bell at zero", in: [.live],
      footer: false),
    KeyBinding(
      [.up], .scrollUp, "pick", "Pick an earlier note (for e, d, x)", in: [.live], footer: false),
    KeyBinding(
      [.down], .scrollDown, "pick", "Pick a later note; past the newest, follow new notes",
      in: [.live], footer: false),
    KeyBinding(
      [.up], .scrollUp, "scroll", "Scroll up", in: [.transcript, .schedule, .summary], footer: false
    ),
    KeyBinding(
      [.down], .scrollDown, "scroll", "Scroll down", in: [.transcript, .schedule, .summary],
      footer: false),
    // Review: the session list and search have a text field, so only non-printing keys.
    KeyBinding(
      [.tab], .search, "search", "Search the notes of every session (the filter is kept)",
      in: [.review]),
    KeyBinding(
      [.tab], .search, "sessions", "Back to the session list (the query is kept)", in: [.search]),
    KeyBinding(
      [.control("p")], .filterProgramme, "programme", "Show one programme, then the next, or all",
      in: [.review, .search]),
    KeyBinding(
      [.escape], .back, "back", "Clear the typed text, or go back", in: [.review, .search]),
    KeyBinding([.function(1)], .help, "help", "Show or hide this help", in: [.review, .search]),
    KeyBinding([.function(1)], .help, "help", "Close this help", in: [.help], footer: false),
    // Transcript and its actions
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
      [.character("x"), .character(" ")], .actionDone, "done",
      "Mark the selected action done, or not done again (saved at once)", in: [.actions]),
    KeyBinding(
      [.enter], .select, "in transcript", "Show the selected action in the transcript",
      in: [.actions]),
    KeyBinding(
      [.character("a")], .actions, "transcript", "Back to the transcript", in: [.actions],
      footer: false),
    // Note editor: only non-printing keys, so typing never triggers a command.
    KeyBinding([.enter], .saveNote, "save", "Save the note", in: [.editor]),
    KeyBinding([.escape], .cancelNote, "cancel", "Cancel (the text is discarded)", in: [.editor]),
    KeyBinding([.tab], .cycleKind, "kind", "Next note kind", in: [.editor]),
    KeyBinding([.backTab], .cycleSpeaker, "speaker", "Next speaker (or none)", in: [.editor]),
    KeyBinding([.control("o")], .cycleOwner, "owner", "Next action owner", in: [.editor]),
    // New session setup: only non-printing keys, because most fields take text and typing
    // must never trigger a command. The focused field's own keys also show beside the form.
    KeyBinding([.tab], .nextField, "next", "Next field", in: [.setup]),
    KeyBinding([.backTab], .previousField, "prev", "Previous field", in: [.setup], footer: false),
    KeyBinding(
      [.enter], .select, "add/next", "Add the typed person, go on, or start", in: [.setup]),
    KeyBinding(
      [.control("g")], .start, "start", "Start the session (from any field)", in: [.setup]),
    KeyBinding(
      [.up], .up, "up", "Move up; choose a protocol or programme", in: [.setup], footer: false),
    KeyBinding(
      [.down], .down, "down", "Move down; choose a protocol or programme", in: [.setup],
      footer: false),
    KeyBinding(
      [.control("t")], .togglePresenter, "presents", "Selected person presents or not",
      in: [.setup], footer: false),
    KeyBinding(
      [.control("p")], .moveUp, "earlier", "Move the selected person up (earlier)", in: [.setup],
      footer: false),
    KeyBinding(
      [.control("n")], .moveDown, "later", "Move the selected person down (later)",
      in: [.setup], footer: false),
    KeyBinding(
      [.delete, .control("d")], .removeItem, "remove", "Remove the selected person from the group",
      in: [.setup]),
    KeyBinding(
      [.escape], .back, "cancel", "Cancel, back home (twice if anything typed)", in: [.setup]),
    KeyBinding([.function(1)], .help, "help", "Show or hide this help", in: [.setup]),
    // Confirmation
    KeyBinding([.character("y")], .confirmYes, "yes", "Confirm", in: [.confirm]),
    KeyBinding([.character("n"), .escape], .confirmNo, "no", "Cancel", in: [.confirm]),
    // Everywhere
    KeyBinding(
      [.escape], .back, "back", "Go back",
      in: [.protocols, .schedule, .transcript, .actions, .help, .resume]),
    KeyBinding([.character("?")], .help, "help", "Show or hide this help", in: allButEditor),
    KeyBinding(
      [.character("q")], .back, "back", "Go back",
      in: [.protocols, .transcript, .actions, .resume], footer: false),
    KeyBinding(
      [.character("q")], .quit, "quit", "Quit (in a session: leave it, resumable)",
      in: [.home, .live, .summary]),
    KeyBinding(
      [.character("q")], .back, "back", "Back to the live screen", in: [.schedule], footer: false),
  ]

  /// Contexts where `?` is not typed text: not the editor or the review's text fields (F1
  /// opens help there).
  private static let allButEditor: [KeyContext] = KeyContext.allCases.filter {
    ![.editor, .confirm, .setup, .review, .search].contains($0)
  }

  /// The action `key` requests in `context`, if any.
  public static func action(for key: Key, in context: KeyContext) -> Action? {
    table.first { $0.contexts.contains(context) && $0.keys.contains(key) }?.action
  }

  /// The bindings shown in the footer for `context`, in table order.
  public static func footer(for context: KeyContext) -> [KeyBinding] {
    table.filter { $0.inFooter && $0.contexts.contains(context) }
  }

  /// Every binding of `context`, for the help overlay.
  public static func bindings(for context: KeyContext) -> [KeyBinding] {
    table.filter { $0.contexts.contains(context) }
  }
}
