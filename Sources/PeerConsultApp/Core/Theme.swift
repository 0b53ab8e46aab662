import TerminalKit

/// The few styles screens use, named for what they mean rather than how they look.
///
/// Colour is never the only signal: a red timer is also bold, so monochrome terminals and
/// `NO_COLOR` keep the meaning.
public enum Theme {
  public static let title = Style(foreground: .cyan, bold: true)
  public static let heading = Style(bold: true)
  public static let muted = Style(dim: true)
  public static let selected = Style(reverse: true)
  public static let key = Style(foreground: .cyan, bold: true)
  public static let warning = Style(foreground: .yellow, bold: true)
  public static let error = Style(foreground: .red, bold: true)
  public static let ok = Style(foreground: .green)
  public static let amber = Style(foreground: .yellow, bold: true)
  public static let red = Style(foreground: .red, bold: true)
  public static let paused = Style(foreground: .magenta, bold: true, reverse: true)
  public static let highlight = Style(foreground: .black, background: .yellow)
  public static let bar = Style(reverse: true)
  /// A text field with focus: underlined, so its extent shows.
  public static let field = Style(underline: true)
  /// Example text in an empty field with focus.
  public static let placeholder = Style(underline: true, dim: true)
}
