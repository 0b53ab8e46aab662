import Foundation
import Testing

@testable import PeerConsultKit

@Suite struct AnonymiserTests {
  /// An anonymiser for one session of `participants`.
  private func anonymiser(_ participants: [Participant]) throws -> Anonymiser {
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: participants, presenters: [0])
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    return Anonymiser(records: [try SessionRecord(id: live.id, events: store.events(of: live.id))])
  }

  @Test func pseudonymsAreLetteredInOrderWithTheLevelAndMarked() throws {
    let anonymiser = try anonymiser([ShareFixture.zoe, ShareFixture.sean, ShareFixture.wei])
    #expect(anonymiser.pseudonym(for: ShareFixture.zoe) == "[Participant A, senior]")
    #expect(anonymiser.pseudonym(for: ShareFixture.sean) == "[Participant B, frontline]")
    #expect(anonymiser.pseudonym(for: ShareFixture.wei) == "[Participant C, middle]")
    #expect(anonymiser.organisation("Leeds City Council") == "[Organisation 1]")
    #expect(anonymiser.organisation("west yorkshire POLICE") == "[Organisation 3]")
    #expect(anonymiser.organisation("") == "")
  }

  @Test func lettersRunPastZ() {
    #expect(
      [0, 25, 26, 27, 51, 52, 701, 702].map(Anonymiser.letters) == [
        "A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA",
      ])
  }

  @Test func namesAreFoundWhateverTheirCaseAccentsAndApostrophes() throws {
    let anonymiser = try anonymiser([ShareFixture.zoe, ShareFixture.sean])
    let zoe = "[Participant A, senior]"
    let sean = "[Participant B, frontline]"
    #expect(anonymiser.scrub("Zoë Ångström said") == "\(zoe) said")
    #expect(anonymiser.scrub("zoe angstrom said") == "\(zoe) said")
    #expect(anonymiser.scrub("ask ZOE, or Ångström.") == "ask \(zoe), or \(zoe).")
    // Decomposed accents compare equal to composed ones.
    #expect(anonymiser.scrub("Zoe\u{308} came") == "\(zoe) came")
    #expect(
      anonymiser.scrub("O'Neill, O’Neill, ONeill, oneill") == "\(sean), \(sean), \(sean), \(sean)")
    #expect(anonymiser.scrub("Seán’s team and Sean's") == "\(sean)’s team and \(sean)'s")
  }

  @Test func onlyWholeWordsAreReplaced() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Ben Ash", organisation: "NHS", level: .frontline)
    ])
    #expect(anonymiser.scrub("Benjamin washes ashes in Bend") == "Benjamin washes ashes in Bend")
    #expect(
      anonymiser.scrub("Ben's idea, from ash-trees: ben")
        == "[Participant A, frontline]'s idea, from [Participant A, frontline]-trees: [Participant A, frontline]"
    )
    #expect(
      anonymiser.scrub("nhs and the NHS, not NHSX")
        == "[Organisation 1] and the [Organisation 1], not NHSX")
  }

  @Test func hyphenatedNamesAreReplacedWholeAndInHalves() throws {
    let anonymiser = try anonymiser([ShareFixture.anneMarie])
    let anne = "[Participant A, frontline]"
    #expect(anonymiser.scrub("Anne-Marie Smith-Jones") == anne)
    #expect(anonymiser.scrub("Anne-Marie agreed") == "\(anne) agreed")
    #expect(
      anonymiser.scrub("Marie and Jones and smith-jones") == "\(anne) and \(anne) and \(anne)")
  }

  @Test func chineseJapaneseAndKoreanNamesAreFoundInsideText() throws {
    let anonymiser = try anonymiser([
      ShareFixture.wei, Participant(name: "田中 太郎", organisation: "東京都", level: .senior),
      Participant(name: "김민수", organisation: "", level: .other),
    ])
    #expect(anonymiser.scrub("我和王伟谈过") == "我和[Participant A, middle]谈过")
    #expect(anonymiser.scrub("田中さんと東京都の会議") == "[Participant B, senior]さんと[Organisation 2]の会議")
    #expect(anonymiser.scrub("김민수가 왔다") == "[Participant C, other]가 왔다")
    #expect(anonymiser.scrub("I met 王伟yesterday") == "I met [Participant A, middle]yesterday")
  }

  @Test func initialsAndTitlesAreNotReplacedAloneButGoWithTheName() throws {
    let anonymiser = try anonymiser([
      Participant(name: "J Smith", organisation: "", level: .other), ShareFixture.priya,
    ])
    #expect(anonymiser.scrub("J and K") == "J and K")
    #expect(
      anonymiser.scrub("Dr Who and Dr. Patel and dr priya")
        == "Dr Who and [Participant B, frontline] and [Participant B, frontline]")
    #expect(anonymiser.scrub("Mr Smith") == "[Participant A, other]")
  }

  @Test func aNameShapedLikeTwoPeopleSaysNeither() throws {
    let anonymiser = try anonymiser([
      Participant(name: "Sam Lee", organisation: "A", level: .senior),
      Participant(name: "Sam Hart", organisation: "B", level: .middle),
    ])
    #expect(
      anonymiser.scrub("Sam Lee and Hart") == "[Participant A, senior] and [Participant B, middle]")
    #expect(anonymiser.scrub("Sam said") == "\(Anonymiser.ambiguousName) said")
  }

  @Test func aPersonKeepsTheirPseudonymAcrossSessions() throws {
    let records = try ShareFixture.records()
    let anonymiser = Anonymiser(records: records)
    let anonymised = try records.map(anonymiser.anonymise)
    let zoe = anonymiser.pseudonym(for: ShareFixture.zoe)
    for record in anonymised {
      #expect(record.state.participants.contains { $0.name == zoe })
    }
    // The same name in another organisation is someone else.
    let namesake = Participant(name: "Zoë Ångström", organisation: "Elsewhere", level: .senior)
    #expect(anonymiser.pseudonym(for: namesake) != zoe)
  }

  @Test func anEditThatOnlyChangedANameDisappearsAndTheRecordStillRebuilds() throws {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "T", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
      participants: [ShareFixture.zoe], presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock())
    try live.start()
    let note = try live.addNote(.init(text: "Zoe agreed", kind: .other))
    try live.editNote(note.id, to: .init(text: "Zoë agreed", kind: .other))
    try live.finish()
    let record = try SessionRecord(id: live.id, events: store.events(of: live.id))
    let anonymised = try Anonymiser(records: [record]).anonymise(record)
    #expect(anonymised.events.count == record.events.count - 1)
    #expect(anonymised.events.map(\.sequence) == Array(1...anonymised.events.count))
    #expect(anonymised.state.notes[0].text == "[Participant A, senior] agreed")
    #expect(anonymised.state.notes[0].history.isEmpty)
  }

  @Test func theProtocolFilesPathGoesAndItsTextStays() throws {
    let records = try ShareFixture.records()
    let anonymiser = Anonymiser(records: records)
    let second = try anonymiser.anonymise(records.first { $0.id == ShareFixture.secondID }!)
    #expect(second.state.setup.consultingProtocol.source == .file(path: Anonymiser.removedPath))
    #expect(
      second.state.setup.consultingProtocol.round == ShareFixture.fileProtocol.round)
  }
}
