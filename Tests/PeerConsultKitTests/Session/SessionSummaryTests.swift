import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct SessionSummaryTests {
  @Test func theSummaryHarvestsNotesByKindAndTheProcessReview() throws {
    let live = try LiveFixture()
    let session = live.session
    try session.start()
    try session.next()
    let action = try session.addNote(.init(text: "Write to licensing", kind: .action, owner: 1))
    let theme = try session.addNote(.init(text: "Nobody owns the night", kind: .theme))
    let works = try session.addNote(.init(text: "Street pastors", kind: .worksWell))
    let blockage = try session.addNote(.init(text: "Data not shared", kind: .blockage))
    try session.addNote(.init(text: "Gone", kind: .theme))
    try session.deleteNote(5)
    try session.setActionDone(action.id, true)
    while session.state.current?.part != .closing { try session.next() }
    let review = try session.addNote(.init(text: "Questions helped", kind: .feedback))
    let closingAction = try session.addNote(.init(text: "Meet again", kind: .action, owner: 0))
    try session.rateProcess(participant: 2, rating: 3)
    try session.rateProcess(participant: 0, rating: 4)
    try session.next()
    let summary = session.state.summary(at: live.now)
    #expect(summary.actions.map(\.id) == [action.id, closingAction.id])
    #expect(summary.actions.first?.isDone == true && summary.actions.first?.owner == 1)
    #expect(summary.themes.map(\.id) == [theme.id])
    #expect(summary.worksWell.map(\.id) == [works.id])
    #expect(summary.blockages.map(\.id) == [blockage.id])
    #expect(summary.processReview.map(\.id) == [review.id, closingAction.id])
    #expect(
      summary.ratings == [.init(participant: 0, rating: 4), .init(participant: 2, rating: 3)])
    #expect(summary.averageRating == 3.5)
    #expect(summary.phaseUsage == session.state.phaseUsage(at: live.now))
  }

  @Test func withoutRatingsThereIsNoAverage() throws {
    let live = try LiveFixture()
    #expect(live.session.state.summary(at: live.now).averageRating == nil)
  }
}
