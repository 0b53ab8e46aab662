import Testing

@testable import PeerConsultKit

/// ``AddressNames`` on its own: where an address's first part stands, whose name it may be,
/// and how long looking at a hostile one takes.
@Suite struct AddressNamesTests {
  @Test func aPartIsFoundFromItsFirstLetterToItsLastAndSaysWhoItMayBe() {
    let names = AddressNames(names: ["John Smith", "Jane Smith", "Sam Hill"])
    let found = names.find(in: "(jsmith2@x.org), <smith.john@x.org>, shill@x.org; js@x.org")
    #expect(found.map(\.text) == ["jsmith", "smith.john", "shill"])
    #expect(found.map(\.range) == [1..<7, 18..<28, 37..<42])
    #expect(found.map(\.people) == [[0, 1], [0], [2]])
    #expect(found.map(\.hasInitial) == [true, false, true])
    #expect(found.map(\.isWord) == [false, false, true])
  }

  /// Only an address is looked at: a letter after the "@", then a full stop and a letter.
  @Test func anAtThatSaysAtIsNoAddress() {
    let names = AddressNames(names: ["John Smith"])
    #expect(names.find(in: "jsmith@3pm, jsmith@all, jsmith@ home, jsmith@x., @jsmith.org").isEmpty)
  }

  /// A name of eight like words and a first part of their letters has 16^8 readings; each
  /// letter and set of words used is read once, so it answers at once. A part longer than an
  /// address may be is not looked at.
  @Test func aHostileNameOrAddressIsReadInBoundedTime() {
    let names = AddressNames(names: [Array(repeating: "Aa", count: 12).joined(separator: " ")])
    let text = Array(repeating: String(repeating: "a", count: 63) + "b@x.org", count: 50)
      .joined(separator: " ")
    #expect(names.find(in: text).isEmpty)
    let fitting = String(repeating: "a", count: 16) + "@x.org"
    #expect(names.find(in: fitting).map(\.hasInitial) == [false])
    let long = String(repeating: "aa.", count: 30) + "aa@x.org"
    #expect(names.find(in: long).isEmpty)
  }
}
