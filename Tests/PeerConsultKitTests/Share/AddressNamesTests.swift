import Testing

@testable import PeerConsultKit

/// ``AddressNames`` on its own: where an address's first part stands, whose name it may be,
/// and how long looking at a hostile one takes.
@Suite struct AddressNamesTests {
  @Test func aPartIsFoundFromItsFirstLetterToItsLastAndSaysWhoItMayBe() {
    let names = AddressNames(names: ["John Smith", "Jane Smith", "Rose Mary Lane"])
    let found = names.find(
      in: "(jsmith2@x.org), <smith.john@x.org>, rosemary@x.org; js@x.org, cllr.jsmith+a@x.org")
    #expect(found.map(\.text) == ["jsmith", "smith.john", "rosemary", "cllr.jsmith"])
    #expect(found.map(\.range) == [1..<7, 18..<28, 37..<45, 63..<74])
    #expect(found.map(\.people) == [[0, 1], [0], [2], [0, 1]])
    #expect(found.map(\.hasInitial) == [true, false, false, true])
    #expect(found.map(\.isWord) == [false, false, true, false])
  }

  /// A name of more words than are read keeps its surname, the last: "mohammedharbi@".
  @Test func aLongNameIsReadWithItsLastWord() {
    let words = (1...19).map { "W" + String(repeating: "x", count: $0) } + ["Harbi"]
    let names = AddressNames(names: ["Mohammed " + words.joined(separator: " ")])
    #expect(names.find(in: "mohammed.harbi@x.org").map(\.people) == [[0]])
  }

  /// What takes the place of the replacer's matches is never less sure than they were: a
  /// certain match inside makes it certain, and one replaced unless kept keeps it replaced.
  @Test func aMatchInPlaceOfOthersIsNeverLessSure() {
    let certain = TermReplacer.Match(
      range: 2..<7, text: "patel", replacement: "[P]", suspicion: nil)
    let guess = TermReplacer.Match(
      range: 0..<7, text: "p.patel", replacement: "[P]", suspicion: .resemblance)
    #expect(AddressNames.merging([guess], into: [certain]).map(\.suspicion) == [nil])
    let ordinary = TermReplacer.Match(
      range: 1..<5, text: "hill", replacement: "[S]", suspicion: .ordinaryWord)
    let inside = TermReplacer.Match(
      range: 0..<5, text: "shill", replacement: "[S]", suspicion: .insideWord)
    #expect(AddressNames.merging([inside], into: [ordinary]).map(\.suspicion) == [.ordinaryWord])
  }

  /// A word of one letter between two others is a middle initial anyone may have; at either
  /// end it is no one's.
  @Test func aMiddleInitialIsAnyonesOnlyInTheMiddle() {
    let names = AddressNames(names: ["Grace Hall", "Sam Hill"])
    #expect(names.find(in: "grace.l.hall@x.org p.l.hill@x.org").map(\.text) == ["grace.l.hall"])
  }

  /// Only an address is looked at: a letter after the "@", then a full stop and a letter.
  @Test func anAtThatSaysAtIsNoAddress() {
    let names = AddressNames(names: ["John Smith"])
    #expect(names.find(in: "jsmith@3pm, jsmith@all, jsmith@ home, jsmith@x., @jsmith.org").isEmpty)
  }

  /// Names of many like words, against first parts of their letters, have more readings than
  /// can be counted. A part holding a letter the names do not costs nothing; the best reading
  /// from each letter with each set of words used is found once; an address has a budget of
  /// letters compared, and a text ten times that, after which its later addresses are left to
  /// the replacer's terms. A part longer than an address may be is not looked at.
  @Test func aHostileNameOrAddressIsReadInBoundedTime() {
    let like = (1...12).map { String(repeating: "a", count: $0) }.joined(separator: " ")
    let names = AddressNames(names: ["John Smith"] + Array(repeating: like, count: 40))
    let other = Array(repeating: String(repeating: "a", count: 63) + "b@x.org", count: 500)
    #expect(names.find(in: (other + ["jsmith@x.org"]).joined(separator: " ")).count == 1)
    let theirs = Array(repeating: String(repeating: "a", count: 60) + "@x.org", count: 500)
    let found = names.find(
      in: (["jsmith@x.org"] + theirs + ["jsmith@x.org"]).joined(separator: " "))
    #expect(found.map(\.text) == ["jsmith"])
    let long = String(repeating: "aa.", count: 30) + "aa@x.org"
    #expect(names.find(in: long).isEmpty)
  }
}
