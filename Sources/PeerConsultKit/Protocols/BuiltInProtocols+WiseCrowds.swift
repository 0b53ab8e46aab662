extension BuiltInProtocols {
  /// Wise Crowds (Liberating Structures): a client draws on the whole group in fifteen minutes.
  public static let wiseCrowds = ConsultingProtocol(
    id: "wise-crowds",
    name: "Wise Crowds",
    description: """
      A client gets the combined wisdom of four to seven helpers in fifteen minutes. Every \
      member takes a turn as client, and every client gets the same time.
      """,
    round: [
      Phase(
        name: "Client presents the challenge and request",
        durationSeconds: 2 * 60,
        speaker: .presenter,
        guidance: "The client describes the challenge and asks for the help they want.",
        rules: [
          "Helpers listen without interrupting",
          "Equal airtime: every client gets the same time, so keep to it",
        ],
        prompts: ["What is your challenge?", "What would you like from the helpers?"],
        noteKind: .other
      ),
      Phase(
        name: "Clarifying questions",
        durationSeconds: 3 * 60,
        speaker: .group,
        guidance: """
          Helpers ask short questions to fill in the picture. Hold back ideas and advice until the \
          client has turned away.
          """,
        rules: ["No advice yet", clarifyingRule],
        prompts: clarifyingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Helpers generate ideas, client turned away",
        durationSeconds: 8 * 60,
        speaker: .group,
        guidance: """
          The client turns their back (or turns their camera off), listens and takes notes. The \
          helpers talk together: what they heard in the request, questions it raises, ideas and \
          options. Encourage building on each other rather than debating.
          """,
        rules: [
          "The client is silent, turned away and taking notes",
          "Build on each other's ideas; do not judge them",
          "Talk to each other, not to the client",
        ],
        prompts: [
          "What do we hear behind the request?",
          "What is missing from the picture?",
          "What would we try?",
          "What bold idea has no one said yet?",
        ],
        noteKind: .insight
      ),
      Phase(
        name: "Client responds",
        durationSeconds: 2 * 60,
        speaker: .presenter,
        guidance: """
          The client turns back and says what was useful and what they will do next. Note the \
          action, then move to the next client.
          """,
        rules: [
          "Only the client speaks",
          "The client need not answer every idea",
        ],
        prompts: ["What was most useful?", "What will you do next?"],
        noteKind: .action
      ),
    ]
  )
}
