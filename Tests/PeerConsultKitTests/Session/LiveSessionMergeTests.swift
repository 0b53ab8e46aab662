import Foundation
import Testing

@testable import PeerConsultKit

/// A change made to a live session from elsewhere (review, in another window) merges with the
/// live session's next write instead of locking it out (issue 14, item 7).
@Suite struct LiveSessionMergeTests {
  @Test func aWriteAfterReviewMarkedAnActionDoneTakesItInAndSaves() throws {
    let database = try AppDatabase.inMemory()
    let clock = ManualClock(Fixtures.start)
    let live = try LiveSession.create(Fixtures.setup(), store: database, clock: clock)
    try live.start()
    let action = try live.addNote(.init(text: "Call licensing", kind: .action, owner: 0))
    // Review, in another program, marks it done.
    clock.advance(by: 5)
    let review = try LiveSession.resume(live.id, store: database, clock: clock)
    try review.setActionDone(action.id, true)
    // The live session knows nothing of it, and writes its next note.
    clock.advance(by: 5)
    let note = try live.addNote(.init(text: "Typed while review wrote", kind: .insight))
    #expect(note.id == 2)
    #expect(live.state.note(action.id)?.isDone == true)
    let stored = try database.events(of: live.id)
    #expect(stored.map(\.sequence) == Array(1...stored.count))
    #expect(try SessionState.replay(stored) == live.state)
    // And it carries on writing.
    try live.next()
    #expect(try SessionState.replay(try database.events(of: live.id)) == live.state)
  }

  @Test func catchingUpTakesInWhatAnotherProgramWrote() throws {
    let database = try AppDatabase.inMemory()
    let clock = ManualClock(Fixtures.start)
    let live = try LiveSession.create(Fixtures.setup(), store: database, clock: clock)
    try live.start()
    let action = try live.addNote(.init(text: "Call licensing", kind: .action, owner: 0))
    #expect(try live.catchUp() == false)
    try LiveSession.resume(live.id, store: database, clock: clock).setActionDone(action.id, true)
    #expect(try live.catchUp() == true)
    #expect(live.state.note(action.id)?.isDone == true)
  }
}
