import Testing

@testable import TerminalKit

@Suite struct PasteDecoderTests {
  private func keys(_ text: String) -> [Key] {
    text.map { c -> Key in
      switch c {
      case "\u{1B}": return .escape
      case "\n": return .enter
      default: return .character(c)
      }
    }
  }

  @Test func aBracketedPasteBecomesOneEventWithItsNewlines() {
    let (events, rest) = PasteDecoder.decode(
      keys("a\u{1B}[200~line one\nq n\u{1B}[201~b"), final: true)
    #expect(events == [.key(.character("a")), .paste("line one\nq n"), .key(.character("b"))])
    #expect(rest.isEmpty)
  }

  @Test func anUnfinishedPasteWaitsForItsEnd() {
    let first = PasteDecoder.decode(keys("\u{1B}[200~half"), final: false)
    #expect(first.events.isEmpty)
    let second = PasteDecoder.decode(first.rest + keys(" done\u{1B}[201~"), final: false)
    #expect(second.events == [.paste("half done")])
  }

  @Test func aMarkerCutShortIsKeptUntilMoreArrives() {
    let partial = PasteDecoder.decode(keys("x\u{1B}[2"), final: false)
    #expect(partial.events == [.key(.character("x"))])
    #expect(partial.rest == keys("\u{1B}[2"))
    let given = PasteDecoder.decode(keys("\u{1B}[2"), final: true)
    #expect(given.events == [.key(.escape), .key(.character("[")), .key(.character("2"))])
  }

  @Test func aLoneEscapeIsAKey() {
    #expect(PasteDecoder.decode([.escape], final: true).events == [.key(.escape)])
  }
}
