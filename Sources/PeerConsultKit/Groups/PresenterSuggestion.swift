import Foundation

/// The presenter order a standing group's next meeting is offered: whoever presented least
/// recently first, people who never presented before everyone else, each with the reason.
public struct PresenterSuggestion: Hashable, Sendable {
  /// One member in the suggested order.
  public struct Entry: Hashable, Sendable {
    /// Their index in the members given.
    public let member: Int
    public let name: String
    /// When they last presented at one of the group's meetings, if ever.
    public let lastPresented: Date?
    /// How many of the group's meetings they presented at.
    public let times: Int

    /// Why they stand where they do: "never presented" or "last presented 2027-01-15".
    public func reason(_ time: ReadableTime) -> String {
      guard let lastPresented else { return "never presented" }
      return "last presented \(time.day(lastPresented))"
    }
  }

  /// The members in the order suggested.
  public let entries: [Entry]

  /// The order for `members` after the group's meetings `records`. A presenter counts when
  /// their round began (a round planned but never reached was not presented); people are
  /// matched by name, in any case. Ties keep the members' order.
  public init(members: [Participant], records: [SessionRecord]) {
    var last: [String: Date] = [:]
    var times: [String: Int] = [:]
    for record in SessionRecord.chronological(records) {
      let digest = SessionDigest(record)
      for round in digest.rounds where round.hasStarted {
        let key = round.presenterName.lowercased()
        let started = digest.parts.first { $0.part == .round(round.index) }?.phases.compactMap(
          \.startedAt
        ).min()
        last[key] = started ?? record.state.createdAt
        times[key, default: 0] += 1
      }
    }
    let entries = members.enumerated().map { index, member in
      Entry(
        member: index, name: member.name, lastPresented: last[member.name.lowercased()],
        times: times[member.name.lowercased()] ?? 0)
    }
    self.entries = entries.sorted { lhs, rhs in
      switch (lhs.lastPresented, rhs.lastPresented) {
      case (nil, nil): lhs.member < rhs.member
      case (nil, _): true
      case (_, nil): false
      case (let left?, let right?): left == right ? lhs.member < rhs.member : left < right
      }
    }
  }

  /// The members' indices in the order suggested.
  public var order: [Int] { entries.map(\.member) }
}
