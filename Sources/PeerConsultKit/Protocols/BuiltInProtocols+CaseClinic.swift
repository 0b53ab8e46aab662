extension BuiltInProtocols {
  /// Case Clinic (Presencing Institute): peer coaches help a case giver see their situation anew.
  public static let caseClinic = ConsultingProtocol(
    id: "case-clinic",
    name: "Case Clinic",
    description: """
      Four or five peers coach a case giver who is a key player in their own case. No advice and \
      no hierarchy: the coaches listen, mirror what they noticed and explore the case together. \
      About an hour per case.
      """,
    opening: [
      Phase(
        name: "Choose a timekeeper",
        durationSeconds: 2 * 60,
        speaker: .facilitator,
        guidance: """
          Agree who keeps time and who gives a case, in what order. Remind the group there is no \
          hierarchy and no advice-giving in the clinic.
          """,
        rules: [
          "No hierarchy: everyone is a peer coach",
          "Each case giver is a key player in their own case",
        ],
        prompts: ["Who will keep time?", "Who brings a case, and in what order?"],
        noteKind: .other
      )
    ],
    round: [
      Phase(
        name: "Intention statement",
        durationSeconds: 15 * 60,
        speaker: .presenter,
        guidance: """
          The case giver describes the situation and their intention: what they are trying to \
          create, who the key stakeholders are, where they are stuck and what help they want. \
          Coaches listen deeply and only ask clarifying questions.
          """,
        rules: [
          "Coaches only ask clarifying questions",
          "No advice and no judgement",
        ],
        prompts: [
          "What is the current situation?",
          "What future are you trying to create?",
          "Where are you stuck?",
          "What would you need to let go of to move forward?",
          "What help do you want from us?",
        ],
        noteKind: .other
      ),
      Phase(
        name: "Stillness",
        durationSeconds: 3 * 60,
        speaker: .everyone,
        guidance: """
          Three minutes of silence. Everyone, the case giver too, notices what the case evokes in \
          them: an image, a feeling, a gesture.
          """,
        rules: ["Complete silence", "Notice what comes up; do not analyse it"],
        prompts: [
          "What image comes to mind?",
          "What feeling does the case leave you with?",
          "What gesture would express it?",
        ],
        noteKind: .insight
      ),
      Phase(
        name: "Mirroring",
        durationSeconds: 10 * 60,
        speaker: .group,
        guidance: """
          Each coach in turn shares the image, feeling or gesture that came up in the stillness, \
          briefly and without explaining it away. Then the case giver says what they heard in the \
          mirrors.
          """,
        rules: [
          "Each coach offers an image, feeling or gesture, not advice",
          "Keep it short; no discussion between mirrors",
          "The case giver listens until every coach has spoken",
        ],
        prompts: [
          "The image that came to me was…",
          "What I felt was…",
          "What I noticed in myself was…",
        ],
        noteKind: .insight
      ),
      Phase(
        name: "Generative dialogue",
        durationSeconds: 20 * 60,
        speaker: .everyone,
        guidance: """
          Case giver and coaches talk together, building on the mirrors and the case giver's \
          reflections, to open new ways of seeing the situation. Keep the case giver's intention \
          in view and move from what is known to what might be tried.
          """,
        rules: [
          "No advice: explore together",
          "Build on what others say",
          "Stay close to the case giver's intention",
        ],
        prompts: [
          "What did the mirrors show us?",
          "What is trying to emerge here?",
          "Which assumptions could be questioned?",
          "What small experiment could the case giver try?",
        ],
        noteKind: .insight
      ),
      Phase(
        name: "Closing remarks",
        durationSeconds: 8 * 60,
        speaker: .everyone,
        guidance: """
          Each coach offers a brief closing remark; the case giver speaks last, saying what they \
          learned and their next step. Thank the case giver.
          """,
        rules: ["One brief remark each", "The case giver speaks last"],
        prompts: [
          "What did you learn from this case?",
          "What is your next step?",
          "What will you take away?",
        ],
        noteKind: .action
      ),
    ]
  )
}
