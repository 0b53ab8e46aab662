/// A frame: a width x height array of styled cells that screens draw into.
///
/// Screens only write cells; a `Terminal` backend decides what to send. Writes outside
/// the grid are clipped, so a screen never has to guard its arithmetic against a tiny window.
public struct Grid: Hashable, Sendable {
  public let width: Int
  public let height: Int
  public private(set) var cells: [Cell]

  public init(width: Int, height: Int, fill: Cell = .blank) {
    self.width = max(0, width)
    self.height = max(0, height)
    cells = Array(repeating: fill, count: self.width * self.height)
  }

  /// The whole grid as a rectangle.
  public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

  public subscript(x: Int, y: Int) -> Cell {
    get { cells[y * width + x] }
    set { cells[y * width + x] = newValue }
  }

  /// Writes `text` from (x, y), clipped to `clip` (default: the row to the grid's edge),
  /// cutting with `…` when it does not fit. Returns the columns written.
  @discardableResult
  public mutating func put(
    _ text: String, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(maxWidth ?? Int.max, width - max(0, x))
    guard limit > 0 else { return 0 }
    // Text of lone scalars (a label with a `·` or an arrow in it) is measured and written
    // without finding its clusters: each scalar is one. Other text is measured once, cluster
    // by cluster, as `displayWidth` would after looking for lone scalars again.
    let standalone = DisplayWidth.standaloneWidth(of: text)
    if let standalone, standalone <= limit {
      return writeStandalone(text.unicodeScalars, x: x, y: y, style: style)
    }
    let columns = standalone ?? text.reduce(0) { $0 + DisplayWidth.of($1) }
    let fitted = columns > limit ? text.truncated(toWidth: limit) : text
    return write(fitted, x: x, y: y, style: style)
  }

  /// Writes characters from (x, y) as ``put(_:x:y:style:maxWidth:)`` writes the string they
  /// make, without making it: a text field's row is drawn straight from its characters.
  @discardableResult
  public mutating func put(
    characters: ArraySlice<Character>, x: Int, y: Int, style: Style = .plain,
    maxWidth: Int? = nil
  ) -> Int {
    guard y >= 0, y < height, x < width else { return 0 }
    let limit = min(maxWidth ?? Int.max, width - max(0, x))
    guard limit > 0 else { return 0 }
    // No character is wider than two columns: a short row fits without being measured.
    guard
      characters.count * 2 <= limit || characters.reduce(0, { $0 + DisplayWidth.of($1) }) <= limit
    else {
      return put(String(characters), x: x, y: y, style: style, maxWidth: maxWidth)
    }
    return write(characters, x: x, y: y, style: style)
  }

  /// Writes characters that fit from (x, y); returns the columns written.
  private mutating func write(
    _ characters: some Sequence<Character>, x: Int, y: Int, style: Style
  ) -> Int {
    var column = x
    for character in characters {
      // Control characters would move the real cursor or start a sequence the terminal
      // obeys (ESC, and C1's CSI); show them as a visible mark.
      let shown: Character = ControlCharacters.isControl(character) ? "·" : character
      guard
        place(Glyph(shown), width: DisplayWidth.of(shown), at: &column, y: y, style: style)
      else { break }
    }
    return column - x
  }

  /// Writes scalars that each stand alone (``DisplayWidth/standsAlone(_:)``: no controls,
  /// one cluster each) from (x, y); returns the columns written.
  private mutating func writeStandalone(
    _ scalars: String.UnicodeScalarView, x: Int, y: Int, style: Style
  ) -> Int {
    var column = x
    for scalar in scalars {
      guard
        place(
          Glyph(scalar: scalar), width: DisplayWidth.of(scalar), at: &column, y: y, style: style)
      else { break }
    }
    return column - x
  }

  /// Puts one character `columns` wide at `column` and moves past it (a combining mark joins
  /// the cell before); false when it would cross the grid's right edge.
  private mutating func place(
    _ shown: Glyph, width columns: Int, at column: inout Int, y: Int, style: Style
  ) -> Bool {
    if columns == 0 {
      attachCombining(shown.character, beforeColumn: column, y: y)
      return true
    }
    if column >= 0 {
      if column + columns > width { return false }
      clearWide(at: column, y: y)
      self[column, y] = Cell(glyph: shown, style: style)
      if columns == 2 {
        clearWide(at: column + 1, y: y)
        self[column + 1, y] = Cell(glyph: .space, style: style, isContinuation: true)
      }
    }
    column += columns
    return true
  }

  /// Fills a rectangle with one cell (clipped to the grid).
  public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
    let (rows, columns) = clip(rect)
    for y in rows {
      clearWideAcross(columns, y: y)
      for x in columns { self[x, y] = cell }
    }
  }

  /// Applies `style` to every cell of a rectangle, keeping the characters.
  public mutating func restyle(_ rect: Rect, _ transform: (inout Style) -> Void) {
    let (rows, columns) = clip(rect)
    for y in rows {
      for x in columns { transform(&self[x, y].style) }
    }
  }

  /// The rows and columns of `rect` inside the grid; empty when it lies wholly outside,
  /// where a range whose start is past its end would trap.
  private func clip(_ rect: Rect) -> (rows: Range<Int>, columns: Range<Int>) {
    let top = max(0, rect.y)
    let left = max(0, rect.x)
    return (top..<max(top, min(height, rect.maxY)), left..<max(left, min(width, rect.maxX)))
  }

  /// Copies another grid in at (x, y), clipped.
  public mutating func blit(_ other: Grid, x: Int, y: Int) {
    if x == 0, other.width == width, y >= 0, y + other.height <= height {
      // Whole rows (typing's rows over the frame shown): one run of cells, assigned in
      // place rather than each read out and written back.
      cells.withUnsafeMutableBufferPointer { cells in
        other.cells.withUnsafeBufferPointer { rows in
          guard let target = cells.baseAddress, let source = rows.baseAddress else { return }
          (target + y * width).update(from: source, count: rows.count)
        }
      }
      return
    }
    let columns = max(0, x)..<max(max(0, x), min(width, x + other.width))
    for oy in 0..<other.height where y + oy >= 0 && y + oy < height {
      clearWideAcross(columns, y: y + oy)
      for ox in 0..<other.width where x + ox >= 0 && x + ox < width {
        self[x + ox, y + oy] = other[ox, oy]
      }
    }
  }

  /// The text of row `y`, continuation cells omitted, trailing spaces kept.
  public func line(_ y: Int) -> String {
    var text = ""
    for x in 0..<width where !self[x, y].isContinuation { text.append(self[x, y].character) }
    return text
  }

  /// Every row as text, as a test or `capture-pane` would see it.
  public var lines: [String] { (0..<height).map(line) }

  /// Blanks the wide characters that `columns` of row `y` cut in half at either edge, before
  /// the columns are overwritten: a box drawn over a Chinese name left one half of a
  /// character outside it, and the row one column wider than the window.
  private mutating func clearWideAcross(_ columns: Range<Int>, y: Int) {
    guard let first = columns.first, let last = columns.last else { return }
    clearWide(at: first, y: y)
    clearWide(at: last, y: y)
  }

  // A wide character half-overwritten must not leave its other half behind.
  private mutating func clearWide(at x: Int, y: Int) {
    guard x >= 0, x < width else { return }
    if self[x, y].isContinuation, x > 0 {
      self[x - 1, y] = Cell(glyph: .space, style: self[x - 1, y].style)
    } else if x + 1 < width, self[x + 1, y].isContinuation {
      self[x + 1, y] = Cell(glyph: .space, style: self[x + 1, y].style)
    }
  }

  private mutating func attachCombining(_ mark: Character, beforeColumn column: Int, y: Int) {
    var target = column - 1
    while target > 0 && self[target, y].isContinuation { target -= 1 }
    guard target >= 0, target < width else { return }
    var combined = String(self[target, y].character)
    combined.append(mark)
    if combined.count == 1, let merged = combined.first { self[target, y].character = merged }
  }
}
