import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// What counts as a `#tag` in a note, and which tags are one.
@Suite struct NoteTagTests {
  private func written(_ text: String) -> [String] { NoteTag.all(in: text).map(\.text) }

  @Test(arguments: [
    ("#licensing", ["licensing"]),
    ("Talked about #licensing and #night-time-economy.", ["licensing", "night-time-economy"]),
    ("(#outreach), #A&E", ["outreach"]),
    ("#飲酒 の話", ["飲酒"]),
    ("#café_culture!", ["café_culture"]),
    ("#Zoë's point", ["Zoë"]),
    ("#2024 plan and #1 priority", []),
    ("#2024-plan", ["2024-plan"]),
    ("C# and F#", []),
    ("##double", []),
    ("mail@#nope", []),
    ("trailing #done- and #a--b", ["done", "a"]),
    ("#first#second", []),
    ("# heading", []),
    ("#", []),
  ])
  func recognisesTagsWhereTheyAreWritten(text: String, expected: [String]) {
    #expect(written(text) == expected)
  }

  @Test func aTagKnowsWhereItStands() throws {
    let text = "Zoë: #night-time economy"
    let tag = try #require(NoteTag.all(in: text).first)
    #expect(text[tag.range] == "#night-time")
  }

  @Test func caseAccentsAndJoinersDoNotMakeANewTag() {
    let keys = Set(["#Licensing", "#licensing", "#licénsing"].map { NoteTag.key(of: $0) })
    #expect(keys == ["licensing"])
    #expect(NoteTag.key(of: "night_time") == NoteTag.key(of: "#Night-Time"))
    #expect(NoteTag.key(of: "#飲酒") == "飲酒")
    #expect(NoteTag.distinct(in: "#A then #a then #b").map(\.text) == ["A", "b"])
  }

  @Test func anOverlongRunIsNotATag() {
    let limit = String(repeating: "x", count: NoteTag.maximumLength)
    #expect(written("#" + limit) == [limit])
    #expect(written("#" + limit + "x").isEmpty)
  }

  @Test func parseTakesOnlyAWholeTag() {
    #expect(NoteTag.parse("#licensing")?.key == "licensing")
    #expect(NoteTag.parse("licensing")?.key == "licensing")
    #expect(NoteTag.parse("#two words") == nil)
    #expect(NoteTag.parse("#42") == nil)
  }

  /// Tags are found by jumping from `#` to `#`: the same tags, in the same places, as walking
  /// every character and remembering the one before, over texts of `#`s among letters, marks,
  /// joiners, keycaps and the characters that stop a tag.
  @Test func findingTagsFromTheirHashesIsWalkingEveryCharacter() {
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4841_5348))
    let pieces = [
      "#", "#", "#", "a", "Z", "é", "e\u{301}", "\u{301}", "1", "-", "_", " ", "\n", "\r\n", ",",
      "&", "@", "C", "王", "#\u{FE0F}\u{20E3}", "\u{600}", "\u{200D}", "\u{1F600}", "ß",
    ]
    var found = 0
    for _ in 0..<3_000 {
      let text = generator.text(of: pieces, length: 0...14)
      let expected = characterByCharacter(text)
      #expect(NoteTag.all(in: text) == expected, "\(text.debugDescription)")
      found += expected.count
    }
    // The texts do hold tags to find.
    #expect(found > 200)
  }

  /// The tags of `text` found by walking every character, as they were before.
  private func characterByCharacter(_ text: String) -> [NoteTag] {
    var tags: [NoteTag] = []
    var index = text.startIndex
    var previous: Character?
    while index < text.endIndex {
      let character = text[index]
      if character == "#", NoteTag.canStartTag(after: previous),
        let tag = NoteTag.tag(startingAt: index, in: text)
      {
        tags.append(tag)
        previous = text[text.index(before: tag.range.upperBound)]
        index = tag.range.upperBound
        continue
      }
      previous = character
      index = text.index(after: index)
    }
    return tags
  }

  /// A tag written in ASCII is folded from its bytes: the same key as Foundation's folding,
  /// for every ASCII character.
  @Test func anASCIITagsKeyIsFoundationsFolding() {
    let ascii = (0..<128).map { Character(Unicode.Scalar(UInt8($0))) }
    var generator = SeededGenerator(seed: SeededGenerator.seed(0x4B45_5953))
    for _ in 0..<2_000 {
      let text = String(
        (0..<Int.random(in: 0...12, using: &generator)).map { _ in
          ascii.randomElement(using: &generator)!
        })
      let body = text.hasPrefix("#") ? String(text.dropFirst()) : text
      let expected = body.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        .replacingOccurrences(of: "_", with: "-")
      #expect(NoteTag.key(of: text) == expected, "\(text.debugDescription)")
      #expect(NoteTag.key(of: "#" + body) == expected, "\(text.debugDescription)")
    }
  }
}
