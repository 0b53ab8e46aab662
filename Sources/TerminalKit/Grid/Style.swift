/// How a cell looks: colours and attributes. Colours degrade to attributes when the terminal has none.
public struct Style: Hashable, Sendable {
  /// The few colours PeerConsult uses; each maps to an ncurses colour pair.
  public enum Color: UInt8, Hashable, Sendable, CaseIterable {
    case `default`, red, green, yellow, blue, magenta, cyan, white, black
  }

  public var foreground: Color
  public var background: Color
  public var bold: Bool
  public var reverse: Bool
  public var underline: Bool
  public var dim: Bool

  public init(
    foreground: Color = .default, background: Color = .default, bold: Bool = false,
    reverse: Bool = false, underline: Bool = false, dim: Bool = false
  ) {
    self.foreground = foreground
    self.background = background
    self.bold = bold
    self.reverse = reverse
    self.underline = underline
    self.dim = dim
  }

  public static let plain = Style()
  public static let bold = Style(bold: true)
  public static let reverse = Style(reverse: true)
  public static let dim = Style(dim: true)

  public func with(foreground: Color) -> Style {
    var copy = self
    copy.foreground = foreground
    return copy
  }
}
