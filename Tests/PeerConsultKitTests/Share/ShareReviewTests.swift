import Foundation
import Testing

@testable import PeerConsultKit

/// The review before sharing: every replacement and every suspect, and the facilitator's
/// choices, saved as events, repeated by the next export.
@Suite struct ShareReviewTests {
  static let will = Participant(name: "Will Bishop", organisation: "Exeter Trust", level: .senior)
  static let li = Participant(name: "李 静", organisation: "Torbay Council", level: .middle)
  static let muller = Participant(name: "Anna Müller", organisation: "Probation", level: .other)

  private func session() throws -> (AppDatabase, LiveSession) {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "Night hub", programme: "Safer Streets",
      consultingProtocol: Fixtures.consultingProtocol,
      participants: [Self.will, Self.li, Self.muller],
      presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock(Fixtures.start))
    try live.start()
    for text in [
      "Will said the Bishop of Plymouth agreed.", "会议很安静。", "Ask Mueller and Jonathan Okonkwo.",
      "Will Bishop and will bishop again.", "We meet again on Friday, not in January; ask April.",
    ] {
      try live.addNote(.init(text: text, kind: .insight))
    }
    return (store, live)
  }

  /// A session of Will Bishop and 李 静, started, with no notes yet.
  private func started() throws -> (AppDatabase, LiveSession) {
    let store = try AppDatabase.inMemory()
    let setup = SessionSetup(
      title: "Night hub", programme: "Safer Streets",
      consultingProtocol: Fixtures.consultingProtocol, participants: [Self.will, Self.li],
      presenters: [0])
    let live = try LiveSession.create(
      setup, id: ShareFixture.firstID, store: store, clock: ManualClock(Fixtures.start))
    try live.start()
    return (store, live)
  }

  private func record(_ store: AppDatabase) throws -> SessionRecord {
    try SessionRecord(id: ShareFixture.firstID, events: store.events(of: ShareFixture.firstID))
  }

  @Test func listsReplacementsWithContextAndEverySuspect() throws {
    let (store, _) = try session()
    let review = ShareReview(records: [try record(store)])
    let names = review.replacements.map { "\($0.text)×\($0.count)" }
    // The whole name in lower case ("will bishop") is a suspect: ordinary words, replaced.
    #expect(names == ["Will Bishop×1"])
    let suspects = review.suspects.map { "\($0.kind.rawValue):\($0.text)" }
    #expect(
      suspects == [
        "ordinaryWord:Will", "ordinaryWord:Bishop", "unknownName:Plymouth", "insideWord:静",
        "resemblance:Mueller", "unknownName:Jonathan Okonkwo", "ordinaryWord:will bishop",
        "unknownName:April",
      ])
    let bishop = try #require(review.suspects.first { $0.text == "Bishop" })
    #expect(bishop.context == "Will said the Bishop of Plymouth agreed.")
    #expect(bishop.isReplaced && bishop.isUnresolved)
    let mueller = try #require(review.suspects.first { $0.text == "Mueller" })
    #expect(mueller.replacement == "[Participant C]" && mueller.isReplaced)
    #expect(review.suspects.first { $0.text == "Plymouth" }?.isReplaced == false)
    #expect(review.suspects.first { $0.text == "will bishop" }?.isReplaced == true)
    #expect(review.unresolved.count == 8)
  }

  /// Grammar capitalises nothing after a colon or a semicolon: a capitalised word there that
  /// is no English word is listed, where before "Mensah" and "Oduya" went out unlisted.
  @Test func aNameAfterAColonOrASemicolonIsASuspect() throws {
    let (store, live) = try started()
    for text in [
      "Late again, Kofi said; Mensah agreed: Oduya will chair.",
      "Insight: Licensing is late. Mostly agreed; Trust is low.",
    ] {
      try live.addNote(.init(text: text, kind: .insight))
    }
    let review = ShareReview(records: [try record(store)])
    #expect(
      review.suspects.map { "\($0.kind.rawValue):\($0.text)" } == [
        "unknownName:Kofi", "unknownName:Mensah", "unknownName:Oduya",
      ])
  }

  @Test func choicesAreSavedAsEventsAndRepeatedByTheNextExport() throws {
    let (store, live) = try session()
    try live.chooseForSharing("bishop", replace: false)
    try live.chooseForSharing("Okonkwo", replace: true)
    try live.chooseForSharing("静", replace: true)
    // Choosing the same again records nothing.
    try live.chooseForSharing("Bishop", replace: false)
    let record = try record(store)
    #expect(
      record.events.suffix(3).map(\.event.type) == [.shareChoice, .shareChoice, .shareChoice])
    let review = ShareReview(records: [record])
    #expect(review.suspects.first { $0.text == "Bishop" }?.choice == false)
    #expect(
      review.unresolved.map(\.text) == [
        "Will", "Plymouth", "Mueller", "Jonathan", "will bishop", "April",
      ])
    let anonymiser = Anonymiser(records: [record])
    #expect(
      anonymiser.scrub("Will said the Bishop of Plymouth agreed.")
        == "[Participant A] said the Bishop of Plymouth agreed.")
    #expect(anonymiser.scrub("会议很安静。") == "会议很安[Participant B]。")
    #expect(
      anonymiser.scrub("Ask Mueller and Jonathan Okonkwo.")
        == "Ask [Participant C] and Jonathan [a person].")
    let markdown = try SessionExport.render(
      [record], as: .markdown, options: ShareFixture.anonymisedUTC)
    #expect(markdown.contains("the Bishop of Plymouth"))
    #expect(!markdown.contains("Okonkwo") && !markdown.contains("Mueller"))
  }

  /// A first name before the surname of someone who was not there is listed with it ("Tom
  /// Hughes"), even where it is an English word ("tom"), and replacing the name replaces it
  /// whole, in an address too: replacing "Hughes" alone left "Tom [a person]" and
  /// "tom.[a person]@". Languages and the rule the group meets under are no names.
  @Test func aFirstNameIsListedWithTheSurnameAndReplacedWithIt() throws {
    let (store, live) = try started()
    let text =
      "Ask her manager; Tom Hughes chairs licensing (tom.hughes@city.gov.uk). Notes in Arabic "
      + "and Chinese, under the Chatham House Rule."
    try live.addNote(.init(text: text, kind: .insight))
    let review = ShareReview(records: [try record(store)])
    #expect(review.suspects.map { "\($0.kind.rawValue):\($0.text)" } == ["unknownName:Tom Hughes"])
    #expect(review.suspects.first?.isReplaced == false)
    try live.chooseForSharing("Tom Hughes", replace: true)
    let anonymiser = Anonymiser(records: [try record(store)])
    #expect(
      anonymiser.scrub(text)
        == "Ask her manager; [a person] chairs licensing ([a person]@city.gov.uk). Notes in "
        + "Arabic and Chinese, under the Chatham House Rule.")
    // A capitalised word beginning a sentence is no first name: "Ask" stays. One that is no
    // English word is ("Sarah Jenkins called.").
    #expect(anonymiser.scrub("Ask Hughes.") == "Ask [a person].")
    // "Tom" is a word: another Tom keeps his name; a surname kept by choice stays kept.
    #expect(anonymiser.scrub("Tom Baker came") == "Tom Baker came")
    try live.chooseForSharing("Hughes", replace: false)
    #expect(Anonymiser(records: [try record(store)]).scrub("Ask Hughes.") == "Ask Hughes.")
    try live.addNote(.init(text: "Sarah Jenkins called. Ask Hughes.", kind: .insight))
    let again = ShareReview(records: [try record(store)])
    #expect(again.suspects.map(\.text).contains("Sarah Jenkins"))
    #expect(!again.suspects.map(\.text).contains("Ask Hughes"))
  }
}
