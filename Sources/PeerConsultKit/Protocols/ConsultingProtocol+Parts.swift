extension ConsultingProtocol {
  /// The three parts of a session, in the order they run; also the keys of a protocol file.
  public enum Part: String, CaseIterable, Sendable {
    case opening, round, closing

    /// When this part's phases run, for headings: "once per presenter".
    public var schedule: String {
      switch self {
      case .opening: "once, before the first presenter"
      case .round: "once per presenter"
      case .closing: "once, after the last presenter"
      }
    }
  }

  /// The phases of one part.
  public func phases(in part: Part) -> [Phase] {
    switch part {
    case .opening: opening
    case .round: round
    case .closing: closing
    }
  }

  /// Planned seconds of one pass through a part (for the round: one presenter).
  public func seconds(in part: Part) -> Int {
    phases(in: part).reduce(0) { $0 + $1.durationSeconds }
  }
}
