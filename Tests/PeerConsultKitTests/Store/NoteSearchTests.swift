import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

@Suite struct NoteSearchQueryTests {
  @Test func wordsPhrasesAndPrefixesBecomeQuotedTerms() {
    #expect(NoteSearchQuery("night time").ftsPattern == "\"night\" \"time\"")
    #expect(NoteSearchQuery("\"night time\" licen*").ftsPattern == "\"night time\" \"licen\"*")
    #expect(NoteSearchQuery("\"street pas\"*").ftsPattern == "\"street pas\"*")
    #expect(NoteSearchQuery("  \"unclosed phrase").ftsPattern == "\"unclosed phrase\"")
    #expect(NoteSearchQuery("a\"b").terms.map(\.text) == ["a", "b"])
  }

  @Test func searchSyntaxIsTakenAsText() {
    #expect(
      NoteSearchQuery("crème AND NOT (police) NEAR text:x -y").ftsPattern
        == "\"crème\" \"AND\" \"NOT\" \"(police)\" \"NEAR\" \"text:x\" \"-y\"")
    #expect(NoteSearchQuery("* \" - ( ) ^").ftsPattern == nil)
    #expect(NoteSearchQuery("").ftsPattern == nil)
  }
}

@Suite struct NoteSearchTests {
  /// Two sessions in two programmes, with notes worth finding.
  private func seeded() throws -> (StoreFixture, LiveSession, LiveSession) {
    let store = try StoreFixture()
    let first = try store.live(Fixtures.setup(title: "First", programme: "Alcohol Plan"))
    try first.start()
    try first.next()
    try first.addNote(.init(text: "Crème de la crème of licensing", kind: .insight, speaker: 2))
    try first.addNote(.init(text: "The night-time economy keeps growing", kind: .theme))
    try first.addNote(.init(text: "Time at night is short", kind: .other))
    try first.addNote(.init(text: "CAFÉ culture", kind: .worksWell))
    let second = try store.live(Fixtures.setup(title: "Second", programme: "Night Economy"))
    try second.start()
    try second.addNote(.init(text: "Licences reviewed yearly", kind: .blockage))
    try second.addNote(.init(text: "Creme brulee for everyone", kind: .other))
    return (store, first, second)
  }

  @Test func accentsAndCaseAreIgnored() throws {
    let (store, _, _) = try seeded()
    let hits = try store.database.searchNotes("creme")
    #expect(
      Set(hits.map(\.text.text)) == ["Crème de la crème of licensing", "Creme brulee for everyone"])
    #expect(try store.database.searchNotes("cafe").map(\.noteID) == [4])
    #expect(try store.database.searchNotes("CRÈME").count == 2)
  }

  @Test func phrasesKeepTheirOrderAndPrefixesMatchWordBeginnings() throws {
    let (store, _, _) = try seeded()
    #expect(
      try store.database.searchNotes("\"night time\"").map(\.text.text) == [
        "The night-time economy keeps growing"
      ])
    #expect(try store.database.searchNotes("night time").count == 2)
    #expect(
      Set(try store.database.searchNotes("licen*").map(\.text.text)) == [
        "Crème de la crème of licensing", "Licences reviewed yearly",
      ])
    #expect(try store.database.searchNotes("licen").isEmpty)
  }

  @Test func hostileInputNeverBreaksTheQuery() throws {
    let (store, _, _) = try seeded()
    for input in ["AND", "\"", "night OR", "NEAR(a b)", "text:night", "-night", "(((", "'; DROP"] {
      #expect(throws: Never.self) { try store.database.searchNotes(input) }
    }
    // A quote joined to the mark after it (an accent, a joiner, a variation selector) is one
    // character with it, inside a word: still a quote to double in the pattern.
    for input in ["night\"\u{301}x", "night\"\u{200D}x", "\"\u{FE0F}night", "a\"\u{301}\"\u{301}b"]
    {
      #expect(throws: Never.self, "\(input.unicodeScalars.map(\.value))") {
        try store.database.searchNotes(input)
      }
      #expect(throws: Never.self) { try store.database.searchNotes(input, order: .newest) }
    }
    #expect(try store.database.searchNotes("text:night").isEmpty)
  }

  @Test func hitsSayWhereTheNoteWasWrittenAndMarkTheMatches() throws {
    let (store, first, _) = try seeded()
    let hit = try #require(try store.database.searchNotes("creme", programme: "Alcohol Plan").first)
    #expect(
      hit.session == first.id && hit.sessionTitle == "First" && hit.programme == "Alcohol Plan")
    #expect(hit.noteID == 1 && hit.kind == .insight && hit.speaker == "Chloé")
    #expect(hit.round == 0 && hit.phase == "Presenting")
    #expect(hit.createdAt == first.state.notes[0].createdAt)
    #expect(hit.text.highlights.map { String(hit.text.text[$0]) } == ["Crème", "crème"])
    #expect(hit.snippet.text == hit.text.text)
  }

  @Test func aLongNoteGivesAShortSnippetAroundTheMatch() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    let filler = Array(repeating: "words", count: 60).joined(separator: " ")
    try session.addNote(.init(text: "\(filler) pubwatch \(filler)", kind: .other))
    let hit = try #require(try store.database.searchNotes("pubwatch").first)
    #expect(hit.snippet.text.count < hit.text.text.count)
    #expect(hit.snippet.text.hasPrefix("…") && hit.snippet.text.hasSuffix("…"))
    #expect(hit.snippet.highlights.map { String(hit.snippet.text[$0]) } == ["pubwatch"])
  }

  @Test func searchFollowsEditsAndLeavesDeletedNotesOut() throws {
    let (store, first, _) = try seeded()
    try first.editNote(4, to: .init(text: "Pub culture", kind: .worksWell))
    #expect(try store.database.searchNotes("cafe").isEmpty)
    #expect(try store.database.searchNotes("pub").map(\.noteID) == [4])
    try first.deleteNote(4)
    #expect(try store.database.searchNotes("pub").isEmpty)
  }

  @Test func searchCanBeNarrowedToASessionOrProgramme() throws {
    let (store, first, second) = try seeded()
    #expect(
      try store.database.searchNotes("creme", session: second.id).map(\.session) == [second.id])
    #expect(
      try store.database.searchNotes("creme", programme: "Alcohol Plan").map(\.session) == [
        first.id
      ])
    #expect(try store.database.searchNotes("creme", limit: 1).count == 1)
  }

  @Test func oneAndTwoCharacterCJKTermsAreFoundThroughTheIndex() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "李静说会议很安静。", kind: .other))
    try session.addNote(.init(text: "田中さんは東京へ", kind: .other))
    try session.addNote(.init(text: "김민수가 왔다", kind: .other))
    try session.addNote(.init(text: "静かな夜", kind: .other))
    #expect(try store.database.searchNotes("静").map(\.noteID).sorted() == [1, 4])
    #expect(try store.database.searchNotes("李静").map(\.noteID) == [1])
    #expect(try store.database.searchNotes("安静").map(\.noteID) == [1])
    #expect(try store.database.searchNotes("静李").isEmpty)
    #expect(try store.database.searchNotes("東京").map(\.noteID) == [2])
    #expect(try store.database.searchNotes("민수").map(\.noteID) == [3])
    let hit = try #require(try store.database.searchNotes("安静").first)
    #expect(hit.text.highlights.map { String(hit.text.text[$0]) } == ["安静"])
    // Through the index: the query plan reads the FTS table, not every note.
    let plan = try store.database.writer.read { db in
      try Row.fetchAll(
        db,
        sql: "EXPLAIN QUERY PLAN SELECT rowid FROM notes_fts WHERE notes_fts MATCH '\"静\"'"
      ).map { $0["detail"] as String }
    }
    #expect(plan.contains { $0.contains("VIRTUAL TABLE INDEX") })
  }

  @Test func apostrophesFoldAsAccentsDo() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "Ask D'Arcy first", kind: .other))
    try session.addNote(.init(text: "Darcy's plan works", kind: .other))
    try session.addNote(.init(text: "o’neill agreed", kind: .other))
    #expect(try store.database.searchNotes("darcy").map(\.noteID).sorted() == [1, 2])
    #expect(try store.database.searchNotes("d'arcy").map(\.noteID).sorted() == [1, 2])
    #expect(try store.database.searchNotes("D’Arcy's").map(\.noteID).sorted() == [1, 2])
    #expect(try store.database.searchNotes("O'Neill").map(\.noteID) == [3])
    let hit = try #require(try store.database.searchNotes("darcy").first { $0.noteID == 1 })
    #expect(hit.text.highlights.map { String(hit.text.text[$0]) } == ["D'Arcy"])
  }

  @Test func markedTextIsSplitIntoTextAndRanges() {
    let marked = HighlightedText(marked: "a \u{E000}bé\u{E001} c \u{E000}🍺\u{E001}")
    #expect(marked.text == "a bé c 🍺")
    #expect(marked.highlights.map { String(marked.text[$0]) } == ["bé", "🍺"])
  }
}
