import Testing

@testable import PeerConsultKit

/// Whom `search --speaker` means: a whole name, or a run of its whole words, compared as the
/// speaker picker compares names.
@Suite struct SpeakerNamesTests {
  let names = [
    "Seán O'Neill", "Anne-Marie Smith-Jones", "黄伟", "Priya Patel", "Priya Shah", "王小明",
    "[Erased person 1]", "Li王", "김민준",
  ]

  @Test func aWholeNameOrARunOfItsWordsNamesThem() {
    #expect(SpeakerNames.matching("sean o’neill", among: names) == ["Seán O'Neill"])
    #expect(SpeakerNames.matching("NEILL", among: names) == ["Seán O'Neill"])
    #expect(SpeakerNames.matching("marie smith", among: names) == ["Anne-Marie Smith-Jones"])
    #expect(SpeakerNames.matching("黃偉", among: names) == ["黄伟"])
    // Written without spaces, each character is a part.
    #expect(SpeakerNames.matching("黃", among: names) == ["黄伟"])
    #expect(SpeakerNames.matching("小明", among: names) == ["王小明"])
    // Letters beside them stay one part; a Korean name's syllables are parts too.
    #expect(SpeakerNames.matching("li", among: names) == ["Li王"])
    #expect(SpeakerNames.matching("i", among: names).isEmpty)
    #expect(SpeakerNames.matching("민준", among: names) == ["김민준"])
    #expect(SpeakerNames.matching("[Erased person 1]", among: names) == ["[Erased person 1]"])
    // A part shared by two names is both of them: each hit names its speaker.
    #expect(SpeakerNames.matching("Priya", among: names) == ["Priya Patel", "Priya Shah"])
  }

  @Test func aPieceOfAWordOrWordsOutOfOrderNameNobody() {
    #expect(SpeakerNames.matching("pat", among: names).isEmpty)
    #expect(SpeakerNames.matching("明小", among: names).isEmpty)
    // An erasure's pseudonym is no one's: its words find nobody.
    #expect(SpeakerNames.matching("person", among: names).isEmpty)
    #expect(SpeakerNames.matching("erased", among: names).isEmpty)
    #expect(SpeakerNames.matching("Patel Priya", among: names).isEmpty)
    #expect(SpeakerNames.matching("  ", among: names).isEmpty)
    #expect(SpeakerNames.matching("Priya Patel Shah", among: names).isEmpty)
  }
}

/// `searchNotes(speaker:)` finds the same notes whichever way it reads them: from the few
/// sessions of a speaker, or by looking at the speaker of each note walked.
@Suite struct SpeakerSearchTests {
  @Test func bothWaysOfFindingASpeakersNotesAgree() throws {
    let store = try StoreFixture()
    for title in ["First", "Second", "Third"] {
      let live = try store.live(Fixtures.setup(title: title))
      try live.start()
      for (speaker, text) in [
        (0, "Asha on licensing"), (1, "Ben on licensing"), (1, "Ben on buses"), (nil, "licensing"),
      ] {
        store.clock.advance(by: 30)
        _ = try live.addNote(.init(text: "\(title): \(text)", kind: .insight, speaker: speaker))
      }
    }
    for (query, order) in [("", NoteSearchOrder.newest), ("licensing", .best), ("licen*", .newest)]
    {
      var found: [[String]] = []
      for sessionsRead in [0, 1_000] {
        let hits = try store.database.searchNotes(
          query, session: nil, programme: nil, kind: nil, speaker: "ben", order: order,
          limit: 50, bound: 200, ranked: 200, speakerSessionsRead: sessionsRead)
        #expect(hits.allSatisfy { $0.speaker == "Ben" }, "\(hits)")
        found.append(hits.map(\.text.text))
      }
      #expect(found[0] == found[1], "\(query): \(found)")
      #expect(found[0].count == (query.isEmpty ? 6 : 3), "\(query): \(found)")
    }
    #expect(throws: StoreError.noSuchPerson("Nobody")) {
      try store.database.searchNotes("licensing", speaker: "Nobody")
    }
  }
}
