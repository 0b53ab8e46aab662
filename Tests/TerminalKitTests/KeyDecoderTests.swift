import TestSupport
import Testing

@testable import TerminalKit

@Suite struct KeyDecoderTests {
  /// Decodes `text` in one go, then lets the escape delay pass.
  private func decode(_ text: String) -> [InputEvent] {
    var decoder = KeyDecoder()
    return decoder.feed(text.unicodeScalars) + decoder.flush()
  }

  private func keys(_ keys: Key...) -> [InputEvent] { keys.map { .key($0) } }

  @Test func homeAndEndAsTmuxSendsThemAreKeysUnderAnyTerm() {
    // What tmux sends whatever TERM the program has; ncurses under xterm-256color expects
    // ESC O H and ESC O F, and used to hand these over as Esc, "[", "1", "~".
    let typed = decode("\u{1B}[1~Then n\u{1B}[4~ edited")
    #expect(typed == keys(.home) + decode("Then n") + keys(.end) + decode(" edited"))
    #expect(!typed.contains(.key(.escape)))
  }

  @Test(arguments: [
    // xterm (normal and application cursor mode), tmux, screen
    ("\u{1B}[A", Key.up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
    ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[H", .home), ("\u{1B}[F", .end),
    ("\u{1B}OH", .home), ("\u{1B}OF", .end), ("\u{1B}[1~", .home), ("\u{1B}[4~", .end),
    ("\u{1B}[2~", .insert), ("\u{1B}[3~", .delete), ("\u{1B}[5~", .pageUp),
    ("\u{1B}[6~", .pageDown), ("\u{1B}[Z", .backTab), ("\u{1B}OP", .function(1)),
    ("\u{1B}OS", .function(4)), ("\u{1B}[15~", .function(5)), ("\u{1B}[17~", .function(6)),
    ("\u{1B}[21~", .function(10)), ("\u{1B}[23~", .function(11)), ("\u{1B}[24~", .function(12)),
    // rxvt: Home and End as 7 and 8, F1-F4 as 11-14, Ctrl/Shift with ^ and $
    ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[11~", .function(1)),
    ("\u{1B}[14~", .function(4)), ("\u{1B}[3^", .delete), ("\u{1B}[5$", .pageUp),
    ("\u{1B}[a", .up), ("\u{1B}Od", .left),
    // the Linux console's F1-F5
    ("\u{1B}[[A", .function(1)), ("\u{1B}[[E", .function(5)),
    // modifiers are ignored: Ctrl-→, Shift-Home, Ctrl-Del, Shift-F1
    ("\u{1B}[1;5C", .right), ("\u{1B}[1;2H", .home), ("\u{1B}[3;5~", .delete),
    ("\u{1B}[1;2P", .function(1)), ("\u{1B}[15;2~", .function(5)),
    // the keypad in application mode
    ("\u{1B}OM", .enter), ("\u{1B}Op", .character("0")), ("\u{1B}Oy", .character("9")),
    ("\u{1B}Ok", .character("+")),
  ])
  func commonEncodingsAreMapped(sequence: String, key: Key) {
    #expect(decode(sequence + "x") == [.key(key), .key(.character("x"))])
  }

  @Test(arguments: [
    "\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[<0;3;4M", "\u{1B}[I", "\u{1B}[27;5;9~",
    "\u{1B}[1;5E", "\u{1B}OZ", "\u{1B}]11;rgb:ffff/ffff/ffff\u{07}",
    "\u{1B}]0;title\u{1B}\\", "\u{1B}[[Z",
  ])
  func anUnknownSequenceIsOneIgnoredKey(sequence: String) {
    // Never Esc followed by letters: the whole sequence goes, the next key stays.
    #expect(decode(sequence + "n") == [.key(.character("n"))])
  }

  @Test func aLoneEscapeIsAKeyOnlyOnceTheDelayPassed() {
    var decoder = KeyDecoder()
    #expect(decoder.feed("\u{1B}".unicodeScalars).isEmpty)
    #expect(decoder.isWaiting)
    #expect(decoder.waitMilliseconds == KeyDecoder.escapeDelayMilliseconds)
    #expect(decoder.flush() == [.key(.escape)])
    #expect(!decoder.isWaiting)
  }

  @Test func aSequenceSplitAcrossReadsIsJoined() {
    var decoder = KeyDecoder()
    #expect(decoder.feed("a\u{1B}[".unicodeScalars) == [.key(.character("a"))])
    #expect(decoder.feed("3".unicodeScalars).isEmpty)
    #expect(decoder.feed("~b".unicodeScalars) == [.key(.delete), .key(.character("b"))])
  }

  @Test func aSequenceCutShortIsDroppedNotTyped() {
    #expect(decode("\u{1B}[1;5") == [])
    #expect(decode("\u{1B}O") == [])
  }

  @Test func escapeThenAnOrdinaryKeyIsBoth() {
    // Alt-x, or Esc and a key pressed at once: as ncurses reads them.
    #expect(decode("\u{1B}y") == keys(.escape, .character("y")))
    #expect(decode("\u{1B}\u{1B}") == keys(.escape, .escape))
    #expect(decode("\u{1B}\u{1B}[A") == keys(.escape, .up))
  }

  @Test func aControlCharacterInsideASequenceEndsItAndIsKept() {
    #expect(decode("\u{1B}[1\r") == keys(.enter))
    #expect(decode("\u{1B}]0;ti\r") == keys(.enter))
  }

  @Test func aHostileSequenceIsBounded() {
    // Read to its end and dropped whole, holding at most a few dozen characters meanwhile.
    let long = "\u{1B}[" + String(repeating: "1;", count: 5_000) + "~ok"
    #expect(decode(long) == keys(.character("o"), .character("k")))
    let title = "\u{1B}]0;" + String(repeating: "x", count: 5_000) + "\u{07}ok"
    #expect(decode(title) == keys(.character("o"), .character("k")))
  }

  @Test func controlKeys() {
    #expect(
      decode("\r\n\t\u{7F}\u{08}\u{15}\u{03}\u{1A}\u{1C}")
        == keys(
          .enter, .enter, .tab, .backspace, .backspace, .control("u"), .control("c"),
          .control("z"), .control("\\")))
    #expect(decode("\u{00}\u{1D}\u{9B}") == [])
    #expect(decode("日é") == keys(.character("日"), .character("é")))
  }

  /// The bidirectional controls that reorder text are neither typed nor pasted; the marks that
  /// give a character its direction, which Arabic and Hebrew text needs, are.
  @Test func bidirectionalControlsAreNeitherTypedNorPasted() {
    #expect(decode("a\u{202E}b\u{2066}") == keys(.character("a"), .character("b")))
    #expect(
      decode("\u{1B}[200~\u{202E}ylloM\u{202C} \u{2067}x\u{2069}\u{200F}\u{1B}[201~")
        == [.paste("ylloM x\u{200F}")])
    #expect(decode("\u{200E}") == keys(.character("\u{200E}")))
  }

  @Test func aBracketedPasteBecomesOneEventWithItsNewlines() {
    #expect(
      decode("a\u{1B}[200~line one\nq n\u{1B}[201~b")
        == [.key(.character("a")), .paste("line one\nq n"), .key(.character("b"))])
  }

  /// Text copied from a coloured terminal holds its colours' escapes; the note gets the text.
  @Test func aPasteDropsTheEscapeSequencesItHoldsWhole() {
    #expect(
      decode("\u{1B}[200~Eve\u{1B}[31mRed\u{1B}[0m, \u{1B}[1;38;5;208mbold\u{1B}[m\u{1B}[201~")
        == [.paste("EveRed, bold")])
    #expect(decode("\u{1B}[200~x\u{1B}[A\u{1B}[20y\u{1B}[201~") == [.paste("x")])
    // Titles and other strings, to BEL or ESC \; two- and three-byte escapes.
    #expect(
      decode(
        "\u{1B}[200~a\u{1B}]0;title\u{07}b\u{1B}]8;;http://x\u{1B}\\c\u{1B}Pq#0\u{1B}\\d\u{1B}[201~"
      )
        == [.paste("abcd")])
    #expect(
      decode("\u{1B}[200~e\u{1B}7f\u{1B}(Bg\u{1B}\u{1B}[1mh\u{1B}é\u{1B}[201~") == [.paste("efghé")]
    )
    // SS3 with its character, and the 8-bit CSI and OSC with its 8-bit end.
    #expect(
      decode("\u{1B}[200~a\u{1B}OAb\u{9B}31mc\u{9D}0;t\u{9C}d\u{1B}[201~") == [.paste("abcd")])
    // An escape split across reads is dropped whole too.
    var decoder = KeyDecoder()
    #expect(decoder.feed("\u{1B}[200~one\u{1B}".unicodeScalars).isEmpty)
    #expect(decoder.feed("[3".unicodeScalars).isEmpty)
    #expect(decoder.feed("2m two\u{1B}[201~".unicodeScalars) == [.paste("one two")])
  }

  /// A string that never ends loses no more than its line, and never hides the end marker.
  @Test func anUnendedStringInAPasteStopsAtItsLineAndAtTheEndMarker() {
    #expect(decode("\u{1B}[200~a\u{1B}]0;no end\nnext line\u{1B}[201~") == [.paste("a\nnext line")])
    #expect(
      decode("\u{1B}[200~a\u{1B}]0;no end\u{1B}[201~z")
        == [.paste("a"), .key(.character("z"))])
    #expect(
      decode("\u{1B}[200~a\u{1B}[12;\u{1B}[201~z")
        == [.paste("a"), .key(.character("z"))])
  }

  /// Text mixed with every kind of escape sequence comes out as the text alone, and the end
  /// marker ends the paste however the two are interleaved.
  @Test func anyPasteKeepsItsTextAndNothingOfItsEscapes() {
    let text = ["a", "é", "日", "[", "]", "~", "0", "1;", "m", "O", "\\", "\n", " "]
    let escapes = [
      "\u{1B}[31m", "\u{1B}[1;38;5;208m", "\u{1B}[m", "\u{1B}[?25l", "\u{1B}]0;title\u{07}",
      "\u{1B}]8;;http://x\u{1B}\\", "\u{1B}(B", "\u{1B}7", "\u{1B}OA", "\u{1B}Pq#0\u{1B}\\",
      "\u{9B}2m", "\u{9D}0;t\u{9C}", "\u{1B}\u{1B}[0m",
    ]
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x5EED_0E5C))
    for _ in 0..<2_000 {
      var pasted = ""
      var expected = ""
      for _ in 0..<Int.random(in: 0...16, using: &generator) {
        if Bool.random(using: &generator) {
          let piece = text.randomElement(using: &generator)!
          pasted += piece
          expected += piece
        } else {
          pasted += escapes.randomElement(using: &generator)!
        }
      }
      let events = decode("\u{1B}[200~" + pasted + "\u{1B}[201~z")
      #expect(
        events == [.paste(expected), .key(.character("z"))], "\(pasted.debugDescription)")
    }
  }

  /// A paste is kept up to its bound and read to its end marker; what follows is typed.
  @Test func aPasteKeepsItsFirstMegabyteAndReadsTheRestToItsEnd() {
    var decoder = KeyDecoder()
    let chunk = String(repeating: "é€x\n", count: 4096)  // 28 KiB of UTF-8
    #expect(decoder.feed("\u{1B}[200~".unicodeScalars).isEmpty)
    for _ in 0..<60 { #expect(decoder.feed(chunk.unicodeScalars).isEmpty) }
    let events = decoder.feed("\u{1B}[201~z".unicodeScalars)
    guard case .paste(let text)? = events.first else {
      Issue.record("no paste: \(events.prefix(1))")
      return
    }
    #expect(text.utf8.count <= KeyDecoder.maximumPasteBytes)
    #expect(text.utf8.count > KeyDecoder.maximumPasteBytes - 4)
    #expect(String(repeating: chunk, count: 60).hasPrefix(text))
    #expect(events.dropFirst() == [.key(.character("z"))])
  }

  @Test func aPasteComposesClusters() {
    #expect(decode("\u{1B}[200~e\u{301}\u{1B}[201~") == [.paste("e\u{301}")])
  }
}
