/// A named request a key can make; screens handle actions, never raw keys.
///
/// Keeping requests separate from keys (as tig does) lets one table drive dispatch, the footer
/// and the help overlay. Actions are values, so a new screen declares its own beside its code.
public struct Action: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
  public let rawValue: String
  public init(rawValue: String) { self.rawValue = rawValue }
  public init(_ rawValue: String) { self.rawValue = rawValue }
  public var description: String { rawValue }
}

// Requests that several screens share; a screen's own live in its file.
extension Action {
  public static let help = Action("help")
  public static let quit = Action("quit")
  public static let back = Action("back")
  public static let confirmYes = Action("confirmYes")
  public static let confirmNo = Action("confirmNo")
  public static let up = Action("up")
  public static let down = Action("down")
  public static let pageUp = Action("pageUp")
  public static let pageDown = Action("pageDown")
  public static let top = Action("top")
  public static let bottom = Action("bottom")
  public static let select = Action("select")
  public static let scrollUp = Action("scrollUp")
  public static let scrollDown = Action("scrollDown")
  /// Ctrl-C: what `q` does on the screen showing, or, where `q` is typed text, a question.
  public static let interrupt = Action("interrupt")
  /// Ctrl-Z: back to the shell until `fg`.
  public static let suspend = Action("suspend")
  /// Ctrl-\: ignored, with a hint on how to leave.
  public static let ignoredQuit = Action("ignoredQuit")
}
