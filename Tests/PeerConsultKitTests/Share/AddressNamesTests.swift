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

  /// A name of many like words, against first parts of their letters, has more readings
  /// than can be counted; each letter's best reading is found once, so an address costs its
  /// letters times the name's words, a part holding a letter the name does not costs nothing,
  /// and a text has a budget of letters compared, after which its later addresses are not
  /// looked at. A part longer than an address may be is not looked at.
  @Test func aHostileNameOrAddressIsReadInBoundedTime() {
    let names = AddressNames(
      names: Array(
        repeating: (1...12).map { String(repeating: "a", count: $0) }.joined(separator: " "),
        count: 40))
    let other = Array(repeating: String(repeating: "a", count: 63) + "b@x.org", count: 500)
    #expect(names.find(in: other.joined(separator: " ")).isEmpty)
    let theirs = Array(repeating: String(repeating: "a", count: 60) + "@x.org", count: 500)
    let found = names.find(in: theirs.joined(separator: " "))
    #expect(found.count >= 1 && found.count < 10)
    let fitting = String(repeating: "a", count: 16) + "@x.org"
    #expect(names.find(in: fitting).map(\.people.count) == [40])
    let long = String(repeating: "aa.", count: 30) + "aa@x.org"
    #expect(names.find(in: long).isEmpty)
  }
}
