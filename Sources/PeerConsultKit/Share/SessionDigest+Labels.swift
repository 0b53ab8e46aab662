import Foundation

/// The words every readable view of a session uses for its parts, places and times, written
/// once so that Markdown, HTML and plain text say the same thing.
extension SessionDigest {
  /// The mark of a note saved as advice dressed as a question, on screens and in exports.
  public static let adviceFlag = "⚑ advice?"

  /// ``adviceFlag`` with a no-break space between its words, for wrapping: a wrapper breaks
  /// only at spaces, and "⚑" ended a line with "advice?" on the next.
  public static let adviceFlagJoined = adviceFlag.replacingOccurrences(of: " ", with: "\u{A0}")

  /// A line wrapped with ``adviceFlagJoined``, the flag written as it is everywhere else.
  public static func separatingAdviceFlag(_ line: String) -> String {
    line.replacingOccurrences(of: adviceFlagJoined, with: adviceFlag)
  }

  /// When the session ran, in `time`'s zone: `2027-01-15 08:00–09:10 UTC`, or for one not
  /// finished, when it started and its last entry.
  func when(_ time: ReadableTime) -> String {
    let zone = time.zoneLabel(at: createdAt)
    let start = time.dayAndTime(createdAt)
    guard let finishedAt else {
      return "\(start) \(zone), not finished (last entry "
        + "\(time.time(asOf, sameDayAs: createdAt)))"
    }
    return "\(start)–\(time.time(finishedAt, sameDayAs: createdAt)) \(zone)"
  }

  /// A mean rating to one decimal, a half rounded up as people round it: 4, 5, 4 and 4 make
  /// 4.3, where `%.1f` wrote the 4.25 as 4.2, to the even digit.
  public static func oneDecimal(_ value: Double) -> String {
    String(format: "%.1f", (value * 10).rounded(.toNearestOrAwayFromZero) / 10)
  }

  /// The process rating in words that cannot be misread: `average 3.8 out of 5, from 5
  /// people`; nil when nobody rated.
  public var ratingSummary: String? {
    guard let averageRating else { return nil }
    let people = ratings.count == 1 ? "1 person" : "\(ratings.count) people"
    return "average \(Self.oneDecimal(averageRating)) out of 5, from \(people)"
  }

  /// The parts a transcript shows: every round, which always names its presenter, and an
  /// opening or closing only when something was written in it.
  var transcriptParts: [Part] {
    parts.filter { $0.isRound || $0.hasNotes }
  }
}

extension SessionDigest.Part {
  var isRound: Bool {
    if case .round = part { return true }
    return false
  }

  /// `Opening`, `Round 1 · Seán presents`, `Closing`.
  var heading: String {
    switch part {
    case .opening: "Opening"
    case .round(let number): "Round \(number + 1) · \(presenterName ?? "?") presents"
    case .closing: "Closing"
    }
  }
}

extension SessionDigest.Person {
  /// What the attendee list says of them after their name: organisation, level, the round
  /// they present, when they arrived late and left early, if they did, and whether they came
  /// as a guest of the standing group ("NHS, frontline, arrived 14:20, left 15:40, guest").
  /// A round that has begun was presented ("presented round 1" in a finished session's
  /// minutes, where "presents" read as still to come), unless it is the one under way in an
  /// unfinished session ("presenting round 1": `show` during the meeting said the presenter
  /// still talking had presented).
  func detail(_ time: ReadableTime, in digest: SessionDigest) -> String {
    var detail = [participant.organisation, participant.level.rawValue].filter { !$0.isEmpty }
    if let round = presentsRound {
      let shown = digest.rounds.first { $0.index == round }
      let verb =
        shown?.isUnderWay == true
        ? "presenting" : shown?.hasStarted == true ? "presented" : "presents"
      detail.append("\(verb) round \(round + 1)")
    }
    if let arrivedAt {
      detail.append("arrived \(time.time(arrivedAt, sameDayAs: digest.createdAt))")
    }
    if let leftAt { detail.append("left \(time.time(leftAt, sameDayAs: digest.createdAt))") }
    if digest.guests.contains(index) { detail.append("guest") }
    return detail.joined(separator: ", ")
  }
}

extension SessionDigest.Entry {
  /// Where it was written, for lists outside the transcript: `Round 1 · Questions`.
  var place: String {
    let part =
      switch slot.part {
      case .opening: "Opening"
      case .round(let number): "Round \(number + 1)"
      case .closing: "Closing"
      }
    return "\(part) · \(slot.phase.name)"
  }
}

/// The time table's words, the same in Markdown, HTML and plain text.
extension PhaseUsage {
  /// Its plan as the time table shows it: adjusted, with the protocol's own beside it where
  /// the facilitator changed it ("4 min (3 min in the protocol)").
  var plannedText: String {
    let adjusted = PhaseDuration.display(adjustedSeconds)
    guard adjustedSeconds != plannedSeconds else { return adjusted }
    return "\(adjusted) (\(PhaseDuration.display(plannedSeconds)) in the protocol)"
  }

  /// The time table's "Over" cell: where it ran over ("yes" outside the rounds, "round 2"),
  /// empty when it did not.
  var overCell: String { roundsOverText.map { $0.isEmpty ? "yes" : $0 } ?? "" }
}
