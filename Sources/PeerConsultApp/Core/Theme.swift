import TerminalKit

/// The background a terminal shows, as far as it says: colours are chosen to read on it.
public enum Palette: String, Sendable, CaseIterable {
  /// Light text on a dark background: the colours PeerConsult has always used.
  case darkBackground
  /// Dark text on a light background (xterm's and macOS Terminal's default): blue and
  /// magenta instead of cyan and yellow, and coloured bands with their own foreground.
  case lightBackground
  /// The terminal did not say: only styles that read on both, that is bold, reverse video,
  /// dim and explicit background-and-foreground pairs.
  case anyBackground

  /// The palette `COLORFGBG` ("15;0", "0;default;15", as rxvt, Konsole and others set it)
  /// asks for; nil when it is unset or says nothing about the background. Colours 0-6 and 8
  /// are dark, 7 and 9-15 light, as rxvt reads them.
  public init?(colorFGBG: String?) {
    guard let last = colorFGBG?.split(separator: ";").last, let background = Int(last) else {
      return nil
    }
    switch background {
    case 0...6, 8: self = .darkBackground
    case 7, 9...15: self = .lightBackground
    default: return nil
    }
  }
}

/// The few styles screens use, named for what they mean rather than how they look, in the
/// palette of the frame being drawn (``palette``).
///
/// Colour is never the only signal: a red timer is also bold, so monochrome terminals and
/// `NO_COLOR` keep the meaning.
public enum Theme {
  /// The palette styles are read in. `App.render` binds the state's palette for the frame,
  /// so screens keep naming `Theme.key` and tests render several palettes side by side.
  @TaskLocal public static var palette: Palette = .darkBackground

  public static var title: Style {
    switch palette {
    case .darkBackground: return Style(foreground: .cyan, bold: true)
    case .lightBackground: return Style(foreground: .blue, bold: true)
    case .anyBackground: return Style(bold: true)
    }
  }
  public static let heading = Style(bold: true)
  public static let muted = Style(dim: true)
  public static let selected = Style(reverse: true)
  /// Keys in the footer and the help, "Speaks now", the note's kind and speaker.
  public static var key: Style { title }
  /// Rules and warnings.
  public static var warning: Style {
    switch palette {
    case .darkBackground: return Style(foreground: .yellow, bold: true)
    case .lightBackground: return Style(foreground: .magenta, bold: true)
    case .anyBackground: return Style(foreground: .black, background: .yellow)
    }
  }
  public static var error: Style {
    switch palette {
    case .darkBackground, .lightBackground: return Style(foreground: .red, bold: true)
    case .anyBackground: return Style(foreground: .white, background: .red, bold: true)
    }
  }
  public static var ok: Style {
    switch palette {
    case .darkBackground: return Style(foreground: .green)
    case .lightBackground, .anyBackground: return Style(foreground: .black, background: .green)
    }
  }
  /// The timer with a fifth of the phase left. On a yellow band the text is not bold: many
  /// terminals (xterm among them) draw bold black as grey, which hardly reads on yellow.
  public static var amber: Style {
    switch palette {
    case .darkBackground: return Style(foreground: .yellow, bold: true)
    case .lightBackground, .anyBackground: return Style(foreground: .black, background: .yellow)
    }
  }
  /// The timer in its last twentieth, and over time.
  public static var red: Style {
    switch palette {
    case .darkBackground, .lightBackground: return Style(foreground: .red, bold: true)
    case .anyBackground: return Style(foreground: .white, background: .red, bold: true)
    }
  }
  /// Reverse video: the default foreground on magenta reads on either background.
  public static let paused = Style(foreground: .magenta, bold: true, reverse: true)
  public static let highlight = Style(foreground: .black, background: .yellow)
  public static let bar = Style(reverse: true)
  /// A text field with focus: underlined, so its extent shows.
  public static let field = Style(underline: true)
  /// Example text in an empty field with focus.
  public static let placeholder = Style(underline: true, dim: true)
}
