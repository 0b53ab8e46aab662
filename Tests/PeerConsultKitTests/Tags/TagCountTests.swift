import Foundation
import Testing

@testable import PeerConsultKit

/// Tags counted across sessions, with the days they were first and last used.
@Suite struct TagCountTests {
  @Test func countsNotesAndSessionsFirstAndLastSeen() throws {
    let store = try StoreFixture()
    let first = try store.live(Fixtures.setup(title: "First", programme: "Alcohol Plan"))
    try first.start()
    try first.addNote(.init(text: "#licensing and #outreach", kind: .theme))
    try first.addNote(.init(text: "more #licensing, twice #licensing", kind: .theme))
    try first.addNote(.init(text: "#gone soon", kind: .other))
    try first.deleteNote(3)
    store.clock.advance(by: 7 * 86_400)
    let second = try store.live(Fixtures.setup(title: "Second", programme: "Night Economy"))
    try second.start()
    try second.addNote(.init(text: "#Licensing at last", kind: .blockage))

    let counts = try store.database.tagCounts()
    #expect(counts.map(\.key) == ["licensing", "outreach"])
    let licensing = try #require(counts.first)
    #expect(licensing.tag == "Licensing", "named as last written")
    #expect(licensing.notes == 3 && licensing.sessions == 2)
    #expect(licensing.firstSeen == Fixtures.start)
    #expect(licensing.lastSeen == Fixtures.start.addingTimeInterval(7 * 86_400))
    let narrowed = try store.database.tagCounts(programme: "Alcohol Plan")
    #expect(narrowed.map(\.notes) == [2, 1])
    #expect(narrowed.first?.tag == "licensing")
    #expect(try store.database.tagCounts(programme: "Nobody's").isEmpty)
  }
}
