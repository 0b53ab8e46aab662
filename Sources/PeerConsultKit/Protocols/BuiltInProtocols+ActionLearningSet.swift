extension BuiltInProtocols {
  /// An Action Learning Set (after Revans): presenters own their problems and their actions.
  public static let actionLearningSet = ConsultingProtocol(
    id: "action-learning",
    name: "Action Learning Set",
    description: """
      A set of four to eight people meets every four to six weeks. Each presenter brings a real \
      problem they own; the set helps with questions, never advice, and the presenter commits to \
      actions that the next meeting follows up.
      """,
    opening: [
      Phase(
        name: "Check-in and progress on actions",
        durationSeconds: 10 * 60,
        speaker: .everyone,
        guidance: """
          Each member checks in briefly and reports on the actions they committed to last time: \
          what they did, what happened and what they learned. Agree who presents today and in \
          what order.
          """,
        rules: [
          "Brief reports; discussion waits for the rounds",
          "Report what happened, including what did not get done",
        ],
        prompts: [
          "What did you do since we last met?",
          "What happened, and what did you learn?",
          "What do you want to bring today?",
        ],
        noteKind: .action
      )
    ],
    round: [
      Phase(
        name: "Presentation",
        durationSeconds: 5 * 60,
        speaker: .presenter,
        guidance: "The presenter describes a real problem that they own and can act on.",
        rules: [
          "The set listens without interrupting",
          "The presenter owns the problem",
        ],
        prompts: [
          "What is the problem?",
          "Why does it matter to you now?",
          "What would you like to achieve?",
        ],
        noteKind: .other
      ),
      Phase(
        name: "Clarifying questions",
        durationSeconds: 5 * 60,
        speaker: .group,
        guidance: "Short questions so the set understands the facts of the problem.",
        rules: [clarifyingRule, "No advice"],
        prompts: clarifyingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Helping questions",
        durationSeconds: 15 * 60,
        speaker: .group,
        guidance: """
          Members ask open questions that help the presenter see the problem differently and \
          find their own way forward. Give the presenter time to think before the next question. \
          \(adviceInDisguiseGuidance)
          """,
        rules: [
          "Questions, never advice",
          "One question at a time; allow silence for thinking",
          "The facilitator stops advice disguised as questions",
        ],
        prompts: probingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Summary by the presenter",
        durationSeconds: 3 * 60,
        speaker: .presenter,
        guidance: "The presenter sums up what they have learned and how they now see the problem.",
        rules: [
          "The set listens without adding",
          "The presenter speaks about their own thinking",
        ],
        prompts: ["How do you see the problem now?", "What has shifted for you?"],
        noteKind: .insight
      ),
      Phase(
        name: "Actions",
        durationSeconds: 2 * 60,
        speaker: .presenter,
        guidance: """
          The presenter commits to specific actions before the next meeting. Note them: the next \
          check-in follows them up.
          """,
        rules: [
          "The presenter chooses the actions, not the set",
          "Actions are specific and can be done before the next meeting",
        ],
        prompts: [
          "What will you do before we next meet?",
          "By when?",
          "What support do you need?",
        ],
        noteKind: .action
      ),
    ],
    closing: [
      Phase(
        name: "Review of the process",
        durationSeconds: 10 * 60,
        speaker: .everyone,
        guidance: """
          Review how the set worked today: the quality of the questions, where advice crept in, \
          and what to change next time.
          """,
        rules: [
          "About how we worked, not about the problems",
          "Everyone speaks",
        ],
        prompts: [
          "What did we do well as a set today?",
          "Where did advice creep in?",
          "What have we learned about asking questions?",
          "What will we change next time?",
        ],
        noteKind: .other
      )
    ]
  )
}
