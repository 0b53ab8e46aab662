import Foundation
import TextLayout

extension SessionImport {
  /// The earliest time an imported event may carry: before PeerConsult, and before anything
  /// a laptop's clock says when it is set at all.
  static let earliestTime = Date(timeIntervalSince1970: 946_684_800)  // 2000-01-01
  /// The latest: a clock can be wrong, but not by centuries.
  static let latestTime = Date(timeIntervalSince1970: 7_258_118_400)  // 2200-01-01
  /// How far an event may be dated before the one written before it: a laptop's clock put
  /// right during a session goes back minutes or hours, not years (which made a phase of
  /// 60,000 hours).
  static let longestClockSetBack: TimeInterval = 24 * 60 * 60
  /// The longest protocol text (a phase's guidance, a rule, a description) taken in: what a
  /// protocol file may hold.
  static let maximumProtocolTextLength = ConsultingProtocol.maximumTextLength

  /// Throws unless every value of `events` is one the live program could have written: texts
  /// that can be typed, within their fields' lengths; phases of 1 s to 24 h; time adjustments
  /// within a day; times from 2000 to 2200, none more than a day before the event written
  /// before it. The order of events, ids, slots, participants and ratings are then checked by
  /// replaying them. The message names the event and the field.
  static func check(_ events: [RecordedEvent], session: SessionID, path: String)
    throws(ImportError)
  {
    var people = 0
    var latest: Date?
    for recorded in events {
      let place =
        "session \(session.short), event \(recorded.sequence) (\(recorded.event.typeName))"
      do throws(SessionError) {
        switch recorded.event {
        case .created(let setup): people = setup.participants.count
        case .participantAdded:
          people += 1
          try SessionSetup.checkParticipantCount(people)
        default: break
        }
        guard recorded.at >= earliestTime, recorded.at < latestTime else {
          throw .invalidSetup(
            "its time \(ExportTime.string(recorded.at)) is not between 2000 and 2200")
        }
        if let latest, recorded.at < latest.addingTimeInterval(-longestClockSetBack) {
          throw .invalidSetup(
            "its time \(ExportTime.string(recorded.at)) is more than a day before an earlier "
              + "event's (\(ExportTime.string(latest))); a clock put right goes back hours at most")
        }
        latest = max(latest ?? recorded.at, recorded.at)
        try check(recorded.event)
      } catch {
        let reason: String
        if case .invalidSetup(let words) = error {
          reason = words
        } else {
          reason = error.description
        }
        throw .invalid(path: path, detail: "\(place): \(reason)")
      }
    }
  }

  private static func check(_ event: SessionEvent) throws(SessionError) {
    switch event {
    case .created(let setup):
      try setup.validateTypedText()
      try check(setup.consultingProtocol)
    case .participantAdded(let participant):
      try SessionSetup.checkTyped(participant, label: "the latecomer")
    case .focusQuestionSet(_, let question?):
      try SessionSetup.checkTyped(
        question, field: "question", limit: SessionSetup.maximumFocusQuestionLength)
    case .focusQuestionSet(_, nil):
      break  // The round is checked by the replay.
    case .timeAdjusted(let seconds):
      guard abs(seconds.clampedMagnitude) <= PhaseDuration.maximumSeconds else {
        throw .invalidSetup(
          "its \"seconds\" (\(seconds)) is more than a day; time is adjusted a few minutes at a time"
        )
      }
    case .noteAdded(_, _, let content), .noteEdited(_, let content):
      try checkNote(content.text)
    case .personErased(let pseudonym):
      try SessionSetup.checkTyped(
        pseudonym, field: "pseudonym", limit: SessionSetup.maximumNameLength)
    case .shareChoice(let term, _):
      try SessionSetup.checkTyped(term, field: "term", limit: SessionSetup.maximumNameLength)
    case .phaseStarted, .paused, .resumed, .noteDeleted, .actionDone, .processRating, .finished,
      .roundsRearranged, .ratingCleared, .participantLeft, .participantReturned:
      break  // Numbers only, each checked by the replay.
    case .roomNotesChosen:
      break  // Kinds are read by name, and the replay refuses a repeated one.
    case .actionFollowedUp(_, let outcome):
      if let text = outcome.text {
        try SessionSetup.checkTyped(
          text, field: "text", limit: FollowUpOutcome.maximumTextLength)
      }
    }
  }

  /// A note may hold line breaks and tabs (earlier versions kept them), nothing else unseen,
  /// and no more than can be typed (an anonymised copy, longer, is never imported).
  private static func checkNote(_ text: String) throws(SessionError) {
    guard text.utf8.count <= NoteContent.maximumLength || text.count <= NoteContent.maximumLength
    else {
      throw .noteTooLong(maximum: NoteContent.maximumLength)
    }
    if let control = ControlCharacters.first(in: text, allowingLineBreaks: true) {
      throw .invalidSetup(
        "the note's \"text\" contains a control character (\(ControlCharacters.codePoint(control))), "
          + "which cannot be typed")
    }
  }

  /// A protocol as protocol files and the built-ins make them.
  private static func check(_ consultingProtocol: ConsultingProtocol) throws(SessionError) {
    let phases = consultingProtocol.opening + consultingProtocol.round + consultingProtocol.closing
    var texts = [
      ("protocol's id", consultingProtocol.id), ("protocol's name", consultingProtocol.name),
      ("protocol's description", consultingProtocol.description),
    ]
    for phase in phases {
      guard (1...PhaseDuration.maximumSeconds).contains(phase.durationSeconds) else {
        throw .invalidSetup(
          "phase \"\(ControlCharacters.spelledOut(phase.name))\" lasts \(phase.durationSeconds) s; "
            + "a phase lasts from 1 second to 24 hours")
      }
      texts.append(("phase's name", phase.name))
      texts.append(("phase's guidance", phase.guidance))
      texts += phase.rules.map { ("phase's rule", $0) }
      texts += phase.prompts.map { ("phase's prompt", $0) }
    }
    for (field, text) in texts {
      if let control = ControlCharacters.first(in: text, allowingLineBreaks: true) {
        throw .invalidSetup(
          "the \(field) contains a control character (\(ControlCharacters.codePoint(control))), "
            + "which a protocol file cannot hold")
      }
      guard text.count <= maximumProtocolTextLength else {
        throw .invalidSetup(
          "the \(field) has \(text.count) characters; it takes at most \(maximumProtocolTextLength)"
        )
      }
    }
  }
}

extension Int {
  /// The value, with `Int.min` taken as `-Int.max` so that `abs` cannot overflow.
  fileprivate var clampedMagnitude: Int { self == .min ? -.max : self }
}
