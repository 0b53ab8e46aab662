extension BuiltInProtocols {
  /// Troika Consulting (Liberating Structures): quick help in trios, each member client once.
  public static let troikaConsulting = ConsultingProtocol(
    id: "troika",
    name: "Troika Consulting",
    description: """
      In groups of three (four works), each person in turn is the client and gets quick, \
      imaginative help from the others acting as consultants. A round takes about ten minutes; \
      every member is client once.
      """,
    opening: [
      Phase(
        name: "Silent preparation",
        durationSeconds: 60,
        speaker: .everyone,
        guidance: """
          Form trios. Give everyone a minute of silence to choose a challenge and the help they \
          want with it. Each trio agrees who is client first.
          """,
        rules: ["Silence: think and write, no talking"],
        prompts: [
          "What challenge do you want help with?",
          "What kind of help would be most useful?",
        ],
        noteKind: .other
      )
    ],
    round: [
      Phase(
        name: "Client states the challenge",
        durationSeconds: 2 * 60,
        speaker: .presenter,
        guidance:
          "The client describes the challenge and says what help they want from the consultants.",
        rules: ["The consultants listen without interrupting"],
        prompts: ["What is the challenge?", "What help do you want from us?"],
        noteKind: .other
      ),
      Phase(
        name: "Clarifying questions",
        durationSeconds: 2 * 60,
        speaker: .group,
        guidance: """
          The consultants ask a few short questions so they understand the situation. Stop anyone \
          who starts giving advice: that comes next.
          """,
        rules: ["No advice while clarifying", clarifyingRule],
        prompts: clarifyingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Consultants talk, client turned away",
        durationSeconds: 4 * 60,
        speaker: .group,
        guidance: """
          The client turns their back (or turns their camera off) and listens while the \
          consultants talk with each other about the challenge: what they notice, ideas, \
          suggestions. The client takes notes and does not reply.
          """,
        rules: [
          "The client is silent, turned away and taking notes",
          "Consultants talk to each other, not to the client",
          "Ideas and advice are welcome now",
        ],
        prompts: [
          "What do we see that the client may not?",
          "What might be going on beneath the surface?",
          "What would we try in their place?",
          "What could they stop doing?",
        ],
        noteKind: .insight
      ),
      Phase(
        name: "Client responds",
        durationSeconds: 2 * 60,
        speaker: .presenter,
        guidance: """
          The client turns back and says what was most valuable and what they will try. Note the \
          action, thank the consultants and change roles.
          """,
        rules: [
          "Only the client speaks; consultants do not defend or add to their ideas",
          "Name what was most valuable, not everything that was said",
        ],
        prompts: ["What was most valuable?", "What will you try first?"],
        noteKind: .action
      ),
    ]
  )
}
