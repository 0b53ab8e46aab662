import TestSupport
import Testing

@testable import TerminalKit

@Suite struct GridTests {
  @Test func putWritesAndClips() {
    var grid = Grid(width: 10, height: 2)
    #expect(grid.put("Check-in", x: 1, y: 0) == 8)
    #expect(grid.put("Sense-making", x: 0, y: 1) == 10)
    #expect(grid.lines == [" Check-in ", "Sense-mak…"])
    #expect(grid.put("off", x: 0, y: 5) == 0)
  }

  @Test func fillAndRestyleIgnoreRectanglesOutsideTheGrid() {
    var grid = Grid(width: 4, height: 2)
    grid.put("abcd", x: 0, y: 0)
    let before = grid
    for rect in [
      Rect(x: 0, y: 5, width: 4, height: 1), Rect(x: 9, y: 0, width: 2, height: 2),
      Rect(x: -5, y: -5, width: 2, height: 2),
    ] {
      grid.fill(rect, with: Cell("x"))
      grid.restyle(rect) { $0.bold = true }
    }
    #expect(grid == before)
    grid.fill(Rect(x: 3, y: 1, width: 5, height: 5), with: Cell("x"))
    #expect(grid.lines == ["abcd", "   x"])
  }

  @Test func wideCharactersTakeTwoCellsAndDoNotSplitAtTheEdge() {
    var grid = Grid(width: 5, height: 1)
    grid.put("日本語", x: 0, y: 0)
    #expect(grid[0, 0].character == "日")
    #expect(grid[1, 0].isContinuation)
    #expect(grid.line(0) == "日本…")
    var edge = Grid(width: 3, height: 1)
    edge.put("a🍺", x: 1, y: 0, maxWidth: 2)
    #expect(edge.line(0) == " a…")
  }

  @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(width: 4, height: 1)
    grid.put("日本", x: 0, y: 0)
    grid.put("x", x: 1, y: 0)
    #expect(grid.line(0) == " x本")
  }

  /// A box filled or copied over half of a wide character (an overlay over a Chinese name)
  /// blanks its other half: the row stayed one column wider than the window.
  @Test func fillingOrCopyingOverHalfAWideCharacterBlanksTheOtherHalf() {
    var grid = Grid(width: 8, height: 2)
    grid.put("王小明王", x: 0, y: 0)
    grid.put("王小明王", x: 0, y: 1)
    grid.fill(Rect(x: 3, y: 0, width: 2, height: 1), with: Cell("x"))
    #expect(grid.line(0) == "王 xx 王")
    #expect(grid.line(0).displayWidth == 8)
    var box = Grid(width: 2, height: 1)
    box.put("ab", x: 0, y: 0)
    grid.blit(box, x: 1, y: 1)
    #expect(grid.line(1) == " ab 明王")
    grid.blit(box, x: 5, y: 1)
    #expect(grid.line(1) == " ab  ab ")
    #expect(grid.lines.allSatisfy { $0.displayWidth == 8 })
  }

  @Test func combiningMarksJoinThePreviousCell() {
    var grid = Grid(width: 4, height: 1)
    grid.put("e\u{301}x", x: 0, y: 0)
    #expect(grid[0, 0].character == "é")
    #expect(grid[1, 0].character == "x")
  }

  @Test func controlCharactersAreShownNotSent() {
    var grid = Grid(width: 4, height: 1)
    grid.put("a\u{1B}b", x: 0, y: 0)
    #expect(grid.line(0) == "a·b ")
  }

  /// DEL and the C1 controls (U+009B is a CSI of its own) are controls too (issue 14, item 2).
  @Test func deleteAndC1ControlsAreShownNotSent() {
    var grid = Grid(width: 8, height: 1)
    grid.put("a\u{7F}b\u{9B}c\u{85}d", x: 0, y: 0)
    #expect(grid.line(0) == "a·b·c·d ")
  }

  /// A right-to-left override or isolate stored before keys stopped typing them is a mark.
  @Test func bidirectionalControlsAreShownNotSent() {
    var grid = Grid(width: 8, height: 1)
    grid.put("\u{202E}ab\u{202C}\u{2067}c\u{2069}", x: 0, y: 0)
    #expect(grid.line(0) == "·ab··c· ")
    // Measured as the mark is drawn: a field's width holds, and a cut text fits it.
    var field = Grid(width: 8, height: 1)
    field.put("a\u{202E}b\u{2066}cd", x: 0, y: 0, maxWidth: 4)
    #expect(field.line(0) == "a·b…    ")
    let cut = "a\u{202E}\u{202E}\u{202E}bcdef".truncated(toWidth: 4)
    #expect(cut.displayWidth == 4)
    field.put(cut, x: 0, y: 0)
    #expect(field.line(0) == "a··…    ")
  }

  /// Characters put straight from an array, and a string of lone scalars put without finding
  /// its clusters, draw the cells the string's own way draws: wide, combining, control and
  /// arrow characters, cut at the edge or not.
  @Test func theShortcutsDrawWhatAStringDraws() {
    let pieces: [String] = [
      "a", "é", "·", "▸", "…", "─", "日", "🍺", "e\u{301}", "\u{301}", "\u{1B}", "\u{85}", " ",
      "ß", "→", "❤️",
    ]
    var random = SeededGenerator(seed: 19)
    for _ in 0..<300 {
      let characters = (0..<Int.random(in: 0..<14, using: &random)).map { _ in
        Character(pieces[Int.random(in: 0..<pieces.count, using: &random)])
      }
      let text = String(characters)
      let x = Int.random(in: -2..<6, using: &random)
      let maxWidth = Bool.random(using: &random) ? nil : Int.random(in: 0..<12, using: &random)
      var byString = Grid(width: 12, height: 1)
      var byCharacters = byString
      byString.put("日本語 text", x: 0, y: 0, style: .dim)
      byCharacters.put("日本語 text", x: 0, y: 0, style: .dim)
      let written = byString.put(text, x: x, y: 0, style: .bold, maxWidth: maxWidth)
      let fromArray = byCharacters.put(
        characters: characters[...], x: x, y: 0, style: .bold, maxWidth: maxWidth)
      #expect(byCharacters == byString && fromArray == written, "\(text.debugDescription) at \(x)")
      // A string the slow way: a scalar that joins nothing added at its end keeps it slow.
      var slow = Grid(width: 12, height: 1)
      slow.put("日本語 text", x: 0, y: 0, style: .dim)
      var reference = slow
      slow.put(text, x: x, y: 0, style: .bold, maxWidth: maxWidth)
      reference.put(characters: characters[...], x: x, y: 0, style: .bold, maxWidth: maxWidth)
      #expect(slow == reference)
    }
  }

  /// A grid copied in, whole rows at once or clipped at any edge, leaves every cell as
  /// copying it cell by cell would.
  @Test func blitCopiesEveryCellThatFits() {
    var random = SeededGenerator(seed: 19)
    let pieces = ["a", "é", "日", "🍺", " ", "─"]
    func randomGrid(width: Int, height: Int) -> Grid {
      var grid = Grid(width: width, height: height)
      for y in 0..<height {
        let text = (0..<width).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
        grid.put(text.joined(), x: 0, y: y, style: Style(bold: Bool.random(using: &random)))
      }
      return grid
    }
    for _ in 0..<200 {
      let base = randomGrid(width: 7, height: 5)
      let wholeRows = Bool.random(using: &random)
      let other = randomGrid(
        width: wholeRows ? 7 : Int.random(in: 0..<9, using: &random),
        height: Int.random(in: 0..<4, using: &random))
      let x = wholeRows ? 0 : Int.random(in: -3..<8, using: &random)
      let y = Int.random(in: -3..<6, using: &random)
      var blitted = base
      blitted.blit(other, x: x, y: y)
      var expected = base
      let left = max(0, x)
      let right = min(7, x + other.width)
      for oy in 0..<other.height where (0..<5).contains(y + oy) && left < right {
        // A wide character cut in half at either edge loses its other half too.
        if left > 0, base[left, y + oy].isContinuation {
          expected[left - 1, y + oy] = Cell(glyph: .space, style: base[left - 1, y + oy].style)
        }
        if right < 7, base[right, y + oy].isContinuation {
          expected[right, y + oy] = Cell(glyph: .space, style: base[right, y + oy].style)
        }
        for ox in 0..<other.width where (0..<7).contains(x + ox) {
          expected[x + ox, y + oy] = other[ox, oy]
        }
      }
      #expect(blitted == expected, "\(other.width)x\(other.height) at \(x),\(y)")
    }
  }

  @Test func zeroSizeGridIgnoresWrites() {
    var grid = Grid(width: 0, height: 0)
    #expect(grid.put("x", x: 0, y: 0) == 0)
    grid.fill(Rect(x: 0, y: 0, width: 5, height: 5))
    #expect(grid.lines.isEmpty)
  }

  @Test func differenceNamesEachDifferingCell() throws {
    var grid = Grid(width: 6, height: 2)
    grid.put("timer", x: 0, y: 0)
    grid.put("05:00", x: 0, y: 1)
    #expect(grid.difference(from: ["timer", "05:00"]) == nil)
    let report = try #require(grid.difference(from: ["timer", "04:59"]))
    #expect(report.contains("row 1:"))
    #expect(report.contains("(1,1) expected '4' got '5'"))
    #expect(report.contains("(4,1) expected '9' got '0'"))
    #expect(!report.contains("row 0"))
    #expect(grid.difference(from: ["timer"])?.contains("height: expected 1 rows, got 2") == true)
  }

  @Test func rectSplitsAndCentres() {
    let r = Rect(x: 0, y: 0, width: 80, height: 24)
    let (top, rest) = r.splitTop(3)
    #expect(top == Rect(x: 0, y: 0, width: 80, height: 3))
    #expect(rest == Rect(x: 0, y: 3, width: 80, height: 21))
    let (body, footer) = r.splitBottom(1)
    #expect(footer == Rect(x: 0, y: 23, width: 80, height: 1))
    #expect(body.height == 23)
    #expect(r.centered(width: 40, height: 10) == Rect(x: 20, y: 7, width: 40, height: 10))
    #expect(r.centered(width: 100, height: 30) == r)
    #expect(Rect(x: 0, y: 0, width: 1, height: 1).inset().isEmpty)
  }
}
