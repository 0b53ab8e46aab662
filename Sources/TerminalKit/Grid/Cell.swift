/// One terminal cell: a grapheme cluster and its style.
///
/// A two-column character occupies its cell and the next, which is marked as a
/// continuation and never drawn on its own.
///
/// Plain bytes with no reference in them (the character is a ``Glyph``), so a grid is made,
/// filled, copied and compared as memory: a frame's rows cost no reference counting.
public struct Cell: Hashable, Sendable {
  var glyph: Glyph
  public var style: Style
  /// True for the right half of a two-column character.
  public var isContinuation: Bool

  public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.init(glyph: Glyph(character), style: style, isContinuation: isContinuation)
  }

  init(glyph: Glyph, style: Style = .plain, isContinuation: Bool = false) {
    self.glyph = glyph
    self.style = style
    self.isContinuation = isContinuation
  }

  /// The grapheme cluster shown.
  public var character: Character {
    get { glyph.character }
    set { glyph = Glyph(newValue) }
  }

  public static let blank = Cell(glyph: .space)
}
