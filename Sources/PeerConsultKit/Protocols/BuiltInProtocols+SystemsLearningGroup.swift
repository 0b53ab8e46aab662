extension BuiltInProtocols {
  /// PeerConsult's default: a Systems Learning Group, built on the four practices such groups
  /// develop. No published minute-by-minute version exists, so this one is ours.
  public static let systemsLearningGroup = ConsultingProtocol(
    id: "slg",
    name: "Systems Learning Group",
    description: """
      Peers from across a system (different organisations, and senior, middle and frontline \
      levels) take turns to bring a real challenge they face in leading on an issue they share \
      but no one owns. The group practises making connections, asking powerful questions, \
      sense-making, and giving and receiving feedback, and notes themes, what works well, \
      blockages and actions for the wider leadership community.
      """,
    opening: [
      Phase(
        name: "Check-in",
        durationSeconds: 10 * 60,
        speaker: .everyone,
        guidance: """
          Go round the group: each person gives their name, role and organisation and says what \
          is on their mind today. Then agree the ground rules, confidentiality first: what is said \
          may be used, but not who said it. Agree who presents and in what order.
          """,
        rules: [
          "One person speaks at a time; everyone gets a turn",
          "What is said may be used, but not who said it (Chatham House Rule)",
          "Everyone takes part as a peer, whatever their place in their own hierarchy",
        ],
        prompts: [
          "What is on your mind as you arrive?",
          "What has moved on the issue we share since we last met?",
          "What do you need from this group to speak openly?",
          "Which ground rules do we want to keep today?",
        ],
        noteKind: .other
      )
    ],
    round: [
      Phase(
        name: "Presenting a challenge",
        durationSeconds: 10 * 60,
        speaker: .presenter,
        guidance: """
          The presenter describes a real challenge they face in leading on the shared issue: what \
          is happening, who is involved, what they have tried and what help they want. Protect \
          them from interruptions and keep time. Close by asking for the question they want the \
          group to work on.
          """,
        rules: [
          "The presenter speaks without interruption",
          "The group listens and writes down questions for the next phase; no comments yet",
        ],
        prompts: [
          "What is the challenge, in a sentence?",
          "Who is involved, and who owns a piece of it?",
          "What have you already tried?",
          "What would you like from the group today?",
        ],
        noteKind: .other
      ),
      Phase(
        name: "Powerful questions",
        durationSeconds: 15 * 60,
        speaker: .group,
        guidance: """
          The group asks open questions that help the presenter think, and the presenter answers. \
          A few short clarifying questions can come first; then move to questions with many \
          possible answers. \(adviceInDisguiseGuidance)
          """,
        rules: [
          "Questions only: no advice, no suggestions, no stories of your own",
          "Open questions with many possible answers, not yes or no",
          "The presenter answers; the group does not discuss the answers yet",
        ],
        prompts: probingPrompts,
        noteKind: .question
      ),
      Phase(
        name: "Sense-making",
        durationSeconds: 15 * 60,
        speaker: .group,
        guidance: """
          The group thinks aloud together about what it heard: patterns, assumptions, and how this \
          challenge connects to the wider system and to other members' work. The presenter sits \
          back, listens and takes notes. Note themes that may recur across presenters; they feed \
          the harvest.
          """,
        rules: [
          "The presenter listens in silence and takes notes",
          "Talk with each other about the challenge, not to the presenter",
          "Offer possibilities and connections, not instructions",
        ],
        prompts: discussionPrompts,
        noteKind: .insight
      ),
      Phase(
        name: "Feedback",
        durationSeconds: 10 * 60,
        speaker: .everyone,
        guidance: """
          The presenter comes back in first: what was most useful, and one action they commit to \
          (note it as an action). Then peers give brief feedback on how the group worked for this \
          presenter: warm (what worked) and cool, phrased as wondering.
          """,
        rules: [
          "The presenter speaks first: what was most useful and a next action",
          "Warm feedback says what worked; cool feedback starts \"I wonder if…\"",
          "Feedback is about the work and how we worked, not about the person",
        ],
        prompts: [
          "What was most useful to you?",
          "What will you do next, and by when?",
          "What works is…",
          "I wonder if…",
        ],
        noteKind: .feedback
      ),
    ],
    closing: [
      Phase(
        name: "Process review",
        durationSeconds: 10 * 60,
        speaker: .everyone,
        guidance: """
          Step back from the individual challenges to review the group itself and what it learned \
          about leading as a system. Ask what helped and what got in the way, and note what works \
          well, blockages, and themes worth sharing with the wider leadership community without \
          names. Agree any changes for next time.
          """,
        rules: [
          "Talk about the process and the system, not about one person's challenge",
          "Nothing is shared outside with a name attached",
          "Everyone speaks before the group agrees changes",
        ],
        prompts: [
          "What did we learn today about leading as a system?",
          "What helped us work well together?",
          "What got in the way?",
          "Which themes keep coming up across our challenges?",
          "What should we share with the wider leadership community?",
          "What will we do differently next time?",
        ],
        noteKind: .other
      )
    ]
  )
}
