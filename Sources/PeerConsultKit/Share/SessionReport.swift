import Foundation

/// A session arranged for reading, once, so that Markdown, plain text and HTML show the same
/// things: the header, the transcript by round and phase, and the summary. Built from a record
/// that is already anonymised when sharing, so nothing here needs to know about names.
///
/// Deleted notes are left out and edits show only as "edited": a readable export carries what
/// the group kept. The complete history is in the JSON export.
struct SessionReport {
  struct Attendee {
    let name: String
    let organisation: String
    let level: Level
    /// The round they present in, from 1.
    let presents: Int?
  }

  /// A note as a line of the transcript or the summary.
  struct Entry {
    let id: Int
    let time: Date
    let kind: NoteKind
    let speaker: String?
    let owner: String?
    let text: String
    let isDone: Bool
    let doneAt: Date?
    let isEdited: Bool
    /// Where it was written, for summary lists: "Round 1 · Questions".
    let context: String
  }

  struct PhaseBlock {
    let name: String
    let entries: [Entry]
  }

  /// The opening, one round, or the closing.
  struct Part {
    let heading: String
    let focusQuestion: String?
    let isRound: Bool
    var phases: [PhaseBlock]
  }

  struct Rating {
    let name: String
    let rating: Int
  }

  struct Usage {
    let name: String
    let occurrences: Int
    let plannedSeconds: Int
    let usedSeconds: Int
  }

  let id: SessionID
  let title: String
  let programme: String
  let protocolName: String
  let createdAt: Date
  let finishedAt: Date?
  let asOf: Date
  let isAnonymised: Bool
  /// Empty when anonymised: the attendee list goes.
  let attendees: [Attendee]
  let parts: [Part]
  let actions: [Entry]
  let themes: [Entry]
  let worksWell: [Entry]
  let blockages: [Entry]
  let processReview: [Entry]
  let ratings: [Rating]
  let usage: [Usage]

  var averageRating: Double? {
    ratings.isEmpty ? nil : Double(ratings.reduce(0) { $0 + $1.rating }) / Double(ratings.count)
  }

  init(_ record: SessionRecord, anonymised: Bool) {
    let state = record.state
    let names = state.participants.map(\.name)
    id = record.id
    title = state.setup.title
    programme = state.setup.programme
    protocolName = state.setup.consultingProtocol.name
    createdAt = state.createdAt
    finishedAt = state.finishedAt
    asOf = record.asOf
    isAnonymised = anonymised
    var rounds: [Int: Int] = [:]
    for (number, round) in state.setup.rounds.enumerated() { rounds[round.presenter] = number + 1 }
    attendees =
      anonymised
      ? []
      : state.participants.enumerated().map {
        Attendee(
          name: $0.element.name, organisation: $0.element.organisation, level: $0.element.level,
          presents: rounds[$0.offset])
      }

    func heading(_ slot: ScheduleSlot) -> String {
      switch slot.part {
      case .opening: "Opening"
      case .round(let number):
        "Round \(number + 1) · \(names[state.setup.rounds[number].presenter]) presents"
      case .closing: "Closing"
      }
    }
    func entry(_ note: Note) -> Entry {
      let slot = state.schedule[note.slot]
      let part =
        switch slot.part {
        case .opening: "Opening"
        case .round(let number): "Round \(number + 1)"
        case .closing: "Closing"
        }
      return Entry(
        id: note.id, time: note.createdAt, kind: note.kind, speaker: note.speaker.map { names[$0] },
        owner: note.owner.map { names[$0] }, text: note.text, isDone: note.isDone,
        doneAt: note.doneAt, isEdited: note.editedAt != nil,
        context: "\(part) · \(slot.phase.name)")
    }

    let visible = state.visibleNotes
    var bySlot: [Int: [Entry]] = [:]
    for note in visible { bySlot[note.slot, default: []].append(entry(note)) }
    var parts: [Part] = []
    for slot in state.schedule {
      if slot.phaseIndex == 0 {
        parts.append(
          Part(
            heading: heading(slot), focusQuestion: slot.focusQuestion, isRound: slot.round != nil,
            phases: []))
      }
      if let entries = bySlot[slot.index] {
        parts[parts.count - 1].phases.append(PhaseBlock(name: slot.phase.name, entries: entries))
      }
    }
    // An opening or closing without notes says nothing; a round always names its presenter.
    self.parts = parts.filter { $0.isRound || !$0.phases.isEmpty }

    let summary = state.summary(at: record.asOf)
    actions = summary.actions.map(entry)
    themes = summary.themes.map(entry)
    worksWell = summary.worksWell.map(entry)
    blockages = summary.blockages.map(entry)
    processReview = summary.processReview.map(entry)
    ratings = summary.ratings.map { Rating(name: names[$0.participant], rating: $0.rating) }
    usage = summary.phaseUsage.map {
      Usage(
        name: $0.name, occurrences: $0.occurrences, plannedSeconds: $0.plannedSeconds,
        usedSeconds: Int($0.usedSeconds.rounded()))
    }
  }
}
