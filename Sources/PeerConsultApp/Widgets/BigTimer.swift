import TerminalKit

/// Draws `MM:SS` (or `+MM:SS`) in block digits, readable across a meeting room: three rows
/// tall on the live screen, and as large as the window allows on the room display.
///
/// The font is three rows of half blocks, that is six rows of "pixels" three columns wide.
/// At scale `k` every pixel becomes `k` by `k`, drawn again with half blocks, so the digits
/// keep their shape at any size: `3k` rows and `3k` columns a digit.
public enum BigTimer {
  private static let glyphs: [Character: [String]] = [
    "0": ["█▀█", "█ █", "▀▀▀"], "1": ["▀█ ", " █ ", "▀▀▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
    "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
    "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
    "9": ["█▀█", "▀▀█", "▀▀▀"], ":": [" ", "▪", "▪"], "+": ["   ", "▄█▄", " ▀ "],
  ]

  /// Rows the digits take at `scale`.
  public static func height(scale: Int = 1) -> Int { 3 * max(1, scale) }

  /// Columns `text` takes when drawn big at `scale`.
  public static func width(of text: String, scale: Int = 1) -> Int {
    let scale = max(1, scale)
    return text.reduce(0) { $0 + columns($1) * scale + scale } - scale
  }

  /// The largest scale at which `text` fits `width` columns and `height` rows; at least 1.
  public static func largestScale(for text: String, width columns: Int, height rows: Int) -> Int {
    var scale = 1
    while width(of: text, scale: scale + 1) <= columns && height(scale: scale + 1) <= rows {
      scale += 1
    }
    return scale
  }

  /// Draws `text` with its top-left at (x, y), `scale` times the three-row size.
  public static func draw(
    _ text: String, x: Int, y: Int, scale: Int = 1, style: Style, into grid: inout Grid
  ) {
    let scale = max(1, scale)
    var column = x
    for character in text {
      if scale == 1 {
        let rows = glyphs[character] ?? [" ", String(character), " "]
        for (i, row) in rows.enumerated() { grid.put(row, x: column, y: y + i, style: style) }
      } else if let rows = glyphs[character] {
        drawScaled(rows, x: column, y: y, scale: scale, style: style, into: &grid)
      } else {
        grid.put(String(character), x: column, y: y + height(scale: scale) / 2, style: style)
      }
      column += columns(character) * scale + scale
    }
  }

  /// Columns a character's glyph takes at scale 1.
  private static func columns(_ character: Character) -> Int {
    glyphs[character]?[0].count ?? 1
  }

  /// One glyph, its pixels grown to `scale` by `scale` and drawn back as half blocks.
  private static func drawScaled(
    _ rows: [String], x: Int, y: Int, scale: Int, style: Style, into grid: inout Grid
  ) {
    let cells = rows.map(Array.init)
    // Pixel row `p` (0-5) of column `c`: the top or bottom half of the glyph's row p / 2.
    func lit(_ p: Int, _ c: Int) -> Bool {
      let row = cells[p / 2]
      guard c < row.count else { return false }
      switch row[c] {
      case "█": return true
      case "▀", "▪": return p % 2 == 0
      case "▄": return p % 2 == 1
      default: return false
      }
    }
    let width = (cells.first?.count ?? 0) * scale
    for line in 0..<height(scale: scale) {
      var text = ""
      for column in 0..<width {
        let top = lit(2 * line / scale, column / scale)
        let bottom = lit((2 * line + 1) / scale, column / scale)
        text.append(top ? (bottom ? "█" : "▀") : (bottom ? "▄" : " "))
      }
      grid.put(text, x: x, y: y + line, style: style)
    }
  }
}
