/// The protocols PeerConsult ships, with timings from each method's own community and guidance
/// written for a facilitator running the session live.
public enum BuiltInProtocols {
  /// The id of the protocol used when none is chosen.
  public static let defaultID = systemsLearningGroup.id

  /// Every built-in protocol, the default first.
  public static let all: [ConsultingProtocol] = [
    systemsLearningGroup, troikaConsulting, wiseCrowds, consultancy, tuning, actionLearningSet,
    caseClinic,
  ]

  /// The built-in protocol with this id, if there is one.
  public static func protocolWithID(_ id: String) -> ConsultingProtocol? {
    all.first { $0.id == id }
  }

  /// Question stems shared by several protocols; each phase still carries its own copy so a
  /// protocol reads as a whole.
  static let clarifyingPrompts = [
    "Who is involved?",
    "What has happened so far?",
    "Where and when does this happen?",
    "How much time or money is at stake?",
    "What has already been decided?",
  ]

  static let probingPrompts = [
    "What would success look like?",
    "What have you already tried?",
    "What is the connection between … and …?",
    "What if the opposite were true?",
    "Who else owns a piece of this?",
    "What would you do if you were not afraid?",
    "What is stopping you?",
    "What assumptions are you making?",
  ]

  static let discussionPrompts = [
    "What did we hear?",
    "What did we not hear?",
    "What assumptions seem to be operating?",
    "What patterns connect this to the wider system?",
    "What would we try?",
  ]

  /// The rule that keeps clarifying questions from turning into probing ones or advice.
  static let clarifyingRule =
    "Clarifying questions only: short and factual. If the presenter has to stop and think, it is a probing question; hold it"

  /// What the facilitator listens for while questions are asked.
  static let adviceInDisguiseGuidance =
    "Listen for advice in disguise (\"Have you tried…\", \"Why don't you…\", \"You should…\", \"If I were you…\") and ask the asker to turn it into an open question."
}
