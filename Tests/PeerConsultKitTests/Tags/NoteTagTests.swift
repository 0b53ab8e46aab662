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
}
