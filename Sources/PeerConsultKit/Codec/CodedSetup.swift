import Foundation

// The values that events carry, as the event codec writes them in the database and the JSON
// export (Docs/EXPORT-FORMAT.md). These types spell the format out key by key instead of
// reusing the model's types, so a change to the model cannot silently change a stored or
// published format.

/// ``SessionSetup``: the title, programme, the whole protocol, the group and the rounds.
///
/// `group`, the standing group's id, is written only for a meeting of one, so every other
/// setup is coded as before the field existed and every setup stored before reads as none.
struct CodedSetup: Codable {
  let title: String
  let programme: String
  let `protocol`: CodedProtocol
  let participants: [CodedParticipant]
  let rounds: [CodedRound]
  let group: GroupID?

  init(_ setup: SessionSetup) {
    title = setup.title
    programme = setup.programme
    self.protocol = CodedProtocol(setup.consultingProtocol)
    participants = setup.participants.map(CodedParticipant.init)
    rounds = setup.rounds.map(CodedRound.init)
    group = setup.group
  }

  var setup: SessionSetup {
    SessionSetup(
      title: title, programme: programme, consultingProtocol: self.protocol.consultingProtocol,
      participants: participants.map(\.participant), rounds: rounds.map(\.round), group: group)
  }
}

/// ``Participant``: their name, organisation, its other names and level.
///
/// `organisationAliases` is written only when there are some, so a participant without any
/// is coded as before the field existed, and a payload without it (every session stored
/// before) reads as none.
struct CodedParticipant: Codable {
  let name: String
  let organisation: String
  let organisationAliases: [String]?
  let level: String

  init(_ participant: Participant) {
    name = participant.name
    organisation = participant.organisation
    organisationAliases =
      participant.organisationAliases.isEmpty ? nil : participant.organisationAliases
    level = participant.level.rawValue
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    name = try container.decode(String.self, forKey: .name)
    organisation = try container.decode(String.self, forKey: .organisation)
    organisationAliases = try container.decodeIfPresent([String].self, forKey: .organisationAliases)
    level = try container.decodeName(of: Level.self, forKey: .level).rawValue
  }

  var participant: Participant {
    Participant(
      name: name, organisation: organisation, organisationAliases: organisationAliases ?? [],
      level: Level(rawValue: level)!)
  }
}

/// ``SessionRound``: the presenter and the question they bring, if any.
struct CodedRound: Codable {
  let presenter: Int
  let focusQuestion: String?

  init(_ round: SessionRound) {
    presenter = round.presenter
    focusQuestion = round.focusQuestion
  }

  var round: SessionRound { SessionRound(presenter: presenter, focusQuestion: focusQuestion) }
}
