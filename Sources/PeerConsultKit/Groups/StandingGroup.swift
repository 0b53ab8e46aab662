import Foundation

/// A standing group as its events have left it: the same people meeting again and again over
/// a programme. Built only by folding its events (``apply(_:at:)``).
public struct StandingGroup: Hashable, Sendable {
  /// One stay in the group: who, from when, and until when if they left.
  public struct Membership: Hashable, Sendable {
    public let participant: Participant
    public let joinedAt: Date
    public internal(set) var leftAt: Date?

    public var name: String { participant.name }
    public var isCurrent: Bool { leftAt == nil }
  }

  /// The most characters a group's name takes, as a programme's does.
  public static let maximumNameLength = SessionSetup.maximumProgrammeLength
  /// The most stays a group keeps over its life, people who left included: ten times the
  /// people a session takes. A group is people who meet again and again; an imported file of
  /// twenty thousand "members" took minutes to read at every look at the group.
  public static let maximumMemberships = 10 * SessionSetup.maximumParticipants

  public let id: GroupID
  public let createdAt: Date
  public internal(set) var name: String
  public internal(set) var programme: String
  /// Every stay in the group, in the order people joined; someone who left and came back has
  /// two.
  public internal(set) var memberships: [Membership] = []
  /// The current members' places in ``memberships``, by their name in lower case: a join
  /// or a leave looks one up instead of reading every stay (``currentIndex(of:)``).
  private var current: [String: Int] = [:]

  /// The people in the group now, in the order they joined.
  public var members: [Participant] { memberships.filter(\.isCurrent).map(\.participant) }

  /// The people in the group at `date`, in the order they joined: those who had joined by
  /// then and had not left.
  public func members(at date: Date) -> [Participant] {
    memberships.filter { $0.joinedAt <= date && ($0.leftAt.map { $0 > date } ?? true) }
      .map(\.participant)
  }

  /// The members who were not at `state`'s meeting of the group: members when it began, none
  /// of whose names is a participant's (one who came late included), in the order they
  /// joined. They sent apologies (`run --absent`, left out of the form) or did not come; the
  /// minutes name them.
  public func absentMembers(from state: SessionState) -> [Participant] {
    Self.members(members(at: state.createdAt), notAmong: state.participants)
  }

  /// The places of `state`'s participants who were members of the group at no time during
  /// its meeting: guests (`run --participant` beside `--group`). One who joined the group
  /// while it met, or left it, was a member; names are told apart as people are.
  public func guests(in state: SessionState) -> Set<Int> {
    let end = state.finishedAt ?? .distantFuture
    let members = Set(
      memberships.filter { $0.joinedAt <= end && ($0.leftAt.map { $0 > state.createdAt } ?? true) }
        .map { TermReplacer.nameKey($0.name) })
    return Set(
      state.participants.indices.filter {
        !members.contains(TermReplacer.nameKey(state.participants[$0].name))
      })
  }

  /// Of `members`, those none of whose names is one of `participants`', in their order.
  public static func members(_ members: [Participant], notAmong participants: [Participant])
    -> [Participant]
  {
    // Told apart as people are, case, accents and spacing aside: a member left out of the
    // form and added back as "Zoe Muller" was there.
    let there = Set(participants.map { TermReplacer.nameKey($0.name) })
    return members.filter { !there.contains(TermReplacer.nameKey($0.name)) }
  }

  /// A new group; throws when its name or programme could not be typed.
  public init(id: GroupID, name: String, programme: String, createdAt: Date) throws(GroupError) {
    try Self.checkName(name)
    try Self.check(programme, field: "programme", limit: SessionSetup.maximumProgrammeLength)
    self.id = id
    self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    self.programme = programme.trimmingCharacters(in: .whitespacesAndNewlines)
    self.createdAt = createdAt
  }

  /// Rebuilds a group from its stored events, which begin with ``GroupEvent/created(name:programme:)``.
  /// With `checkingLimits` (an import), each event is first held against what a group takes
  /// now (``checkLimits(of:alike:)``), whose refusal is thrown as it is.
  public static func replay(
    _ id: GroupID, _ events: [RecordedGroupEvent], checkingLimits: Bool = false
  ) throws(GroupError) -> StandingGroup {
    guard let first = events.first, case .created(let name, let programme) = first.event else {
      throw .unreplayable(sequence: events.first?.sequence ?? 1, reason: "it does not begin")
    }
    var group: StandingGroup
    do {
      group = try StandingGroup(id: id, name: name, programme: programme, createdAt: first.at)
    } catch {
      throw .unreplayable(sequence: first.sequence, reason: error.description)
    }
    for recorded in events.dropFirst() {
      if checkingLimits { try group.checkLimits(of: recorded.event) }
      do { try group.apply(recorded.event, at: recorded.at) } catch {
        throw .unreplayable(sequence: recorded.sequence, reason: error.description)
      }
    }
    return group
  }

  /// Folds one event in, or throws and changes nothing.
  public mutating func apply(_ event: GroupEvent, at date: Date) throws(GroupError) {
    switch event {
    case .created: throw .invalid("the group exists already")
    case .renamed(let name):
      try Self.checkName(name)
      self.name = name.trimmingCharacters(in: .whitespacesAndNewlines)
    case .programmeChanged(let programme):
      try Self.check(programme, field: "programme", limit: SessionSetup.maximumProgrammeLength)
      self.programme = programme.trimmingCharacters(in: .whitespacesAndNewlines)
    case .memberJoined(let participant):
      guard currentIndex(of: participant.name) == nil else {
        throw .alreadyMember(participant.name)
      }
      do throws(SessionError) {
        try SessionSetup.validateNewParticipant(participant, existing: [])
        try SessionSetup.checkTyped(
          participant.name, field: "name", limit: SessionSetup.maximumNameLength)
        try SessionSetup.checkTyped(
          participant.organisation, field: "organisation", limit: SessionSetup.maximumNameLength)
      } catch {
        throw .invalid(Self.reason(error))
      }
      current[Self.key(participant.name)] = memberships.count
      memberships.append(Membership(participant: participant, joinedAt: date))
    case .memberLeft(let name):
      guard let index = currentIndex(of: name) else { throw .notMember(name) }
      memberships[index].leftAt = date
      current[Self.key(name)] = nil
    case .personErased:
      // The events before it were rewritten; there is nothing left to change.
      break
    }
  }

  /// Throws when `event`, about to be applied, takes the group past what a group takes now:
  /// more than ``maximumMemberships`` stays, or a member whose organisation has more other
  /// names than a participant's may. Checked where a change comes in (a command, the form, an
  /// import), never in a replay: a group stored before a limit was set still opens.
  /// `alike` refuses a member whose name only looks like a current member's too
  /// (``Participant/looksAlike(_:)``), as typing one does; an import takes them as they are.
  public func checkLimits(of event: GroupEvent, alike: Bool = false) throws(GroupError) {
    guard case .memberJoined(let participant) = event else { return }
    guard memberships.count < Self.maximumMemberships else {
      throw .pastLimit(
        "a group keeps at most \(Self.maximumMemberships) members over its life, those who left "
          + "included")
    }
    do throws(SessionError) {
      try SessionSetup.checkTyped(participant, label: "the member")
    } catch {
      throw .pastLimit(Self.reason(error))
    }
    if alike, let there = members.firstLookingAlike(participant) {
      throw .invalid(
        "\(participant.name) looks like \(there.name), already a member; tell two people apart "
          + "(an initial)")
    }
  }

  /// The current member called `name` (in any case), if any.
  public func member(named name: String) -> Participant? {
    currentIndex(of: name).map { memberships[$0].participant }
  }

  private func currentIndex(of name: String) -> Int? {
    current[Self.key(name)]
  }

  /// A name as members are told apart: in lower case, without blanks at its ends.
  private static func key(_ name: String) -> String {
    name.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
  }

  private static func checkName(_ name: String) throws(GroupError) {
    guard !name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
      throw .invalid("a group needs a name")
    }
    try check(name, field: "group's name", limit: maximumNameLength)
  }

  private static func check(_ value: String, field: String, limit: Int) throws(GroupError) {
    do throws(SessionError) {
      try SessionSetup.checkTyped(value, field: field, limit: limit)
    } catch {
      throw .invalid(reason(error))
    }
  }

  /// A setup error's words without "Cannot set up the session:".
  private static func reason(_ error: SessionError) -> String {
    if case .invalidSetup(let words) = error { return words }
    return error.description
  }
}
