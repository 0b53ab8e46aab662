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
    /// When they joined once the session had begun; left out for everyone there from the start.
    let arrivedAt: String?
    /// When they left before the end; left out for everyone who stayed.
    let leftAt: String?
    /// True for a guest of the session's standing group (no member of it during the meeting);
    /// left out for members and in a session of no group.
    let guest: Bool?
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
    /// A question that reads like advice ("⚑ advice?"); left out when it does not.
    let advice: Bool?
    /// An action's due date as its text says it (``ActionDue/code``), if any.
    let due: String?
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

  /// A member of the standing group who was not at this meeting.
  struct Member: Encodable {
    let name: String
    let organisation: String
    let level: String
  }

  /// An action of an earlier meeting of the standing group that this meeting followed up.
  struct FollowUp: Encodable {
    /// The meeting the action was agreed in, and its note there.
    let session: String
    let note: Int
    /// The action's text as it stands in that meeting, and its owner's name, if any.
    let action: String
    let ownerName: String?
    /// That meeting's title and when it began.
    let agreedIn: String
    let agreedAt: String
    /// `done`, `carried` or `dropped` (``FollowUpOutcome/name``).
    let outcome: String
    /// What was said about an action carried forward, or why it was dropped; absent when
    /// nothing was.
    let text: String?
    let decidedAt: String
  }

  let title: String
  let programme: String
  let `protocol`: ProtocolName
  let createdAt: String
  let finishedAt: String?
  let asOf: String
  /// Left out of an anonymised export: the attendee list goes.
  let participants: [Person]?
  /// The members of its standing group who were not there, in the order they joined; left out
  /// when none, and of an anonymised export.
  let absentMembers: [Member]?
  let rounds: [Round]
  let notes: [Note]
  /// Left out of an anonymised export, which gives only ``averageRating``.
  let ratings: [Rating]?
  /// The mean rating to two decimals, in an anonymised export only (and only when someone
  /// rated): a rating by pseudonym still tells who was pleased.
  let averageRating: Double?
  let phases: [Slot]
  /// The earlier actions this meeting decided on, in the order decided; left out when none.
  /// The events hold only references to them, and an anonymised export has no events.
  let followUps: [FollowUp]?

  /// The readable side of a record's `digest`, with the earlier actions it holds (scrubbed
  /// when anonymised). Anonymised, it leaves out the attendee list, deleted notes and earlier
  /// versions of notes: what the group withdrew does not travel.
  init(_ digest: SessionDigest, anonymised: Bool) {
    title = digest.title
    programme = digest.programme
    self.protocol = ProtocolName(
      id: digest.consultingProtocol.id, name: digest.consultingProtocol.name)
    createdAt = ExportTime.string(digest.createdAt)
    finishedAt = digest.finishedAt.map(ExportTime.string)
    asOf = ExportTime.string(digest.asOf)
    participants =
      anonymised
      ? nil
      : digest.people.map {
        Person(
          index: $0.index, name: $0.name, organisation: $0.participant.organisation,
          level: $0.participant.level.rawValue, arrivedAt: $0.arrivedAt.map(ExportTime.string),
          leftAt: $0.leftAt.map(ExportTime.string),
          guest: digest.guests.contains($0.index) ? true : nil)
      }
    absentMembers =
      anonymised || digest.absentMembers.isEmpty
      ? nil
      : digest.absentMembers.map {
        Member(name: $0.name, organisation: $0.organisation, level: $0.level.rawValue)
      }
    rounds = digest.rounds.map {
      Round(
        round: $0.index, presenter: $0.presenter, presenterName: $0.presenterName,
        focusQuestion: $0.focusQuestion)
    }
    notes = (anonymised ? digest.visibleNotes : digest.notes).map { entry in
      let note = entry.note
      let history = note.history.map {
        Revision(
          text: $0.content.text, kind: $0.content.kind.rawValue, speaker: $0.content.speaker,
          owner: $0.content.owner, replacedAt: ExportTime.string($0.replacedAt))
      }
      return Note(
        id: note.id, createdAt: ExportTime.string(note.createdAt), slot: note.slot,
        part: ProtocolPart(entry.slot.part).rawValue, round: entry.slot.round,
        phase: entry.slot.phase.name, kind: note.kind.rawValue, text: note.text,
        speaker: note.speaker, speakerName: entry.speakerName, owner: note.owner,
        ownerName: entry.ownerName, done: note.isAction ? note.isDone : nil,
        doneAt: note.doneAt.map(ExportTime.string),
        advice: note.content.looksLikeAdvice ? true : nil, due: note.content.due?.code,
        editedAt: anonymised ? nil : note.editedAt.map(ExportTime.string),
        deletedAt: note.deletedAt.map(ExportTime.string),
        history: anonymised || history.isEmpty ? nil : history)
    }
    ratings =
      anonymised
      ? nil
      : digest.ratings.map {
        Rating(participant: $0.participant, name: $0.name, rating: $0.rating)
      }
    averageRating = anonymised ? digest.averageRating.map { ($0 * 100).rounded() / 100 } : nil
    phases = digest.phases.map { phase in
      Slot(
        slot: phase.slot.index, part: ProtocolPart(phase.slot.part).rawValue,
        round: phase.slot.round, phase: phase.name, plannedSeconds: phase.plannedSeconds,
        adjustedSeconds: phase.adjustedSeconds, usedSeconds: phase.usedSeconds,
        // Only what happened: expected times of slots still to come are not facts.
        startedAt: phase.startedAt.map(ExportTime.string),
        endedAt: phase.endedAt.map(ExportTime.string))
    }
    followUps =
      digest.earlierActions.isEmpty
      ? nil
      : digest.earlierActions.map { action in
        let said = action.followUp.outcome.text
        return FollowUp(
          session: action.reference.session.rawValue, note: action.reference.note,
          action: action.text, ownerName: action.ownerName, agreedIn: action.agreedIn,
          agreedAt: ExportTime.string(action.agreedAt), outcome: action.followUp.outcome.name,
          text: said?.isEmpty == false ? said : nil,
          decidedAt: ExportTime.string(action.followUp.at))
      }
  }
}
