import TerminalKit

/// Draws `MM:SS` (or `+MM:SS`) three rows tall, readable across a meeting room.
public enum BigTimer {
  private static let glyphs: [Character: [String]] = [
    "0": ["█▀█", "█ █", "▀▀▀"], "1": ["▀█ ", " █ ", "▀▀▀"], "2": ["▀▀█", "█▀▀", "▀▀▀"],
    "3": ["▀▀█", " ▀█", "▀▀▀"], "4": ["█ █", "▀▀█", "  ▀"], "5": ["█▀▀", "▀▀█", "▀▀▀"],
    "6": ["█▀▀", "█▀█", "▀▀▀"], "7": ["▀▀█", "  █", "  ▀"], "8": ["█▀█", "█▀█", "▀▀▀"],
    "9": ["█▀█", "▀▀█", "▀▀▀"], ":": [" ", "▪", "▪"], "+": ["   ", "▄█▄", " ▀ "],
  ]

  /// Columns `text` takes when drawn big.
  public static func width(of text: String) -> Int {
    text.reduce(0) { $0 + (glyphs[$1]?[0].count ?? 1) + 1 } - 1
  }

  /// Draws `text` with its top-left at (x, y).
  public static func draw(_ text: String, x: Int, y: Int, style: Style, into grid: inout Grid) {
    var column = x
    for character in text {
      let rows = glyphs[character] ?? [" ", String(character), " "]
      for (i, row) in rows.enumerated() { grid.put(row, x: column, y: y + i, style: style) }
      column += rows[0].count + 1
    }
  }
}
