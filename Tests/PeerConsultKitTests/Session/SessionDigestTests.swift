import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct SessionDigestTests {
  private func digest(_ live: LiveFixture) -> SessionDigest {
    SessionDigest(id: live.session.id, state: live.session.state, at: live.now)
  }

  @Test func notesAreSortedByKindAndTheClosingIsTheProcessReview() throws {
    let live = try LiveFixture()
    let session = live.session
    try session.start()
    try session.next()
    let action = try session.addNote(.init(text: "Write to licensing", kind: .action, owner: 1))
    let theme = try session.addNote(.init(text: "Nobody owns the night", kind: .theme))
    let works = try session.addNote(.init(text: "Street pastors", kind: .worksWell))
    let blockage = try session.addNote(.init(text: "Data not shared", kind: .blockage))
    let gone = try session.addNote(.init(text: "Gone", kind: .theme))
    try session.deleteNote(gone.id)
    try session.setActionDone(action.id, true)
    while session.state.current?.part != .closing { try session.next() }
    let review = try session.addNote(.init(text: "Questions helped", kind: .feedback))
    let closingAction = try session.addNote(.init(text: "Meet again", kind: .action, owner: 0))
    try session.next()
    let digest = digest(live)
    #expect(digest.actions.map(\.note.id) == [action.id, closingAction.id])
    #expect(digest.actions.map(\.ownerName) == ["Ben", "Asha"])
    #expect(digest.actions.map(\.note.isDone) == [true, false])
    #expect(digest.themes.map(\.note.id) == [theme.id])
    #expect(digest.worksWell.map(\.note.id) == [works.id])
    #expect(digest.blockages.map(\.note.id) == [blockage.id])
    #expect(digest.processReview.map(\.note.id) == [review.id, closingAction.id])
    // The deleted note stays in the record (the JSON export carries it) and nowhere else.
    #expect(digest.notes.map(\.note.id) == Array(1...7))
    #expect(!digest.visibleNotes.contains { $0.note.id == gone.id })
    #expect(!digest.parts.flatMap(\.phases).flatMap(\.notes).contains { $0.note.id == gone.id })
  }

  @Test func ratingsAreInParticipantOrderWithOneAverage() throws {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.rateProcess(participant: 2, rating: 3)
    try live.session.rateProcess(participant: 0, rating: 5)
    try live.session.rateProcess(participant: 0, rating: 4)
    let digest = digest(live)
    #expect(
      digest.ratings == [
        .init(participant: 0, name: "Asha", rating: 4),
        .init(participant: 2, name: "Chloé", rating: 3),
      ])
    #expect(digest.averageRating == 3.5)
  }

  @Test func withoutRatingsThereIsNoAverage() throws {
    let live = try LiveFixture()
    #expect(digest(live).ratings.isEmpty)
    #expect(digest(live).averageRating == nil)
  }

  /// Runs the opening for 10 s, Ben's round's phases for 20, 30 (with a minute added) and
  /// 40 s, and Asha's first phase for 5 s, still running.
  private func halfWay() throws -> LiveFixture {
    let live = try LiveFixture()
    try live.session.start()
    for (seconds, adjust) in [(10.0, 0), (20, 0), (30, 1), (40, 0)] {
      if adjust != 0 { try live.session.adjustTime(minutes: adjust) }
      live.clock.advance(by: seconds)
      try live.session.next()
    }
    live.clock.advance(by: 5.25)
    try live.session.addNote(.init(text: "Asha's case", kind: .insight, speaker: 0))
    return live
  }

  @Test func partsHoldEveryPhaseWithItsTimeAndNotes() throws {
    let live = try halfWay()
    let digest = digest(live)
    #expect(digest.parts.map(\.part) == [.opening, .round(0), .round(1), .closing])
    #expect(digest.parts.map(\.presenterName) == [nil, "Ben", "Asha", nil])
    #expect(digest.parts[1].focusQuestion == "How do I get licensing on board?")
    let ben = digest.parts[1].phases
    #expect(ben.map(\.name) == ["Presenting", "Questions", "Sense-making"])
    #expect(ben.map(\.plannedSeconds) == [100, 120, 90])
    #expect(ben.map(\.adjustedSeconds) == [100, 180, 90])
    #expect(ben.map(\.usedSeconds) == [20, 30, 40])
    #expect(ben.allSatisfy { $0.startedAt != nil && $0.endedAt != nil })
    let asha = digest.parts[2].phases
    // Still running: used time is taken at the digest's moment, in whole seconds.
    #expect(asha[0].usedSeconds == 5 && asha[0].endedAt == nil)
    #expect(asha[0].notes.map(\.speakerName) == ["Asha"])
    #expect(asha[1].startedAt == nil && asha[1].usedSeconds == 0)
    #expect(digest.phases.map(\.slot.index) == Array(0..<8))
    #expect(digest.parts.map(\.hasNotes) == [false, false, true, false])
  }

  @Test func roundsCarryAirtimeAndPeopleWhetherTheyPresent() throws {
    let live = try halfWay()
    let digest = digest(live)
    #expect(digest.rounds.map(\.presenterName) == ["Ben", "Asha"])
    #expect(digest.rounds.map(\.usedSeconds) == [90, 5.25])
    #expect(digest.rounds.map(\.plannedSeconds) == [310, 310])
    #expect(digest.rounds.map(\.focusQuestion) == ["How do I get licensing on board?", nil])
    #expect(digest.people.map(\.name) == ["Asha", "Ben", "Chloé"])
    #expect(digest.people.map(\.presentsRound) == [1, 0, nil])
    #expect(digest.phaseUsage == live.session.state.phaseUsage(at: live.now))
    #expect(digest.phaseUsage.map(\.wholeUsedSeconds) == [10, 25, 30, 40, 0])
  }

  @Test func theDigestOfARecordSpeaksForItsLastMoment() throws {
    let live = try LiveFixture()
    try live.session.start()
    live.clock.advance(by: 30)
    try live.session.finish()
    live.clock.advance(by: 500)
    let record = try SessionRecord(
      id: live.session.id, events: live.store.events(of: live.session.id))
    let digest = SessionDigest(record)
    #expect(digest.asOf == record.asOf && digest.finishedAt == record.asOf)
    #expect(digest.phases[0].usedSeconds == 30)
  }
}
