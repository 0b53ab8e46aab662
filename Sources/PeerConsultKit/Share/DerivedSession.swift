import Foundation

/// The readable side of an exported session: what its events come to (the people, the notes
/// as they stand with their history, ratings, time per phase), for people and tools that read
/// the file without replaying the events. Import ignores it and an export recomputes it, so it
/// can never disagree with the events. Indices count from 0, as in the events.
struct DerivedSession: Encodable {
  struct ProtocolName: Encodable {
    let id: String
    let name: String
  }

  struct Person: Encodable {
    let index: Int
    let name: String
    let organisation: String
    let level: String
  }

  struct Round: Encodable {
    let round: Int
    let presenter: Int
    let presenterName: String
    let focusQuestion: String?
  }

  struct Revision: Encodable {
    let text: String
    let kind: String
    let speaker: Int?
    let owner: Int?
    let replacedAt: String
  }

  struct Note: Encodable {
    let id: Int
    let createdAt: String
    let slot: Int
    let part: String
    let round: Int?
    let phase: String
    let kind: String
    let text: String
    let speaker: Int?
    let speakerName: String?
    let owner: Int?
    let ownerName: String?
    /// Actions only.
    let done: Bool?
    let doneAt: String?
    let editedAt: String?
    let deletedAt: String?
    /// Earlier versions, oldest first; left out when there are none.
    let history: [Revision]?
  }

  struct Rating: Encodable {
    let participant: Int
    let name: String
    let rating: Int
  }

  struct Slot: Encodable {
    let slot: Int
    let part: String
    let round: Int?
    let phase: String
    let plannedSeconds: Int
    let adjustedSeconds: Int
    let usedSeconds: Int
    let startedAt: String?
    let endedAt: String?
  }

  let title: String
  let programme: String
  let `protocol`: ProtocolName
  let createdAt: String
  let finishedAt: String?
  let asOf: String
  /// Left out of an anonymised export: the attendee list goes.
  let participants: [Person]?
  let rounds: [Round]
  let notes: [Note]
  let ratings: [Rating]
  let phases: [Slot]

  /// The readable side of `record`. Anonymised, it leaves out the attendee list, deleted notes
  /// and earlier versions of notes: what the group withdrew does not travel.
  init(_ record: SessionRecord, anonymised: Bool) {
    let state = record.state
    let names = state.participants.map(\.name)
    func name(_ index: Int?) -> String? { index.map { names[$0] } }
    title = state.setup.title
    programme = state.setup.programme
    self.protocol = ProtocolName(
      id: state.setup.consultingProtocol.id, name: state.setup.consultingProtocol.name)
    createdAt = ExportTime.string(state.createdAt)
    finishedAt = state.finishedAt.map(ExportTime.string)
    asOf = ExportTime.string(record.asOf)
    participants =
      anonymised
      ? nil
      : state.participants.enumerated().map {
        Person(
          index: $0.offset, name: $0.element.name, organisation: $0.element.organisation,
          level: $0.element.level.rawValue)
      }
    rounds = state.setup.rounds.enumerated().map {
      Round(
        round: $0.offset, presenter: $0.element.presenter,
        presenterName: names[$0.element.presenter],
        focusQuestion: $0.element.focusQuestion)
    }
    notes = (anonymised ? state.visibleNotes : state.notes).map { note in
      let slot = state.schedule[note.slot]
      let history = note.history.map {
        Revision(
          text: $0.content.text, kind: $0.content.kind.rawValue, speaker: $0.content.speaker,
          owner: $0.content.owner, replacedAt: ExportTime.string($0.replacedAt))
      }
      return Note(
        id: note.id, createdAt: ExportTime.string(note.createdAt), slot: note.slot,
        part: ProtocolPart(slot.part).rawValue, round: slot.round, phase: slot.phase.name,
        kind: note.kind.rawValue, text: note.text, speaker: note.speaker,
        speakerName: name(note.speaker), owner: note.owner, ownerName: name(note.owner),
        done: note.isAction ? note.isDone : nil, doneAt: note.doneAt.map(ExportTime.string),
        editedAt: anonymised ? nil : note.editedAt.map(ExportTime.string),
        deletedAt: note.deletedAt.map(ExportTime.string),
        history: anonymised || history.isEmpty ? nil : history)
    }
    ratings = state.ratings.sorted { $0.key < $1.key }.map {
      Rating(participant: $0.key, name: names[$0.key], rating: $0.value)
    }
    phases = state.scheduleReport(at: record.asOf).map { report in
      Slot(
        slot: report.slot.index, part: ProtocolPart(report.slot.part).rawValue,
        round: report.slot.round, phase: report.slot.phase.name,
        plannedSeconds: report.plannedSeconds, adjustedSeconds: report.adjustedSeconds,
        usedSeconds: Int(report.usedSeconds.rounded()),
        // Only what happened: expected times of slots still to come are not facts.
        startedAt: record.state.timings[report.slot.index].firstStartedAt.map(ExportTime.string),
        endedAt: record.state.timings[report.slot.index].lastEndedAt.map(ExportTime.string))
    }
  }
}
