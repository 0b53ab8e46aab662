extension BuiltInProtocols {
  /// The Tuning Protocol: critical friends give warm and cool feedback on a piece of work.
  public static let tuning = ConsultingProtocol(
    id: "tuning",
    name: "Tuning Protocol",
    description: """
      Six to twelve critical friends help a presenter tune a piece of work with warm and cool \
      feedback on a focusing question. Forty-five to sixty minutes for one presenter.
      """,
    opening: [
      Phase(
        name: "Introduction",
        durationSeconds: 5 * 60,
        speaker: .facilitator,
        guidance: """
          Introduce the protocol, its timings and the norms of critical friendship: warm feedback \
          says what works, cool feedback is phrased as wondering. Ask each presenter whether they \
          want hard feedback; it is given only to those who opt in.
          """,
        rules: [
          "Hard feedback only when the presenter opts in",
          "Critical friends are honest, kind and specific",
        ],
        prompts: [
          "What do we each want from today?",
          "Which norms will help our feedback be useful?",
        ],
        noteKind: .other
      )
    ],
    round: [
      Phase(
        name: "Presentation",
        durationSeconds: 15 * 60,
        speaker: .presenter,
        guidance: """
          The presenter describes the work and its context, shares examples, and poses a \
          focusing question for feedback. The group listens in silence.
          """,
        rules: [
          "The group is silent: no questions yet",
          "The presenter ends with a focusing question",
        ],
        prompts: [
          "What were you aiming for?",
          "What is the context of the work?",
          "What is your focusing question for feedback?",
        ],
        noteKind: .other
      ),
      Phase(
        name: "Clarifying questions",
        durationSeconds: 5 * 60,
        speaker: .group,
        guidance: """
          Short factual questions so the group understands the work. Save evaluative questions \
          for the feedback.
          """,
        rules: [clarifyingRule, "No judgements or advice yet"],
        prompts: clarifyingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Warm and cool feedback",
        durationSeconds: 15 * 60,
        speaker: .group,
        guidance: """
          The group gives feedback while the presenter stays silent and takes notes, turned away \
          if they like. Start warm, move to cool, and keep both tied to the focusing question. \
          Cool feedback is phrased as a question or a wondering; hard feedback only if the \
          presenter opted in.
          """,
        rules: [
          "The presenter is silent and takes notes",
          "Warm feedback: what works",
          "Cool feedback is phrased as wondering: \"I wonder if…\"",
          "Keep to the focusing question",
        ],
        prompts: [
          "What works is…",
          "A strength I notice is…",
          "I wonder if…",
          "What would happen if…?",
          "How does this connect to your focusing question?",
        ],
        noteKind: .feedback
      ),
      Phase(
        name: "Presenter reflects",
        durationSeconds: 10 * 60,
        speaker: .presenter,
        guidance: """
          The presenter talks about what they heard and what they will take further, choosing \
          what to respond to. The group stays silent. Note the next steps as actions.
          """,
        rules: [
          "The group is silent",
          "The presenter need not respond to every comment",
        ],
        prompts: [
          "What did you hear that you want to take further?",
          "What surprised you?",
          "What will you do next?",
        ],
        noteKind: .action
      ),
    ],
    closing: [
      Phase(
        name: "Debrief",
        durationSeconds: 5 * 60,
        speaker: .everyone,
        guidance: """
          Reflect on the protocol itself: how it felt to give and to receive feedback, and what \
          would make it more useful next time.
          """,
        rules: [
          "About the process, not the work presented",
          "Everyone has a chance to speak",
        ],
        prompts: [
          "How did it feel to give feedback, and to receive it?",
          "Was the balance of warm and cool right?",
          "What would make our feedback more useful next time?",
        ],
        noteKind: .other
      )
    ]
  )
}
