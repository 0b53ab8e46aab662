/// Where a key binding applies: a screen, a mode of one, or an overlay.
///
/// Contexts are values, not an enum, so a screen declares its own beside its code: adding a
/// screen never edits a list of every context.
public struct KeyContext: Hashable, Sendable, CustomStringConvertible {
  /// A stable name (for tests and reports).
  public let id: String
  /// The title of this context's section in the help overlay.
  public let title: String
  /// Whether printable keys are typed text here, so none may be bound (`F1` opens help).
  public let typesText: Bool
  /// What typing does here, for the help overlay; nil where typing does nothing.
  public let typingHelp: String?
  /// Further contexts whose keys also work here, shown as their own sections of the help.
  public let helpSections: [KeyContext]
  /// What any key this context does not bind requests (a question that any other key
  /// answers "no"); nil where such keys do nothing.
  public let otherKeys: Action?

  public init(
    _ id: String, title: String, typesText: Bool = false, typingHelp: String? = nil,
    helpSections: [KeyContext] = [], otherKeys: Action? = nil
  ) {
    self.id = id
    self.title = title
    self.typesText = typesText
    self.typingHelp = typingHelp
    self.helpSections = helpSections
    self.otherKeys = otherKeys
  }

  public var description: String { id }

  public static func == (lhs: KeyContext, rhs: KeyContext) -> Bool { lhs.id == rhs.id }
  public func hash(into hasher: inout Hasher) { hasher.combine(id) }

  /// Every context that has a binding, in the keymap's order.
  public static var allCases: [KeyContext] { Keymap.contexts }
}

extension KeyContext {
  /// Any focused text field: its editing keys come before the screen's own.
  public static let textField = KeyContext(
    "textField", title: "In text fields, typing never runs a command", typesText: true)
  /// The help overlay.
  public static let help = KeyContext("help", title: "Help")
  /// A yes/no question.
  public static let confirm = KeyContext(
    "confirm", title: "Confirm", typesText: true,
    typingHelp: "any other character: no (one that is no key goes on as typed)")
  /// A question answered yes by Enter, where a word typed on after it could say yes with a
  /// later letter (`d`, then "dysfunctional", deleted the picked note at its `y`).
  public static let confirmByEnter = KeyContext(
    "confirmByEnter", title: "Confirm", typesText: true,
    typingHelp: "any character: no (a small letter goes on into a note after the key that "
      + "asked)")
  /// Keys that work on every screen, in every mode, unless the screen binds them itself: the
  /// terminal's signal keys, which arrive as keys while the screens run.
  public static let everywhere = KeyContext("everywhere", title: "On every screen")
  /// The message shown while the window is smaller than the screens need.
  public static let tooSmall = KeyContext("tooSmall", title: "Window too small")
}
