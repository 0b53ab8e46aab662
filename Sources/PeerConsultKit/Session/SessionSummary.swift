import Foundation

/// What the summary screen shows when a session closes: the harvest of its notes and how
/// the time was used.
public struct SessionSummary: Hashable, Sendable {
  /// Action notes with their owners and done state, in the order written.
  public let actions: [Note]
  public let themes: [Note]
  public let worksWell: [Note]
  public let blockages: [Note]
  /// Every note written in the closing phases: what helped and what got in the way.
  public let processReview: [Note]
  /// Ratings (1-5) in participant order.
  public let ratings: [ProcessRating]
  /// Time used per protocol phase against its plan.
  public let phaseUsage: [PhaseUsage]

  /// The mean rating, or nil when nobody rated.
  public var averageRating: Double? {
    ratings.isEmpty ? nil : Double(ratings.reduce(0) { $0 + $1.rating }) / Double(ratings.count)
  }
}

/// One participant's rating of the process.
public struct ProcessRating: Hashable, Sendable {
  public let participant: Int
  public let rating: Int
}

extension SessionState {
  /// The summary at `now` (time used includes a phase still running).
  public func summary(at now: Date) -> SessionSummary {
    let notes = visibleNotes
    func ofKind(_ kind: NoteKind) -> [Note] { notes.filter { $0.kind == kind } }
    return SessionSummary(
      actions: ofKind(.action), themes: ofKind(.theme), worksWell: ofKind(.worksWell),
      blockages: ofKind(.blockage),
      processReview: notes.filter { schedule[$0.slot].part == .closing },
      ratings: ratings.sorted { $0.key < $1.key }.map {
        ProcessRating(participant: $0.key, rating: $0.value)
      },
      phaseUsage: phaseUsage(at: now))
  }
}
