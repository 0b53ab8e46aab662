import PeerConsultKit

extension SetupState {
  /// A standing group the form can start from: its members in the presenter order suggested
  /// (least recent presenter first), each with the reason.
  public struct GroupChoice: Equatable, Sendable {
    public var id: GroupID
    public var name: String
    public var programme: String
    public var members: [Participant]
    /// Why each member stands where they do, in ``members`` order: "never presented".
    public var reasons: [String]

    public init(
      id: GroupID, name: String, programme: String, members: [Participant], reasons: [String]
    ) {
      self.id = id
      self.name = name
      self.programme = programme
      self.members = members
      self.reasons = reasons
    }

    /// The choice for `group` after its meetings `records`.
    public init(_ group: StandingGroup, meetings records: [SessionRecord], time: ReadableTime) {
      let suggestion = PresenterSuggestion(members: group.members, records: records)
      self.init(
        id: group.id, name: group.name, programme: group.programme,
        members: suggestion.order.map { group.members[$0] },
        reasons: suggestion.entries.map { $0.reason(time) })
    }
  }

  /// Standing groups whose name holds what was typed (ignoring case and accents); all of them
  /// while nothing is typed.
  public var groupMatches: [GroupChoice] {
    let query = groupQuery.string.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return standingGroups }
    return standingGroups.filter {
      $0.name.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
  }

  /// The group ↑↓ or typing picked, not yet taken with Enter.
  var pickedGroup: GroupChoice? {
    let matches = groupMatches
    return groupPick.flatMap { matches.indices.contains($0) ? matches[$0] : nil }
  }

  /// Typing in the group field: the matches narrow and the first is picked (type-ahead); an
  /// empty field picks none.
  mutating func editGroupQuery(_ input: ScreenInput) -> Bool {
    guard groupQuery.edit(input) else { return false }
    let typed = !groupQuery.string.allSatisfy(\.isWhitespace)
    groupPick = typed && !groupMatches.isEmpty ? 0 : nil
    return true
  }

  /// ↑ (-1) or ↓ (+1) through the matching groups, round and round.
  mutating func pickGroup(_ delta: Int) {
    let count = groupMatches.count
    guard count > 0 else { return }
    groupPick = ((groupPick ?? (delta > 0 ? -1 : 0)) + delta + count) % count
  }

  /// Enter on the group field: the picked group's members join the form (in the suggested
  /// order, before anyone typed in already, who stay as guests) and its programme fills an
  /// empty programme field. Another group taken instead replaces the first one's members and
  /// the programme it filled in (they stayed, and the meeting went into the first group's
  /// programme with both groups' people). With nothing picked, the session is a one-off again.
  mutating func takePickedGroup() {
    guard let choice = pickedGroup else {
      chosenGroup = nil
      groupQuery.set("")
      return
    }
    var earlier = Set<String>()
    if let previous = chosenGroup, previous.id != choice.id {
      earlier = Set(previous.members.map { $0.name.lowercased() })
      if programme.string == previous.programme { programme.set("") }
    }
    let names = Set(choice.members.map { $0.name.lowercased() })
    let guests = members.filter {
      let name = $0.participant.name.lowercased()
      return !names.contains(name) && !earlier.contains(name)
    }
    members = choice.members.map { Member($0) } + guests
    selection = 0
    if programme.string.allSatisfy(\.isWhitespace) {
      programme.set(choice.programme)
      programmeQuery = choice.programme
    }
    chosenGroup = choice
    groupQuery.set(choice.name)
  }

  /// Why member `index` presents where they do, when the form started from a group.
  func presenterReason(of index: Int) -> String? {
    guard let choice = chosenGroup, members.indices.contains(index) else { return nil }
    let name = members[index].participant.name.lowercased()
    guard let position = choice.members.firstIndex(where: { $0.name.lowercased() == name }),
      choice.reasons.indices.contains(position)
    else { return nil }
    return choice.reasons[position]
  }
}
