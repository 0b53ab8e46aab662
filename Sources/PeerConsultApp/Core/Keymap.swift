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

extension KeyBinding {
  /// `?` shows the help overlay, where printable keys are not typed text.
  public static func help(in contexts: [KeyContext]) -> KeyBinding {
    KeyBinding([.character("?")], .help, "help", "Show or hide this help", in: contexts)
  }

  /// F1 shows the help overlay where printable keys are typed text.
  public static func helpF1(in contexts: [KeyContext]) -> KeyBinding {
    KeyBinding([.function(1)], .help, "help", "Show or hide this help", in: contexts)
  }
}

/// The single table of key bindings: dispatch, the footer and the help overlay all read it,
/// so a key that works is always a key that is shown. It is assembled once from the rows every
/// registered screen declares (``Screen/keyBindings``), the text field's editing keys and the
/// app's own (help, questions, the too-small window).
public enum Keymap {
  public static let table: [KeyBinding] =
    ScreenRegistry.screens.flatMap { $0.keyBindings } + LineEditor.keyBindings + appBindings

  /// Every context with a binding, in table order.
  public static let contexts: [KeyContext] = table.reduce(into: []) { contexts, binding in
    for context in binding.contexts where !contexts.contains(context) {
      contexts.append(context)
    }
  }

  /// The keys the app itself handles around the screens: the help overlay, a question, the
  /// too-small window.
  static let appBindings = [
    KeyBinding(
      [.function(1), .character("q")], .back, "close", "Close this help", in: [.help],
      footer: false),
    KeyBinding([.escape], .back, "back", "Go back", in: [.help]),
    KeyBinding.help(in: [.help]),
    KeyBinding([.up], .up, "up", "Scroll the help up", in: [.help], footer: false),
    KeyBinding([.down], .down, "down", "Scroll the help down", in: [.help], footer: false),
    KeyBinding([.character("y")], .confirmYes, "yes", "Confirm", in: [.confirm]),
    KeyBinding([.character("n"), .escape], .confirmNo, "no", "Cancel", in: [.confirm]),
    KeyBinding([.enter], .confirmYes, "yes", "Confirm", in: [.confirmByEnter]),
    KeyBinding([.escape], .confirmNo, "no", "Cancel", in: [.confirmByEnter]),
    KeyBinding(
      [.character("q")], .quit, "quit", "Quit (from the home screen)", in: [.tooSmall],
      footer: false),
    KeyBinding(
      [.control("c")], .interrupt, "quit", "Leave as q does here (asking first where q asks)",
      in: [.everywhere], footer: false),
    KeyBinding(
      [.control("z")], .suspend, "suspend", "Suspend to the shell; fg comes back",
      in: [.everywhere], footer: false),
    KeyBinding(
      [.control("\\")], .ignoredQuit, "nothing", "Nothing (a hint says how to leave)",
      in: [.everywhere], footer: false),
  ]

  /// The hint Ctrl-\ shows: it would have ended the program with a crash report.
  static let ignoredQuitNotice = Notice(
    "Ctrl-\\ does nothing here: q (or Ctrl-C) leaves, asking first in a session.")

  /// The action `key` requests in `context`, if any.
  public static func action(for key: Key, in context: KeyContext) -> Action? {
    actions[context.id]?[key]
  }

  /// The table indexed once by context and key (the first binding wins, as in the table), so
  /// a key costs a look-up, not a walk over every binding: a paste typed as keys is thousands.
  private static let actions: [String: [Key: Action]] = {
    var index: [String: [Key: Action]] = [:]
    for binding in table {
      for context in binding.contexts {
        for key in binding.keys where index[context.id]?[key] == nil {
          index[context.id, default: [:]][key] = binding.action
        }
      }
    }
    return index
  }()

  /// The action `key` requests in the first of `contexts` that binds it.
  public static func action(for key: Key, in contexts: [KeyContext]) -> Action? {
    for context in contexts {
      if let action = action(for: key, in: context) { return action }
    }
    return nil
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
