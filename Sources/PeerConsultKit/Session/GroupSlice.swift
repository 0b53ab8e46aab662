/// The group as a slice across the system: how many people at each level and from each
/// organisation, with the warnings the setup screen shows (never blocking).
public struct GroupSlice: Hashable, Sendable {
  /// A number of participants sharing one value.
  public struct Count<Value: Hashable & Sendable>: Hashable, Sendable {
    public let value: Value
    public let count: Int
  }

  /// Participants per level, in ``Level`` order; levels with nobody are left out.
  public let levels: [Count<Level>]
  /// Participants per organisation, largest first, then by name.
  public let organisations: [Count<String>]

  public init(_ participants: [Participant]) {
    levels = Level.allCases.compactMap { level in
      let count = participants.count { $0.level == level }
      return count > 0 ? Count(value: level, count: count) : nil
    }
    var byOrganisation: [String: Int] = [:]
    for participant in participants {
      byOrganisation[participant.organisation.trimmingCharacters(in: .whitespaces), default: 0] +=
        1
    }
    organisations = byOrganisation.map { Count(value: $0.key, count: $0.value) }
      .sorted { ($1.count, $0.value) < ($0.count, $1.value) }
  }

  /// True when two or more people are all at one level: the group is not a slice.
  public var isSingleLevel: Bool { levels.count == 1 && levels[0].count > 1 }
  /// True when two or more people all come from one organisation.
  public var isSingleOrganisation: Bool {
    organisations.count == 1 && organisations[0].count > 1
  }
}

extension SessionSetup {
  /// Counts by level and organisation, for the setup screen.
  public var slice: GroupSlice { GroupSlice(participants) }
}
