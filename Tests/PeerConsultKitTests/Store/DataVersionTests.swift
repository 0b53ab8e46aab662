import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// `dataVersion()` tells a process that another one committed, and only then.
@Suite struct DataVersionTests {
  @Test func changesOnlyWhenAnotherConnectionCommits() throws {
    let folder = try TemporaryFolder()
    let data = folder.path("data")
    let live = try AppDatabase(directory: data)
    let session = try LiveSession.create(Fixtures.setup(title: "Watched"), store: live)
    let reader = try #require(try AppDatabase.openForReading(directory: data))
    let elsewhere = try AppDatabase(directory: data)

    let start = try reader.dataVersion()
    let liveStart = try live.dataVersion()
    #expect(try reader.dataVersion() == start, "asking again without a commit")

    try session.start()
    try session.addNote(.init(text: "said in the room", kind: .other))
    let afterLiveWrites = try reader.dataVersion()
    #expect(afterLiveWrites != start, "the reader sees the live session's commits")
    #expect(try live.dataVersion() == liveStart, "a connection's own commits do not count")

    _ = try LiveSession.create(Fixtures.setup(title: "Started elsewhere"), store: elsewhere)
    #expect(try live.dataVersion() != liveStart, "the live session sees a commit from elsewhere")
    #expect(try reader.dataVersion() != afterLiveWrites)
  }
}
