import Foundation
import Testing

@testable import PeerConsultKit

/// The store's search over the fixture's sessions, as `peerconsult search` uses it.
@Suite struct NoteSearchAcrossSessionsTests {
  private func store() throws -> StoreFixture {
    let store = try StoreFixture()
    try ShareFixture.record(into: store.database)
    return store
  }

  private func texts(_ store: StoreFixture, _ query: String, programme: String? = nil) throws
    -> Set<String>
  {
    Set(try store.database.searchNotes(query, programme: programme).map(\.text.text))
  }

  @Test func accentsAndCaseAreIgnoredBothWays() throws {
    let store = try store()
    let angstrom = "Line one about Ångström\n# not a heading\n- not a list\n1. nor a numbered one"
    #expect(try texts(store, "angstrom") == [angstrom])
    #expect(try texts(store, "ÅNGSTRÖM") == [angstrom])
    #expect(
      try texts(store, "ZOË") == [
        "What does zoe think about the pilot?", "Marie and zoë to map the referral routes.",
      ])
  }

  @Test func phrasesKeepWordOrder() throws {
    let store = try store()
    #expect(
      try texts(store, "\"referral routes\"") == ["Marie and zoë to map the referral routes."])
    #expect(try texts(store, "\"routes referral\"").isEmpty)
  }

  @Test func prefixesMatchTheStartsOfWords() throws {
    let store = try store()
    #expect(
      try texts(store, "refer*") == [
        "The referral backlog at NHS West Yorkshire doubled since May.",
        "Marie and zoë to map the referral routes.",
      ])
    #expect(try texts(store, "refer").isEmpty)
  }

  @Test func deletedNotesAndOtherProgrammesAreLeftOut() throws {
    let store = try store()
    #expect(try texts(store, "record").isEmpty)
    #expect(try texts(store, "pastors").count == 1)
    #expect(try texts(store, "pastors", programme: "Alcohol Plan").isEmpty)
  }

  @Test func hitsAreMarkedWhereTheyMatch() throws {
    let store = try store()
    let hit = try #require(try store.database.searchNotes("ANGSTROM").first)
    #expect(hit.text.highlights.map { String(hit.text.text[$0]) } == ["Ångström"])
  }

  @Test func cjkWordsSetApartByPunctuationOrSpacesAreFound() throws {
    let store = try store()
    #expect(try texts(store, "王伟").contains("Glad to be here; 王伟 brought biscuits."))
  }

  @Test func cjkWordsInsideARunOfCJKText() throws {
    let store = try store()
    // The index holds CJK characters one by one (NoteTokenizer), so a name inside a sentence
    // is found, alone or with other words.
    #expect(try texts(store, "王伟").contains("我和王伟谈过 about the night-time hub."))
    #expect(try texts(store, "王伟 hub") == ["我和王伟谈过 about the night-time hub."])
    let hit = try #require(try store.database.searchNotes("王伟 hub").first)
    #expect(hit.text.highlights.count == 2)
  }
}
