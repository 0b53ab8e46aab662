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
