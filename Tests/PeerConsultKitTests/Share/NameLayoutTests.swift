import Foundation
import Testing

@testable import PeerConsultKit

/// What an attack on the anonymiser found: ordinary words rewritten through a short name's
/// plural, one person's name given another's letter through a first name with an initial,
/// names leaking from numbered addresses, and names written as registers and nicknames write
/// them.
@Suite struct NameLayoutTests {
  private func made(_ names: [String]) throws -> (Anonymiser, [String: String]) {
    let anonymiser = try MentionCorpus.anonymiser(for: names)
    let levels = Level.allCases
    var letters: [String: String] = [:]
    for (index, name) in names.enumerated() {
      letters[name] = anonymiser.pseudonym(
        for: Participant(
          name: name, organisation: "Organisation Number \(index)",
          level: levels[index % levels.count]))
    }
    return (anonymiser, letters)
  }

  /// "times" of Tim, "lies" of Li, "lines" of Lin, "sales" of Sal went out as
  /// "[Participant A]es"; written as a name ("spoke with Wills") the plural is still the name.
  @Test func aShortNamesPluralThatIsAWordIsTheWord() throws {
    let (anonymiser, letters) = try made(["Tim Shaw", "Li Na", "Lin Chen", "Sal Khan"])
    let text = "It happens three times a week, no lies; the lines and sales are up."
    #expect(anonymiser.scrub(text) == text)
    #expect(anonymiser.matches(in: text).isEmpty)
    #expect(
      anonymiser.scrub("I spoke with Tims about it.").hasPrefix(
        "I spoke with \(letters["Tim Shaw"]!)"))
  }

  /// "LiN" of Li Na is Lin Chen's first name, and "AnnE" of Ann Edwards folds to "Anne": both
  /// went out as the wrong person's letter, unlisted. Parts come first, and a first name with
  /// an initial not written as a capital ("Jane" of Jan Evans) is a suspect, listed.
  @Test func aFirstNameWithAnInitialNeverTakesAnothersName() throws {
    let (anonymiser, letters) = try made(["Li Na", "Lin Chen", "Ann Edwards", "Jan Evans"])
    #expect(anonymiser.scrub("Lin will draw it.") == "\(letters["Lin Chen"]!) will draw it.")
    // "LiN" is Lin's name as written before it is a guess at Li Na's initial.
    #expect(
      anonymiser.scrub("Ask LiN and AnnE.")
        == "Ask \(letters["Lin Chen"]!) and \(letters["Ann Edwards"]!).")
    let jane = try #require(anonymiser.matches(in: "Jane will call.").first)
    #expect(jane.text == "Jane" && jane.suspicion == .resemblance)
  }

  /// NHSmail numbers its addresses: "priya.patel2@" went out as "[Participant A].patel2@".
  @Test func aNameNumberedInAnAddressOrAHandleIsReplacedWhole() throws {
    let (anonymiser, letters) = try made(["Priya Patel", "Tom Hughes"])
    let priya = letters["Priya Patel"]!
    let tom = letters["Tom Hughes"]!
    #expect(
      anonymiser.scrub("Email priya.patel2@nhs.net or @priyapatel1, and tomhughes84 or t.hughes2@x")
        == "Email \(priya)2@nhs.net or @\(priya)1, and \(tom)84 or \(tom)2@x")
    // Digits before a name, or letters after the digits, make another word.
    #expect(anonymiser.scrub("Room 2Priya, code Priya2b") == "Room 2Priya, code Priya2b")
  }

  /// "Okafor, Grace" as a register lists her, "Mohammed (Mo) Ali" with the name he goes by,
  /// and a first name or surname that is also a title (Di Evans, Sarah Lord): each such word
  /// went out as written.
  @Test func namesWrittenAsRegistersAndNicknamesAreFound() throws {
    let names = [
      "Okafor, Grace", "Mohammed (Mo) Ali", "Robert “Bobby” Smith", "Di Evans", "Sarah Lord",
    ]
    let (anonymiser, letters) = try made(names)
    #expect(
      anonymiser.scrub("Then Okafor said the hostel is full.")
        == "Then \(letters["Okafor, Grace"]!) said the hostel is full.")
    #expect(anonymiser.scrub("Grace Okafor agreed.") == "\(letters["Okafor, Grace"]!) agreed.")
    #expect(
      anonymiser.scrub("So Mo will ring the mosque.")
        == "So \(letters["Mohammed (Mo) Ali"]!) will ring the mosque.")
    #expect(
      anonymiser.scrub("And Bobby said yes.") == "And \(letters["Robert “Bobby” Smith"]!) said yes."
    )
    #expect(
      anonymiser.scrub("Then Di said she would chase it.")
        == "Then \(letters["Di Evans"]!) said she would chase it.")
    #expect(anonymiser.scrub("But Lord said no.") == "But \(letters["Sarah Lord"]!) said no.")
    // A title before a name is still a title: "DI Evans" is Di Evans with her rank, or
    // someone else's; either way "DI" is no name of its own.
    let (ranked, _) = try made(["DI Karen Walsh"])
    #expect(ranked.scrub("The DI was there.") == "The DI was there.")
  }
}
