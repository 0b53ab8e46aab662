/// One terminal cell: a grapheme cluster and its style.
///
/// A two-column character occupies its cell and the next, which is marked as a
/// continuation and never drawn on its own.
public struct Cell: Hashable, Sendable {
  public var character: Character
  public var style: Style
  /// True for the right half of a two-column character.
  public var isContinuation: Bool

  public init(_ character: Character = " ", style: Style = .plain, isContinuation: Bool = false) {
    self.character = character
    self.style = style
    self.isContinuation = isContinuation
  }

  public static let blank = Cell()
}
