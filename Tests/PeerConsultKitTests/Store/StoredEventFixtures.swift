import Foundation
import Testing

@testable import PeerConsultKit

/// One event as the database stores it in the `events` table's `payload` column, byte for byte,
/// beside the event it holds.
struct StoredEventFixture: Sendable, CustomTestStringConvertible {
  /// The event's type name and, where a type has several fixtures, what this one shows.
  let name: String
  /// The payload's exact text.
  let json: String
  let event: SessionEvent

  var testDescription: String { name }
}

/// Stored events, pinned: users' databases hold these bytes, and every event must stay
/// decodable forever. Never edit a released list; a new stored shape gets a list of its own
/// beside the old ones. The events are spelled out here rather than taken from `Fixtures`, so
/// that a change to shared test data cannot move a pin.
enum StoredEventFixtures {
  /// As PeerConsult 0.1.0 stored events: Swift's synthesised `Codable` of `SessionEvent`, keys
  /// sorted, slashes unescaped. Each type has one, and the cases of nested enums and optional
  /// fields one each way. Read by `LegacyEventDecoder`; never written again.
  static let release010: [StoredEventFixture] = [
    StoredEventFixture(
      name: "created, from a protocol file",
      json: #"""
        {"created":{"setup":{"consultingProtocol":{"closing":[{"durationSeconds":120,"guidance":"","name":"Review","noteKind":"feedback","prompts":[],"rules":[],"speaker":"facilitator"}],"description":"Questions, then a review.","id":"quick","name":"Quick round","opening":[{"durationSeconds":60,"guidance":"","name":"Check-in","noteKind":"other","prompts":[],"rules":[],"speaker":"everyone"}],"round":[{"durationSeconds":600,"guidance":"Ask open questions.","name":"Questions","noteKind":"question","prompts":["What have you tried?","Who decides?"],"rules":["No advice"],"speaker":"group"}],"source":{"file":{"path":"/home/asha/.config/peerconsult/protocols/quick.yaml"}}},"participants":[{"level":"senior","name":"Asha Khan","organisation":"City Council"},{"level":"frontline","name":"Ben Ode","organisation":"NHS Trust"},{"level":"middle","name":"Chloé","organisation":"Police"}],"programme":"Alcohol Plan","rounds":[{"focusQuestion":"How do I get licensing on board?","presenter":1},{"presenter":0}],"title":"Licensing / the night-time economy"}}}
        """#,
      event: .created(setup: fileSetup)),
    StoredEventFixture(
      name: "created, from a built-in protocol",
      json: #"""
        {"created":{"setup":{"consultingProtocol":{"closing":[],"description":"","id":"tiny","name":"Tiny","opening":[],"round":[{"durationSeconds":1,"guidance":"","name":"Talk","noteKind":"other","prompts":[],"rules":[],"speaker":"presenter"}],"source":{"builtIn":{}}},"participants":[{"level":"senior","name":"Asha","organisation":"Council"}],"programme":"","rounds":[{"presenter":0}],"title":"Tiny"}}}
        """#,
      event: .created(setup: builtInSetup)),
    StoredEventFixture(
      name: "participantAdded",
      json: #"""
        {"participantAdded":{"participant":{"level":"other","name":"Dev O'Brien","organisation":""}}}
        """#,
      event: .participantAdded(
        participant: Participant(name: "Dev O'Brien", organisation: "", level: .other))),
    StoredEventFixture(
      name: "phaseStarted",
      json: #"""
        {"phaseStarted":{"slot":3}}
        """#,
      event: .phaseStarted(slot: 3)),
    StoredEventFixture(
      name: "paused",
      json: #"""
        {"paused":{}}
        """#,
      event: .paused),
    StoredEventFixture(
      name: "resumed",
      json: #"""
        {"resumed":{}}
        """#,
      event: .resumed),
    StoredEventFixture(
      name: "timeAdjusted",
      json: #"""
        {"timeAdjusted":{"seconds":-60}}
        """#,
      event: .timeAdjusted(seconds: -60)),
    StoredEventFixture(
      name: "noteAdded, with a speaker",
      json: #"""
        {"noteAdded":{"content":{"kind":"works-well","speaker":1,"text":"Crème — \"quoted\" and/or\n🍺 排队"},"id":1,"slot":3}}
        """#,
      event: .noteAdded(
        id: 1, slot: 3,
        content: NoteContent(
          text: "Crème — \"quoted\" and/or\n🍺 排队", kind: .worksWell, speaker: 1))),
    StoredEventFixture(
      name: "noteAdded, an action with an owner",
      json: #"""
        {"noteAdded":{"content":{"kind":"action","owner":0,"text":"Call licensing"},"id":2,"slot":4}}
        """#,
      event: .noteAdded(
        id: 2, slot: 4, content: NoteContent(text: "Call licensing", kind: .action, owner: 0))),
    StoredEventFixture(
      name: "noteEdited",
      json: #"""
        {"noteEdited":{"content":{"kind":"action","owner":2,"speaker":1,"text":"Call licensing first"},"id":2}}
        """#,
      event: .noteEdited(
        id: 2,
        content: NoteContent(text: "Call licensing first", kind: .action, speaker: 1, owner: 2))),
    StoredEventFixture(
      name: "noteDeleted",
      json: #"""
        {"noteDeleted":{"id":1}}
        """#,
      event: .noteDeleted(id: 1)),
    StoredEventFixture(
      name: "actionDone",
      json: #"""
        {"actionDone":{"done":true,"id":2}}
        """#,
      event: .actionDone(id: 2, done: true)),
    StoredEventFixture(
      name: "actionDone, undone",
      json: #"""
        {"actionDone":{"done":false,"id":2}}
        """#,
      event: .actionDone(id: 2, done: false)),
    StoredEventFixture(
      name: "processRating",
      json: #"""
        {"processRating":{"participant":0,"rating":5}}
        """#,
      event: .processRating(participant: 0, rating: 5)),
    StoredEventFixture(
      name: "finished",
      json: #"""
        {"finished":{}}
        """#,
      event: .finished),
  ]

  /// As events are stored since the event codec: the export's event object without `seq` and
  /// `at` (which are columns), keys sorted, slashes unescaped. The same events as
  /// ``release010``, so each pair shows one change of shape.
  static let current: [StoredEventFixture] = [
    StoredEventFixture(
      name: "created, from a protocol file",
      json: #"""
        {"setup":{"participants":[{"level":"senior","name":"Asha Khan","organisation":"City Council"},{"level":"frontline","name":"Ben Ode","organisation":"NHS Trust"},{"level":"middle","name":"Chloé","organisation":"Police"}],"programme":"Alcohol Plan","protocol":{"closing":[{"durationSeconds":120,"guidance":"","name":"Review","noteKind":"feedback","prompts":[],"rules":[],"speaker":"facilitator"}],"description":"Questions, then a review.","id":"quick","name":"Quick round","opening":[{"durationSeconds":60,"guidance":"","name":"Check-in","noteKind":"other","prompts":[],"rules":[],"speaker":"everyone"}],"round":[{"durationSeconds":600,"guidance":"Ask open questions.","name":"Questions","noteKind":"question","prompts":["What have you tried?","Who decides?"],"rules":["No advice"],"speaker":"group"}],"source":{"path":"/home/asha/.config/peerconsult/protocols/quick.yaml","type":"file"}},"rounds":[{"focusQuestion":"How do I get licensing on board?","presenter":1},{"presenter":0}],"title":"Licensing / the night-time economy"},"type":"created"}
        """#,
      event: .created(setup: fileSetup)),
    StoredEventFixture(
      name: "created, from a built-in protocol",
      json: #"""
        {"setup":{"participants":[{"level":"senior","name":"Asha","organisation":"Council"}],"programme":"","protocol":{"closing":[],"description":"","id":"tiny","name":"Tiny","opening":[],"round":[{"durationSeconds":1,"guidance":"","name":"Talk","noteKind":"other","prompts":[],"rules":[],"speaker":"presenter"}],"source":{"type":"builtIn"}},"rounds":[{"presenter":0}],"title":"Tiny"},"type":"created"}
        """#,
      event: .created(setup: builtInSetup)),
    StoredEventFixture(
      name: "participantAdded",
      json: #"""
        {"participant":{"level":"other","name":"Dev O'Brien","organisation":""},"type":"participantAdded"}
        """#,
      event: .participantAdded(
        participant: Participant(name: "Dev O'Brien", organisation: "", level: .other))),
    // Other names of the organisation: a key written only when there are some, so every
    // payload above (stored before it existed) reads as none.
    StoredEventFixture(
      name: "participantAdded, with the organisation's other names",
      json: #"""
        {"participant":{"level":"senior","name":"Priya Patel","organisation":"Devon & Cornwall Police","organisationAliases":["D&C Police","DCP"]},"type":"participantAdded"}
        """#,
      event: .participantAdded(
        participant: Participant(
          name: "Priya Patel", organisation: "Devon & Cornwall Police",
          organisationAliases: ["D&C Police", "DCP"], level: .senior))),
    StoredEventFixture(
      name: "phaseStarted",
      json: #"""
        {"slot":3,"type":"phaseStarted"}
        """#,
      event: .phaseStarted(slot: 3)),
    StoredEventFixture(
      name: "paused",
      json: #"""
        {"type":"paused"}
        """#,
      event: .paused),
    StoredEventFixture(
      name: "resumed",
      json: #"""
        {"type":"resumed"}
        """#,
      event: .resumed),
    StoredEventFixture(
      name: "timeAdjusted",
      json: #"""
        {"seconds":-60,"type":"timeAdjusted"}
        """#,
      event: .timeAdjusted(seconds: -60)),
    StoredEventFixture(
      name: "noteAdded, with a speaker",
      json: #"""
        {"content":{"kind":"works-well","speaker":1,"text":"Crème — \"quoted\" and/or\n🍺 排队"},"note":1,"slot":3,"type":"noteAdded"}
        """#,
      event: .noteAdded(
        id: 1, slot: 3,
        content: NoteContent(
          text: "Crème — \"quoted\" and/or\n🍺 排队", kind: .worksWell, speaker: 1))),
    StoredEventFixture(
      name: "noteAdded, an action with an owner",
      json: #"""
        {"content":{"kind":"action","owner":0,"text":"Call licensing"},"note":2,"slot":4,"type":"noteAdded"}
        """#,
      event: .noteAdded(
        id: 2, slot: 4, content: NoteContent(text: "Call licensing", kind: .action, owner: 0))),
    StoredEventFixture(
      name: "noteEdited",
      json: #"""
        {"content":{"kind":"action","owner":2,"speaker":1,"text":"Call licensing first"},"note":2,"type":"noteEdited"}
        """#,
      event: .noteEdited(
        id: 2,
        content: NoteContent(text: "Call licensing first", kind: .action, speaker: 1, owner: 2))),
    StoredEventFixture(
      name: "noteDeleted",
      json: #"""
        {"note":1,"type":"noteDeleted"}
        """#,
      event: .noteDeleted(id: 1)),
    StoredEventFixture(
      name: "actionDone",
      json: #"""
        {"done":true,"note":2,"type":"actionDone"}
        """#,
      event: .actionDone(id: 2, done: true)),
    StoredEventFixture(
      name: "actionDone, undone",
      json: #"""
        {"done":false,"note":2,"type":"actionDone"}
        """#,
      event: .actionDone(id: 2, done: false)),
    StoredEventFixture(
      name: "processRating",
      json: #"""
        {"rater":0,"rating":5,"type":"processRating"}
        """#,
      event: .processRating(participant: 0, rating: 5)),
    StoredEventFixture(
      name: "finished",
      json: #"""
        {"type":"finished"}
        """#,
      event: .finished),
    StoredEventFixture(
      name: "noteAdded flagged as advice",
      json: #"""
        {"content":{"advice":true,"kind":"question","text":"Why not ask the police?"},"note":3,"slot":2,"type":"noteAdded"}
        """#,
      event: .noteAdded(
        id: 3, slot: 2,
        content: NoteContent(
          text: "Why not ask the police?", kind: .question, looksLikeAdvice: true))),
    StoredEventFixture(
      name: "ratingCleared",
      json: #"""
        {"rater":2,"type":"ratingCleared"}
        """#,
      event: .ratingCleared(participant: 2)),
    StoredEventFixture(
      name: "roundsRearranged",
      json: #"""
        {"from":1,"presenters":[3,0],"type":"roundsRearranged"}
        """#,
      event: .roundsRearranged(from: 1, presenters: [3, 0])),
    StoredEventFixture(
      name: "participantLeft",
      json: #"""
        {"type":"participantLeft","who":2}
        """#,
      event: .participantLeft(participant: 2)),
    StoredEventFixture(
      name: "participantReturned",
      json: #"""
        {"type":"participantReturned","who":2}
        """#,
      event: .participantReturned(participant: 2)),
    StoredEventFixture(
      name: "focusQuestionSet",
      json: #"""
        {"question":"How do I get licensing on board by spring?","round":0,"type":"focusQuestionSet"}
        """#,
      event: .focusQuestionSet(round: 0, question: "How do I get licensing on board by spring?")),
    StoredEventFixture(
      name: "focusQuestionSet without a question",
      json: #"""
        {"round":1,"type":"focusQuestionSet"}
        """#,
      event: .focusQuestionSet(round: 1, question: nil)),
    StoredEventFixture(
      name: "personErased",
      json: #"""
        {"pseudonym":"[Erased person 1]","type":"personErased"}
        """#,
      event: .personErased(pseudonym: "[Erased person 1]")),
    StoredEventFixture(
      name: "shareChoice",
      json: #"""
        {"replace":false,"term":"Bishop","type":"shareChoice"}
        """#,
      event: .shareChoice(term: "Bishop", replace: false)),
    StoredEventFixture(
      name: "roomNotesChosen",
      json: #"""
        {"kinds":["theme","action"],"type":"roomNotesChosen"}
        """#,
      event: .roomNotesChosen(kinds: [.theme, .action])),
    // Standing groups and actions followed up (schema v5): a setup names its group, an action
    // its due date, each only when it has one, so every payload above reads as none.
    StoredEventFixture(
      name: "created, a meeting of a standing group",
      json: #"""
        {"setup":{"group":"0123456789abcdef0123456789abcdef","participants":[{"level":"senior","name":"Asha","organisation":"Council"}],"programme":"","protocol":{"closing":[],"description":"","id":"tiny","name":"Tiny","opening":[],"round":[{"durationSeconds":1,"guidance":"","name":"Talk","noteKind":"other","prompts":[],"rules":[],"speaker":"presenter"}],"source":{"type":"builtIn"}},"rounds":[{"presenter":0}],"title":"Tiny"},"type":"created"}
        """#,
      event: .created(setup: groupSetup)),
    StoredEventFixture(
      name: "noteAdded, an action due by a day",
      json: #"""
        {"content":{"due":"2027-01-22","kind":"action","owner":0,"text":"Call licensing by Friday"},"note":3,"slot":0,"type":"noteAdded"}
        """#,
      event: .noteAdded(
        id: 3, slot: 0,
        content: NoteContent(
          text: "Call licensing by Friday", kind: .action, owner: 0,
          due: .day(CalendarDay(iso: "2027-01-22")!)))),
    StoredEventFixture(
      name: "noteAdded, an action due next session",
      json: #"""
        {"content":{"due":"next-session","kind":"action","text":"Bring the figures next session"},"note":4,"slot":0,"type":"noteAdded"}
        """#,
      event: .noteAdded(
        id: 4, slot: 0,
        content: NoteContent(
          text: "Bring the figures next session", kind: .action, due: .nextSession))),
    StoredEventFixture(
      name: "actionFollowedUp, done",
      json: #"""
        {"note":2,"outcome":"done","session":"fedcba9876543210fedcba9876543210","type":"actionFollowedUp"}
        """#,
      event: .actionFollowedUp(action: earlierAction, outcome: .done)),
    StoredEventFixture(
      name: "actionFollowedUp, carried",
      json: #"""
        {"note":2,"outcome":"carried","session":"fedcba9876543210fedcba9876543210","text":"Waiting on the council","type":"actionFollowedUp"}
        """#,
      event: .actionFollowedUp(
        action: earlierAction, outcome: .carried(note: "Waiting on the council"))),
    StoredEventFixture(
      name: "actionFollowedUp, dropped",
      json: #"""
        {"note":2,"outcome":"dropped","session":"fedcba9876543210fedcba9876543210","text":"Licensing changed hands","type":"actionFollowedUp"}
        """#,
      event: .actionFollowedUp(
        action: earlierAction, outcome: .dropped(reason: "Licensing changed hands"))),
  ]

  /// The setup of ``builtInSetup`` as a meeting of a standing group.
  static let groupSetup: SessionSetup = {
    var setup = builtInSetup
    setup.group = GroupID(rawValue: "0123456789abcdef0123456789abcdef")
    return setup
  }()

  /// An action of an earlier meeting.
  static let earlierAction = ActionReference(
    session: SessionID(rawValue: "fedcba9876543210fedcba9876543210")!, note: 2)

  /// Every part of a setup: phases in all three parts with rules and prompts, a protocol file's
  /// path, and rounds with and without a focus question.
  static let fileSetup = SessionSetup(
    title: "Licensing / the night-time economy", programme: "Alcohol Plan",
    consultingProtocol: ConsultingProtocol(
      id: "quick", name: "Quick round", description: "Questions, then a review.",
      opening: [Phase(name: "Check-in", durationSeconds: 60, speaker: .everyone)],
      round: [
        Phase(
          name: "Questions", durationSeconds: 600, speaker: .group,
          guidance: "Ask open questions.", rules: ["No advice"],
          prompts: ["What have you tried?", "Who decides?"], noteKind: .question)
      ],
      closing: [
        Phase(
          name: "Review", durationSeconds: 120, speaker: .facilitator, noteKind: .feedback)
      ],
      source: .file(path: "/home/asha/.config/peerconsult/protocols/quick.yaml")),
    participants: [
      Participant(name: "Asha Khan", organisation: "City Council", level: .senior),
      Participant(name: "Ben Ode", organisation: "NHS Trust", level: .frontline),
      Participant(name: "Chloé", organisation: "Police", level: .middle),
    ],
    rounds: [
      SessionRound(presenter: 1, focusQuestion: "How do I get licensing on board?"),
      SessionRound(presenter: 0),
    ])

  /// The smallest setup: a built-in protocol of one phase, one presenter.
  static let builtInSetup = SessionSetup(
    title: "Tiny", programme: "",
    consultingProtocol: ConsultingProtocol(
      id: "tiny", name: "Tiny", description: "",
      round: [Phase(name: "Talk", durationSeconds: 1, speaker: .presenter)]),
    participants: [Participant(name: "Asha", organisation: "Council", level: .senior)],
    presenters: [0])
}
