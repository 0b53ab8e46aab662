import TestSupport
import Testing

@testable import PeerConsultApp

/// A key's echo compares editors and finds the note's layout by the text's version rather
/// than reading the whole note (`LineEditor.textVersion`); both must answer as the text would.
@Suite struct LineEditorVersionTests {
  /// Every edit that changes the text gives a new version; moving the cursor keeps it; a
  /// copy shares it; editors with equal text are equal whatever their versions.
  @Test func aVersionNamesOneText() {
    var editor = LineEditor("budget")
    let copy = editor
    #expect(copy.textVersion == editor.textVersion)
    var seen: Set<UInt64> = [editor.textVersion]
    editor.insert("s")
    #expect(seen.insert(editor.textVersion).inserted)
    editor.apply(.cursorLeft)
    #expect(!seen.insert(editor.textVersion).inserted, "a cursor move keeps the text's version")
    for action in [Action.deleteBackward, .lineEnd, .deleteWordBackward] {
      editor.insert("x y")
      #expect(seen.insert(editor.textVersion).inserted)
      editor.apply(action)
    }
    editor.set("budget")
    #expect(seen.insert(editor.textVersion).inserted)
    // Same text by different histories: equal, though their versions differ.
    #expect(editor == LineEditor("budget"))
    #expect(editor.textVersion != LineEditor("budget").textVersion)
    #expect(editor != LineEditor("budgex"))
    var moved = editor
    moved.apply(.cursorLeft)
    #expect(moved != editor, "the cursor counts")
  }

  /// After every edit of random sequences, in several fields at once (as the live editor, a
  /// person query and review's correction can be), the rows a field lays out are those of
  /// its text wrapped afresh: a layout kept from another text never shows.
  @Test(arguments: [UInt64(1), 2, 3])
  func keptLayoutsAreTheTextsOwn(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let pieces = ["budget ", "licensing", " ", "王小明", "é", "a", "who holds it? ", "#tag"]
    let actions: [Action] = [
      .deleteBackward, .deleteForward, .cursorLeft, .cursorRight, .lineStart, .lineEnd,
      .deleteWordBackward, .deleteToEnd,
    ]
    var fields = [LineEditor(), LineEditor("one two"), LineEditor()]
    for step in 0..<600 {
      let index = Int.random(in: 0..<fields.count, using: &random)
      if Int.random(in: 0..<4, using: &random) == 0 {
        fields[index].apply(actions.randomElement(using: &random)!)
      } else {
        fields[index].insert(pieces.randomElement(using: &random)!)
      }
      if fields[index].text.count > 400 { fields[index].set("") }
      // A copy taken now and edited later must not change what the copy lays out.
      if step % 97 == 0 { fields.append(fields[index]) }
      for field in fields {
        for width in [7, 31] {
          let layout = field.wrappedLayout(width: width, maxRows: 60)
          #expect(
            layout.rows == LineEditor.breakRows(field.text, 0..<field.text.count, width: width),
            "step \(step), width \(width): \(field.string)")
        }
      }
    }
  }
  /// A note typed, corrected and pasted into at random places, laid out after every change
  /// as a frame does: the rows kept from the layout before the change, with those wrapped
  /// again, equal the text wrapped afresh, at a narrow width and at a note line's.
  @Test(.serialized, arguments: [(UInt64(4), 9), (5, 31), (6, 73)])
  func rowsKeptAcrossAChangeAreTheTextsOwn(seed: UInt64, width: Int) {
    var random = SeededGenerator(seed: seed)
    let pieces = [
      "budget ", "licensing", " ", "王小明", "é", "a", "b", "who holds it? ", "e", "\u{301}",
    ]
    let actions: [Action] = [
      .deleteBackward, .deleteForward, .cursorLeft, .cursorLeft, .cursorRight, .lineStart,
      .lineEnd, .deleteWordBackward, .deleteToEnd,
    ]
    let keptBefore = LineEditor.rowsKeptAcrossChanges
    var editor = LineEditor()
    for step in 0..<800 {
      if Int.random(in: 0..<5, using: &random) == 0 {
        editor.apply(actions.randomElement(using: &random)!)
      } else {
        editor.insert(pieces.randomElement(using: &random)!)
      }
      if editor.text.count > 600 { editor.set("") }
      let layout = editor.wrappedLayout(width: width, maxRows: 200)
      #expect(
        layout.rows == LineEditor.breakRows(editor.text, 0..<editor.text.count, width: width),
        "step \(step): \(editor.string)")
    }
    // Most layouts kept rows from the one before.
    #expect(LineEditor.rowsKeptAcrossChanges - keptBefore > 400)
  }
}
