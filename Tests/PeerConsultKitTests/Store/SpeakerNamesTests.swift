import Testing

@testable import PeerConsultKit

/// Whom `search --speaker` means: a whole name, or a run of its whole words, compared as the
/// speaker picker compares names.
@Suite struct SpeakerNamesTests {
  let names = ["Seán O'Neill", "Anne-Marie Smith-Jones", "黄伟", "Priya Patel", "Priya Shah"]

  @Test func aWholeNameOrARunOfItsWordsNamesThem() {
    #expect(SpeakerNames.matching("sean o’neill", among: names) == ["Seán O'Neill"])
    #expect(SpeakerNames.matching("NEILL", among: names) == ["Seán O'Neill"])
    #expect(SpeakerNames.matching("marie smith", among: names) == ["Anne-Marie Smith-Jones"])
    #expect(SpeakerNames.matching("黃偉", among: names) == ["黄伟"])
    // A part shared by two names is both of them: each hit names its speaker.
    #expect(SpeakerNames.matching("Priya", among: names) == ["Priya Patel", "Priya Shah"])
  }

  @Test func aPieceOfAWordOrWordsOutOfOrderNameNobody() {
    #expect(SpeakerNames.matching("pat", among: names).isEmpty)
    #expect(SpeakerNames.matching("Patel Priya", among: names).isEmpty)
    #expect(SpeakerNames.matching("  ", among: names).isEmpty)
    #expect(SpeakerNames.matching("Priya Patel Shah", among: names).isEmpty)
  }
}
