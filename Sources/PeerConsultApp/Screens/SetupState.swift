import Foundation
import PeerConsultKit

/// The new-session form as a value: what the facilitator has entered so far and which field
/// has focus. ``SetupScreen`` draws it and changes it; ``sessionSetup()`` turns it into the
/// model's ``SessionSetup``.
///
/// Required to start: a title and at least one presenter (so at least one participant).
/// The programme may stay empty, because a one-off session belongs to no programme.
public struct SetupState: Equatable, Sendable {
  /// The form's fields, in Tab order.
  public enum Field: Int, CaseIterable, Sendable {
    /// `standingGroup` comes first, and only while there are standing groups to start from.
    case standingGroup, title, programme, consultingProtocol, newParticipant, group
    case focusQuestion, start

    /// Whether printable keys type into this field.
    public var takesText: Bool {
      switch self {
      case .standingGroup, .title, .programme, .newParticipant, .focusQuestion: return true
      case .consultingProtocol, .group, .start: return false
      }
    }
  }

  /// One person in the group, with whether they present and what they bring.
  public struct Member: Equatable, Sendable {
    public var participant: Participant
    /// Everyone presents, in group order, unless the facilitator excludes them.
    public var presents = true
    /// Kept while the member is excluded, so including them again loses nothing.
    public var focusQuestion = LineEditor(limit: SetupState.focusQuestionLimit)

    public init(_ participant: Participant, presents: Bool = true, focusQuestion: String = "") {
      self.participant = participant
      self.presents = presents
      self.focusQuestion.set(focusQuestion)
    }
  }

  static let titleLimit = SessionSetup.maximumTitleLength
  static let programmeLimit = SessionSetup.maximumProgrammeLength
  static let focusQuestionLimit = SessionSetup.maximumFocusQuestionLength

  public var focus: Field = .title
  public var title = LineEditor(limit: titleLimit)
  public var programme = LineEditor(limit: programmeLimit)
  /// Programmes of earlier sessions, most recent first, offered while typing a programme.
  public let previousProgrammes: [String]
  /// What was typed in the programme field: suggestions are filtered by it while ↑/↓ put
  /// one of them in the field.
  var programmeQuery = ""
  /// The suggestion in the field, as an index into ``programmeSuggestions``; nil when the
  /// field holds what was typed.
  var programmePick: Int?
  /// The protocols to choose from; the first is the default.
  public let protocols: [ConsultingProtocol]
  public var protocolIndex = 0
  /// The "Name; Organisation; level" line being typed.
  public var newParticipant = LineEditor(limit: 300)
  /// Why the typed participant could not be added; the typed text is kept so it can be fixed.
  public var addError: String?
  /// The group, in the order people present.
  public var members: [Member] = []
  /// The selected member (group list and focus question), when there is one.
  public var selection = 0
  /// Set when a start was refused: what is missing then shows as an error, not a hint.
  public var startRefused = false
  /// Set by Esc on a form with something in it: a second Esc discards, any other key keeps.
  public var confirmingCancel = false
  /// Standing groups to start from, by name.
  public let standingGroups: [GroupChoice]
  /// What was typed in the group field: the groups are narrowed by it.
  public var groupQuery = LineEditor(limit: SessionSetup.maximumProgrammeLength)
  /// The match picked by typing or ↑↓, as an index into ``groupMatches``.
  var groupPick: Int?
  /// The group the session is a meeting of, taken with Enter; nil for a one-off session.
  public var chosenGroup: GroupChoice?

  /// - Parameters:
  ///   - protocols: the library to choose from; the first is selected.
  ///   - previousProgrammes: programmes of earlier sessions, most recent first; blanks and
  ///     repeats (ignoring case) are dropped.
  ///   - standingGroups: groups the form can start from; with some, it opens on the group
  ///     field.
  public init(
    protocols: [ConsultingProtocol], previousProgrammes: [String] = [],
    standingGroups: [GroupChoice] = []
  ) {
    self.protocols = protocols
    self.standingGroups = standingGroups
    if !standingGroups.isEmpty { focus = .standingGroup }
    var seen = Set<String>()
    self.previousProgrammes = previousProgrammes.compactMap { programme in
      let trimmed = programme.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty, seen.insert(trimmed.lowercased()).inserted else { return nil }
      return trimmed
    }
  }

  public var selectedProtocol: ConsultingProtocol? {
    protocols.indices.contains(protocolIndex) ? protocols[protocolIndex] : nil
  }

  /// Indices into ``members`` of those who present, in round order.
  public var presenterIndices: [Int] { members.indices.filter { members[$0].presents } }

  /// The round (from 1) in which member `index` presents, if they do.
  public func round(of index: Int) -> Int? {
    presenterIndices.firstIndex(of: index).map { $0 + 1 }
  }

  /// The group's counts by level and organisation.
  public var slice: GroupSlice { GroupSlice(members.map(\.participant)) }

  /// A warning when the group is not a slice across the system; it never blocks a start.
  public var sliceWarning: String? {
    let slice = slice
    let level = slice.isSingleLevel ? slice.levels.first?.value : nil
    let levelWords = level.map { $0 == .other ? "of level other" : $0.rawValue }
    let organisation = slice.isSingleOrganisation ? slice.organisations.first?.value : nil
    switch (levelWords, organisation) {
    case (let level?, let organisation?):
      return "Not a slice across the system: all \(level), all from \(organisation)"
    case (let level?, nil):
      return "Not a slice across levels: everyone is \(level)"
    case (nil, let organisation?):
      return "Not a slice across organisations: everyone is from \(organisation)"
    case (nil, nil):
      return nil
    }
  }

  /// Previous programmes matching what was typed (ignoring case and accents); all of them
  /// while nothing is typed.
  public var programmeSuggestions: [String] {
    let query = programmeQuery.trimmingCharacters(in: .whitespaces)
    guard !query.isEmpty else { return previousProgrammes }
    return previousProgrammes.filter {
      $0.range(of: query, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }
  }

  /// The previous programme the field names, ignoring case, so "alcohol plan" joins the
  /// sessions of "Alcohol Plan" instead of starting a programme of its own.
  public var matchingPreviousProgramme: String? {
    let typed = programme.string.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    guard !typed.isEmpty else { return nil }
    return previousProgrammes.first { $0.lowercased() == typed }
  }

  /// Whether Esc would discard something the facilitator entered.
  public var hasInput: Bool {
    !title.isEmpty || !programme.isEmpty || !newParticipant.isEmpty || !members.isEmpty
      || !groupQuery.isEmpty
  }

  /// Whether a participant line has been typed but not added.
  public var hasPendingParticipant: Bool {
    !newParticipant.string.allSatisfy(\.isWhitespace)
  }

  /// The session this form describes, validated; throws the first reason it cannot start.
  ///
  /// Text is trimmed, an empty focus question counts as none, and a programme that matches a
  /// previous one up to case takes that one's spelling. A participant line typed but not
  /// added also stops a start, so that person is never silently left out.
  public func sessionSetup() throws(SessionError) -> SessionSetup {
    guard let chosen = selectedProtocol else {
      throw .invalidSetup("no protocols; check the protocols folder")
    }
    guard !hasPendingParticipant else {
      throw .invalidSetup("add the typed person first (Enter)")
    }
    let programmeText = programme.string.trimmingCharacters(in: .whitespacesAndNewlines)
    let rounds = presenterIndices.map { index in
      let question = members[index].focusQuestion.string.trimmingCharacters(
        in: .whitespacesAndNewlines)
      // One of zero-width characters shows nothing: none, as `f` during the session has it.
      return SessionRound(
        presenter: index, focusQuestion: SessionRound.showsNothing(question) ? nil : question)
    }
    let setup = SessionSetup(
      title: title.string.trimmingCharacters(in: .whitespacesAndNewlines),
      programme: matchingPreviousProgramme ?? programmeText, consultingProtocol: chosen,
      participants: members.map(\.participant), rounds: rounds, group: chosenGroup?.id)
    try setup.validate()
    return setup
  }
}
