import TestSupport
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

  /// A terminal delivers one scalar per key; what the screen draws as one cluster must be one
  /// character to the editor, or the cursor lands inside it.
  @Test func scalarsTypedOneByOneJoinTheirCluster() {
    var e = LineEditor()
    for scalar in "Zoe\u{308} 👩\u{200D}⚕\u{FE0F} 🇬🇧".unicodeScalars {
      e.handle(.character(Character(scalar)))
    }
    #expect(e.string == "Zoë 👩‍⚕️ 🇬🇧")
    #expect(e.text.count == e.string.count)
    #expect(e.cursor == e.text.count)
    var grid = Grid(width: 20, height: 1)
    let column = e.render(into: &grid, x: 0, y: 0, width: 20)
    #expect(column == "Zoë 👩‍⚕️ 🇬🇧".displayWidth)
    for _ in 0..<4 { e.handle(.backspace) }
    #expect(e.string == "Zoë")
    e.handle(.character("\u{301}"))
    #expect(e.string == "Zoë\u{301}" && e.text.count == 3 && e.cursor == 3)
    // An accent typed after moving back joins the letter before the cursor.
    e.handle(.left)
    e.handle(.character("\u{301}"))
    #expect(e.string == "Zo\u{301}ë\u{301}" && e.text.count == 3 && e.cursor == 2)
    // A base typed before a lone mark at the start takes it.
    var lone = LineEditor()
    lone.handle(.character("\u{301}"))
    lone.handle(.home)
    lone.handle(.character("e"))
    #expect(lone.text == ["e\u{301}"] && lone.cursor == 1)
  }

  /// A letter typed between letters that cannot join it is put in without clustering again;
  /// whatever is typed, wherever the cursor stands, the editor ends as one that clusters
  /// every key does. The scalars mix those the shortcut takes with every kind that joins a
  /// neighbour: marks, joiners, variation selectors, Hangul jamo, flags' halves, CR and LF.
  @Test func theShortcutForALoneLetterEndsAsClusteringDoes() {
    let scalars: [Unicode.Scalar] = [
      "a", "Z", " ", "~", "é", "ß", "©", "\u{A0}", "\u{2FF}", "\u{300}", "\u{301}", "\u{308}",
      "\u{200D}", "\u{FE0F}", "\u{1100}", "\u{1161}", "\u{11A8}", "\u{AC00}", "\u{1F1EC}",
      "\u{1F1E7}", "\u{1F469}", "\u{2695}", "\r", "\n", "\t", "\u{85}", "\u{600}", "\u{903}",
    ]
    var random = SeededGenerator(seed: 19)
    var fast = 0
    for _ in 0..<400 {
      var editor = LineEditor(limit: 24)
      var reference = LineEditor(limit: 24)
      for _ in 0..<30 {
        if Int.random(in: 0..<4, using: &random) == 0 {
          let key: Key = [.left, .right, .backspace, .home][Int.random(in: 0..<4, using: &random)]
          editor.handle(key)
          reference.handle(key)
          continue
        }
        let typed = String(scalars[Int.random(in: 0..<scalars.count, using: &random)])
        let before = editor.text
        #expect(editor.insert(typed) == reference.insertClustering(typed))
        if editor.text.count == before.count + 1 && LineEditor.standsAlone(Character(typed)) {
          fast += 1
        }
        #expect(editor.text == reference.text && editor.cursor == reference.cursor, "\(before)")
      }
    }
    #expect(fast > 1000)
  }

  @Test func deletingBetweenHangulJamoJoinsThem() {
    var e = LineEditor()
    for scalar in "\u{1100}x\u{1161}".unicodeScalars { e.handle(.character(Character(scalar))) }
    #expect(e.text.count == 3)
    e.handle(.left)
    e.handle(.backspace)
    #expect(e.text == ["\u{1100}\u{1161}"] && e.cursor == 1)
  }

  @Test func insertSaysWhenTheLimitCutItShort() {
    var e = LineEditor(limit: 5)
    let fitted = e.insert("abc")
    let cut = e.insert("defg")
    let full = e.insert("h")
    #expect(fitted && !cut && !full)
    #expect(e.string == "abcde")
  }

  @Test func aLongTextRendersTheCursorAtTheFieldsEnd() {
    var e = LineEditor(String(repeating: "日本", count: 3_000))
    var grid = Grid(width: 40, height: 1)
    let column = e.render(into: &grid, x: 0, y: 0, width: 40)
    // 39 columns before the cursor, an odd number: 19 wide characters fit.
    #expect(column == 38)
    #expect(grid.line(0).hasPrefix("…"))
    e.handle(.home)
    let home = e.render(into: &grid, x: 0, y: 0, width: 40)
    #expect(home == 0)
  }
}
