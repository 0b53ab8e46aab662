import GRDB
import Testing

@testable import PeerConsultKit

/// `#tag` terms search the tag index: the tag, never the word.
@Suite struct TagSearchTests {
  private func seeded() throws -> (StoreFixture, LiveSession) {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    try session.addNote(.init(text: "Late opening hours #licensing", kind: .theme))
    try session.addNote(.init(text: "The licensing panel met twice", kind: .other))
    try session.addNote(.init(text: "Taxis at 3am #Night-Time-Economy #licénsing", kind: .blockage))
    try session.addNote(.init(text: "Street pastors #night_time_economy", kind: .worksWell))
    return (store, session)
  }

  private func found(_ query: String, in store: StoreFixture) throws -> [Int] {
    try store.database.searchNotes(query).map(\.noteID).sorted()
  }

  @Test func aTagFindsTheTagAndAWordFindsTheWordAsBefore() throws {
    let (store, _) = try seeded()
    #expect(try found("#licensing", in: store) == [1, 3])
    #expect(try found("licensing", in: store) == [1, 2, 3])
    #expect(try found("#LICENSING", in: store) == [1, 3])
    #expect(try found("#night-time-economy", in: store) == [3, 4])
    #expect(try found("#lic*", in: store) == [1, 3])
    #expect(try found("#night*", in: store) == [3, 4])
    #expect(try found("#licensing taxis", in: store) == [3])
    #expect(try found("#pubwatch", in: store).isEmpty)
    #expect(try found("\"#licensing\"", in: store) == [1, 2, 3], "a quoted phrase is words")
  }

  /// A thousand `#tags` passed SQLite's limit on an expression's depth, and the search
  /// failed as if the disk could not be read. A tag typed twice is asked for once, and more
  /// than the most a search takes find nothing, at once.
  @Test func aSearchOfTooManyTagsFindsNothingWithoutFailing() throws {
    let (store, _) = try seeded()
    let repeated = Array(repeating: "#licensing", count: 1000).joined(separator: " ")
    #expect(NoteSearchQuery(repeated).tags.count == 1)
    #expect(try found(repeated, in: store) == [1, 3])
    let many = (0..<1000).map { "#t\($0)" }.joined(separator: " ")
    #expect(NoteSearchQuery(many).hasTooManyTags)
    #expect(try found(many, in: store).isEmpty)
    func tags(_ count: Int) -> String { (0..<count).map { "#t\($0)" }.joined(separator: " ") }
    #expect(!NoteSearchQuery(tags(NoteSearchQuery.maximumTags)).hasTooManyTags)
    #expect(NoteSearchQuery(tags(NoteSearchQuery.maximumTags + 1)).hasTooManyTags)
    #expect(try found(tags(NoteSearchQuery.maximumTags), in: store).isEmpty)
  }

  @Test func theTagIsMarkedInTheHit() throws {
    let (store, _) = try seeded()
    let hits = try store.database.searchNotes("#licensing")
    let marked = hits.map { hit in hit.text.highlights.map { String(hit.text.text[$0]) } }
    #expect(Set(marked) == [["#licensing"], ["#licénsing"]])
    let mixed = try #require(try store.database.searchNotes("taxis #night*").first)
    #expect(
      mixed.text.highlights.map { String(mixed.text.text[$0]) } == ["Taxis", "#Night-Time-Economy"])
  }

  @Test func aLongTaggedNoteGivesAShortExcerptAroundTheTag() throws {
    let store = try StoreFixture()
    let session = try store.live()
    try session.start()
    let filler = Array(repeating: "words", count: 60).joined(separator: " ")
    try session.addNote(.init(text: "\(filler) #pubwatch \(filler)", kind: .other))
    let hit = try #require(try store.database.searchNotes("#pubwatch").first)
    #expect(hit.snippet.text.count < hit.text.text.count)
    #expect(hit.snippet.text.hasPrefix("…") && hit.snippet.text.hasSuffix("…"))
    #expect(hit.snippet.highlights.map { String(hit.snippet.text[$0]) } == ["#pubwatch"])
  }

  @Test func tagsFollowEditsDeletesAndRemovedSessions() throws {
    let (store, session) = try seeded()
    try session.editNote(1, to: .init(text: "Late opening hours #outreach", kind: .theme))
    #expect(try found("#licensing", in: store) == [3])
    #expect(try found("#outreach", in: store) == [1])
    try session.deleteNote(3)
    #expect(try found("#licensing", in: store).isEmpty)
    try store.database.deleteSession(session.id)
    let left = try store.database.read {
      try Int.fetchOne($0, sql: "SELECT count(*) FROM note_tags")
    }
    #expect(left == 0)
  }

  @Test func tagsAreNarrowedLikeWords() throws {
    let (store, session) = try seeded()
    store.clock.advance(by: 60)
    let other = try store.live(Fixtures.setup(title: "Other", programme: "Night Economy"))
    try other.start()
    try other.addNote(.init(text: "#licensing again", kind: .theme))
    #expect(try store.database.searchNotes("#licensing").count == 3)
    #expect(try store.database.searchNotes("#licensing", session: session.id).count == 2)
    #expect(try store.database.searchNotes("#licensing", programme: "Night Economy").count == 1)
    let newest = try store.database.searchNotes("#licensing", limit: 1)
    #expect(newest.map(\.session) == [other.id], "tags alone list the newest first")
  }
}
