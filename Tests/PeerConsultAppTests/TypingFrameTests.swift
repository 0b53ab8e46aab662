import Foundation
import PeerConsultKit
import TestSupport
import Testing

@testable import PeerConsultApp
@testable import TerminalKit

/// Typing redraws only the rows it changed (`App.renderTyping`, `Terminal.drawRows`): after
/// every key of random sequences, what the terminal shows must be the whole frame
/// `App.render` draws for the state, so the shortcut can never leave a stale screen.
@Suite struct TypingFrameTests {
  /// The live screen's note editor, at two sizes, with the clock moving on between keys
  /// (across the timer's seconds, its colour bands and the end of a phase), notes saved,
  /// kinds and speakers chosen, the text wrapping onto more rows and back.
  @Test(arguments: [(80, 24, UInt64(1)), (80, 24, 2), (80, 24, 3), (120, 40, 4)])
  func liveEditorFramesEqualWholeFrames(width: Int, height: Int, seed: UInt64) throws {
    let fixture = try LiveFixture(width: width, height: height)
    var random = SeededGenerator(seed: seed)
    // A transcript that fills its rows, so a note line taking a row more or less moves it.
    for number in 1...12 {
      fixture.press(.enter)
      fixture.type("Note \(number) about the licensing budget and who holds it")
      fixture.press(.enter)
    }
    fixture.press(.enter)
    try #require(fixture.live?.editor != nil)
    for step in 0..<800 {
      let input = Self.liveInput(editorOpen: fixture.live?.editor != nil, using: &random)
      fixture.runner.handle(input)
      // Time passes between keys: usually a fraction of a second, now and then a phase's end.
      switch Int.random(in: 0..<20, using: &random) {
      case 0: fixture.advance(Double.random(in: 0.5...3, using: &random))
      case 1: fixture.clock.advance(by: 400)
      default: fixture.clock.advance(by: Double.random(in: 0...0.3, using: &random))
      }
      // Keys that arrive together are drawn as one frame, as the runner does.
      if Int.random(in: 0..<6, using: &random) == 0 { continue }
      try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: step, input: input)
    }
    // The shortcut was taken, and the whole frame drawn when it could not be.
    #expect(fixture.terminal.rowFrames > 200)
    #expect(fixture.terminal.frames - fixture.terminal.rowFrames > 20)
  }

  /// In the questioning phase, with the programme's tags known: the advice hint comes and
  /// goes as a sentence starts like advice or stops doing so, the tag row replaces the
  /// details as a known `#tag` is typed, and wide text wraps the note over several rows;
  /// every frame drawn by rows equals the whole frame.
  @Test(arguments: [UInt64(5), 6])
  func adviceHintAndTagRowFramesEqualWholeFrames(seed: UInt64) throws {
    let fixture = try LiveFixture()
    fixture.press(.enter)
    fixture.type("First #licensing and #licence-fees, #housing-first")
    fixture.press(.enter)
    fixture.press(.character("n"), .character("n"))
    try #require(fixture.live?.session.current?.phase.noteKind == .question)
    try #require(fixture.live?.knownTags.count == 3)
    fixture.press(.enter)
    var random = SeededGenerator(seed: seed)
    var shown = (advice: 0, tags: 0, rows: 0)
    for step in 0..<600 {
      let input: InputEvent
      // Writing, mostly: a sentence that starts like advice, a tag being typed, CJK text that
      // wraps, letters, and the deletions and moves that undo them.
      switch Int.random(in: 0..<40, using: &random) {
      case _ where fixture.live?.editor == nil: input = .key(.enter)
      case 0..<8:
        input = .paste(
          [
            ". Have you tried ", "? You should ", ". So why not ", " #lic", " #hou", " #li",
            "王小明的预算 ",
          ].randomElement(using: &random)!)
      case 8..<12: input = .key(.backspace)
      case 12: input = .key(.control("w"))
      case 13: input = .key(.control("u"))
      case 14: input = .key(.control("t"))
      case 15..<17: input = .key([.left, .right, .home, .end].randomElement(using: &random)!)
      case 17: input = .key(.enter)
      default: input = .key(.character(Self.letters.randomElement(using: &random)!))
      }
      let before = fixture.terminal.rowFrames
      fixture.runner.handle(input)
      fixture.clock.advance(by: Double.random(in: 0...0.2, using: &random))
      try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: step, input: input)
      guard fixture.terminal.rowFrames > before else { continue }
      let text = fixture.terminal.screen.lines.joined(separator: "\n")
      if text.contains("advice or question?") { shown.advice += 1 }
      if text.contains("tag: #") { shown.tags += 1 }
      if let editor = fixture.live?.editor, editor.line.rowCount(width: 70, limit: 9) > 2 {
        shown.rows += 1
      }
    }
    // Each case was drawn by rows many times, not only as a whole frame.
    #expect(shown.advice > 30)
    #expect(shown.tags > 20)
    #expect(shown.rows > 30)
  }

  /// Outside the questioning phases a letter redraws the note line alone and leaves the
  /// details row above it as drawn; a known tag being finished, and then finished with,
  /// redraws the details row too. Every frame equals the whole frame.
  @Test func outsideQuestioningALetterLeavesTheDetailsRow() throws {
    let fixture = try LiveFixture()
    fixture.press(.enter)
    fixture.type("First #licensing")
    fixture.press(.enter)
    try #require(fixture.live?.session.current?.phase.noteKind != .question)
    try #require(fixture.live?.knownTags == ["licensing"])
    fixture.press(.enter)
    _ = fixture.screen
    let steps: [(key: Key, details: Bool)] = [
      (.character("a"), false), (.character("é"), false), (.character(" "), false),
      (.character("#"), false), (.character("l"), true), (.character("i"), true),
      (.character(" "), true), (.character("c"), false), (.backspace, false),
      (.character("d"), false),
    ]
    for (step, (key, details)) in steps.enumerated() {
      let before = fixture.terminal.rowFrames
      fixture.runner.handle(.key(key))
      try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: step, input: .key(key))
      try #require(fixture.terminal.rowFrames == before + 1, "key \(step) drew by rows")
      let noteRow = try #require(
        fixture.terminal.screen.lines.firstIndex { $0.contains("Note ▸") })
      #expect(
        fixture.terminal.lastRows?.lowerBound == (details ? noteRow - 1 : noteRow),
        "key \(step) (\(key))")
    }
  }

  /// Typing at the end of a note of several rows redraws the cursor's row alone: the rows
  /// above it stand as drawn. Typing in its middle redraws from the row changed down.
  @Test func typingAtTheEndOfALongNoteRedrawsItsLastRowAlone() throws {
    let fixture = try LiveFixture()
    fixture.press(.enter)
    fixture.runner.handle(.paste(String(repeating: "who holds the licensing budget ", count: 6)))
    _ = fixture.screen
    for (step, letter) in "abc".enumerated() {
      let before = fixture.terminal.rowFrames
      fixture.runner.handle(.key(.character(letter)))
      try Self.expectWholeFrame(
        fixture.runner, fixture.terminal, step: step, input: .key(.character(letter)))
      try #require(fixture.terminal.rowFrames == before + 1)
      let rows = try #require(fixture.terminal.lastRows)
      #expect(rows.count == 1 && fixture.terminal.cursor?.y == rows.lowerBound, "\(rows)")
    }
    let noteRows = fixture.terminal.screen.lines.indices.filter {
      fixture.terminal.screen.lines[$0].contains("licensing")
    }
    try #require(noteRows.count > 2)
    for _ in 0..<120 { fixture.runner.handle(.key(.left)) }
    _ = fixture.screen
    fixture.runner.handle(.key(.character("x")))
    try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: 3, input: .key(.left))
    let rows = try #require(fixture.terminal.lastRows)
    #expect(rows.lowerBound > noteRows[0] && rows.upperBound == noteRows.last! + 1, "\(rows)")
    // An accent typed on the first row joins its letter: the text changes, its length and
    // every row's range do not.
    fixture.runner.handle(.key(.home))
    _ = fixture.screen
    for (step, key) in [Key.right, .character("e"), .character("\u{301}")].enumerated() {
      fixture.runner.handle(.key(key))
      try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: 4 + step, input: .key(key))
    }
    // Two changes drawn as one frame (keys that arrived together): an accent joining the
    // first letter, then a letter at the end. Only the second is the text's last change.
    for key in [Key.home, .right, .character("\u{300}"), .end, .character("q")] {
      fixture.runner.handle(.key(key))
    }
    try Self.expectWholeFrame(fixture.runner, fixture.terminal, step: 7, input: .key(.end))
    // A note longer than the editor's rows scrolls as it grows: a row more moves every row.
    fixture.runner.handle(.key(.end))
    fixture.runner.handle(.paste(String(repeating: "who holds the licensing budget ", count: 30)))
    _ = fixture.screen
    for step in 0..<90 {
      fixture.runner.handle(.key(.character("y")))
      try Self.expectWholeFrame(
        fixture.runner, fixture.terminal, step: 10 + step, input: .key(.character("y")))
    }
  }

  /// The other text fields (the setup form's, the review search, a transcript's correction)
  /// draw whole frames; the same check holds there.
  @Test func setupFormFramesEqualWholeFrames() throws {
    let terminal = MemoryTerminal()
    let runner = AppRunner(terminal: terminal, services: try testServices(), state: AppState())
    runner.drawFrame()
    runner.handle(.key(.enter))
    try #require(runner.state.screen is SetupState)
    var random = SeededGenerator(seed: 9)
    let keys: [Key] = [.tab, .backTab, .backspace, .left, .right, .home, .end, .down, .up]
    for step in 0..<300 {
      let key: Key =
        Int.random(in: 0..<4, using: &random) == 0
        ? keys.randomElement(using: &random)!
        : .character(Self.letters.randomElement(using: &random)!)
      runner.handle(.key(key))
      try Self.expectWholeFrame(runner, terminal, step: step, input: .key(key))
    }
    #expect(runner.state.screen is SetupState)
  }

  /// A frame the terminal was told to forget (a suspend) is drawn whole again.
  @Test func aSuspendRedrawsTheWholeFrame() throws {
    let fixture = try LiveFixture()
    fixture.press(.enter)
    fixture.type("Budget")
    _ = fixture.screen
    let before = fixture.terminal.rowFrames
    fixture.press(.control("z"))
    fixture.type("s")
    _ = fixture.screen
    #expect(fixture.terminal.suspensions == 1)
    #expect(fixture.terminal.rowFrames == before)
    fixture.type("!")
    _ = fixture.screen
    #expect(fixture.terminal.rowFrames == before + 1)
    #expect(fixture.terminal.screen == App.render(fixture.runner.state).grid)
  }

  static let letters = Array("abcdefghij klmnopqrstuvwxyz ÉéüßØ王小明#?.,'")

  /// What a facilitator might do: mostly type letters while the editor is open, now and then
  /// paste a sentence (so the note wraps onto more rows), delete, save or choose.
  static func liveInput(editorOpen: Bool, using random: inout SeededGenerator) -> InputEvent {
    guard editorOpen else {
      return .key(
        [.enter, .enter, .enter, .up, .down, .character("g")].randomElement(using: &random)!)
    }
    let key: Key
    switch Int.random(in: 0..<200, using: &random) {
    case 0: key = .enter
    case 1: key = .escape
    case 2: key = .control("u")
    case 3..<6: key = .tab
    case 6..<9: key = .backTab
    case 9..<11: key = .control("o")
    case 11..<13: key = .control("t")
    case 13..<16: key = .character("y")
    case 16..<22:
      let words = (0..<Int.random(in: 3...12, using: &random)).map { _ in
        ["budget", "licensing", "王小明", "#housing", "Zoë", "who", "should", "ask"]
          .randomElement(using: &random)!
      }
      return .paste(words.joined(separator: " ") + " ")
    case 22..<40: return .key(.backspace)
    case 40..<50:
      key = [.left, .right, .home, .end, .up, .down, .control("w")].randomElement(using: &random)!
    default: key = .character(letters.randomElement(using: &random)!)
    }
    return .key(key)
  }

  /// Draws a frame through the runner and checks it against the whole frame for its state.
  static func expectWholeFrame(
    _ runner: AppRunner, _ terminal: MemoryTerminal, step: Int, input: InputEvent
  ) throws {
    let key = input
    runner.drawFrame()
    let whole = App.render(runner.state)
    if let difference = terminal.screen.difference(from: whole.grid.lines) {
      Issue.record("after key \(step) (\(key)):\n\(difference)")
      throw FixtureError("stale frame")
    }
    // Styles too: a lost highlight is as stale as a lost letter.
    #expect(terminal.screen == whole.grid, "styles differ after key \(step) (\(key))")
    #expect(
      terminal.cursor.map { [$0.x, $0.y] } == whole.cursor.map { [$0.x, $0.y] },
      "cursor after key \(step) (\(key))")
  }
}
