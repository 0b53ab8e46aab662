import Foundation

/// Reads event payloads as PeerConsult 0.1.0 stored them, which users' databases hold forever:
/// Swift's synthesised `Codable` of its `SessionEvent`, like `{"noteAdded":{"content":{…},
/// "id":1,"slot":0}}` and `{"paused":{}}`.
///
/// Frozen. The declarations below copy 0.1.0's event and setup exactly, so that Swift
/// synthesises the very shape that release wrote; their leaves (phases, participants, rounds,
/// note content) had the same keys as the shared ``SessionEventCodec`` values and reuse them.
/// No new event type is ever added here: new events are only ever written by the codec.
/// `StoredEventFixtures.release010` in the tests pins every shape this must keep reading.
enum LegacyEventDecoder {
  static func decode(from decoder: any Decoder) throws -> SessionEvent {
    switch try Event(from: decoder) {
    case .created(let setup): .created(setup: setup.setup)
    case .participantAdded(let participant): .participantAdded(participant: participant.participant)
    case .phaseStarted(let slot): .phaseStarted(slot: slot)
    case .paused: .paused
    case .resumed: .resumed
    case .timeAdjusted(let seconds): .timeAdjusted(seconds: seconds)
    case .noteAdded(let id, let slot, let content):
      .noteAdded(id: id, slot: slot, content: content.content)
    case .noteEdited(let id, let content): .noteEdited(id: id, content: content.content)
    case .noteDeleted(let id): .noteDeleted(id: id)
    case .actionDone(let id, let done): .actionDone(id: id, done: done)
    case .processRating(let participant, let rating):
      .processRating(participant: participant, rating: rating)
    case .finished: .finished
    }
  }

  /// 0.1.0's `SessionEvent`.
  private enum Event: Decodable {
    case created(setup: Setup)
    case participantAdded(participant: CodedParticipant)
    case phaseStarted(slot: Int)
    case paused
    case resumed
    case timeAdjusted(seconds: Int)
    case noteAdded(id: Int, slot: Int, content: CodedNoteContent)
    case noteEdited(id: Int, content: CodedNoteContent)
    case noteDeleted(id: Int)
    case actionDone(id: Int, done: Bool)
    case processRating(participant: Int, rating: Int)
    case finished
  }

  /// 0.1.0's `SessionSetup`.
  private struct Setup: Decodable {
    let title: String
    let programme: String
    let consultingProtocol: ConsultingProtocol
    let participants: [CodedParticipant]
    let rounds: [CodedRound]

    var setup: SessionSetup {
      SessionSetup(
        title: title, programme: programme,
        consultingProtocol: PeerConsultKit.ConsultingProtocol(
          id: consultingProtocol.id, name: consultingProtocol.name,
          description: consultingProtocol.description,
          opening: consultingProtocol.opening.map(\.phase),
          round: consultingProtocol.round.map(\.phase),
          closing: consultingProtocol.closing.map(\.phase),
          source: consultingProtocol.source.source),
        participants: participants.map(\.participant), rounds: rounds.map(\.round))
    }
  }

  /// 0.1.0's `ConsultingProtocol`.
  private struct ConsultingProtocol: Decodable {
    let id: String
    let name: String
    let description: String
    let opening: [CodedPhase]
    let round: [CodedPhase]
    let closing: [CodedPhase]
    let source: Source
  }

  /// 0.1.0's `ConsultingProtocol.Source`: `{"builtIn":{}}` or `{"file":{"path":…}}`.
  private enum Source: Decodable {
    case builtIn
    case file(path: String)

    var source: PeerConsultKit.ConsultingProtocol.Source {
      switch self {
      case .builtIn: .builtIn
      case .file(let path): .file(path: path)
      }
    }
  }
}
