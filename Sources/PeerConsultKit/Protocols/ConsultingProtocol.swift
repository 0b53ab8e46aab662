import Foundation

/// A peer-consulting protocol: phases run once at the start, once per presenter, and once at the end.
///
/// Named `ConsultingProtocol` because `Protocol` reads as a Swift language term.
public struct ConsultingProtocol: Hashable, Sendable {
  /// The longest text a protocol holds (its name, description, a phase's name, guidance, a
  /// rule, a prompt), in characters: protocol files are refused beyond it, and so are imports.
  public static let maximumTextLength = 10_000

  /// Where a protocol came from, so messages and listings can say so.
  public enum Source: Hashable, Sendable {
    case builtIn
    case file(path: String)
  }

  /// A short stable identifier: `slg`, `troika`, or a custom file's base name.
  public var id: String
  public var name: String
  public var description: String
  /// Phases run once, before the first round.
  public var opening: [Phase]
  /// Phases run once per presenter; never empty.
  public var round: [Phase]
  /// Phases run once, after the last round.
  public var closing: [Phase]
  public var source: Source
  /// Openings that give advice, added to ``AdviceDetector/stems`` for this protocol's sessions
  /// ("what I'd do is"), as written in the file.
  public var adviceStems: [String]

  public init(
    id: String, name: String, description: String, opening: [Phase] = [], round: [Phase],
    closing: [Phase] = [], source: Source = .builtIn, adviceStems: [String] = []
  ) {
    self.id = id
    self.name = name
    self.description = description
    self.opening = opening
    self.round = round
    self.closing = closing
    self.source = source
    self.adviceStems = adviceStems
  }

  /// Planned seconds of one round.
  public var roundSeconds: Int { round.reduce(0) { $0 + $1.durationSeconds } }

  /// Planned seconds of a whole session with `rounds` presenters.
  public func totalSeconds(rounds: Int) -> Int {
    opening.reduce(0) { $0 + $1.durationSeconds } + roundSeconds * rounds
      + closing.reduce(0) { $0 + $1.durationSeconds }
  }
}

/// One step of a protocol, with what the facilitator needs to run it.
public struct Phase: Hashable, Sendable {
  public var name: String
  /// Planned length in whole seconds (at least 1).
  public var durationSeconds: Int
  public var speaker: Speaker
  /// What the facilitator does in this phase, in plain words.
  public var guidance: String
  /// Rules the group keeps in this phase ("presenter silent").
  public var rules: [String]
  /// Question or prompt stems shown to the group, rotating.
  public var prompts: [String]
  /// The kind a note written in this phase gets unless the writer picks another.
  public var noteKind: NoteKind

  public init(
    name: String, durationSeconds: Int, speaker: Speaker, guidance: String = "",
    rules: [String] = [], prompts: [String] = [], noteKind: NoteKind = .other
  ) {
    self.name = name
    self.durationSeconds = durationSeconds
    self.speaker = speaker
    self.guidance = guidance
    self.rules = rules
    self.prompts = prompts
    self.noteKind = noteKind
  }
}

/// Who speaks in a phase.
public enum Speaker: String, CaseIterable, Codable, Sendable {
  case presenter, group, everyone, facilitator
}

/// What a note records; drives the summary, the harvest and filters.
public enum NoteKind: String, CaseIterable, Codable, Sendable {
  case question, insight, theme
  case worksWell = "works-well"
  case blockage, action, feedback, other

  /// Every kind's name, as a command names them: "question, insight, …, other".
  ///
  /// A loop, not `map(\.rawValue).joined(separator:)`: `search` builds its help with it at
  /// every start, where a key path and the standard library's unspecialised `joined` each
  /// cost a scan of the binary's conformance records (Docs/PERFORMANCE.md).
  public static var names: String {
    var names = ""
    for kind in allCases {
      if !names.isEmpty { names += ", " }
      names += kind.rawValue
    }
    return names
  }
}

/// A participant's place in their organisation's hierarchy; the group is a slice across levels.
public enum Level: String, CaseIterable, Codable, Sendable {
  case senior, middle, frontline, other
}

/// A member of a session's group.
public struct Participant: Hashable, Sendable {
  public var name: String
  public var organisation: String
  /// Other names of the organisation that people use ("Devon and Cornwall Police", "DCP"),
  /// given once by the facilitator so that an anonymised export replaces them too.
  public var organisationAliases: [String]
  public var level: Level

  public init(
    name: String, organisation: String, organisationAliases: [String] = [], level: Level
  ) {
    self.name = name
    self.organisation = organisation
    self.organisationAliases = organisationAliases
    self.level = level
  }
}
