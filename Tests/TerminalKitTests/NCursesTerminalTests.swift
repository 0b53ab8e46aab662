import Foundation
import Testing

@testable import TerminalKit

/// Runs real ncurses with no terminal (`newterm` on /dev/null) and reads the cells back.
/// Serialized, with the suites nested in it (`SplitSequenceTests`, `TerminalRestorerTests`):
/// ncurses has one global current screen, and two suites using it at once crashed the tests.
@Suite(.serialized) struct NCursesTerminalTests {
  init() { setlocale(LC_ALL, "C.UTF-8") }

  private func open(color: Bool = true) throws -> NCursesTerminal {
    try #require(
      NCursesTerminal(
        termType: "xterm-256color", outputPath: "/dev/null", inputPath: "/dev/null",
        useColor: color))
  }

  @Test func drawsCellsIncludingWideCharacters() throws {
    let term = try open()
    defer { term.close() }
    let size = term.size
    var grid = Grid(width: size.width, height: size.height)
    grid.put("Check-in 日本 🍺 é", x: 2, y: 1, style: .bold)
    term.draw(grid, cursor: nil)
    #expect(term.cell(x: 2, y: 1)?.text == "C")
    #expect(term.cell(x: 2, y: 1)?.bold == true)
    #expect(term.cell(x: 11, y: 1)?.text == "日")
    #expect(term.cell(x: 13, y: 1)?.text == "本")
    #expect(term.cell(x: 16, y: 1)?.text == "🍺")
    #expect(term.cell(x: 19, y: 1)?.text == "é")
  }

  @Test func sendsOnlyChangedCellsAndKeepsTheRest() throws {
    let term = try open()
    defer { term.close() }
    var grid = Grid(width: term.size.width, height: term.size.height)
    grid.put("10:00", x: 0, y: 0)
    grid.put("keep", x: 0, y: 2)
    term.draw(grid, cursor: nil)
    grid.put("09:59", x: 0, y: 0, style: Style(foreground: .yellow))
    term.draw(grid, cursor: nil)
    #expect(term.cell(x: 0, y: 0)?.text == "0")
    #expect(term.cell(x: 1, y: 0)?.text == "9")
    #expect(term.cell(x: 0, y: 0)?.pair ?? 0 > 0)
    #expect(term.cell(x: 0, y: 2)?.text == "k")
  }

  /// Cells are compared as values: a style alone or one byte of a character changed is sent,
  /// and an equal cluster held in other storage (too long to be kept inline) is not.
  @Test func aCellChangedInStyleOrOneByteIsSentAndAnEqualOneIsNot() throws {
    let term = try open()
    defer { term.close() }
    let family = "👩‍👩‍👧‍👦"
    var grid = Grid(width: term.size.width, height: term.size.height)
    grid.put("é x 👩‍⚕️ " + family, x: 0, y: 0)
    term.draw(grid, cursor: nil)
    var next = Grid(width: term.size.width, height: term.size.height)
    next.put("è ", x: 0, y: 0)
    next.put("x", x: 2, y: 0, style: .bold)
    next.put(" 👨‍⚕️ ", x: 3, y: 0)
    next.put(String(decoding: Array(family.utf8), as: UTF8.self), x: 7, y: 0)
    term.draw(next, cursor: nil)
    #expect(term.lastSentCells == 3)
    #expect(term.cell(x: 0, y: 0)?.text == "è")
    #expect(term.cell(x: 2, y: 0)?.bold == true)
  }

  /// Rows drawn over the last frame send only their changed cells, keep every other row, and
  /// are remembered as part of the frame the next comparison starts from.
  @Test func rowsOverTheLastFrameSendOnlyTheirChangesAndKeepTheRest() throws {
    let term = try open()
    defer { term.close() }
    let size = term.size
    var rows = Grid(width: size.width, height: 2)
    // Nothing drawn yet: the caller must draw a whole frame.
    #expect(!term.drawRows(rows, from: 3, cursor: nil))
    var grid = Grid(width: size.width, height: size.height)
    grid.put("14:59 left", x: 0, y: 1)
    grid.put("Note ▸ Budg", x: 0, y: 4)
    term.draw(grid, cursor: nil)
    rows.put("kind: insight", x: 0, y: 0)
    rows.put("Note ▸ Budge", x: 0, y: 1)
    #expect(term.drawRows(rows, from: 3, cursor: (x: 12, y: 4)))
    // "kind: insight" is new (12 cells: its space is already blank), and one letter.
    #expect(term.lastSentCells == 13)
    #expect(term.cell(x: 11, y: 4)?.text == "e")
    #expect(term.cell(x: 0, y: 3)?.text == "k")
    #expect(term.cell(x: 0, y: 1)?.text == "1")
    // The same rows again change nothing: the patched frame is the one compared against.
    #expect(term.drawRows(rows, from: 3, cursor: (x: 12, y: 4)))
    #expect(term.lastSentCells == 0)
    grid.put("kind: insight", x: 0, y: 3)
    grid.put("Note ▸ Budge", x: 0, y: 4)
    term.draw(grid, cursor: nil)
    #expect(term.lastSentCells == 0)
    // Rows that do not fit the frame are refused.
    #expect(!term.drawRows(rows, from: size.height - 1, cursor: nil))
    #expect(!term.drawRows(Grid(width: size.width - 1, height: 1), from: 0, cursor: nil))
  }

  @Test func anUnchangedFrameSendsNothingAndATickSendsOnlyItsDigits() throws {
    let term = try open()
    defer { term.close() }
    var grid = Grid(width: term.size.width, height: term.size.height)
    grid.put("Powerful questions", x: 0, y: 0)
    grid.put("14:59 left", x: 0, y: 1)
    term.draw(grid, cursor: nil)
    #expect(term.lastSentCells == grid.width * grid.height)
    term.draw(grid, cursor: nil)
    #expect(term.lastSentCells == 0)
    grid.put("14:58", x: 0, y: 1)
    term.draw(grid, cursor: nil)
    #expect(term.lastSentCells == 1)
    #expect(term.cell(x: 4, y: 1)?.text == "8")
  }

  @Test func aLargerFrameRepaintsWithoutReadingTheSmallerOne() throws {
    let term = try open()
    defer { term.close() }
    var small = Grid(width: 20, height: 5)
    small.put("日本 small", x: 0, y: 0)
    term.draw(small, cursor: nil)
    // After a resize the new frame is bigger than the last: nothing may index the old one.
    var big = Grid(width: term.size.width, height: term.size.height)
    big.put("wide 日本", x: 0, y: 10)
    term.draw(big, cursor: nil)
    #expect(term.lastSentCells == big.width * big.height - 2)
    #expect(term.cell(x: 5, y: 10)?.text == "日")
  }

  @Test func monochromeTurnsColourIntoEmphasis() throws {
    let term = try open(color: false)
    defer { term.close() }
    #expect(!term.supportsColor)
    var grid = Grid(width: term.size.width, height: term.size.height)
    grid.put("+01:00", x: 0, y: 0, style: Style(foreground: .red))
    term.draw(grid, cursor: nil)
    let cell = try #require(term.cell(x: 0, y: 0))
    #expect(cell.pair == 0)
    #expect(cell.bold)
  }
}
