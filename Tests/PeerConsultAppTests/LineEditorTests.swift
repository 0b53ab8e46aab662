import Testing

@testable import PeerConsultApp
@testable import TerminalKit

@Suite struct LineEditorTests {
  @Test func editsLikeAShellLine() {
    var e = LineEditor()
    for c in "what ifthe opposite" { e.handle(.character(c)) }
    for _ in 0..<12 { e.handle(.left) }
    e.handle(.character(" "))
    #expect(e.string == "what if the opposite")
    e.handle(.end)
    e.handle(.control("w"))
    #expect(e.string == "what if the ")
    e.handle(.backspace)
    e.handle(.home)
    e.handle(.delete)
    #expect(e.string == "hat if the")
    e.handle(.right)
    e.handle(.control("u"))
    #expect(e.string == "at if the")
    #expect(e.cursor == 0)
  }

  @Test func treatsGraphemesAsOneCharacter() {
    var e = LineEditor("Zoë 日本 👩‍⚕️")
    e.handle(.backspace)
    #expect(e.string == "Zoë 日本 ")
    e.handle(.home)
    e.handle(.right)
    e.handle(.right)
    e.handle(.delete)
    #expect(e.string == "Zo 日本 ")
  }

  @Test func pasteKeepsOneLineAndRespectsTheLimit() {
    var e = LineEditor(limit: 10)
    e.insert("line one\nline two")
    #expect(e.string == "line one l")
    let handled = e.handle(.enter)
    #expect(!handled)
  }

  @Test func scrollsToKeepTheCursorVisible() {
    var grid = Grid(width: 10, height: 1)
    let e = LineEditor("abcdefghijklmnop")
    let cursor = e.render(into: &grid, x: 0, y: 0, width: 10)
    #expect(cursor == 9)
    // The ellipsis covers the first visible character, marking text scrolled out of view.
    #expect(grid.line(0) == "…ijklmnop ")
  }
}
