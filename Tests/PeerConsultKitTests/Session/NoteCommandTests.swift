import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct NoteCommandTests {
  private func started() throws -> LiveFixture {
    let live = try LiveFixture()
    try live.session.start()
    try live.session.next()
    return live
  }

  @Test func aNoteRecordsTimeSlotKindSpeakerAndText() throws {
    let live = try started()
    live.clock.advance(by: 3)
    let note = try live.session.addNote(
      .init(text: "  Late licences 🍺 — crème de la crème\n", kind: .insight, speaker: 2))
    #expect(note.id == 1 && note.slot == 1 && note.createdAt == live.now)
    #expect(note.text == "Late licences 🍺 — crème de la crème")
    #expect(note.kind == .insight && note.speaker == 2 && note.owner == nil)
    #expect(live.session.state.notes == [note])
    #expect(live.session.state.nextNoteID == 2)
  }

  @Test func theVisibleCountFollowsDeletesAndReplays() throws {
    let live = try started()
    for text in ["one", "two", "three"] {
      try live.session.addNote(.init(text: text, kind: .other))
    }
    try live.session.deleteNote(2)
    #expect(live.session.state.visibleNoteCount == 2)
    #expect(live.session.state.visibleNoteCount == live.session.state.visibleNotes.count)
    let replayed = try SessionState.replay(try live.store.events(of: live.session.id))
    #expect(replayed.visibleNoteCount == 2 && replayed == live.session.state)
  }

  @Test func onlyAnActionKeepsAnOwner() throws {
    let live = try started()
    let question = try live.session.addNote(
      .init(text: "Who owns this?", kind: .question, owner: 1))
    #expect(question.owner == nil)
    let action = try live.session.addNote(.init(text: "Call licensing", kind: .action, owner: 1))
    #expect(action.owner == 1 && !action.isDone)
    var state = live.session.state
    #expect(throws: SessionError.ownerWithoutAction) {
      try state.apply(
        .noteAdded(id: 3, slot: 1, content: .init(text: "x", kind: .theme, owner: 0)), at: live.now)
    }
  }

  @Test func unknownSpeakersAndOversizedTextAreRefused() throws {
    let live = try started()
    #expect(throws: SessionError.noSuchParticipant(3)) {
      try live.session.addNote(.init(text: "Hello", kind: .other, speaker: 3))
    }
    let long = String(repeating: "é", count: NoteContent.maximumLength + 1)
    #expect(throws: SessionError.noteTooLong(maximum: NoteContent.maximumLength)) {
      try live.session.addNote(.init(text: long, kind: .other))
    }
    let longest = String(repeating: "é", count: NoteContent.maximumLength)
    #expect(try live.session.addNote(.init(text: longest, kind: .other)).text.count == 10_000)
  }

  @Test func anEditKeepsTheEarlierVersion() throws {
    let live = try started()
    try live.session.addNote(
      .init(text: "Have you tried the pubwatch?", kind: .question, speaker: 0))
    live.clock.advance(by: 7)
    try live.session.editNote(
      1, to: .init(text: "What has pubwatch taught you?", kind: .question, speaker: 0))
    let note = try #require(live.session.state.note(1))
    #expect(note.text == "What has pubwatch taught you?")
    #expect(note.editedAt == live.now)
    #expect(
      note.history == [
        NoteRevision(
          content: .init(text: "Have you tried the pubwatch?", kind: .question, speaker: 0),
          replacedAt: live.now)
      ])
  }

  @Test func savingAnEditUnchangedStoresNothing() throws {
    let live = try started()
    try live.session.addNote(.init(text: "Same", kind: .theme))
    let count = try live.store.events(of: live.session.id).count
    try live.session.editNote(1, to: .init(text: "Same ", kind: .theme))
    #expect(try live.store.events(of: live.session.id).count == count)
    #expect(live.session.state.note(1)?.history == [])
  }

  @Test func aDeleteKeepsTheTextForTheRecord() throws {
    let live = try started()
    try live.session.addNote(.init(text: "Said in confidence", kind: .other))
    try live.session.addNote(.init(text: "Keep me", kind: .other))
    try live.session.deleteNote(1)
    let note = try #require(live.session.state.note(1))
    #expect(note.isDeleted && note.text == "Said in confidence")
    #expect(live.session.state.visibleNotes.map(\.id) == [2])
    #expect(live.session.state.nextNoteID == 3)
    #expect(throws: SessionError.noteDeleted(1)) { try live.session.deleteNote(1) }
    #expect(throws: SessionError.noteDeleted(1)) {
      try live.session.editNote(1, to: .init(text: "Again", kind: .other))
    }
    #expect(throws: SessionError.noSuchNote(9)) { try live.session.deleteNote(9) }
  }

  @Test func anActionIsMarkedDoneAndUndone() throws {
    let live = try started()
    try live.session.addNote(.init(text: "Draft a joint letter", kind: .action, owner: 2))
    try live.session.addNote(.init(text: "Patterns of blame", kind: .theme))
    live.clock.advance(by: 2)
    try live.session.setActionDone(1, true)
    #expect(live.session.state.note(1)?.isDone == true)
    #expect(live.session.state.note(1)?.doneAt == live.now)
    let count = try live.store.events(of: live.session.id).count
    try live.session.setActionDone(1, true)
    #expect(try live.store.events(of: live.session.id).count == count)
    try live.session.setActionDone(1, false)
    #expect(
      live.session.state.note(1)?.isDone == false && live.session.state.note(1)?.doneAt == nil)
    #expect(throws: SessionError.notAnAction(2)) { try live.session.setActionDone(2, true) }
  }

  @Test func anActionTurnedIntoAnotherKindLosesOwnerAndDoneState() throws {
    let live = try started()
    try live.session.addNote(.init(text: "Ask the police", kind: .action, owner: 2))
    try live.session.setActionDone(1, true)
    try live.session.editNote(1, to: .init(text: "Ask the police", kind: .question, owner: 2))
    let note = try #require(live.session.state.note(1))
    #expect(note.kind == .question && note.owner == nil && !note.isDone && note.doneAt == nil)
    #expect(note.history.first?.content.owner == 2)
  }

  @Test func notesCanBeAddedAfterTheFinishAndLandInTheLastSlot() throws {
    let live = try started()
    try live.session.finish()
    let note = try live.session.addNote(.init(text: "Follow-up", kind: .action, owner: 0))
    #expect(note.slot == 1)
  }

  @Test func outOfOrderNoteIDsDoNotReplay() throws {
    let live = try started()
    var state = live.session.state
    #expect(throws: SessionError.outOfOrderNote(expected: 1, got: 2)) {
      try state.apply(
        .noteAdded(id: 2, slot: 1, content: .init(text: "x", kind: .other)), at: live.now)
    }
    #expect(throws: SessionError.noSuchSlot(99)) {
      try state.apply(
        .noteAdded(id: 1, slot: 99, content: .init(text: "x", kind: .other)), at: live.now)
    }
    #expect(state == live.session.state)
  }
}
