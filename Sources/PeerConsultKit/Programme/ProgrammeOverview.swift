import Foundation

/// A programme at a glance, for the programme view in review: its standing groups, its
/// sessions over time, the tags that recur (rising or fading), its actions and the process
/// ratings over time.
///
/// Read with aggregate queries over the projections (``AppDatabase/programmeOverview(_:)``),
/// never by replaying every session, so it opens quickly however long the programme has run.
public struct ProgrammeOverview: Equatable, Sendable {
  /// One session of the programme.
  public struct Session: Equatable, Sendable {
    public let id: SessionID
    public let title: String
    public let createdAt: Date
    public let isFinished: Bool
    /// Notes not deleted.
    public let notes: Int
    /// The standing group it was a meeting of, if any.
    public let group: String?
    /// The mean of the process ratings given, if any.
    public let averageRating: Double?
  }

  /// A tag used in the programme.
  public struct Tag: Equatable, Sendable {
    /// As last written, without `#`.
    public let tag: String
    public let sessions: Int
    /// Standing groups whose meetings used it.
    public let groups: Int
    public let notes: Int
    public let firstSeen: Date
    public let lastSeen: Date
    public let trend: TagTrend
  }

  public let programme: String
  /// The programme's standing groups, by name, with how often and when they last met.
  public let groups: [GroupListing]
  /// Oldest first.
  public let sessions: [Session]
  /// The most used first (by sessions, then notes).
  public let tags: [Tag]
  /// The programme's actions, agreed in any of its sessions, as ``ActionLedger`` folds them
  /// across meetings, counted when the overview was read.
  public let actions: ActionLedger.Counts
  /// The same for each standing group's meetings.
  public let groupActions: [GroupID: ActionLedger.Counts]

  /// The sessions' average ratings in order, for those rated.
  public var ratings: [Double] { sessions.compactMap(\.averageRating) }
}
