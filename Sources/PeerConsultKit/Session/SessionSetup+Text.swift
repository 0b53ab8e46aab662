import TextLayout

extension SessionSetup {
  /// The most characters a title takes, as the setup screen's field does.
  public static let maximumTitleLength = 200
  /// The most characters a programme's name takes.
  public static let maximumProgrammeLength = 120
  /// The most characters a focus question takes.
  public static let maximumFocusQuestionLength = 500
  /// The most characters a participant's name or organisation takes: the setup screen's
  /// participant line holds 300 in all.
  public static let maximumNameLength = 300
  /// The most people a session takes, latecomers included: a peer-consulting group is a
  /// room of a few to a few dozen, and an anonymised export's time grows faster than the
  /// number of people it names.
  public static let maximumParticipants = 100
  /// The most other names a participant's organisation takes (`NHS Trust|Trust|DCP`): each
  /// is a term the anonymiser looks for in all that is shared, and an imported file giving
  /// one person 8,000 of them made an anonymised export take minutes.
  public static let maximumOrganisationAliases = 10

  /// Throws when a text of the setup holds what no one can type where it is typed: a control
  /// character (a terminal would obey it wherever the text is shown: titles head every
  /// listing), or more characters than its field takes. The message names the field.
  ///
  /// Checked where a new session comes in (`run`, the setup screen, `import`), not when a
  /// stored session is replayed, so a session saved before the check still opens.
  public func validateTypedText() throws(SessionError) {
    try Self.checkParticipantCount(participants.count)
    var fields: [(name: String, value: String, limit: Int)] = [
      ("title", title, Self.maximumTitleLength),
      ("programme", programme, Self.maximumProgrammeLength),
    ]
    for (index, round) in rounds.enumerated() {
      if let question = round.focusQuestion {
        fields.append(
          ("focus question of round \(index + 1)", question, Self.maximumFocusQuestionLength))
      }
    }
    for field in fields {
      try Self.checkTyped(field.value, field: field.name, limit: field.limit)
    }
    for (index, participant) in participants.enumerated() {
      try Self.checkTyped(participant, label: "participant \(index + 1)")
    }
  }

  /// Throws when `participant`'s name, organisation or an other name of it could not be
  /// typed, or their organisation has more other names than ``maximumOrganisationAliases``;
  /// `label` names them in the message ("participant 3").
  static func checkTyped(_ participant: Participant, label: String) throws(SessionError) {
    try checkTyped(participant.name, field: "name of \(label)", limit: maximumNameLength)
    try checkTyped(
      participant.organisation, field: "organisation of \(label)", limit: maximumNameLength)
    guard participant.organisationAliases.count <= maximumOrganisationAliases else {
      throw .invalidSetup(
        "the organisation of \(label) has \(participant.organisationAliases.count) other names; "
          + "it takes at most \(maximumOrganisationAliases)")
    }
    for alias in participant.organisationAliases {
      try checkTyped(
        alias, field: "other name of the organisation of \(label)", limit: maximumNameLength)
    }
  }

  /// Throws when a session of `count` people would have more than it takes.
  static func checkParticipantCount(_ count: Int) throws(SessionError) {
    guard count <= maximumParticipants else {
      throw .invalidSetup(
        "the session has \(count) participants; it takes at most \(maximumParticipants)")
    }
  }

  /// Throws when `value`, the text of `field`, holds a control character or more than `limit`
  /// characters.
  static func checkTyped(_ value: String, field: String, limit: Int) throws(SessionError) {
    if let control = ControlCharacters.first(in: value) {
      throw .invalidSetup(
        "the \(field) contains a control character (\(ControlCharacters.codePoint(control))), "
          + "which cannot be typed; remove it")
    }
    guard value.count <= limit else {
      throw .invalidSetup(
        "the \(field) has \(value.count) characters; it takes at most \(limit)")
    }
  }
}
