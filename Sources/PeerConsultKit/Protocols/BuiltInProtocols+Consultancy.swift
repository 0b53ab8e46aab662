extension BuiltInProtocols {
  /// The Consultancy Protocol (NSRF / School Reform Initiative): a group helps a presenter think
  /// about a dilemma framed as one focus question.
  public static let consultancy = ConsultingProtocol(
    id: "consultancy",
    name: "Consultancy Protocol",
    description: """
      A presenter brings a dilemma framed as a focus question; the group questions, then \
      discusses it while the presenter listens. Works best with some outside perspectives in the \
      group. About fifty minutes for one presenter, including the debrief.
      """,
    round: [
      Phase(
        name: "Presenter overview and focus question",
        durationSeconds: 10 * 60,
        speaker: .presenter,
        guidance: """
          The presenter describes the dilemma, what they have done so far, and ends with a focus \
          question for the group. Make sure everyone can see the focus question, written down.
          """,
        rules: [
          "The group listens without interrupting",
          "The presenter ends with one focus question",
        ],
        prompts: [
          "What is the dilemma?",
          "What have you done about it so far?",
          "What is your focus question for the group?",
        ],
        noteKind: .other
      ),
      Phase(
        name: "Clarifying questions",
        durationSeconds: 5 * 60,
        speaker: .group,
        guidance: """
          The group asks brief, factual questions and the presenter answers briefly. Move \
          thought-provoking questions to the next phase.
          """,
        rules: [clarifyingRule, "No advice and no discussion"],
        prompts: clarifyingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Probing questions",
        durationSeconds: 10 * 60,
        speaker: .group,
        guidance: """
          The group asks questions that help the presenter think more deeply about the dilemma; \
          the presenter answers, without discussion. \(adviceInDisguiseGuidance) At the end, ask \
          the presenter to restate the focus question, changed if it needs to be.
          """,
        rules: [
          "Questions for the presenter's thinking, not advice or suggestions",
          "The presenter answers; no discussion of the answers",
          "The presenter restates the focus question at the end",
        ],
        prompts: probingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Group discussion, presenter silent",
        durationSeconds: 15 * 60,
        speaker: .group,
        guidance: """
          The group discusses the dilemma among themselves while the presenter sits back, listens \
          and takes notes. Keep the discussion on the focus question: what did we hear, what did \
          we not hear, what might the presenter consider? Outside perspectives help most here.
          """,
        rules: [
          "The presenter is silent, sitting back and taking notes",
          "Talk about the dilemma with each other, not to the presenter",
          "Keep to the focus question",
        ],
        prompts: discussionPrompts + ["What might the presenter consider?"],
        noteKind: .insight
      ),
      Phase(
        name: "Presenter reflects",
        durationSeconds: 5 * 60,
        speaker: .presenter,
        guidance: """
          The presenter says what struck them in the discussion, what they now think and what \
          they will do next. Note the actions. This is a reflection, not a reply to each point.
          """,
        rules: [
          "The group listens in silence",
          "Reflect; there is no need to defend or answer every point",
        ],
        prompts: [
          "What struck you in the discussion?",
          "What are you thinking now?",
          "What will you do next?",
        ],
        noteKind: .action
      ),
    ],
    closing: [
      Phase(
        name: "Debrief the process",
        durationSeconds: 5 * 60,
        speaker: .everyone,
        guidance: """
          Talk about how the protocol went rather than about the dilemma: what helped, what did \
          not, and what to change next time. Thank the presenter for bringing a real dilemma.
          """,
        rules: [
          "About the process, not the dilemma",
          "Everyone has a chance to speak",
        ],
        prompts: [
          "What worked in the way we used the protocol?",
          "Where did we slip into advice or discussion too early?",
          "What would we change next time?",
        ],
        noteKind: .other
      )
    ]
  )
}
